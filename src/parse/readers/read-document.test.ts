import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readDocument } from './read-document.js';
import { ReadError, type ReadErrorCode } from './text-layer.js';
import { normalizeText } from './text-normalizer.js';

async function assertReadError(bytes: Uint8Array, fileName: string, code: ReadErrorCode): Promise<void> {
  await assert.rejects(
    readDocument(bytes, fileName),
    (error) => error instanceof ReadError && error.code === code,
  );
}

describe('readDocument', () => {
  it('reads text with its encoding', async () => {
    const layer = await readDocument(
      new Uint8Array(iconv.encode('Päätös: hyväksyttiin.\r\n', 'windows-1252')),
      'a.txt',
    );
    assert.deepEqual(
      { ...layer, diagnostics: [] },
      {
        text: 'Päätös: hyväksyttiin.',
        reader: 'text',
        encoding: 'windows-1252',
        pages: null,
        diagnostics: [],
      },
    );
  });

  it('reads HTML', async () => {
    const layer = await readDocument(new TextEncoder().encode('<p>Kokous <b>alkoi</b></p>'), 'a.html');
    assert.equal(layer.reader, 'html');
    assert.equal(layer.encoding, 'utf-8');
    assert.equal(layer.text, 'Kokous **alkoi**');
  });

  it('refuses binary junk, empty files and pages without text', async () => {
    const junk = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251);
    await assertReadError(junk, 'a.bin', 'BINARY');
    await assertReadError(new Uint8Array(0), 'a.txt', 'EMPTY');
    await assertReadError(new TextEncoder().encode('\uFEFF \n'), 'a.txt', 'EMPTY');
    await assertReadError(
      new TextEncoder().encode('<html><body><nav>Etusivu</nav></body></html>'),
      'a.html',
      'NO_TEXT',
    );
  });

  it('gives normalised text or a ReadError for any bytes, whatever they start like', async () => {
    const prefixes = ['', '%PDF-1.4\n', 'PK\u0003\u0004word/document.xml', '<html><body>', '\uFEFF'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 600 }),
        async (prefix, tail) => {
          const bytes = new Uint8Array([...new TextEncoder().encode(prefix), ...tail]);
          try {
            const layer = await readDocument(bytes, 'input');
            assert.equal(normalizeText(layer.text), layer.text);
          } catch (error) {
            assert.ok(error instanceof ReadError, String(error));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
