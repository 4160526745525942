import type { Db, Sql } from './db.js';

/**
 * Secondary indexes that nothing an ingest reads goes through, as their migrations create them: the
 * search tables' (docs/adr/0016), and those of the model's largest tables that serve the portal's reads
 * by document, meeting, person, name and organisation (docs/adr/0019). A large load (embedded, or into an
 * empty database) may drop them and build them once at the end. Every open puts back any that are
 * missing, so a load killed in between leaves a store that is whole again when it is next opened (an
 * embedded ingest leaves that to the end of its own load, which builds them once for all it stores).
 * Unique indexes stay: they decide conflicts. So does `attendance_meeting`, which the writer reads.
 */
export const DEFERRED_INDEXES: readonly { name: string; definition: string }[] = [
  { name: 'search_documents_vector', definition: 'ON search_documents USING gin (vector)' },
  { name: 'search_documents_people', definition: 'ON search_documents USING gin (people)' },
  { name: 'search_documents_organisations', definition: 'ON search_documents USING gin (organisations)' }, // prettier-ignore
  { name: 'search_documents_key', definition: "ON search_documents ((('x' || left(md5(document_id), 16))::bit(64)::int8))" }, // prettier-ignore
  { name: 'search_documents_body', definition: 'ON search_documents (body_name)' },
  { name: 'search_documents_date', definition: 'ON search_documents (date)' },
  { name: 'search_postings_top', definition: 'ON search_postings (term, public, impact DESC) INCLUDE (doc_key)' }, // prettier-ignore
  { name: 'search_postings_doc', definition: 'ON search_postings (doc_key)' },
  { name: 'items_document', definition: 'ON items (document_id)' },
  { name: 'items_meeting', definition: 'ON items (meeting_id)' },
  { name: 'attendance_person', definition: 'ON attendance (person_id)' },
  { name: 'people_name_key', definition: 'ON people (name_key)' },
  { name: 'people_canonical', definition: 'ON people (canonical_id)' },
  { name: 'memberships_organisation', definition: 'ON memberships (organisation_id)' },
];

/** Memory for building an index, or summing frequencies, in one pass (PostgreSQL's defaults: 64 and 4 MB). */
const BUILD_MEMORY = '256MB';

/** Drops the deferred indexes, for a load that builds them afterwards with `ensureDeferredIndexes`. */
export async function dropDeferredIndexes(db: Sql): Promise<void> {
  await db.exec(`DROP INDEX IF EXISTS ${DEFERRED_INDEXES.map((i) => i.name).join(', ')}`);
}

// Any constant shared by every process that builds these indexes.
const BUILD_LOCK = 7_154_203;

type DeferredIndex = (typeof DEFERRED_INDEXES)[number];

/**
 * The index that takes longest to build (the full-text one: half of a load's tail, alone). On a server it
 * goes on a connection of its own while the rest are built on another, at the same time: two backends,
 * two cores. PGlite has one engine, so there they are built one after the other.
 */
const BUILT_ALONE = 'search_documents_vector';

/**
 * Builds the deferred indexes that are missing and returns the names built; `onBuilding` is told the
 * missing ones first (a large store takes minutes). Each is built under a lock of its own, held to the
 * end of its transaction, and only if it is still missing once the lock is held: two processes opening
 * the store at once build each index once. Every transaction takes its locks in the order of
 * DEFERRED_INDEXES, so none waits for another in a circle.
 */
export async function ensureDeferredIndexes(
  db: Db,
  onBuilding?: (names: readonly string[]) => void,
): Promise<string[]> {
  const missing = await missingIndexes(db, DEFERRED_INDEXES);
  if (missing.length === 0) return [];
  onBuilding?.(missing.map((i) => i.name));
  const lanes =
    db.engine === 'postgres'
      ? [missing.filter((i) => i.name === BUILT_ALONE), missing.filter((i) => i.name !== BUILT_ALONE)]
      : [missing];
  // Every lane ends before this does, even when one fails.
  const results = await Promise.allSettled(
    lanes.map(async (lane) => (lane.length === 0 ? [] : buildIndexes(db, lane))),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
}

/** Those of `indexes` that the current schema does not have. */
async function missingIndexes(db: Sql, indexes: readonly DeferredIndex[]): Promise<DeferredIndex[]> {
  const rows = await db.query<{ name: string }>(
    'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($1::text[])',
    [indexes.map((i) => i.name)],
  );
  const present = new Set(rows.map((r) => r.name));
  return indexes.filter((i) => !present.has(i.name));
}

/** Builds `indexes` in one transaction, each under its own lock and only if still missing then. */
async function buildIndexes(db: Db, indexes: readonly DeferredIndex[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
    const built: string[] = [];
    for (const index of indexes) {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BUILD_LOCK, index.name]);
      if ((await missingIndexes(tx, [index])).length === 0) continue;
      await tx.exec(`CREATE INDEX ${index.name} ${index.definition}`);
      built.push(index.name);
    }
    return built;
  });
}

/**
 * Adds the document frequencies a large load deferred (search_term_deltas, docs/adr/0021) to
 * search_terms and empties the table. The table is locked first, so no batch adds rows until this
 * commits: the sum takes every row there is, and the table is emptied whole (TRUNCATE, not a delete
 * of millions of rows after a 100,000-document load).
 */
export async function foldTermDeltas(db: Db): Promise<void> {
  const [pending] = await db.query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM search_term_deltas) AS any',
  );
  if (!pending?.any) return;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BUILD_LOCK]);
    await tx.exec(
      [
        `SET LOCAL work_mem = '${BUILD_MEMORY}'`,
        'LOCK TABLE search_term_deltas IN ACCESS EXCLUSIVE MODE',
        `INSERT INTO search_terms (term, df) SELECT term, sum(df)::int4 FROM search_term_deltas GROUP BY term
         ON CONFLICT (term) DO UPDATE SET df = search_terms.df + EXCLUDED.df`,
        'TRUNCATE search_term_deltas',
      ].join(';\n'),
    );
  });
}
