import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateCorpus } from '../../bench/synthetic-corpus.js';
import type { TestCorpus } from '../../test/support/ingest-corpus.js';
import { writeTestCorpus } from '../../test/support/ingest-corpus.js';
import { countedTermFrequencies, storedTermFrequencies } from '../../test/support/term-counts.js';
import type { Db } from '../store/db.js';
import { dropDeferredIndexes } from '../store/deferred-indexes.js';
import { findIncompleteDocuments } from '../store/document.repository.js';
import { findMeeting } from '../store/meeting.repository.js';
import { explainPerson, undoMerge } from '../store/merge.repository.js';
import { findOrganisationByAlias } from '../store/organisation.repository.js';
import { findPerson } from '../store/person.repository.js';
import { listQuarantine } from '../store/quarantine.repository.js';
import type { TestDatabase } from '../store/test-databases.js';
import { createTestDatabase, indexDefinitions, tableDigests, testEngines, withTestDatabase } from '../store/test-databases.js'; // prettier-ignore
import type { IngestReport } from './ingest.js';
import { ingestPaths } from './ingest.js';

let corpus: TestCorpus;
before(async () => {
  corpus = await writeTestCorpus();
});
after(() => rm(corpus.root, { recursive: true, force: true }));

for (const engine of await testEngines()) {
  describe(`ingest on ${engine}`, () => {
    let t: TestDatabase;
    let db: Db;
    let first: IngestReport;
    before(async () => {
      t = await createTestDatabase(engine);
      db = await t.open();
      first = await ingestPaths(db, [corpus.root], { workers: 2 });
    });
    after(() => t.drop());

    const byPath = async (path: string) =>
      (
        await db.query<{ id: string; meeting_id: string; meeting_evidence: { by: string } }>(
          'SELECT d.id, d.meeting_id, d.meeting_evidence FROM documents d JOIN document_sources s ON s.document_id = d.id WHERE s.source_path = $1',
          [path],
        )
      )[0];

    test('stores every document once, whole, and quarantines the one that fails', async () => {
      const documents =
        corpus.realCount + 1 + corpus.syntheticCount + 1 + corpus.archiveCount + 1 + corpus.peopleCount;
      assert.equal(first.total, documents);
      assert.deepEqual(
        first.failures.map((f) => f.path),
        [corpus.brokenEntry],
      );
      assert.equal(first.skipped, 1, 'the identical copy');
      assert.equal(first.stored, documents - 2);
      assert.deepEqual(await findIncompleteDocuments(db), []);
      const quarantined = await listQuarantine(db);
      assert.deepEqual(
        quarantined.map((q) => q.source_path),
        [corpus.brokenEntry],
      );
      assert.match(quarantined[0]?.reason ?? '', /\S/);
    });

    test('identical bytes are one document with two sources; a near-duplicate joins the same meeting', async () => {
      const original = await byPath(join(corpus.root, 'real', 'seed-003.txt'));
      const copy = await byPath(corpus.identicalCopy);
      assert.ok(original && copy);
      assert.equal(copy.id, original.id);
      const near = await byPath(corpus.nearCopy);
      const nearOriginal = await byPath(corpus.nearOriginal);
      assert.ok(near && nearOriginal);
      assert.notEqual(near.id, nearOriginal.id);
      assert.equal(near.meeting_id, nearOriginal.meeting_id);
      const meeting = await findMeeting(db, near.meeting_id);
      assert.equal(meeting?.documents.length, 2);
      assert.ok(
        meeting?.documents.some((d) => (d.meeting_evidence as { by: string }).by === 'near-duplicate'),
      );
    });

    test('real documents keep their items, people, non-public markings, key messages and spans', async () => {
      const dynasty = await byPath(join(corpus.root, 'real', 'dynasty-poytakirja-html.html'));
      assert.ok(dynasty);
      const secret = await db.query<{ title: string; non_public_basis: string }>(
        'SELECT title, non_public_basis FROM items WHERE document_id = $1 AND NOT public',
        [dynasty.id],
      );
      assert.equal(secret.length, 1);
      assert.match(secret[0]?.non_public_basis ?? '', /JulkL 24 §/);
      const marja = await db.query<{ id: string }>("SELECT id FROM people WHERE name = 'Marja Heikkilä'");
      assert.ok(marja.length >= 1, "seed-003's 'Heikkilä. Marja'");
      const listing = await byPath(join(corpus.root, 'real', 'seed-002.txt'));
      const messages = await db.query('SELECT * FROM key_messages WHERE document_id = $1', [listing?.id]);
      assert.ok(messages.length > 0);
      const spans = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM provenance p CROSS JOIN json_object_keys(p.spans) WHERE p.document_id = $1',
        [dynasty.id],
      );
      assert.ok((spans[0]?.n ?? 0) > 10);
      const departures = await db.query<{ person_id: string | null }>(
        'SELECT person_id FROM departures WHERE document_id = $1',
        [dynasty.id],
      );
      assert.ok(
        departures.length > 0 && departures.every((d) => d.person_id),
        'departures name participants',
      );
    });

    test('one person across documents only with shared evidence; merges are explained and undone', async () => {
      const named = (name: string) =>
        db.query<{ id: string; canonical_id: string }>(
          `SELECT DISTINCT p.id, p.canonical_id FROM people p JOIN attendance a ON a.person_id = p.id
           JOIN documents d ON d.id = a.document_id WHERE p.name = $1 AND d.file_name LIKE 'minutes-%'`,
          [name],
        );
      const annas = await named('Anna Holmberg');
      assert.equal(annas.length, 3, 'one row per context');
      assert.equal(new Set(annas.map((a) => a.canonical_id)).size, 2, 'the Norrnäs Anna stays apart');
      const merged = annas.find((a) => a.canonical_id !== a.id);
      assert.ok(merged);
      const person = await findPerson(db, merged.id);
      assert.equal(person?.members.length, 2);
      assert.equal(person?.meetings, 2);
      const merges = await explainPerson(db, merged.id);
      assert.equal(merges.length, 1);
      assert.equal((merges[0]?.evidence as { shared: string }).shared, 'body');
      const mats = await named('Mats Lindén');
      assert.equal(mats.length, 1, "'Vasa stad' and 'Vaasan kaupunki' are one organisation");
      assert.equal((await findOrganisationByAlias(db, 'Vaasan kaupunki'))?.name, 'Vaasa');

      assert.equal(await undoMerge(db, merges[0]?.id ?? ''), true);
      assert.equal((await findPerson(db, merged.id))?.members.length, 1);
      assert.deepEqual(await explainPerson(db, merged.id), []);
    });

    test('the non-public item of generated minutes is marked with its basis', async () => {
      const rows = await db.query<{ non_public_basis: string }>(
        "SELECT i.non_public_basis FROM items i JOIN documents d ON d.id = i.document_id WHERE d.file_name = 'minutes-2.txt' AND NOT i.public",
      );
      assert.deepEqual(
        rows.map((r) => r.non_public_basis),
        ['Sekretessbelagd enligt OffL 24 § 1 mom. 25 p.'],
      );
    });

    test('a bulk load builds the indexes and frequencies it defers at the end: the same index, the same indexes', async () => {
      await withTestDatabase(engine, async (bulkDb) => {
        const report = await ingestPaths(bulkDb, [corpus.root], { workers: 2, bulkLoadMinimum: 1 });
        assert.equal(report.stored, first.stored);
        const search = async (target: Db) => ({
          indexes: await indexDefinitions(target),
          rows: await target.query(
            'SELECT document_id, audience, vector::text AS vector FROM search_documents ORDER BY 1, 2',
          ),
          postings: await target.query(
            'SELECT doc_key::text AS k, public, term, impact FROM search_postings ORDER BY 1, 2, 3',
          ),
          // Counted as deferred rows during the load, added at its end.
          frequencies: await target.query('SELECT term, df FROM search_terms ORDER BY 1'),
          deferred: await target.query('SELECT count(*)::int4 AS n FROM search_term_deltas'),
        });
        assert.deepEqual(await search(bulkDb), await search(db));
      });
    });

    test('a store left without what a killed large load deferred is made whole at the end of any ingest', async () => {
      await withTestDatabase(engine, async (resumed) => {
        let builds = 0;
        const ingest = (paths: string[], bulkLoadMinimum?: number) =>
          ingestPaths(resumed, paths, { workers: 2, bulkLoadMinimum, onBuildingIndexes: () => builds++ });
        // Opened without putting back what the killed load left out, as `pykala ingest` opens an embedded store.
        const interrupted = async () => {
          await dropDeferredIndexes(resumed);
          await resumed.exec(
            'INSERT INTO search_term_deltas SELECT term, df FROM search_terms; UPDATE search_terms SET df = 0',
          );
        };
        const whole = async (label: string) => {
          assert.equal(builds, 1, `${label}: the indexes built once`);
          builds = 0;
          assert.deepEqual(await indexDefinitions(resumed), await indexDefinitions(db), label);
          assert.deepEqual(
            await storedTermFrequencies(resumed),
            await countedTermFrequencies(resumed),
            label,
          );
          assert.deepEqual(await resumed.query('SELECT count(*)::int4 AS n FROM search_term_deltas'), [
            { n: 0 },
          ]);
        };
        await ingest([join(corpus.root, 'real')]);
        await interrupted();
        assert.equal((await ingest([join(corpus.root, 'people')])).bulkLoad, false);
        await whole('a small load');
        await interrupted();
        // On a server only into an empty database.
        assert.equal((await ingest([corpus.root], 1)).bulkLoad, engine === 'pglite');
        await whole('a large load');
        await interrupted();
        assert.equal((await ingest([corpus.root])).stored, 0);
        await whole('nothing new');
      });
    });

    test('a load stopped by its signal stores the documents in hand, and the next stores the rest', async () => {
      await withTestDatabase(engine, async (target) => {
        const stop = new AbortController();
        const stopped = await ingestPaths(target, [corpus.root], {
          workers: 2,
          commitEvery: 4,
          signal: stop.signal,
          onProgress: (p) => (p.done >= 5 ? stop.abort() : undefined),
        });
        assert.equal(stopped.stopped, true);
        assert.ok(stopped.done >= 5 && stopped.done < stopped.total, `${stopped.done} of ${stopped.total}`);
        assert.deepEqual(await findIncompleteDocuments(target), []);
        const rest = await ingestPaths(target, [corpus.root], { workers: 2 });
        assert.equal(rest.stopped, false);
        assert.equal(stopped.stored + rest.stored, first.stored);
      });
    });

    test('documents are written in whole batches, however fast the threads send them back', async () => {
      const folder = await mkdtemp(join(tmpdir(), 'pykala-batches-'));
      try {
        const docs = generateCorpus(64, 5);
        await Promise.all(docs.map((d, i) => writeFile(join(folder, `${i}-${d.fileName}`), d.text)));
        await withTestDatabase(engine, async (target) => {
          let transactions = 0;
          const counting: Db = {
            ...target,
            transaction: (fn) => {
              transactions += 1;
              return target.transaction(fn);
            },
          };
          const commitEvery = 8;
          // No batch goes out for having waited: each is whole, the first and the last too (64 = 8 × 8).
          const options = { workers: 2, commitEvery, maxWaitMs: 600_000, bulkLoadMinimum: Infinity };
          const report = await ingestPaths(counting, [folder], options);
          assert.equal(report.stored, docs.length);
          assert.equal(transactions, docs.length / commitEvery);
        });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });

    test('a second run changes nothing', async () => {
      const before = await tableDigests(db);
      const second = await ingestPaths(db, [corpus.root], { workers: 2 });
      assert.equal(second.stored, 0);
      assert.equal(second.failed, 1);
      assert.equal(second.skipped, first.total - 1);
      assert.deepEqual(await tableDigests(db), before);
    });
  });
}
