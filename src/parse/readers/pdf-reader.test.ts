import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { degrees, PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { readPdf } from './pdf-reader.js';
import { readDocument } from './read-document.js';
import { ReadError } from './text-layer.js';

interface Text {
  text: string;
  x: number;
  y: number;
  size?: number;
  bold?: boolean;
}

interface PageSpec {
  texts: Text[];
  rotate?: number;
}

/** A PDF of A4 pages with Helvetica text placed at the given points (PDF coordinates, y from the bottom). */
async function makePdf(pages: readonly (Text[] | PageSpec)[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const spec of pages) {
    const { texts, rotate } = Array.isArray(spec) ? { texts: spec, rotate: 0 } : spec;
    const page = doc.addPage([595, 842]);
    if (rotate) page.setRotation(degrees(rotate));
    for (const t of texts)
      page.drawText(t.text, { x: t.x, y: t.y, size: t.size ?? 11, font: t.bold ? bold : regular });
  }
  return doc.save();
}

/** Lines of text down a column from y, 14 units apart. */
function column(lines: readonly string[], x: number, y: number, bold = false): Text[] {
  return lines.map((text, i) => ({ text, x, y: y - i * 14, bold }));
}

const LEFT = [
  'Kaupunginhallitus päätti yksimielisesti',
  'hyväksyä esityksen muutoksitta ja',
  'merkitä tiedoksi selvityksen, jonka',
  'kaupunginjohtaja oli laatinut asiasta',
  'kokouksen alussa esitetyn mukaisesti.',
  'Päätös on voimassa heti ja sitä',
];
const RIGHT = [
  'Oikaisuvaatimuksen saa tehdä se, johon',
  'päätös on kohdistettu tai jonka oikeuteen',
  'velvollisuuteen tai etuun päätös',
  'välittömästi vaikuttaa sekä kunnan',
  'jäsen. Oikaisuvaatimus tehdään 14',
  'päivän kuluessa tiedoksisaannista.',
];

describe('readPdf', () => {
  it('reads a two-column page left column first, under its full-width title', async () => {
    const bytes = await makePdf([
      [
        { text: 'Kokouksen pöytäkirja', x: 200, y: 780, size: 16, bold: true },
        ...column(LEFT, 50, 730),
        ...column(RIGHT, 310, 730),
      ],
    ]);
    const layer = await readPdf(bytes);
    assert.equal(layer.text, ['**Kokouksen pöytäkirja**', '', ...LEFT, '', ...RIGHT].join('\n'));
    assert.equal(layer.pages, 1);
  });

  it('removes a running header after its first occurrence and page-number footers', async () => {
    const pages = [1, 2, 3].map((n) => [
      { text: 'Oulun kaupunki', x: 50, y: 800 },
      { text: `Pöytäkirja 3/2017  ${n} (3)`, x: 380, y: 800 },
      ...column([`Sivun ${n} teksti jatkuu`, `ja päättyy sivulla ${n}.`], 50, 700),
      { text: n === 2 ? `- ${n} -` : `Sivu ${n} / 3`, x: 280, y: 30 },
    ]);
    const layer = await readDocument(await makePdf(pages), 'poytakirja.pdf');
    assert.equal(layer.reader, 'pdf');
    assert.equal(layer.pages, 3);
    assert.equal(layer.encoding, null);
    assert.equal(
      layer.text,
      [
        'Oulun kaupunki\tPöytäkirja 3/2017 1 (3)',
        '',
        'Sivun 1 teksti jatkuu',
        'ja päättyy sivulla 1.',
        'Sivun 2 teksti jatkuu',
        'ja päättyy sivulla 2.',
        'Sivun 3 teksti jatkuu',
        'ja päättyy sivulla 3.',
      ].join('\n'),
    );
  });

  it('joins words hyphenated at line ends, keeping compound hyphens', async () => {
    const lines = [
      'Asian valmis-',
      'telu aloitettiin sote- ja',
      'maakuntauudistuksen jälkeen Pohjois-',
      'Pohjanmaalla ja EU-',
      'hankkeen linja-',
      'autoliikenteessä.',
    ];
    const layer = await readPdf(await makePdf([column(lines, 50, 700)]));
    assert.equal(
      layer.text,
      'Asian valmistelu\naloitettiin sote- ja\nmaakuntauudistuksen jälkeen Pohjois-Pohjanmaalla\nja EU-hankkeen\nlinja-autoliikenteessä.',
    );
  });

  it('marks bold text with ** and separates paragraphs by their vertical gap', async () => {
    const texts = [
      ...column(['Esittelijän ehdotus hyväksyä', 'talousarvio sellaisenaan.'], 50, 700),
      { text: 'Päätös:', x: 50, y: 650, bold: true },
      { text: 'Hyväksyttiin.', x: 95, y: 650 },
      { text: 'Kokonaan lihavoitu rivi', x: 50, y: 636, bold: true },
    ];
    const layer = await readPdf(await makePdf([texts]));
    assert.equal(
      layer.text,
      'Esittelijän ehdotus hyväksyä\ntalousarvio sellaisenaan.\n\n**Päätös:** Hyväksyttiin.\n**Kokonaan lihavoitu rivi**',
    );
  });

  it('puts labels and their values on one line, separated by a tab, and mends a wrapped label', async () => {
    const texts = [
      { text: 'Dno', x: 57, y: 700, bold: true },
      { text: 'OUKA/1472/02.02.02/2017', x: 187, y: 700 },
      { text: 'Täytäntöönpano-', x: 57, y: 673, bold: true },
      { text: 'Asia tiedoksi kaupunginvaltuustoon', x: 187, y: 673 },
      { text: 'tiedot', x: 57, y: 660, bold: true },
      { text: 'Ote: hallintokunnat', x: 187, y: 660 },
      { text: '-', x: 57, y: 633 },
      { text: 'Ensimmäinen liite', x: 122, y: 633 },
    ];
    const layer = await readPdf(await makePdf([texts]));
    assert.equal(
      layer.text,
      '**Dno**\tOUKA/1472/02.02.02/2017\n\n**Täytäntöönpanotiedot**\tAsia tiedoksi kaupunginvaltuustoon\nOte: hallintokunnat\n\n- Ensimmäinen liite',
    );
  });

  it('reads table rows as tab-separated cells', async () => {
    const row = (y: number, cells: string[]): Text[] =>
      cells.map((text, i) => ({ text, x: [57, 250, 330, 410][i]!, y, size: 9 }));
    const layer = await readPdf(
      await makePdf([
        [
          ...row(700, ['Lautakunta', 'TA 2016', 'TP 2016', 'Erotus']),
          ...row(688, ['Hyvinvointi', '-607 350', '-622 085', '3 631']),
        ],
      ]),
    );
    assert.equal(layer.text, 'Lautakunta\tTA 2016\tTP 2016\tErotus\nHyvinvointi\t-607 350\t-622 085\t3 631');
  });

  it('reads a page with /Rotate in its upright reading order', async () => {
    const layer = await readPdf(
      await makePdf([{ texts: column(['Ensimmäinen rivi', 'Toinen rivi'], 50, 700), rotate: 90 }]),
    );
    assert.equal(layer.text, 'Ensimmäinen rivi\nToinen rivi');
  });

  it('refuses an encrypted PDF with ENCRYPTED_PDF', async () => {
    const doc = await PDFDocument.create();
    doc
      .addPage([595, 842])
      .drawText('Salainen', { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
    const hex = (byte: string, n: number): PDFHexString => PDFHexString.of(byte.repeat(n));
    const encrypt = doc.context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      Length: 40,
      P: -44,
      O: hex('11', 32),
      U: hex('22', 32),
    });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([hex('33', 16), hex('33', 16)]);
    const bytes = await doc.save({ useObjectStreams: false });
    await assert.rejects(
      readPdf(bytes),
      (error) => error instanceof ReadError && error.code === 'ENCRYPTED_PDF',
    );
  });

  it('refuses a truncated PDF with CORRUPT_PDF', async () => {
    const bytes = await makePdf([column(['Pöytäkirja, joka katkeaa kesken'], 50, 700)]);
    await assert.rejects(
      readDocument(bytes.slice(0, bytes.length >> 1), 'katkennut.pdf'),
      (error) => error instanceof ReadError && error.code === 'CORRUPT_PDF',
    );
  });

  it('refuses a PDF without text (a scan) with NO_TEXT', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    await assert.rejects(
      readPdf(await doc.save()),
      (error) => error instanceof ReadError && error.code === 'NO_TEXT',
    );
  });
});
