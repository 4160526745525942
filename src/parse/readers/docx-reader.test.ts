import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { readDocument } from './read-document.js';
import { readDocx } from './docx-reader.js';
import { ReadError } from './text-layer.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function paragraph(...runs: string[]): string {
  return `<w:p>${runs.join('')}</w:p>`;
}

function run(text: string, bold = false): string {
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}

function cell(...paragraphs: string[]): string {
  return `<w:tc>${paragraphs.join('')}</w:tc>`;
}

/** A minimal DOCX: content types, the package relationship and one document part with the given body. */
async function makeDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('readDocx', () => {
  it('reads paragraphs, bold runs and a table with tab-separated cells', async () => {
    const bytes = await makeDocx(
      paragraph(run('Kaupunginhallitus 20.3.2017')) +
        paragraph(run('Päätös:', true), run(' Hyväksyttiin esitys.')) +
        `<w:tbl>` +
        `<w:tr>${cell(paragraph(run('Dno', true)))}${cell(paragraph(run('OUKA/1444/10.00.02.02/2017')))}</w:tr>` +
        `<w:tr>${cell(paragraph(run('Nimi')))}${cell(paragraph(run('Matti')), paragraph(run('Meikäläinen')))}${cell(paragraph(run('jäsen')))}</w:tr>` +
        `</w:tbl>`,
    );
    const layer = await readDocx(bytes);
    assert.equal(layer.reader, 'docx');
    assert.equal(
      layer.text,
      [
        'Kaupunginhallitus 20.3.2017',
        '',
        '**Päätös:** Hyväksyttiin esitys.',
        '',
        '**Dno**\tOUKA/1444/10.00.02.02/2017',
        'Nimi\tMatti Meikäläinen\tjäsen',
      ].join('\n'),
    );
  });

  it('keeps a label beside the first line of a value of several paragraphs, and mends a wrapped label', async () => {
    const bytes = await makeDocx(
      `<w:tbl><w:tr>${cell(paragraph(run('Täytäntöönpano-', true)), paragraph(run('tiedot', true)))}` +
        `${cell(paragraph(run('Oikaisuvaatimus')), paragraph(run('- Ote: hakijalle')))}</w:tr></w:tbl>`,
    );
    assert.equal((await readDocx(bytes)).text, '**Täytäntöönpanotiedot**\tOikaisuvaatimus\n- Ote: hakijalle');
  });

  it('is recognised by its content whatever the file is called', async () => {
    const bytes = await makeDocx(paragraph(run('Pöytäkirja')));
    const layer = await readDocument(bytes, 'liite.bin');
    assert.equal(layer.reader, 'docx');
    assert.equal(layer.text, 'Pöytäkirja');
    assert.equal(layer.encoding, null);
    assert.equal(layer.pages, null);
  });

  it('refuses a damaged DOCX with CORRUPT_DOCX', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', CONTENT_TYPES);
    zip.file('_rels/.rels', RELS);
    zip.file('word/document.xml', '<w:document><w:body><w:p>katkennut');
    const broken = await zip.generateAsync({ type: 'uint8array' });
    await assert.rejects(
      readDocx(broken),
      (error) => error instanceof ReadError && error.code === 'CORRUPT_DOCX',
    );
    const good = await makeDocx(paragraph(run('Pöytäkirja')));
    await assert.rejects(
      readDocument(good.slice(0, good.length - 40), 'poytakirja.docx'),
      (error) => error instanceof ReadError && error.code === 'CORRUPT_DOCX',
    );
  });
});
