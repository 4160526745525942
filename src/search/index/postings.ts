import { hash } from 'node:crypto';
import { firstSorted } from '../../lib/first-sorted.js';
import type { Sql } from '../../store/db.js';
import type { InsertSpec } from '../../store/write-batch.js';
import type { TermVector } from './term-vector.js';

/** Terms per search row that get a posting: enough for each row's title, item-title and decision words. */
export const POSTINGS_PER_ROW = 64;

/** A search row's postings: plain arrays, so they can be prepared in a worker and sent over. */
export interface Postings {
  terms: string[];
  impacts: number[];
  /** The highest impact of a term left out: no other term of the row can rank it higher (0 if none). */
  rest: number;
}

/** The postings of one search_documents row, ready to write. */
export interface PostingRows extends Postings {
  documentId: string;
  audience: 'public' | 'all';
}

/**
 * A search row's highest-impact terms (each one's exact one-term ts_rank). A query takes
 * the best documents of its terms from these through a btree instead of ranking every match.
 */
export function preparePostings(
  vector: Pick<TermVector, 'terms' | 'impacts'>,
  limit = POSTINGS_PER_ROW,
): Postings {
  const { terms, impacts } = vector;
  const term = (i: number) => terms[i] as string;
  const impact = (i: number) => impacts[i] as number;
  // Many terms of a row tie (once each in running text): the longer ones, mostly rarer, go first.
  const sorted = firstSorted(terms.keys(), limit + 1, (a, b) => impact(b) - impact(a) || term(b).length - term(a).length || (term(a) < term(b) ? -1 : 1)); // prettier-ignore
  const top = sorted.slice(0, limit);
  const rest = sorted[limit];
  return { terms: top.map(term), impacts: top.map(impact), rest: rest === undefined ? 0 : impact(rest) };
}

/**
 * The 64-bit key postings carry instead of the document id: the first 16 hex digits of its MD5, as a
 * signed integer. SQL computes the same with `docKeySql`.
 */
export function documentKey(documentId: string): string {
  const hex = hash('md5', documentId, 'hex').slice(0, 16);
  return BigInt.asIntN(64, BigInt(`0x${hex}`)).toString();
}

/** `documentKey` in SQL, of a text expression. */
export function docKeySql(expression: string): string {
  return `('x' || left(md5(${expression}), 16))::bit(64)::int8`;
}

/** The postings of many rows as one insert, for `WriteBatch.insert`. */
export function postingsInsert(rows: readonly PostingRows[]): InsertSpec {
  const keys: string[] = [];
  const flags: boolean[] = [];
  const terms: string[] = [];
  const impacts: number[] = [];
  for (const r of rows) {
    const key = documentKey(r.documentId);
    r.terms.forEach((term, i) => {
      keys.push(key);
      flags.push(r.audience === 'public');
      terms.push(term);
      impacts.push(r.impacts[i] ?? 0);
    });
  }
  return {
    table: 'search_postings',
    columns: ['doc_key', 'public', 'term', 'impact'],
    types: ['int8', 'bool', 'text', 'float4'],
    values: [keys, flags, terms, impacts],
  };
}

/** Writes the postings of many rows in one statement. */
export async function writePostings(sql: Sql, rows: readonly PostingRows[]): Promise<void> {
  const spec = postingsInsert(rows);
  if ((spec.values[0]?.length ?? 0) === 0) return;
  await sql.query(
    `INSERT INTO search_postings (doc_key, public, term, impact)
     SELECT * FROM unnest($1::int8[], $2::bool[], $3::text[], $4::float4[])`,
    spec.values,
  );
}

/** Removes the postings of these documents (every audience). */
export async function deletePostings(sql: Sql, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await sql.query('DELETE FROM search_postings WHERE doc_key = ANY($1::int8[])', [
    documentIds.map(documentKey),
  ]);
}
