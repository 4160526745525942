import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { writeTestMinutes } from '../../test/support/test-minutes.js';
import { prepareDocument } from '../ingest/prepare-document.js';
import { storeDocument } from '../ingest/store-document.js';
import { restoreBackup, writeBackup } from './backup.js';
import type { Db, Engine } from './db.js';
import type { TestDatabase } from './test-databases.js';
import { createTestDatabase, tableDigests, testEngines, withTestDatabase } from './test-databases.js';

const engines = await testEngines();

async function backupOf(db: Db): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeBackup(db, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

async function restoreInto(engine: Engine, backup: string) {
  const t = await createTestDatabase(engine);
  const db = await t.open();
  const rows = await restoreBackup(db, PassThrough.from([backup]));
  return { t, db, rows };
}

const withoutMigrations = ({ schema_migrations: _, data_version: __, ...rest }: Record<string, string>) =>
  rest;

for (const engine of engines) {
  describe(`backup and restore on ${engine}`, () => {
    let source: TestDatabase;
    let db: Db;
    before(async () => {
      source = await createTestDatabase(engine);
      db = await source.open();
      const body = 'arbetsgruppen för digitala tjänster';
      for (const [i, date] of ['15.3.2018', '12.4.2018'].entries()) {
        const text = writeTestMinutes({ body, date, participants: ['Anna Holmberg, ordförande, Åbo stad', 'Kim Nylund, sekreterare'], itemNote: i === 1 ? 'Ei julkinen, JulkL 24 § 1 mom. 25 k' : undefined }); // prettier-ignore
        await storeDocument(db, await prepareDocument(Buffer.from(text), `m${i}.txt`, `m${i}.txt`));
      }
      await db.query(`INSERT INTO quarantine (source_path, reason) VALUES ('x.pdf', 'broken')`);
    });
    after(() => source.drop());

    for (const target of engines) {
      test(`restores every row into a fresh ${target} database`, async () => {
        const backup = await backupOf(db);
        const restored = await restoreInto(target, backup);
        try {
          assert.ok(restored.rows > 20);
          assert.deepEqual(
            withoutMigrations(await tableDigests(restored.db)),
            withoutMigrations(await tableDigests(db)),
          );
          await assert.rejects(restoreBackup(restored.db, PassThrough.from([backup])), /not empty/);
        } finally {
          await restored.t.drop();
        }
      });
    }

    test('restores a backup from before spans were kept per document', async () => {
      const backup = await backupOf(db);
      // The same backup as schema 6 wrote it: a row per span in provenance_spans, no search format, no
      // record of where people were seen.
      let section = '';
      const old = backup
        .split('\n')
        .flatMap((line) => {
          if (line.startsWith('{"format"')) return [line.replace(/"schema":\d+/, '"schema":6')];
          if (line.startsWith('{"table":')) section = (JSON.parse(line) as { table: string }).table;
          if (section === 'search_format' || section === 'person_contexts') return [];
          if (line === '{"table":"provenance"}') return ['{"table":"provenance_spans"}'];
          if (section !== 'provenance' || line.startsWith('{"table":')) return [line];
          const row = JSON.parse(line) as { document_id: string; spans: Record<string, [number, number]> };
          return Object.entries(row.spans).map(([pointer, [start, end]]) =>
            JSON.stringify({ document_id: row.document_id, pointer, start_offset: start, end_offset: end }),
          );
        })
        .join('\n');
      assert.match(old, /"pointer":"\/items\/0"/);
      const restored = await restoreInto(engine, old);
      try {
        // The same spans; their text may list them in another order.
        const digest = (d: Db) =>
          d.query('SELECT document_id, spans::jsonb::text FROM provenance ORDER BY document_id');
        assert.deepEqual(await digest(restored.db), await digest(db));
        // Where people were seen is rebuilt from their memberships and attendance.
        const seen = (d: Db) => d.query('SELECT * FROM person_contexts ORDER BY 1, 2, 3');
        assert.ok((await seen(db)).length > 0);
        assert.deepEqual(await seen(restored.db), await seen(db));
        // Its search rows come from before names' word pairs: phrases are matched without them.
        assert.deepEqual(await restored.db.query('SELECT name_pairs FROM search_format'), [
          { name_pairs: false },
        ]);
      } finally {
        await restored.t.drop();
      }
    });

    test('refuses a file that is not a whole backup', async () => {
      const backup = await backupOf(db);
      const cut = backup.slice(0, backup.lastIndexOf('{"end"'));
      await withTestDatabase(engine, async (fresh) => {
        await assert.rejects(restoreBackup(fresh, PassThrough.from([cut])), /cut short/);
        assert.deepEqual(await fresh.query('SELECT * FROM documents'), []);
      });
    });
  });
}
