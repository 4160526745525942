import type { Sql } from './db.js';
import type { InsertSpec } from './write-batch.js';
import { WriteBatch } from './write-batch.js';

export interface DocumentRow {
  id: string;
  meeting_id: string | null;
  source_path: string;
  file_name: string;
  byte_size: number;
  kind: string;
  language: string;
  reader: string;
  body_name: string | null;
  title: string | null;
  meeting_number: string | null;
  date: string | null;
  next_meeting: unknown;
  recorded_by: string | null;
  minutes_checkers: string[];
  /** As a string or as its UTF-8 bytes. */
  text: string | Uint8Array;
  related_titles: string[];
  diagnostics: unknown[];
  public: boolean;
  non_public_basis: string | null;
  item_count: number;
  participant_count: number;
  minhash: number[] | null;
  meeting_evidence: unknown;
}

const DOCUMENT_COLUMNS = [
  'id', 'meeting_id', 'source_path', 'file_name', 'byte_size', 'kind', 'language', 'reader', 'body_name',
  'title', 'meeting_number', 'date', 'next_meeting', 'recorded_by', 'minutes_checkers', 'text',
  'related_titles', 'diagnostics', 'public', 'non_public_basis', 'item_count', 'participant_count',
  'minhash', 'meeting_evidence',
] as const; // prettier-ignore

const JSON_COLUMNS = new Set([
  'next_meeting',
  'minutes_checkers',
  'related_titles',
  'diagnostics',
  'meeting_evidence',
]);

const COLUMN_TYPES: Record<(typeof DOCUMENT_COLUMNS)[number], string> = {
  id: 'text', meeting_id: 'text', source_path: 'text', file_name: 'text', byte_size: 'int4', kind: 'text',
  language: 'text', reader: 'text', body_name: 'text', title: 'text', meeting_number: 'text', date: 'date',
  next_meeting: 'jsonb', recorded_by: 'text', minutes_checkers: 'jsonb', text: 'text', related_titles: 'jsonb',
  diagnostics: 'jsonb', public: 'bool', non_public_basis: 'text', item_count: 'int4', participant_count: 'int4',
  minhash: 'text', meeting_evidence: 'jsonb',
}; // prettier-ignore

/** The document row and its source path. */
export function documentInserts(row: DocumentRow): InsertSpec[] {
  const value = (c: (typeof DOCUMENT_COLUMNS)[number]) => {
    if (c === 'minhash') return row.minhash ? `{${row.minhash.join(',')}}` : null;
    return JSON_COLUMNS.has(c) ? JSON.stringify(row[c] ?? null) : row[c];
  };
  return [
    {
      table: 'documents',
      columns: DOCUMENT_COLUMNS,
      // unnest cannot take a two-dimensional array apart row by row: minhash travels as its text form.
      types: DOCUMENT_COLUMNS.map((c) => COLUMN_TYPES[c]),
      values: DOCUMENT_COLUMNS.map((c) => [value(c)]),
      casts: { minhash: 'int4[]' },
      key: 1,
    },
    sourceInserts([[row.id, row.source_path]]),
  ];
}

export function sourceInserts(pairs: readonly (readonly [string, string])[]): InsertSpec {
  return {
    table: 'document_sources',
    columns: ['document_id', 'source_path'],
    types: ['text', 'text'],
    values: [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    onConflict: 'ON CONFLICT DO NOTHING',
    key: 2,
  };
}

export async function insertDocument(tx: Sql, row: DocumentRow): Promise<void> {
  const batch = new WriteBatch();
  for (const spec of documentInserts(row)) batch.insert(spec);
  await batch.run(tx);
}

/** Records further paths the same bytes were found at. */
export async function addDocumentSources(
  db: Sql,
  pairs: readonly (readonly [string, string])[],
): Promise<void> {
  await new WriteBatch().insert(sourceInserts(pairs)).run(db);
}

/**
 * Every stored document's id (its content hash). About 100 bytes each in memory: a store of a million
 * documents takes some 100 MB.
 */
export async function listStoredDocumentIds(db: Sql): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>('SELECT id FROM documents');
  return new Set(rows.map((r) => r.id));
}

/** Which of these content hashes are stored already. */
export async function findStoredDocumentIds(db: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // Each id looked up in the index (see `findStoredPeople`).
  const rows = await db.query<{ id: string }>(
    `SELECT d.id FROM unnest($1::text[]) AS q(id)
     CROSS JOIN LATERAL (SELECT id FROM documents WHERE id = q.id OFFSET 0) d`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

export interface NearDuplicateCandidate {
  id: string;
  meeting_id: string | null;
  minhash: number[];
}

export interface BucketCandidate extends NearDuplicateCandidate {
  band: number;
  bucket: number;
  /** The body of the candidate's meeting, if it has one. */
  meeting_body_id: string | null;
}

/** Stored documents in any of these (band, bucket) pairs, once per pair they are in. */
export async function findDocumentsInBuckets(
  tx: Sql,
  pairs: readonly (readonly [number, number])[],
): Promise<BucketCandidate[]> {
  if (pairs.length === 0) return [];
  return tx.query<BucketCandidate>(
    // Each bucket looked up in the index (see `findStoredPeople`).
    `SELECT b.band, b.bucket, c.* FROM unnest($1::int2[], $2::int4[]) AS b(band, bucket)
     CROSS JOIN LATERAL (
       SELECT d.id, d.meeting_id, d.minhash, m.body_id AS meeting_body_id
       FROM document_lsh l JOIN documents d ON d.id = l.document_id LEFT JOIN meetings m ON m.id = d.meeting_id
       WHERE l.band = b.band AND l.bucket = b.bucket AND d.minhash IS NOT NULL OFFSET 0
     ) c`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}

/**
 * A new document's MinHash buckets, one per band. Plain rows: they are written with the document itself,
 * whose own insert fails if it is stored already, so none of them can be there before.
 */
export function lshInsert(documentId: string, buckets: readonly number[]): InsertSpec {
  return {
    table: 'document_lsh',
    columns: ['band', 'bucket', 'document_id'],
    types: ['int2', 'int4', 'text'],
    values: [buckets.map((_, i) => i), buckets, buckets.map(() => documentId)],
  };
}

export interface DocumentSummary {
  id: string;
  meeting_id: string | null;
  source_path: string;
  kind: string;
  title: string | null;
  public: boolean;
  non_public_basis: string | null;
  item_count: number;
  participant_count: number;
}

export async function findDocument(db: Sql, id: string): Promise<DocumentSummary | null> {
  const rows = await db.query<DocumentSummary>(
    `SELECT id, meeting_id, source_path, kind, title, public, non_public_basis, item_count, participant_count
     FROM documents WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Documents whose stored items or attendance do not match their counts: none, unless a write was torn. */
export async function findIncompleteDocuments(db: Sql): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT d.id FROM documents d
     WHERE d.item_count <> (SELECT count(*) FROM items i WHERE i.document_id = d.id)
        OR d.participant_count <> (SELECT count(*) FROM attendance a WHERE a.document_id = d.id)
        OR NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id)`,
  );
  return rows.map((r) => r.id);
}

export async function countRows(db: Sql, table: string): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}
