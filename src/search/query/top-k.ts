import type { Sql } from '../../store/db.js';
import { docKeySql } from '../index/postings.js';

/** Postings read per query term: its best documents by their one-term ts_rank. */
export const PER_TERM = 100;
/** Candidates, by their summed impacts, that are checked against the whole query and ranked exactly. */
export const CANDIDATES = 200;

export interface RankRow {
  document_id: string;
  meeting_id: string | null;
  title: string | null;
  file_name: string;
  body_name: string | null;
  kind: string;
  language: string;
  date: string | null;
  score: number;
  text: string;
}

export interface RankQuery {
  /** The audience and filter conditions on `s` (search_documents), with `q` the tsquery parameter. */
  filter: string;
  params: unknown[];
  /** The ts_rank expression. */
  rank: string;
  limit: number;
  offset: number;
}

const SELECT = `s.document_id, s.meeting_id, s.title, s.file_name, s.body_name, s.kind, s.language, s.date, s.content`;
const ORDER = `score DESC, date DESC NULLS LAST, document_id`;

/** Ranks every match: exact, and cheap while the matches are few. */
export async function rankAll(db: Sql, r: RankQuery): Promise<RankRow[]> {
  return db.query<RankRow>(
    `SELECT top.*, COALESCE(top.content, d.text) AS text FROM (
       SELECT ${SELECT}, ${r.rank}::float8 AS score FROM search_documents s WHERE ${r.filter}
       ORDER BY ${ORDER} LIMIT ${r.limit} OFFSET ${r.offset}) top
     JOIN documents d ON d.id = top.document_id
     ORDER BY top.${ORDER.replace(/, /g, ', top.')}`,
    r.params,
  );
}

/**
 * Ranks only candidates: each term's best documents from the postings btree, the best of those by summed
 * impact checked against the whole query and filters and ranked with the real ts_rank. Null when the
 * candidates do not fill the page (the caller then ranks every match).
 */
export async function rankCandidates(
  db: Sql,
  r: RankQuery,
  terms: readonly string[],
  audiences: readonly boolean[],
  total: number,
): Promise<RankRow[] | null> {
  if (terms.length === 0 || r.offset + r.limit > CANDIDATES) return null;
  const params = [...r.params, terms, audiences];
  const t = `$${params.length - 1}::text[]`;
  const a = `$${params.length}::bool[]`;
  const rows = await db.query<RankRow>(
    `WITH c AS (
       SELECT p.doc_key, sum(p.impact) AS guess
       FROM unnest(${t}) AS q(term) CROSS JOIN unnest(${a}) AS f(public)
       CROSS JOIN LATERAL (SELECT doc_key, impact FROM search_postings
                           WHERE public = f.public AND term = q.term ORDER BY impact DESC LIMIT ${PER_TERM}) p
       GROUP BY p.doc_key ORDER BY guess DESC, p.doc_key LIMIT ${CANDIDATES})
     SELECT top.*, COALESCE(top.content, d.text) AS text FROM (
       SELECT ${SELECT}, ${r.rank}::float8 AS score
       FROM c JOIN search_documents s ON ${docKeySql('s.document_id')} = c.doc_key
       WHERE ${r.filter}
       ORDER BY ${ORDER} LIMIT ${r.limit} OFFSET ${r.offset}) top
     JOIN documents d ON d.id = top.document_id
     ORDER BY top.${ORDER.replace(/, /g, ', top.')}`,
    params,
  );
  return rows.length >= Math.min(r.limit, total - r.offset) ? rows : null;
}
