import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BrokenReferenceError } from './references.js';
import { testEngines } from './test-databases.js';
import { WriteBatch } from './write-batch.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

for (const engine of await testEngines()) {
  describe(`write batch on ${engine}`, () => {
    const suite = suiteDatabase(engine, async (db) => {
      await db.exec('CREATE TABLE batch_counts (term text PRIMARY KEY, n int4 NOT NULL, note text)');
      await db.exec('CREATE TABLE batch_pairs (a text, b int4, seen date, PRIMARY KEY (a, b))');
      await db.exec('CREATE TABLE batch_parents (id int4 PRIMARY KEY)');
      await db.exec(
        'CREATE TABLE batch_children (id text PRIMARY KEY, parent_id int4 REFERENCES batch_parents (id))',
      );
      await db.exec('CREATE TABLE batch_named (id int4 PRIMARY KEY, name text UNIQUE)');
      await db.exec('CREATE TABLE batch_named_children (id text PRIMARY KEY, named_id int4 REFERENCES batch_named (id))'); // prettier-ignore
      for (const table of ['batch_values_per_row', 'batch_values_per_batch']) {
        await db.exec(`CREATE TABLE ${table} (id int4 PRIMARY KEY, parent_id int4 REFERENCES batch_parents (id), t text, i2 int2, i8 int8, b bool, f float4, d date, j jsonb, js json, v tsvector)`); // prettier-ignore
      }
    });

    const counts = (terms: string[], ns: number[]) => ({
      table: 'batch_counts',
      columns: ['term', 'n', 'note'],
      types: ['text', 'int4', 'text'],
      values: [terms, ns, terms.map((x) => `first ${x}`)],
      onConflict: 'ON CONFLICT (term) DO UPDATE SET n = batch_counts.n + EXCLUDED.n',
      key: 1,
      combine: (earlier: unknown[], later: readonly unknown[]) => [earlier[0], Number(earlier[1]) + Number(later[1]), earlier[2]], // prettier-ignore
    });

    test('rows of one batch with the same key become one, combined in order, and meet stored rows as an upsert', async () => {
      await new WriteBatch().insert(counts(['a'], [5])).run(suite.db);
      const batch = new WriteBatch()
        .insert(counts(['a', 'b', 'null'], [1, 2, 3]))
        .insert(counts(['b', 'a'], [10, 20]));
      await batch.run(suite.db);
      const rows = await suite.db.query<{ term: string; n: number; note: string }>('SELECT term, n, note FROM batch_counts ORDER BY term'); // prettier-ignore
      assert.deepEqual(rows, [
        { term: 'a', n: 26, note: 'first a' },
        { term: 'b', n: 12, note: 'first b' },
        { term: 'null', n: 3, note: 'first null' },
      ]);
    });

    test('without a combining rule the first row of a key is kept', async () => {
      const pairs = (a: (string | null)[], b: number[], seen: string[]) => ({
        table: 'batch_pairs',
        columns: ['a', 'b', 'seen'],
        types: ['text', 'int4', 'date'],
        values: [a, b, seen],
        onConflict: 'ON CONFLICT DO NOTHING',
        key: 2,
      });
      await new WriteBatch()
        .insert(pairs(['x', 'x', 'y'], [1, 1, 1], ['2017-01-02', '2018-01-01', '2017-03-04']))
        .insert(pairs(['x', 'x'], [2, 1], ['2017-05-06', '2019-01-01']))
        .run(suite.db);
      const rows = await suite.db.query<{ a: string; b: number; seen: string }>('SELECT a, b, seen FROM batch_pairs ORDER BY a, b'); // prettier-ignore
      assert.deepEqual(rows, [
        { a: 'x', b: 1, seen: '2017-01-02' },
        { a: 'x', b: 2, seen: '2017-05-06' },
        { a: 'y', b: 1, seen: '2017-03-04' },
      ]);
    });

    const parents = (ids: number[]) => ({
      table: 'batch_parents',
      columns: ['id'],
      types: ['int4'],
      values: [ids],
    });
    const children = (ids: string[], parentIds: (number | null)[]) => ({
      table: 'batch_children',
      columns: ['id', 'parent_id'],
      types: ['text', 'int4'],
      values: [ids, parentIds],
    });

    test('references checked per batch: parents and children go in together, stored parents count', async () => {
      await new WriteBatch().insert(parents([1])).run(suite.db);
      await suite.db.transaction((tx) =>
        new WriteBatch()
          .insert(children(['a', 'b', 'c'], [1, 2, null]))
          .insert(parents([2]))
          .run(tx, { checkReferences: 'per-batch' }),
      );
      const stored = await suite.db.query<{ id: string; parent_id: number | null }>('SELECT id, parent_id FROM batch_children ORDER BY id'); // prettier-ignore
      assert.deepEqual(stored, [
        { id: 'a', parent_id: 1 },
        { id: 'b', parent_id: 2 },
        { id: 'c', parent_id: null },
      ]);
    });

    test('after a batch checked per batch, the rest of the transaction is checked per row again', async () => {
      const rest = suite.db.transaction(async (tx) => {
        await new WriteBatch().insert(children(['d'], [1])).run(tx, { checkReferences: 'per-batch' });
        await tx.query(`INSERT INTO batch_children VALUES ('e', 99)`);
      });
      await assert.rejects(rest, /foreign key/);
      assert.deepEqual(await suite.db.query(`SELECT id FROM batch_children WHERE id IN ('d', 'e')`), []);
    });

    // 'kissa' at position 3, weight A: a tsvector in its binary form.
    const vector = Buffer.from([0, 0, 0, 1, ...Buffer.from('kissa\0'), 0, 1, 0xc0, 3]);
    const values = (table: string) => ({
      table,
      columns: ['id', 'parent_id', 't', 'i2', 'i8', 'b', 'f', 'd', 'j', 'js', 'v'],
      types: ['int4', 'int4', 'text', 'int2', 'int8', 'bool', 'float4', 'date', 'jsonb', 'json', 'tsvector'],
      values: [
        [1, 2, 3],
        [1, null, 1],
        ['rivi\nrivi\t"lainaus" \\ {a,b}', 'Äänekoski ★ 𝔘', null],
        [-32_768, 7, null],
        ['-9223372036854775808', 42, null],
        [true, false, null],
        [0.1, 1 / 3, null],
        ['2017-01-02', '1999-12-31', null],
        ['{"votes": [1, 2], "note": "ä"}', '[]', null],
        ['{"/b":[1,2],"/a":[0,1]}', '"ä"', null],
        [vector, vector, null],
      ],
    });

    test('plain rows of a batch checked per batch go by COPY where the engine has it, stored as inserts store them', async () => {
      await suite.db.transaction((tx) => new WriteBatch().insert(values('batch_values_per_row')).run(tx));
      const copied: string[] = [];
      await suite.db.transaction((tx) => {
        const copy = tx.copyFrom;
        const watched = copy ? { ...tx, copyFrom: (table: string, columns: readonly string[], rows: Uint8Array) => { copied.push(table); return copy(table, columns, rows); } } : tx; // prettier-ignore
        return new WriteBatch().insert(values('batch_values_per_batch')).run(watched, { checkReferences: 'per-batch' }); // prettier-ignore
      });
      assert.deepEqual(copied, engine === 'pglite' ? ['batch_values_per_batch'] : []);
      const read = (table: string) => suite.db.query(`SELECT id, parent_id, t, i2, i8, b, f::text, d, j::text, js::text, v::text FROM ${table} ORDER BY id`); // prettier-ignore
      const stored = await read('batch_values_per_batch');
      assert.deepEqual(stored, await read('batch_values_per_row'));
      assert.deepEqual(stored[0], { id: 1, parent_id: 1, t: 'rivi\nrivi\t"lainaus" \\ {a,b}', i2: -32_768, i8: -9_223_372_036_854_775_808, b: true, f: '0.1', d: '2017-01-02', j: '{"note": "ä", "votes": [1, 2]}', js: '{"/b":[1,2],"/a":[0,1]}', v: "'kissa':3A" }); // prettier-ignore
    });

    test('a batch with a row that breaks a constraint fails whole, by COPY too', async () => {
      const run = suite.db.transaction(
        (tx) =>
        new WriteBatch().insert(parents([5])).insert({ ...values('batch_values_per_batch'), values: values('').values.map((column) => [column[0]]) }).run(tx, { checkReferences: 'per-batch' }), // prettier-ignore
      );
      await assert.rejects(run, /duplicate key/);
      assert.deepEqual(await suite.db.query('SELECT 1 FROM batch_parents WHERE id = 5'), []);
    });

    test('a parent the batch upserts on its key needs no probe; one a conflict elsewhere skips is still missed', async () => {
      await suite.db.query(`INSERT INTO batch_named VALUES (6, 'x')`);
      const named = (ids: number[], names: string[], onConflict: string) => ({ table: 'batch_named', columns: ['id', 'name'], types: ['int4', 'text'], values: [ids, names], onConflict }); // prettier-ignore
      const children = (ids: string[], namedIds: number[]) => ({ table: 'batch_named_children', columns: ['id', 'named_id'], types: ['text', 'int4'], values: [ids, namedIds] }); // prettier-ignore
      await suite.db.transaction(
        (tx) =>
        new WriteBatch().insert(named([6, 8], ['x', 'y'], 'ON CONFLICT (id) DO NOTHING')).insert(children(['a', 'b'], [6, 8])).run(tx, { checkReferences: 'per-batch' }), // prettier-ignore
      );
      // Row 7 conflicts on its name, so it is skipped, and nothing has id 7.
      const run = suite.db.transaction(
        (tx) =>
        new WriteBatch().insert(named([7], ['x'], 'ON CONFLICT DO NOTHING')).insert(children(['c'], [7])).run(tx, { checkReferences: 'per-batch' }), // prettier-ignore
      );
      await assert.rejects(run, (error: unknown) => {
        assert.ok(error instanceof BrokenReferenceError);
        assert.deepEqual(error.missing, [{ parent: 'batch_named.id', key: '7' }]);
        return true;
      });
      assert.deepEqual(await suite.db.query('SELECT id, named_id FROM batch_named_children ORDER BY id'), [{ id: 'a', named_id: 6 }, { id: 'b', named_id: 8 }]); // prettier-ignore
    });

    test('a batch that references a missing row fails whole, naming the key', async () => {
      const run = suite.db.transaction(
        (tx) =>
        new WriteBatch().insert(parents([3])).insert(children(['x', 'y'], [3, 404])).run(tx, { checkReferences: 'per-batch' }), // prettier-ignore
      );
      await assert.rejects(run, (error: unknown) => {
        assert.ok(error instanceof BrokenReferenceError);
        assert.deepEqual(error.missing, [{ parent: 'batch_parents.id', key: '404' }]);
        return true;
      });
      const left = await suite.db.query('SELECT 1 FROM batch_parents WHERE id = 3 UNION ALL SELECT 1 FROM batch_children WHERE id = $1', ['x']); // prettier-ignore
      assert.deepEqual(left, []);
    });
  });
}
