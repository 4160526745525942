import type { Sql } from '../../store/db.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { getAnalyzer } from '../analysis/analyzer.js';
import { compileQuery } from './compile-query.js';
import { parseQuery } from './query-parser.js';
import { makeSnippet } from './snippet.js';

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
}

// ts_rank's weights for D, C, B, A: titles and body names above decisions and proposals above the rest.
const WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'`;

/** Searches the index; non-public content stays out of hits, counts, facets and snippets by default. */
export async function search(db: Sql, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const analyzer = options.analyzer ?? getAnalyzer();
  const compiled = compileQuery(parseQuery(query), analyzer);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  where.push(options.includeNonPublic ? `(s.audience = 'all' OR (s.audience = 'public' AND s.complete))` : `s.audience = 'public'`); // prettier-ignore
  const q = compiled.tsquery ? param(compiled.tsquery, '::tsquery') : null;
  if (q) where.push(`s.vector @@ ${q}`);
  else if (query.trim() && !hasFilter(options)) return emptyResult();
  if (options.body) where.push(`s.body_name ILIKE ${param(`%${escapeLike(options.body)}%`)}`);
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
  const rank = q ? `ts_rank(${WEIGHTS}, s.vector, ${q}, 1)` : '0';
  const hitRows = await db.query<HitRow>(
    `SELECT top.*, COALESCE(top.content, d.text) AS text FROM (
       SELECT s.document_id, s.meeting_id, s.title, s.file_name, s.body_name, s.kind, s.language, s.date,
              s.content, ${rank}::float8 AS score
       FROM search_documents s WHERE ${filter}
       ORDER BY score DESC, s.date DESC NULLS LAST, s.document_id
       LIMIT ${limit} OFFSET ${offset}) top
     JOIN documents d ON d.id = top.document_id
     ORDER BY top.score DESC, top.date DESC NULLS LAST, top.document_id`,
    params,
  );
  const facets = await countFacets(db, filter, params, options.facets !== false);
  const total = facets.kind.reduce((n, f) => n + f.count, 0);
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
      snippet: makeSnippet(r.text, r.language, compiled.highlight, compiled.prefixes, analyzer),
    })),
    facets,
  };
}

interface HitRow {
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

async function countFacets(
  db: Sql,
  filter: string,
  params: readonly unknown[],
  all: boolean,
): Promise<SearchResult['facets']> {
  const facets: SearchResult['facets'] = { body: [], kind: [], language: [], year: [] };
  const rows = await db.query<{ f: keyof SearchResult['facets']; v: string | null; n: number }>(
    all
      ? `WITH m AS MATERIALIZED (SELECT s.body_name, s.kind, s.language, s.date FROM search_documents s WHERE ${filter})
         SELECT 'kind' AS f, kind AS v, count(*)::int AS n FROM m GROUP BY 2
         UNION ALL SELECT 'language', language, count(*)::int FROM m GROUP BY 2
         UNION ALL SELECT 'body', body_name, count(*)::int FROM m WHERE body_name IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'year', extract(year FROM date)::int::text, count(*)::int FROM m WHERE date IS NOT NULL GROUP BY 2`
      : `SELECT 'kind' AS f, s.kind AS v, count(*)::int AS n FROM search_documents s WHERE ${filter} GROUP BY 2`,
    params,
  );
  for (const r of rows) if (r.v !== null) facets[r.f].push({ value: r.v, count: r.n });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)); // prettier-ignore
  return facets;
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
