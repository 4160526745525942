import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Sql } from './db.js';
import { migrate } from './migrations.js';
import { DEFERRED_INDEXES, dropDeferredIndexes, ensureDeferredIndexes } from './deferred-indexes.js';
import { testEngines, withTestDatabase } from './test-databases.js';

/** The deferred indexes as the database defines them, by name. */
async function definitions(db: Sql): Promise<Record<string, string>> {
  const rows = await db.query<{ name: string; definition: string }>(
    'SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE indexname = ANY($1::text[]) ORDER BY 1',
    [DEFERRED_INDEXES.map((i) => i.name)],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.definition]));
}

for (const engine of await testEngines()) {
  describe(`deferred indexes on ${engine}`, () => {
    test('dropped and built again, they are the indexes the migrations made', async () => {
      await withTestDatabase(engine, async (db) => {
        const migrated = await definitions(db);
        assert.equal(Object.keys(migrated).length, DEFERRED_INDEXES.length);
        await dropDeferredIndexes(db);
        assert.deepEqual(await definitions(db), {});
        assert.deepEqual(
          (await ensureDeferredIndexes(db)).sort(),
          DEFERRED_INDEXES.map((i) => i.name).sort(),
        );
        assert.deepEqual(await definitions(db), migrated);
        assert.deepEqual(await ensureDeferredIndexes(db), []);
      });
    });

    test('built from two places at once, each is built once', async () => {
      await withTestDatabase(engine, async (db) => {
        const migrated = await definitions(db);
        await dropDeferredIndexes(db);
        const [first, second] = await Promise.all([ensureDeferredIndexes(db), ensureDeferredIndexes(db)]);
        assert.deepEqual(
          [...(first ?? []), ...(second ?? [])].sort(),
          DEFERRED_INDEXES.map((i) => i.name).sort(),
        );
        assert.deepEqual(await definitions(db), migrated);
      });
    });

    test('a store left without them by a killed load has them again once opened', async () => {
      await withTestDatabase(engine, async (db) => {
        const migrated = await definitions(db);
        await db.exec(
          'DROP INDEX search_documents_vector, search_postings_top, items_document, people_canonical',
        );
        assert.deepEqual(await migrate(db), []);
        assert.deepEqual(await definitions(db), migrated);
      });
    });

    test('document frequencies a killed load left to add are added by the next open, once', async () => {
      await withTestDatabase(engine, async (db) => {
        await db.exec(`INSERT INTO search_terms VALUES ('kissa', 5)`);
        await db.exec(`INSERT INTO search_term_deltas VALUES ('kissa', 2), ('koira', 1), ('kissa', 1)`);
        assert.deepEqual(await migrate(db), []);
        const terms = () => db.query(`SELECT term, df FROM search_terms WHERE term IN ('kissa', 'koira') ORDER BY 1`); // prettier-ignore
        assert.deepEqual(await terms(), [
          { term: 'kissa', df: 8 },
          { term: 'koira', df: 1 },
        ]);
        assert.deepEqual(await db.query('SELECT * FROM search_term_deltas'), []);
        await migrate(db);
        assert.deepEqual(await terms(), [
          { term: 'kissa', df: 8 },
          { term: 'koira', df: 1 },
        ]);
      });
    });
  });
}
