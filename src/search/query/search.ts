import type { Sql } from '../../store/db.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { getAnalyzer } from '../analysis/analyzer.js';
import { compileQuery } from './compile-query.js';
import { parseQuery } from './query-parser.js';
import { makeSnippet } from './snippet.js';
import type { BoundSample, RankQuery } from './top-k.js';
import { hitTexts, rankAll, rankCandidates } from './top-k.js';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Part of the body's name ('kaupunginhallitus'), any case. */
  body?: string;
  /** An organisation's name in any spelling or case form ('Turun kaupunki', 'Åbo stad'). */
  organisation?: string;
  /** A participant's name in any case form. */
  person?: string;
  kind?: string;
  language?: string;
  /** Meeting dates from and to, inclusive, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  /** Also search non-public items and documents: only for callers allowed to see them. */
  includeNonPublic?: boolean;
  facets?: boolean;
  /**
   * 'auto' (the default) ranks every match when there are few and takes top-k from the postings when
   * there are many; 'exhaustive' always ranks every match and 'top-k' always uses the postings where it
   * can (both for measuring).
   */
  ranking?: 'auto' | 'exhaustive' | 'top-k';
  analyzer?: Analyzer;
}

export interface SearchHit {
  documentId: string;
  meetingId: string | null;
  title: string | null;
  /** The source file's name. */
  source: string;
  bodyName: string | null;
  kind: string;
  language: string;
  date: string | null;
  score: number;
  /** HTML: escaped text with <mark> around matches. */
  snippet: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: { body: FacetCount[]; kind: FacetCount[]; language: FacetCount[]; year: FacetCount[] };
  /** Total and facet counts are estimates, scaled from the first 2,000 matches in table order. */
  estimated?: boolean;
}

// ts_rank's weights for D, C, B, A: titles and body names above decisions and proposals above the rest.
const WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'`;
// At most this many matches are all ranked; more go through the postings' candidates (docs/adr/0011).
const RANK_ALL_BELOW = 120;
// Matches are counted, by facet too, up to this many; past it the counts are estimated from these.
const FACET_SAMPLE = 2_000;
// Matches of the count's pass handed to ranking, best bound first.
const BOUND_SAMPLE = 300;

/** Searches the index; non-public content stays out of hits, counts, facets and snippets by default. */
export async function search(db: Sql, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const analyzer = options.analyzer ?? getAnalyzer();
  const compiled = compileQuery(parseQuery(query), analyzer, { namePairs: await holdsNamePairs(db) });
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  where.push(options.includeNonPublic ? `(s.audience = 'all' OR (s.audience = 'public' AND s.complete))` : `s.audience = 'public'`); // prettier-ignore
  const q = compiled.match ? param(compiled.match, '::tsquery') : null;
  if (q) where.push(`s.vector @@ ${q}`);
  else if (query.trim() && !hasFilter(options)) return emptyResult();
  // The names the part is in, first: an index then narrows the matches to theirs.
  if (options.body) where.push(`s.body_name = ANY(${param(await bodyNamesWith(db, options.body), '::text[]')})`); // prettier-ignore
  for (const [column, value] of [
    ['organisations', options.organisation],
    ['people', options.person],
  ] as const) {
    if (!value) continue;
    const names = compileQuery(parseQuery(value.replace(/["()*-]/g, ' ')), analyzer).tsquery;
    if (names) where.push(`s.${column} @@ ${param(names, '::tsquery')}`);
  }
  if (options.kind) where.push(`s.kind = ${param(options.kind)}`);
  if (options.language) where.push(`s.language = ${param(options.language)}`);
  if (options.from) where.push(`s.date >= ${param(options.from, '::date')}`);
  if (options.to) where.push(`s.date <= ${param(options.to, '::date')}`);
  const filter = where.join(' AND ');
  const limit = Math.max(0, Math.min(options.limit ?? 10, 100));
  const offset = Math.max(0, options.offset ?? 0);
  // What ranks is the query as written; when it matches through names' word pairs, its own parameter,
  // last, so that counting (which does not rank) leaves it out.
  const rankParams = compiled.tsquery === compiled.match ? params : [...params, compiled.tsquery];
  const rankQuery = rankParams === params ? q : `$${rankParams.length}::tsquery`;
  const rank = rankQuery ? `ts_rank(${WEIGHTS}, s.vector, ${rankQuery}, 1)` : '0';
  const { facets, total, estimated, byBound } = await countMatches(
    db,
    filter,
    params,
    options.facets !== false,
  );
  const exhaustive = options.ranking === 'exhaustive';
  // The count's pass already found these matches: ranking reads them by id instead of matching again.
  const ranking: RankQuery = { filter, params: rankParams, rank, limit, offset, ...(exhaustive ? {} : { byBound }) }; // prettier-ignore
  const useCandidates =
    q &&
    !exhaustive &&
    (total > RANK_ALL_BELOW || options.ranking === 'top-k') &&
    compiled.prefixes.length === 0;
  const audiences = options.includeNonPublic ? [true, false] : [true];
  const hitRows =
    offset >= total || limit === 0
      ? []
      : ((useCandidates
          ? await rankCandidates(db, ranking, [...compiled.highlight], audiences, compiled.additive)
          : null) ?? (await rankAll(db, ranking)));
  const texts = await hitTexts(db, hitRows);
  return {
    total,
    hits: hitRows.map((r) => ({
      documentId: r.document_id,
      meetingId: r.meeting_id,
      title: r.title,
      source: r.file_name,
      bodyName: r.body_name,
      kind: r.kind,
      language: r.language,
      date: r.date,
      score: r.score,
      snippet: makeSnippet(
        texts.get(r.document_id) ?? '',
        r.language,
        compiled.highlight,
        compiled.prefixes,
        analyzer,
      ),
    })),
    facets,
    ...(estimated ? { estimated: true } : {}),
  };
}

/**
 * Counts the matches, and with `all` by body, kind, language and year, in one pass over at most
 * FACET_SAMPLE + 1 of them. Past that the counts are estimates: the matches come in table order, so the
 * share of the table read to find them scales them to the whole. The same pass gives the ids of the
 * matches it read with the highest bounds (rest_impact), for ranking to read by id.
 */
async function countMatches(
  db: Sql,
  filter: string,
  params: readonly unknown[],
  all: boolean,
): Promise<{ facets: SearchResult['facets']; total: number; estimated: boolean; byBound: BoundSample }> {
  const facets: SearchResult['facets'] = { body: [], kind: [], language: [], year: [] };
  const sample = `WITH m AS MATERIALIZED (
      SELECT s.document_id, s.rest_impact, s.kind, s.language, s.body_name, s.date, (s.ctid::text::point)[0] AS block
      FROM search_documents s WHERE ${filter} LIMIT ${FACET_SAMPLE + 1})`;
  const pages = `(SELECT pg_relation_size('search_documents') / current_setting('block_size')::int)::int AS pages`;
  const byBound = `(SELECT json_build_object('ids', array_agg(document_id ORDER BY n), 'bounds', array_agg(rest_impact ORDER BY n)) FROM (
      SELECT document_id, rest_impact, row_number() OVER (ORDER BY rest_impact DESC NULLS FIRST, document_id) AS n
      FROM m ORDER BY n LIMIT ${BOUND_SAMPLE}) b)`;
  const rows =
    await db.query<{ g: number; kind: string | null; language: string | null; body: string | null; year: string | null; n: number; block: number; pages: number; by_bound: { ids: string[] | null; bounds: (number | null)[] | null } | null }>( // prettier-ignore
      all
        ? `${sample} SELECT GROUPING(kind, language, body_name, extract(year FROM date)) AS g, kind, language, body_name AS body,
             extract(year FROM date)::int::text AS year, count(*)::int AS n, max(block)::int AS block, ${pages},
             CASE WHEN GROUPING(kind, language, body_name, extract(year FROM date)) = 15 THEN ${byBound} END AS by_bound
           FROM m GROUP BY GROUPING SETS ((kind), (language), (body_name), (extract(year FROM date)), ())`
        : `${sample} SELECT 15 AS g, count(*)::int AS n, max(block)::int AS block, ${pages}, ${byBound} AS by_bound FROM m`,
      params,
    );
  const whole = rows.find((r) => r.g === 15);
  const counted = whole?.n ?? 0;
  const estimated = counted > FACET_SAMPLE;
  const total = estimated && whole ? Math.max(counted, Math.round((counted * whole.pages) / (whole.block + 1))) : counted; // prettier-ignore
  for (const r of rows) {
    const [key, value] = r.g === 7 ? (['kind', r.kind] as const) : r.g === 11 ? (['language', r.language] as const) : r.g === 13 ? (['body', r.body] as const) : r.g === 14 ? (['year', r.year] as const) : (['kind', null] as const); // prettier-ignore
    if (value !== null) facets[key].push({ value, count: r.n });
  }
  for (const list of Object.values(facets)) {
    if (estimated) for (const f of list) f.count = Math.max(1, Math.round((f.count * total) / counted));
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  const ids = whole?.by_bound?.ids ?? [];
  const bounds = whole?.by_bound?.bounds ?? [];
  return { facets, total, estimated, byBound: { ids, bounds, every: counted <= BOUND_SAMPLE } };
}

/** The indexed body names that contain `part`, in any case. */
async function bodyNamesWith(db: Sql, part: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM search_bodies WHERE name ILIKE $1', [
    `%${escapeLike(part)}%`,
  ]);
  return rows.map((r) => r.name);
}

const withNamePairs = new WeakSet<Sql>();

/** Whether every search row holds names' word pairs; once it does, it always will. */
export async function holdsNamePairs(db: Sql): Promise<boolean> {
  if (withNamePairs.has(db)) return true;
  const [format] = await db.query<{ name_pairs: boolean }>('SELECT name_pairs FROM search_format');
  if (format?.name_pairs) withNamePairs.add(db);
  return format?.name_pairs ?? false;
}

function hasFilter(o: SearchOptions): boolean {
  return Boolean(o.body || o.organisation || o.person || o.kind || o.language || o.from || o.to);
}

function emptyResult(): SearchResult {
  return { total: 0, hits: [], facets: { body: [], kind: [], language: [], year: [] } };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
