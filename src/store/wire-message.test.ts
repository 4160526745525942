import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { encodeArray } from './binary-array.js';
import { testEngines } from './test-databases.js';
import { copyInMessages, statementMessages } from './wire-message.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

/** The kinds of the messages in a buffer, checking that each declares the length it has. */
function messageKinds(message: Uint8Array): string[] {
  const kinds: string[] = [];
  let at = 0;
  while (at < message.length) {
    kinds.push(String.fromCharCode(message[at] as number));
    at += 1 + Buffer.from(message.buffer, message.byteOffset + at + 1, 4).readInt32BE(0);
  }
  assert.equal(at, message.length);
  return kinds;
}

describe('statement messages', () => {
  test('COPY from the client: Query, CopyData and CopyDone, each with the length it declares', () => {
    const message = copyInMessages('COPY wire_rows (id) FROM STDIN WITH (FORMAT binary)', new Uint8Array(9));
    assert.deepEqual(messageKinds(message), ['Q', 'd', 'c']);
  });

  test('Parse, Bind, Execute and Sync, each with the length it declares', () => {
    const message = statementMessages('SELECT $1::text, $2::int4[], $3::text', [
      'ä',
      encodeArray('int4', [7]),
      null,
    ]);
    assert.deepEqual(messageKinds(message), ['P', 'B', 'E', 'S']);
  });
});

for (const engine of await testEngines()) {
  describe(`writes with parameters on ${engine}`, () => {
    const suite = suiteDatabase(engine, async (db) => {
      await db.exec('CREATE TABLE wire_rows (id int4 PRIMARY KEY, label text, tags text[])');
    });

    test('binary arrays, text and NULL parameters arrive as sent', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000')),
          fc.array(
            fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\u0000'))),
          ),
          async (ids, label, tags) => {
            await suite.db.exec('DELETE FROM wire_rows');
            await suite.db.write(
              'INSERT INTO wire_rows (id, label, tags) SELECT t.id, $2, $3::text[] FROM unnest($1::int4[]) AS t(id) WHERE $4::text IS NULL',
              [encodeArray('int4', ids), label, encodeArray('text', tags), null],
            );
            const rows = await suite.db.query<{ id: number; label: string; tags: (string | null)[] }>('SELECT id, label, tags FROM wire_rows ORDER BY id'); // prettier-ignore
            assert.deepEqual(
              rows,
              [...ids].sort((a, b) => a - b).map((id) => ({ id, label, tags })),
            );
          },
        ),
        { numRuns: 30 },
      );
    });

    test('a failing write fails its transaction, which rolls back whole, and the connection goes on', async () => {
      await suite.db.exec('DELETE FROM wire_rows');
      await assert.rejects(
        suite.db.transaction(async (tx) => {
          await tx.write('INSERT INTO wire_rows (id, label) VALUES (1, $1)', ['kept?']);
          await tx.write('INSERT INTO wire_rows (id, label) VALUES (1, $1)', ['duplicate']);
        }),
        /duplicate key/,
      );
      await assert.rejects(
        suite.db.write('INSERT INTO wire_rows (id) VALUES ($1::int4)', ['x']),
        /invalid input/,
      );
      await suite.db.write('INSERT INTO wire_rows (id, label) VALUES (2, $1)', ['after']);
      const rows = await suite.db.query('SELECT id, label FROM wire_rows ORDER BY id');
      assert.deepEqual(rows, [{ id: 2, label: 'after' }]);
    });

    test('a parameter of another kind is sent as the client would send it', async () => {
      await suite.db.exec('DELETE FROM wire_rows');
      await suite.db.write('INSERT INTO wire_rows (id, tags) VALUES ($1, $2)', [3, ['a', 'b']]);
      assert.deepEqual(await suite.db.query('SELECT id, tags FROM wire_rows'), [{ id: 3, tags: ['a', 'b'] }]);
    });
  });
}
