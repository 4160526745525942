import type { Sql } from '../../store/db.js';
import { docKeySql } from '../index/postings.js';

/** Postings read per query term: its best documents by their one-term ts_rank. */
export const PER_TERM = 100;
/** Candidates from the postings, by summed impact, that are checked against the query and ranked exactly. */
export const CANDIDATES = 100;
/** Matches outside the postings that may still rank high enough (by their rows' bound) ranked exactly. */
export const BOUNDED = 100;
/**
 * Matches read for their bounds, in table order, when the count's pass gave none: a pass over every
 * match of a common word costs as much as ranking did, so past this many the page is best-effort.
 */
export const BOUND_SCAN = 5_000;

/**
 * Matches the count's pass read (at most 2,001, in table order), as their ids with the highest bounds
 * first: ranking reads these by id rather than matching the query again, which for a phrase or a filter
 * means rechecking or scanning every match once more.
 */
export interface BoundSample {
  ids: readonly string[];
  /** Each id's rest_impact (null: every term has a posting). */
  bounds: readonly (number | null)[];
  /** Whether `ids` holds every match. */
  every: boolean;
}

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
  content: string | null;
}

export interface RankQuery {
  /** The audience and filter conditions on `s` (search_documents), its tsquery among the parameters. */
  filter: string;
  params: unknown[];
  /** The ts_rank expression. */
  rank: string;
  limit: number;
  offset: number;
  /** The count's matches by bound; without it, ranking matches the query itself. */
  byBound?: BoundSample;
}

const COLUMNS = `s.document_id, s.meeting_id, s.title, s.file_name, s.body_name, s.kind, s.language, s.date, s.content`;
const ORDER = `score DESC, date DESC NULLS LAST, document_id`;

/** Ranks every match: exact, and cheap while the matches are few (then read by id when the count has them all). */
export async function rankAll(db: Sql, r: RankQuery): Promise<RankRow[]> {
  const known = r.byBound?.every ? r.byBound.ids : null;
  return db.query<RankRow>(
    `SELECT ${COLUMNS}, ${r.rank}::float8 AS score FROM ${known ? byIds(r.params.length + 1) : 'search_documents s'}
     WHERE ${r.filter} ORDER BY ${ORDER} LIMIT ${r.limit} OFFSET ${r.offset}`,
    known ? [...r.params, known] : r.params,
  );
}

/**
 * Ranks without touching every match: the best documents of each query term from the postings btree,
 * then the matches whose bound for terms without postings (rest_impact) still beats the page's last
 * score. Exact for one word or words joined by OR (ts_rank adds up per term there); close for AND and
 * phrases, whose rank also weighs proximity, ranked from the postings alone when they fill the page.
 * Null for pages past the candidates.
 */
export async function rankCandidates(
  db: Sql,
  r: RankQuery,
  terms: readonly string[],
  audiences: readonly boolean[],
  additive: boolean,
): Promise<RankRow[] | null> {
  const wanted = r.offset + r.limit;
  if (terms.length === 0 || wanted > CANDIDATES) return null;
  const params = [...r.params, terms, audiences];
  // The candidates' rows first, each through the key index (the lateral subquery keeps the planner from
  // hashing every row's key), then the query and filters on those only; each vector is detoasted once
  // (the concatenation), not for @@ and again for ts_rank.
  const posted = await db.query<RankRow>(
    `WITH c AS (
       SELECT p.doc_key, sum(p.impact) AS guess
       FROM unnest($${params.length - 1}::text[]) AS q(term) CROSS JOIN unnest($${params.length}::bool[]) AS f(public)
       CROSS JOIN LATERAL (SELECT doc_key, impact FROM search_postings
                           WHERE public = f.public AND term = q.term ORDER BY impact DESC LIMIT ${PER_TERM}) p
       GROUP BY p.doc_key ORDER BY guess DESC, p.doc_key LIMIT ${CANDIDATES}),
     s AS MATERIALIZED (
       SELECT s.* FROM c CROSS JOIN LATERAL (
         SELECT ${COLUMNS}, s.audience, s.complete, s.people, s.organisations, s.vector || ''::tsvector AS vector
         FROM search_documents s WHERE ${docKeySql('s.document_id')} = c.doc_key OFFSET 0) s)
     SELECT ${COLUMNS}, ${r.rank}::float8 AS score FROM s WHERE ${r.filter}
     ORDER BY ${ORDER} LIMIT ${wanted}`,
    params,
  );
  // Without OR alone the bounds do not hold (AND and phrases weigh proximity): a page the postings fill
  // is taken as it is; else the matches best by bound fill it.
  if (!additive && posted.length >= wanted) return posted.slice(r.offset, wanted);
  const bound = additive && posted.length >= wanted ? (posted[wanted - 1]?.score ?? 0) : 0;
  const seen = new Set(posted.map((p) => p.document_id));
  // The matches best by bound: from the count's pass when it gave them, else from a pass of our own.
  const sample = r.byBound ? bestByBound(r.byBound, bound, seen, BOUNDED + wanted) : null;
  const bounded = sample
    ? await db.query<RankRow>(
        `SELECT ${COLUMNS}, ${r.rank}::float8 AS score FROM ${byIds(r.params.length + 1)} WHERE ${r.filter}`,
        [...r.params, sample],
      )
    : await db.query<RankRow>(
        `SELECT ${COLUMNS}, ${r.rank}::float8 AS score FROM (
           SELECT * FROM (SELECT * FROM search_documents s WHERE ${r.filter} LIMIT ${additive ? BOUND_SCAN : BOUND_SCAN / 10}) s
           WHERE s.rest_impact IS NULL OR s.rest_impact > $${r.params.length + 1}::float8
           ORDER BY s.rest_impact DESC NULLS FIRST, s.document_id LIMIT ${BOUNDED + wanted}) s`,
        [...r.params, bound],
      );
  const all = [...posted, ...bounded.filter((b) => !seen.has(b.document_id))].sort(compareRows);
  return all.slice(r.offset, wanted);
}

/** The first `n` ids of a sample (best bound first) not yet seen whose bound beats `bound`. */
function bestByBound(sample: BoundSample, bound: number, seen: ReadonlySet<string>, n: number): string[] {
  const out: string[] = [];
  sample.ids.forEach((id, i) => {
    const rest = sample.bounds[i] ?? null;
    if (out.length < n && !seen.has(id) && (rest === null || rest > bound)) out.push(id);
  });
  return out;
}

/**
 * The search rows of the ids in parameter `n`, as `s`, each read through the primary key: a lateral
 * subquery, so the planner cannot match the query through the GIN index and recheck every match again.
 * Each vector is detoasted once (the concatenation), not for @@ and again for ts_rank.
 */
function byIds(n: number): string {
  return `unnest($${n}::text[]) AS k(id) CROSS JOIN LATERAL (
    SELECT ${COLUMNS}, s.audience, s.complete, s.people, s.organisations, s.rest_impact, s.vector || ''::tsvector AS vector
    FROM search_documents s WHERE s.document_id = k.id OFFSET 0) s`;
}

/** The order of ORDER: score, then the later meeting, then the id. */
function compareRows(a: RankRow, b: RankRow): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  return a.document_id < b.document_id ? -1 : a.document_id > b.document_id ? 1 : 0;
}

/** The texts snippets are cut from: the row's own (non-public parts removed) or the document's. */
export async function hitTexts(db: Sql, rows: readonly RankRow[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const r of rows) {
    if (r.content !== null) texts.set(r.document_id, r.content);
    else missing.push(r.document_id);
  }
  if (missing.length > 0) {
    const found = await db.query<{ id: string; text: string }>(
      'SELECT id, text FROM documents WHERE id = ANY($1::text[])',
      [missing],
    );
    for (const f of found) texts.set(f.id, f.text);
  }
  return texts;
}
