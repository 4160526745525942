import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readText } from './text-reader.js';
import { decodeText } from './text-decoder.js';
import { normalizeText } from './text-normalizer.js';

const FINNISH = 'Päätös: hyväksyttiin. Åbo stad – Öljyä ja ÄÄNESTYS';

function utf16(text: string, encoding: 'utf-16le' | 'utf-16be'): Uint8Array {
  const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array([...bom, ...iconv.encode(text, encoding)]);
}

describe('readText encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    const layer = readText(new TextEncoder().encode(FINNISH));
    assert.equal(layer.text, FINNISH);
    assert.equal(layer.encoding, 'utf-8');
    assert.equal(layer.reader, 'text');
    assert.equal(layer.pages, null);
  });

  it('reads UTF-8 with a BOM, dropping the BOM', () => {
    const layer = readText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FINNISH)]));
    assert.equal(layer.text, FINNISH);
    assert.equal(layer.encoding, 'utf-8');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const layer = readText(utf16(FINNISH, encoding));
      assert.equal(layer.text, FINNISH);
      assert.equal(layer.encoding, encoding);
    }
  });

  it('reads UTF-16 LE without a BOM', () => {
    const layer = readText(
      new Uint8Array(iconv.encode('Kokous alkoi klo 18.00. Päätös tehtiin.', 'utf-16le')),
    );
    assert.equal(layer.text, 'Kokous alkoi klo 18.00. Päätös tehtiin.');
    assert.equal(layer.encoding, 'utf-16le');
  });

  it('reads Windows-1252 Finnish and Swedish with ä, ö and å right', () => {
    const layer = readText(new Uint8Array(iconv.encode('Päätös: hyväksyttiin. Åbo stad', 'windows-1252')));
    assert.equal(layer.text, 'Päätös: hyväksyttiin. Åbo stad');
    assert.equal(layer.encoding, 'windows-1252');
    assert.equal(layer.diagnostics[0]?.code, 'ENCODING_GUESSED');
  });

  it('reads Windows-1252 typographic characters (€, –, ”)', () => {
    const text = 'Hinta 500 000 € – ”ehdotus” hyväksyttiin';
    assert.equal(readText(new Uint8Array(iconv.encode(text, 'windows-1252'))).text, text);
  });

  it('reads DOS code page 850 when its letters make sense and 1252 would not', () => {
    const text = 'Kunnanhallituksen päätös: ääni- ja öljylämmitys, Åbo';
    assert.equal(readText(new Uint8Array(iconv.encode(text, 'cp850'))).text, text);
  });

  it('repairs UTF-8 that was decoded as Windows-1252 and encoded again', () => {
    const mojibake = iconv.decode(Buffer.from(FINNISH, 'utf-8'), 'windows-1252');
    assert.match(mojibake, /PÃ¤Ã¤tÃ¶s/);
    const layer = readText(new TextEncoder().encode(mojibake));
    assert.equal(layer.text, FINNISH);
    assert.equal(layer.diagnostics[0]?.code, 'MOJIBAKE_REPAIRED');
  });

  it('leaves genuine text with Ã alone', () => {
    const text = 'São Paulo ja Ãngström (sic) – päätös';
    assert.equal(readText(new TextEncoder().encode(text)).text, text);
  });

  it('reads UTF-8 with a few stray Windows-1252 bytes', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Päätös tehtiin. Äänestys: '),
      ...iconv.encode('hyväksyttiin', 'windows-1252'),
    ]);
    const layer = readText(bytes);
    assert.equal(layer.text, 'Päätös tehtiin. Äänestys: hyväksyttiin');
    assert.equal(layer.diagnostics[0]?.code, 'MIXED_ENCODING');
  });

  it('reads Windows-1252 that happens to be valid UTF-8 (Ä§ is C4 A7, UTF-8 for ħ)', () => {
    const layer = readText(new Uint8Array(iconv.encode('Ä§ 12', 'windows-1252')));
    assert.equal(layer.text, 'Ä§ 12');
    assert.equal(layer.encoding, 'windows-1252');
  });

  it('decodes any Finnish or Swedish text written in Windows-1252', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyzäöåÄÖÅéü .,:;§-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 200 }), (chars) => {
        const text = chars.join('');
        const layer = readText(new Uint8Array(iconv.encode(text, 'windows-1252')));
        assert.equal(layer.text, normalizeText(text));
      }),
    );
  });

  it('never "repairs" genuine UTF-8 Finnish and Swedish text', () => {
    const chars = [...'abcdefghijklmnopqrstuvwxyzäöåÄÖÅéü .,:;§-–”’€…«»½'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 200 }), (picked) => {
        const text = picked.join('');
        assert.equal(readText(new TextEncoder().encode(text)).text, normalizeText(text));
      }),
    );
  });
});

describe('normalizeText', () => {
  it('applies the text-layer conventions', () => {
    const raw = 'Otsikko  \r\nrivi\u00ADtetty\u00A0sana\r\rloppu\n\n\n\nuusi kappale\t\n';
    assert.equal(normalizeText(raw), 'Otsikko\nrivitetty sana\n\nloppu\n\nuusi kappale');
  });

  it('composes to NFC', () => {
    assert.equal(normalizeText('Pa\u0308a\u0308to\u0308s'), 'Päätös');
  });

  it('keeps tabs between cells and bold markers', () => {
    assert.equal(normalizeText('**Päätös**\tHyväksyttiin\n'), '**Päätös**\tHyväksyttiin');
  });

  it('removes invisible and control characters', () => {
    assert.equal(normalizeText('a\u200Bb\uFEFFc\u0000d\u0007e\ff'), 'abcde\nf');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        const once = normalizeText(text);
        assert.equal(normalizeText(once), once);
      }),
    );
  });

  it('reads UTF-8 the same whether the scan for rare characters and mojibake is skipped or not', () => {
    const piece = fc.constantFrom(
      ...[
        'a',
        'Ä',
        'ö',
        'å',
        '§',
        '–',
        '”',
        '€',
        '➤',
        '\n',
        '\t',
        '  ',
        '\r\n',
        '\u00A0',
        '\u00AD',
        '\u0085',
      ],
      ...['\u2000', '\u200B', '\u2028', '\u202F', '\u205F', '\u2060', '\u3000', '\uFEFF', '\u0007', '\u007F'],
      ...['Ã¤', 'Ã¶', 'Ã–', 'â€“', 'a\u0308'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const bytes = new TextEncoder().encode(pieces.join(''));
        const decoded = decodeText(bytes);
        assert.equal(readText(bytes).text, normalizeText(decoded.text));
      }),
    );
  });
});
