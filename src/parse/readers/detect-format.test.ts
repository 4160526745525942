import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import JSZip from 'jszip';
import { detectFormat, MAX_INPUT_BYTES } from './detect-format.js';
import { ReadError, type ReadErrorCode } from './text-layer.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function assertReadError(action: () => unknown, code: ReadErrorCode): void {
  assert.throws(action, (error) => error instanceof ReadError && error.code === code);
}

async function makeZip(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Deterministic pseudo-random bytes, like a compressed or encrypted file. */
function makeJunk(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('detectFormat', () => {
  it('knows a PDF by its magic, even with junk before it and whatever its name', () => {
    assert.equal(detectFormat(encode('%PDF-1.7\n...'), 'poytakirja.txt'), 'pdf');
    assert.equal(detectFormat(encode('\n\n%PDF-1.4\n...'), 'x'), 'pdf');
  });

  it('knows a DOCX by the Word document inside the ZIP', async () => {
    const docx = await makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    assert.equal(detectFormat(docx, 'liite.zip'), 'docx');
  });

  it('refuses other ZIP archives as UNSUPPORTED_FORMAT', async () => {
    const xlsx = await makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    assertReadError(() => detectFormat(xlsx, 'talous.xlsx'), 'UNSUPPORTED_FORMAT');
    const zip = await makeZip({ 'a.txt': 'hello' });
    assertReadError(() => detectFormat(zip, 'a.zip'), 'UNSUPPORTED_FORMAT');
    assertReadError(() => detectFormat(zip, 'a.docx'), 'CORRUPT_DOCX');
  });

  it('refuses old Word files, RTF and images as UNSUPPORTED_FORMAT', () => {
    assertReadError(
      () => detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'a.doc'),
      'UNSUPPORTED_FORMAT',
    );
    assertReadError(() => detectFormat(encode('{\\rtf1\\ansi Päätös}'), 'a.rtf'), 'UNSUPPORTED_FORMAT');
    assertReadError(
      () => detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.png'),
      'UNSUPPORTED_FORMAT',
    );
  });

  it('knows HTML by its leading markup, whatever the name says', () => {
    assert.equal(detectFormat(encode('<!DOCTYPE html><html><body>x</body></html>'), 'a.txt'), 'html');
    assert.equal(detectFormat(encode('\uFEFF  <!-- cms --><div class="x">Päätös</div>'), 'a'), 'html');
    assert.equal(detectFormat(encode('<p>Kokous</p>'), 'a.txt'), 'html');
    assert.equal(detectFormat(encode('<table><tr><td>1</td></tr></table>'), 'a'), 'html');
    assert.equal(detectFormat(encode('Otsikko\n<html><body>sisältö</body></html>'), 'a'), 'html');
  });

  it('uses the extension only when the content leaves it open', () => {
    assert.equal(detectFormat(encode('Kokous alkoi <b>klo 18</b>.'), 'sivu.html'), 'html');
    assert.equal(detectFormat(encode('Kokous alkoi <b>klo 18</b>.'), 'muistio.txt'), 'text');
    assert.equal(detectFormat(encode('Ehto: a < b ja c > d'), 'sivu.html'), 'text');
  });

  it('reads UTF-16 text as text, not as binary', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Pöytäkirja 1/2024', 'utf16le')]);
    assert.equal(detectFormat(utf16, 'a.txt'), 'text');
    assert.equal(
      detectFormat(new Uint8Array(Buffer.from('<html><body>x</body></html>', 'utf16le')), 'a'),
      'html',
    );
  });

  it('refuses binary junk with BINARY', () => {
    assertReadError(() => detectFormat(makeJunk(4096), 'data.bin'), 'BINARY');
    assertReadError(() => detectFormat(new Uint8Array(100).fill(0), 'zeros'), 'BINARY');
    assertReadError(() => detectFormat(makeJunk(4096), 'report.pdf'), 'CORRUPT_PDF');
  });

  it('counts control bytes wherever they fall: text is binary past 2 % of its first 8 KB', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 9000 }),
        fc.nat(3),
        fc.integer({ min: 1, max: 120 }),
        fc.nat(119),
        // Not NUL: NUL bytes at regular places read as UTF-16 (tested above).
        fc.constantFrom(0x01, 0x08, 0x0e, 0x1a, 0x1f, 0x7f),
        (length, offset, step, first, control) => {
          // Text at any byte offset in its buffer, a control byte every `step` bytes from `first`.
          const bytes = new Uint8Array(offset + length).subarray(offset);
          for (let i = 0; i < length; i++) bytes[i] = i % 61 === 60 ? 0x0a : 0x61 + (i % 26);
          const head = Math.min(length, 8192);
          let inHead = 0;
          for (let p = first; p < length; p += step) {
            bytes[p] = control;
            if (p < head) inHead++;
          }
          let format: string;
          try {
            format = detectFormat(bytes, 'x.txt');
          } catch (error) {
            format = error instanceof ReadError ? error.code : String(error);
          }
          return format === (inHead > Math.max(2, head * 0.02) ? 'BINARY' : 'text');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses empty and oversized input', () => {
    assertReadError(() => detectFormat(new Uint8Array(0), 'a.txt'), 'EMPTY');
    assertReadError(() => detectFormat(encode(' \n\t\n'), 'a.txt'), 'EMPTY');
    assertReadError(() => detectFormat(new Uint8Array(MAX_INPUT_BYTES + 1), 'big.pdf'), 'TOO_LARGE');
  });
});
