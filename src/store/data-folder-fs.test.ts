import assert from 'node:assert/strict';
import {
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { openPglite } from './pglite-db.js';
import { extendingWithoutZeros, FileLengths, withShortcuts } from './data-folder-fs.js';
import type { NodeFsOperations, NodeStream, StreamSeek, StreamWrite } from './data-folder-fs.js';

const dir = mkdtempSync(join(tmpdir(), 'pykala-data-folder-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = 8192;
const S_IFREG = 0o100000;
const SEEK_END = 2;
const O_TRUNC = 512; // in Emscripten's numbering
const page = (byte: number) => new Uint8Array(PAGE).fill(byte);
const writeToFile: StreamWrite = (stream, buffer, offset, length, position) =>
  writeSync(stream.nfd, buffer, offset, length, position);
/** The position a seek from the start or from the end lands at, as NODEFS counts it (the only two used here). */
const seekInFile: StreamSeek = (stream, offset, whence) =>
  whence === SEEK_END ? offset + fstatSync(stream.nfd).size : offset;

describe('extending a file without writing zeros', () => {
  /** A file of `pages` pages of 7s, and a write through the wrapper that counts what reaches the file. */
  const fileOf = (name: string, pages: number) => {
    const nfd = openSync(join(dir, name), 'w+');
    for (let i = 0; i < pages; i++) writeSync(nfd, page(7), 0, PAGE, i * PAGE);
    const written: number[] = [];
    const write = extendingWithoutZeros((stream, buffer, offset, length, position) => {
      written.push(position);
      return writeToFile(stream, buffer, offset, length, position);
    }, new FileLengths());
    const stream: NodeStream = { nfd, node: {}, flags: 0 };
    const writeAt = (buffer: Uint8Array, position: number) =>
      write(stream, buffer, 0, buffer.length, position);
    return { nfd, written, writeAt };
  };

  test('zeros past the end set the length; the file reads back zeros there, and nothing is written', () => {
    const f = fileOf('extend', 1);
    assert.equal(f.writeAt(new Uint8Array(3 * PAGE), 2 * PAGE), 3 * PAGE);
    assert.deepEqual(f.written, []);
    assert.equal(fstatSync(f.nfd).size, 5 * PAGE);
    const bytes = readFileSync(join(dir, 'extend'));
    assert.ok(bytes.subarray(0, PAGE).every((b) => b === 7));
    assert.ok(bytes.subarray(PAGE).every((b) => b === 0));
    closeSync(f.nfd);
  });

  test('zeros over written pages, pages with contents and short writes reach the file', () => {
    const f = fileOf('overwrite', 2);
    f.writeAt(page(0), 0);
    const data = page(0);
    data[PAGE - 1] = 1;
    f.writeAt(data, 2 * PAGE);
    f.writeAt(new Uint8Array(100), 3 * PAGE);
    assert.deepEqual(f.written, [0, 2 * PAGE, 3 * PAGE]);
    const bytes = readFileSync(join(dir, 'overwrite'));
    assert.ok(bytes.subarray(0, PAGE).every((b) => b === 0));
    assert.ok(bytes.subarray(PAGE, 2 * PAGE).every((b) => b === 7));
    assert.equal(bytes[3 * PAGE - 1], 1);
    assert.equal(bytes.length, 3 * PAGE + 100);
    closeSync(f.nfd);
  });
});

describe('file lengths kept instead of asked', () => {
  type Op =
    | { kind: 'write'; stream: number; at: number; pages: number; zeros: boolean; tail: number }
    | { kind: 'truncate'; stream: number; to: number; viaNode: boolean }
    | { kind: 'reopen'; stream: number; truncating: boolean }
    | { kind: 'seekEnd'; stream: number; offset: number };
  const stream = fc.nat(1);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('write' as const), stream, at: fc.nat(6 * PAGE), pages: fc.integer({ min: 0, max: 3 }), zeros: fc.boolean(), tail: fc.oneof(fc.constant(0), fc.nat(300)) }), // prettier-ignore
    fc.record({ kind: fc.constant('truncate' as const), stream, to: fc.nat(8 * PAGE), viaNode: fc.boolean() }), // prettier-ignore
    fc.record({ kind: fc.constant('reopen' as const), stream, truncating: fc.boolean() }),
    fc.record({ kind: fc.constant('seekEnd' as const), stream, offset: fc.integer({ min: -PAGE, max: PAGE }) }), // prettier-ignore
  );

  test('a seek to the end always lands where the file really ends, whatever two streams on one file did before', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const path = join(dir, `lengths-${run++}`);
        const node = { mode: S_IFREG | 0o600 };
        // NODEFS's operations as this layer sees them, acting on the real file.
        const nodefs = {
          stream_ops: {
            write: writeToFile,
            llseek: seekInFile,
            setattr: (s: NodeStream, attr: { size?: number }) => {
              if (attr.size !== undefined) ftruncateSync(s.nfd, attr.size);
            },
            open: (s: NodeStream) => {
              if (s.flags === O_TRUNC) ftruncateSync(s.nfd, 0);
            },
          },
          node_ops: {
            setattr: (_node: object, attr: { size?: number }) => {
              if (attr.size !== undefined) truncateSync(path, attr.size);
            },
          },
        } satisfies NodeFsOperations;
        withShortcuts(nodefs);
        closeSync(openSync(path, 'w'));
        const streams: NodeStream[] = [0, 1].map(() => ({ nfd: openSync(path, 'r+'), node, flags: 0 }));
        try {
          for (const o of ops) {
            const s = streams[o.stream]!;
            if (o.kind === 'write') {
              const buffer = new Uint8Array(o.pages * PAGE + o.tail).fill(o.zeros ? 0 : 5);
              nodefs.stream_ops.write(s, buffer, 0, buffer.length, o.at);
            } else if (o.kind === 'truncate' && o.viaNode) nodefs.node_ops.setattr(node, { size: o.to });
            else if (o.kind === 'truncate') nodefs.stream_ops.setattr(s, { size: o.to });
            else if (o.kind === 'reopen') {
              closeSync(s.nfd);
              s.nfd = openSync(path, 'r+');
              s.flags = o.truncating ? O_TRUNC : 0;
              nodefs.stream_ops.open(s);
            } else {
              const landed = nodefs.stream_ops.llseek(s, o.offset, SEEK_END);
              assert.equal(landed, o.offset + fstatSync(s.nfd).size);
            }
          }
          const end = nodefs.stream_ops.llseek(streams[0]!, 0, SEEK_END);
          assert.equal(end, fstatSync(streams[0]!.nfd).size);
        } finally {
          for (const s of streams) closeSync(s.nfd);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('asks the file system once, then follows the writes', () => {
    const nfd = openSync(join(dir, 'asked-once'), 'w+');
    const s: NodeStream = { nfd, node: { mode: S_IFREG }, flags: 0 };
    const lengths = new FileLengths();
    let asked = 0;
    const seek = lengths.seeking((stream, offset, whence) => {
      if (whence === SEEK_END) asked++;
      return seekInFile(stream, offset, whence);
    });
    const write = lengths.tracking(writeToFile);
    for (let i = 0; i < 5; i++) {
      write(s, page(1), 0, PAGE, i * PAGE);
      assert.equal(seek(s, 0, SEEK_END), (i + 1) * PAGE);
    }
    assert.equal(asked, 0);
    closeSync(nfd);
  });
});

describe('an embedded database on this file layer', () => {
  const sumOfNotes = (rows: number, salt: number) =>
    [...Array(rows).keys()].reduce((sum, i) => sum + ((i + 1 + salt) % 300), 0);

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
    assert.deepEqual(row, { n: 20_000, chars: sumOfNotes(20_000, 0) });
    await db.close();
  });

  test('relations shrunk and rewritten (delete and vacuum, truncate, vacuum full) read back right, also after opening again', async () => {
    const dataDir = join(dir, 'db-shrunk');
    let db = await openPglite(dataDir);
    const fill = (table: string, rows: number, salt: number) =>
      db.exec(`INSERT INTO ${table} SELECT i, repeat('ö', (i + ${salt}) % 300) FROM generate_series(1, ${rows}) i`); // prettier-ignore
    const count = async (table: string) =>
      (await db.query<{ n: number; chars: number | null }>(`SELECT count(*)::int4 AS n, sum(length(note))::int4 AS chars FROM ${table}`))[0]; // prettier-ignore
    await db.exec(
      'CREATE TABLE a (id int4 PRIMARY KEY, note text); CREATE TABLE b (id int4 PRIMARY KEY, note text)',
    );
    await fill('a', 20_000, 0);
    await fill('b', 20_000, 0);
    await db.exec('DELETE FROM a WHERE id > 500');
    await db.exec('VACUUM a');
    await db.exec('TRUNCATE b');
    await fill('b', 3_000, 7);
    await db.exec('VACUUM FULL a');
    await db.exec(`INSERT INTO a SELECT i, repeat('ö', i % 300) FROM generate_series(501, 4000) i`);
    const expected = {
      a: { n: 4_000, chars: sumOfNotes(4_000, 0) },
      b: { n: 3_000, chars: sumOfNotes(3_000, 7) },
    };
    assert.deepEqual({ a: await count('a'), b: await count('b') }, expected);
    await db.close();
    db = await openPglite(dataDir);
    assert.deepEqual({ a: await count('a'), b: await count('b') }, expected);
    await db.close();
  });
});
