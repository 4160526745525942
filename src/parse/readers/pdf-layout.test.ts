import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideLineEndHyphen } from './hyphenation.js';
import { splitColumns } from './pdf-columns.js';
import type { PdfItem, PdfPageItems } from './pdf-geometry.js';
import { assemblePdfText } from './pdf-text-assembler.js';

/** An item of 10-unit text whose width is about half an em per character. */
function item(text: string, x: number, y: number, bold = false): PdfItem {
  return { text, x, y, width: text.length * 5, size: 10, bold };
}

function page(items: PdfItem[]): PdfPageItems {
  return { box: { left: 0, top: 0, right: 595, bottom: 842 }, items };
}

describe('decideLineEndHyphen', () => {
  it('drops a hyphenation hyphen and keeps the hyphens of compounds', () => {
    assert.equal(decideLineEndHyphen('valmis', 'teluun'), 'drop');
    assert.equal(decideLineEndHyphen('Pohjois', 'Pohjanmaa'), 'keep');
    assert.equal(decideLineEndHyphen('EU', 'hanke'), 'keep');
    assert.equal(decideLineEndHyphen('2016', '2017'), 'keep');
    assert.equal(decideLineEndHyphen('linja', 'auto'), 'keep');
    assert.equal(decideLineEndHyphen('sote', 'ja'), 'separate');
    assert.equal(decideLineEndHyphen('social', 'och'), 'separate');
  });
});

describe('splitColumns', () => {
  it('does not split a wide numeric table at its gaps', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      item(`Rivi ${i}`, 50, 100 + i * 12),
      item('-1 234', 200, 100 + i * 12),
      item('5 678', 260, 100 + i * 12),
      item('-9 012', 380, 100 + i * 12),
      item('345', 450, 100 + i * 12),
    ]);
    assert.equal(splitColumns(rows.flat()).length, 1);
  });

  it('does not split a label column from its values', () => {
    const items = Array.from({ length: 10 }, (_, i) => [
      item('Päätösesitys', 50, 100 + i * 30),
      item('Kaupunginhallitus päättää hyväksyä esityksen kokonaisuudessaan', 190, 100 + i * 30),
      item('ja merkitä selvityksen tiedoksi sekä lähettää sen eteenpäin', 190, 112 + i * 30),
    ]);
    assert.equal(splitColumns(items.flat()).length, 1);
  });
});

describe('assemblePdfText', () => {
  it('keeps footers out and a header once across pages, by text with digits masked', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page([
        item(`KOKOUSPÖYTÄKIRJA ${n}/2024`, 50, 40),
        item(`Rivi sivulla ${n}`, 50, 200),
        item(`Kunnanhallitus ${10 + n}.1.2024`, 50, 800),
      ]),
    );
    assert.equal(
      assemblePdfText(pages),
      'KOKOUSPÖYTÄKIRJA 1/2024\n\nRivi sivulla 1\nRivi sivulla 2\nRivi sivulla 3\nRivi sivulla 4',
    );
  });

  it('removes bare page numbers at the top or bottom of a page, and the page number of a kept header', () => {
    const forms = ['3', '- 3 -', '3 (12)', 'Sivu 3 / 12', 'sida 3', 'Page 3 of 12', '3/12'];
    for (const form of forms) {
      const text = assemblePdfText([page([item('Teksti', 50, 200), item(form, 280, 820)])]);
      assert.equal(text, 'Teksti', form);
    }
    const pages = [1, 2].map((n) =>
      page([item('Kunnanhallitus', 50, 40), item(`${n} (2)`, 500, 40), item(`Teksti ${n}`, 50, 200)]),
    );
    assert.equal(assemblePdfText(pages), 'Kunnanhallitus\n\nTeksti 1\nTeksti 2');
  });

  it('keeps a line in the margin zone that does not repeat', () => {
    const pages = [
      page([item('Ainutkertainen otsikko', 50, 40), item('Teksti', 50, 200)]),
      page([item('Teksti 2', 50, 200)]),
    ];
    assert.equal(assemblePdfText(pages), 'Ainutkertainen otsikko\n\nTeksti\nTeksti 2');
  });

  it('does not mark bold when nearly everything is bold', () => {
    const items = [
      item('Koko', 50, 100, true),
      item('teksti', 50, 112, true),
      item('lihavoitu', 50, 124, true),
    ];
    assert.equal(assemblePdfText([page(items)]), 'Koko\nteksti\nlihavoitu');
  });
});
