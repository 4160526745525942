import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMeeting, upsertMeeting } from './meeting.repository.js';
import { MIGRATIONS, migrate } from './migrations.js';
import {
  findOrganisationByAlias,
  organisationInserts,
  upsertBody,
  upsertOrganisations,
} from './organisation.repository.js';
import { readDataVersion } from './portal.queries.js';
import { AFTER_LOAD_STATISTICS_TARGET, analyzeAfterLoad } from './statistics.js';
import { testEngines } from './test-databases.js';
import { WriteBatch } from './write-batch.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

for (const engine of await testEngines()) {
  describe(`store on ${engine}`, () => {
    const suite = suiteDatabase(engine);

    test('migrations are recorded and applied once', async () => {
      assert.deepEqual(await migrate(suite.db), []);
      const rows = await suite.db.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      assert.deepEqual(
        rows.map((r) => r.version),
        MIGRATIONS.map((m) => m.version),
      );
    });

    test('a transaction that throws leaves nothing behind', async () => {
      await assert.rejects(
        suite.db.transaction(async (tx) => {
          await upsertOrganisations(tx, [{ key: 'org:x', name: 'X', kind: 'other', alias: 'X' }]);
          throw new Error('stop');
        }),
      );
      assert.equal(await findOrganisationByAlias(suite.db, 'X'), null);
    });

    test('the data version changes with each committed write, and not with a rolled-back one', async () => {
      const before = await readDataVersion(suite.db);
      assert.equal(await readDataVersion(suite.db), before);
      await assert.rejects(
        suite.db.transaction(async (tx) => {
          await upsertOrganisations(tx, [{ key: 'org:y', name: 'Y', kind: 'other', alias: 'Y' }]);
          throw new Error('stop');
        }),
      );
      assert.equal(await readDataVersion(suite.db), before);
      await upsertOrganisations(suite.db, [{ key: 'org:y', name: 'Y', kind: 'other', alias: 'Y' }]);
      const after = await readDataVersion(suite.db);
      assert.notEqual(after, before);
      assert.equal(await readDataVersion(suite.db), after);
    });

    test('a write whose references are checked per batch changes the data version too', async () => {
      const before = await readDataVersion(suite.db);
      const batch = new WriteBatch();
      for (const spec of organisationInserts([{ key: 'org:z', name: 'Z', kind: 'other', alias: 'Z' }])) batch.insert(spec); // prettier-ignore
      await suite.db.transaction((tx) => batch.run(tx, { checkReferences: 'per-batch' }));
      assert.notEqual(await readDataVersion(suite.db), before);
    });

    test('a load of 1,000 documents refreshes the planner statistics; a smaller one does not', async () => {
      assert.equal(await analyzeAfterLoad(suite.db, 999), false);
      assert.equal(await analyzeAfterLoad(suite.db, 1_000), true);
      const [analysed] = await suite.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'organisations'`,
      );
      assert.ok((analysed?.n ?? 0) > 0);
    });

    test('the refresh after a load samples at its own target and leaves the session at the default', async () => {
      await upsertOrganisations(
        suite.db,
        Array.from({ length: 400 }, (_, i) => ({ key: `org:${i}`, name: `Kunta ${i}`, kind: 'municipality', alias: `Kunta ${i}` })), // prettier-ignore
      );
      assert.equal(await analyzeAfterLoad(suite.db, 1_000), true);
      const [stats] = await suite.db.query<{ bounds: number }>(
        `SELECT cardinality(histogram_bounds::text::text[])::int AS bounds FROM pg_stats
         WHERE schemaname = current_schema() AND tablename = 'organisation_aliases' AND attname = 'alias'`,
      );
      // A histogram has at most target + 1 bounds (101 at PostgreSQL's default).
      assert.equal(stats?.bounds, AFTER_LOAD_STATISTICS_TARGET + 1);
      const [session] = await suite.db.query<{ target: string }>(
        "SELECT current_setting('default_statistics_target') AS target",
      );
      assert.equal(session?.target, '100');
    });

    test('meetings upsert by id and fill in what was unknown', async () => {
      await upsertOrganisations(suite.db, [
        { key: 'municipality:turku', name: 'Turku', kind: 'municipality', alias: 'Turun kaupunki' },
        { key: 'municipality:turku', name: 'Turku', kind: 'municipality', alias: 'Åbo stad' },
      ]);
      const org = await findOrganisationByAlias(suite.db, 'Åbo stad');
      assert.deepEqual(org?.aliases, ['Turun kaupunki', 'Åbo stad']);
      const bodyId = await upsertBody(suite.db, { name: 'Turun kaupunginhallitus', key: 'kaupunginhallitus', organisationId: org?.id ?? null }); // prettier-ignore
      const base = { id: 'm1', body_id: bodyId, date: '2024-05-02', start_time: null, end_time: null, place: null, meeting_number: null, title: null, public: true, non_public_basis: null }; // prettier-ignore
      await upsertMeeting(suite.db, base);
      await upsertMeeting(suite.db, {
        ...base,
        start_time: '16:00',
        public: false,
        non_public_basis: 'Ei julkinen',
      });
      await upsertMeeting(suite.db, { ...base, start_time: '17:00' });
      const m = await findMeeting(suite.db, 'm1');
      assert.equal(m?.date, '2024-05-02');
      assert.equal(m?.start_time, '16:00');
      assert.equal(m?.public, false);
      assert.equal(m?.body_name, 'Turun kaupunginhallitus');
    });
  });
}
