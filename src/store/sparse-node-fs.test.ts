import assert from 'node:assert/strict';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openPglite } from './pglite-db.js';
import { extendingWithoutZeros } from './sparse-node-fs.js';

const dir = mkdtempSync(join(tmpdir(), 'pykala-sparse-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('extending a file without writing zeros', () => {
  const PAGE = 8192;
  const page = (byte: number) => new Uint8Array(PAGE).fill(byte);

  /** A file of `pages` pages of 7s, and a write through the wrapper that counts what reaches the file. */
  const fileOf = (name: string, pages: number) => {
    const nfd = openSync(join(dir, name), 'w+');
    for (let i = 0; i < pages; i++) writeSync(nfd, page(7), 0, PAGE, i * PAGE);
    const written: number[] = [];
    const write = extendingWithoutZeros((stream, buffer, offset, length, position) => {
      written.push(position);
      return writeSync(stream.nfd, buffer, offset, length, position);
    });
    return { nfd, written, write: (buffer: Uint8Array, position: number) => write({ nfd }, buffer, 0, buffer.length, position) }; // prettier-ignore
  };

  test('zeros past the end set the length; the file reads back zeros there, and nothing is written', () => {
    const f = fileOf('extend', 1);
    assert.equal(f.write(new Uint8Array(3 * PAGE), 2 * PAGE), 3 * PAGE);
    assert.deepEqual(f.written, []);
    assert.equal(fstatSync(f.nfd).size, 5 * PAGE);
    const bytes = readFileSync(join(dir, 'extend'));
    assert.ok(bytes.subarray(0, PAGE).every((b) => b === 7));
    assert.ok(bytes.subarray(PAGE).every((b) => b === 0));
    closeSync(f.nfd);
  });

  test('zeros over written pages, pages with contents and short writes reach the file', () => {
    const f = fileOf('overwrite', 2);
    f.write(page(0), 0);
    const data = page(0);
    data[PAGE - 1] = 1;
    f.write(data, 2 * PAGE);
    f.write(new Uint8Array(100), 3 * PAGE);
    assert.deepEqual(f.written, [0, 2 * PAGE, 3 * PAGE]);
    const bytes = readFileSync(join(dir, 'overwrite'));
    assert.ok(bytes.subarray(0, PAGE).every((b) => b === 0));
    assert.ok(bytes.subarray(PAGE, 2 * PAGE).every((b) => b === 7));
    assert.equal(bytes[3 * PAGE - 1], 1);
    assert.equal(bytes.length, 3 * PAGE + 100);
    closeSync(f.nfd);
  });
});

describe('an embedded database on this file layer', () => {
  test('keeps what it stored across closing and opening again', async () => {
    const dataDir = join(dir, 'db');
    let db = await openPglite(dataDir);
    await db.exec('CREATE TABLE kept (id int4 PRIMARY KEY, note text)');
    await db.exec(`INSERT INTO kept SELECT i, repeat('ä', i % 300) FROM generate_series(1, 20000) i`);
    await db.close();
    db = await openPglite(dataDir);
    const [row] = await db.query<{ n: number; chars: number }>(
      'SELECT count(*)::int4 AS n, sum(length(note))::int4 AS chars FROM kept',
    );
    assert.deepEqual(row, { n: 20_000, chars: [...Array(20_001).keys()].slice(1).reduce((s, i) => s + (i % 300), 0) }); // prettier-ignore
    await db.close();
  });
});
