import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { TestCorpus } from '../../test/support/ingest-corpus.js';
import { writeTestCorpus } from '../../test/support/ingest-corpus.js';
import type { Sql } from '../store/db.js';
import { findIncompleteDocuments } from '../store/document.repository.js';
import { personContextsOfModel } from '../store/migrations/0010-person-contexts.js';
import { testEngines, withTestDatabase } from '../store/test-databases.js';
import type { PreparedDocument } from './prepare-document.js';
import { prepareDocument } from './prepare-document.js';
import { listSources } from './sources.js';
import { storeDocument, storeDocuments } from './store-document.js';
import { countedTermFrequencies, storedTermFrequencies } from '../../test/support/term-counts.js';

// What resolution and indexing decide, without the timestamps.
const SNAPSHOT = {
  documents: 'SELECT id, meeting_id, meeting_evidence FROM documents',
  document_sources: 'SELECT * FROM document_sources',
  meetings: 'SELECT * FROM meetings',
  bodies: 'SELECT * FROM bodies',
  organisation_aliases: 'SELECT * FROM organisation_aliases',
  people: 'SELECT id, name, name_key, canonical_id FROM people',
  person_names: 'SELECT * FROM person_names',
  memberships: 'SELECT * FROM memberships',
  person_contexts: 'SELECT * FROM person_contexts',
  merges: 'SELECT id, into_person_id, from_person_id, evidence FROM merges',
  attendance: 'SELECT * FROM attendance',
  departures: 'SELECT * FROM departures',
  actions: 'SELECT * FROM actions',
  items: 'SELECT * FROM items',
  attachments: 'SELECT * FROM attachments',
  provenance: 'SELECT * FROM provenance',
  search_documents: 'SELECT * FROM search_documents',
  search_terms: 'SELECT * FROM search_terms',
  search_lexicon: 'SELECT * FROM search_lexicon',
} as const;

async function snapshot(db: Sql): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(SNAPSHOT)) {
    const rows = await db.query<{ j: string }>(`SELECT to_jsonb(t)::text AS j FROM (${sql}) t`);
    out[table] = rows.map((r) => r.j).sort();
  }
  return out;
}

let corpus: TestCorpus;
let docs: PreparedDocument[];
before(async () => {
  corpus = await writeTestCorpus();
  const listing = await listSources([corpus.root]);
  try {
    const entries = [...listing.entries].sort((a, b) => (a.path < b.path ? -1 : 1));
    docs = [];
    for (const e of entries) {
      const doc = await prepareDocument(await e.read(), e.path, e.fileName).catch(() => null);
      if (doc) docs.push(doc);
    }
  } finally {
    listing.close();
  }
});
after(() => rm(corpus.root, { recursive: true, force: true }));

for (const engine of await testEngines()) {
  describe(`group commit on ${engine}`, () => {
    test('a batch stores exactly what one transaction per document stores', async () => {
      await withTestDatabase(engine, async (a) => {
        await withTestDatabase(engine, async (b) => {
          for (const doc of docs) await storeDocument(a, doc);
          // Batches that split near-duplicates, namesakes and identical copies across and within them.
          for (let i = 0; i < docs.length; i += 7) {
            const outcomes = await storeDocuments(b, docs.slice(i, i + 7));
            assert.ok(outcomes.every((o) => !(o instanceof Error)));
          }
          const stored = await snapshot(a);
          assert.deepEqual(await snapshot(b), stored);
          assert.ok((stored.merges ?? []).length > 0, 'the corpus has people to merge');
          assert.ok(
            (stored.documents ?? []).some((d) => d.includes('near-duplicate')),
            'and near-duplicates',
          );
          assert.deepEqual(await findIncompleteDocuments(b), []);
        });
      });
    });

    test('where people were seen is what their memberships and attendance say, also when a meeting gets its body later', async () => {
      await withTestDatabase(engine, async (db) => {
        // A copy without its body comes first: its meeting has no body until the original joins it.
        const original = docs.find((d) => d.body && d.minhash && d.record.participants.length > 0 && d.record.kind === 'minutes') as PreparedDocument; // prettier-ignore
        const copy = { ...original, sha256: 'e'.repeat(64), sourcePath: '/copy.txt', body: null };
        await storeDocument(db, copy);
        for (let i = 0; i < docs.length; i += 7) await storeDocuments(db, docs.slice(i, i + 7));
        const meetings = await db.query<{ body_id: string | null }>(
          'SELECT m.body_id FROM documents d JOIN meetings m ON m.id = d.meeting_id WHERE d.id = $1',
          [copy.sha256],
        );
        assert.notEqual(meetings[0]?.body_id ?? null, null, "the original filled in the meeting's body");
        const rows = (sql: string) => db.query(`SELECT * FROM (${sql}) t ORDER BY 1, 2, 3`);
        const kept = await rows('SELECT name_key, context_id, person_id FROM person_contexts');
        assert.ok(kept.length > 0);
        assert.deepEqual(kept, await rows(personContextsOfModel));
      });
    });

    test("a term's document frequency is the number of public rows it has positions in", async () => {
      await withTestDatabase(engine, async (db) => {
        for (let i = 0; i < docs.length; i += 7) await storeDocuments(db, docs.slice(i, i + 7));
        const counted = await countedTermFrequencies(db);
        assert.ok(counted.length > 100);
        assert.deepEqual(await storedTermFrequencies(db), counted);
      });
    });

    test('a batch with a document that cannot be stored stores the others, each whole', async () => {
      await withTestDatabase(engine, async (db) => {
        const first = docs[0] as PreparedDocument;
        // An item number the items table refuses (NOT NULL), in the middle of the batch.
        const broken: PreparedDocument = {
          ...first,
          sha256: 'f'.repeat(64),
          sourcePath: '/broken.txt',
          record: { ...first.record, items: [{ ...(first.record.items[0] as PreparedDocument['record']['items'][number]), number: null as unknown as string }] }, // prettier-ignore
        };
        const batch = [docs[1], broken, docs[2]] as PreparedDocument[];
        const outcomes = await storeDocuments(db, batch);
        assert.equal(outcomes[0], 'stored');
        assert.ok(outcomes[1] instanceof Error);
        assert.equal(outcomes[2], 'stored');
        assert.deepEqual(await findIncompleteDocuments(db), []);
        const ids = await db.query<{ id: string }>('SELECT id FROM documents WHERE id = $1', [broken.sha256]);
        assert.equal(ids.length, 0);
      });
    });
  });
}
