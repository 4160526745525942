import type { Analyzer } from '../search/analysis/analyzer.js';
import { textMatcher, toTermQuery } from '../search/query/match-terms.js';
import { parseQuery } from '../search/query/query-parser.js';
import type { FacetCount, SearchHit, SearchOptions } from '../search/query/search.js';
import { search } from '../search/query/search.js';
import type { Sql } from '../store/db.js';
import type { ItemText } from '../store/portal.queries.js';

/** Filters a saved search or topic carries: the search page's. */
export interface HitFilters {
  body?: string;
  kind?: string;
  language?: string;
  year?: string;
}

/**
 * The most documents a timeline shows at once; a topic with more shows a year at a time. Each hit costs
 * a snippet, so this is one page of search.
 */
export const TIMELINE_MAX = 100;
// The largest page search returns.
const BATCH = 100;

function searchOptions(f: HitFilters): SearchOptions {
  return {
    ...(f.body ? { body: f.body } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.year ? { from: `${f.year}-01-01`, to: `${f.year}-12-31` } : {}),
  };
}

/** Up to `max` hits of `count`, page by page, in search's order. */
async function collectHits(
  db: Sql,
  q: string,
  options: SearchOptions,
  count: number,
  max: number,
): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (let offset = 0; offset < Math.min(count, max); offset += BATCH) {
    const page = await search(db, q, {
      ...options,
      limit: Math.min(BATCH, max - offset),
      offset,
      facets: false,
    });
    hits.push(...page.hits);
    if (page.hits.length === 0) break;
  }
  return hits;
}

/** Oldest first, undated last; `newest` turns it round (undated still last). */
function byDate(newest = false) {
  return (a: SearchHit, b: SearchHit): number => {
    if (a.date === b.date) return a.documentId < b.documentId ? -1 : 1;
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return (a.date < b.date ? -1 : 1) * (newest ? -1 : 1);
  };
}

export interface Timeline {
  total: number;
  /** Documents per year, oldest first. */
  years: FacetCount[];
  bodies: FacetCount[];
  /** The one year shown, when asked for or when the topic has too many documents to show at once. */
  year: string | null;
  /** Documents in what is shown (the year, or all). */
  shownOf: number;
  /** Oldest first, undated last. */
  hits: SearchHit[];
}

/** Every document of a topic in date order, across bodies and years: built on search's hits and facets. */
export async function findTimeline(db: Sql, q: string, year: string | null): Promise<Timeline> {
  const overview = await search(db, q, { limit: 0 });
  const years = [...overview.facets.year].sort((a, b) => (a.value < b.value ? -1 : 1));
  let chosen = year !== null && years.some((y) => y.value === year) ? year : null;
  if (chosen === null && overview.total > TIMELINE_MAX) chosen = years.at(-1)?.value ?? null;
  const shownOf = chosen ? (years.find((y) => y.value === chosen)?.count ?? 0) : overview.total;
  const hits = await collectHits(db, q, chosen ? searchOptions({ year: chosen }) : {}, shownOf, TIMELINE_MAX);
  return { total: overview.total, years, bodies: overview.facets.body, year: chosen, shownOf, hits: hits.sort(byDate()) }; // prettier-ignore
}

/** The newest `n` documents of a search or topic, for its feed: the latest years' hits, newest first. */
export async function findLatestHits(db: Sql, q: string, filters: HitFilters, n = 30): Promise<SearchHit[]> {
  const options = searchOptions(filters);
  const overview = await search(db, q, { ...options, limit: 0 });
  const years = [...overview.facets.year].sort((a, b) => (a.value < b.value ? 1 : -1));
  let from: string | null = null;
  let count = 0;
  for (const y of years) {
    from = y.value;
    count += y.count;
    if (count >= n) break;
  }
  const hits = from
    ? await collectHits(db, q, { ...options, from: `${from}-01-01` }, count, Math.max(n, TIMELINE_MAX))
    : await collectHits(db, q, options, overview.total, n);
  return hits.sort(byDate(true)).slice(0, n);
}

// Words of every meeting, whatever it decides: no topic.
const PROCEDURE = new Set(['kokous', 'pöytäkirja', 'päätös', 'päätösehdotus', 'ehdotus', 'esitys', 'esittely', 'hyväksyä', 'liite', 'muistio', 'johtaja', 'puheenjohtaja', 'sihteeri', 'jäsen', 'läsnä', 'poissa', 'todeta', 'kohta', 'käsittely', 'lautakunta', 'hallitus', 'valtuusto', 'paikka', 'sammanträde', 'protokoll', 'beslut', 'förslag', 'ärende', 'bilaga', 'ordförande', 'sekreterare', 'närvarande', 'paragraf', 'nämnd', 'styrelse', 'fullmäktige']); // prettier-ignore

/**
 * Topics to offer: the index's frequent terms without procedure words, each only when no longer term
 * holds it about as often ('vointi' goes when 'hyvinvointi' is there).
 */
export function curateTopics(terms: readonly { term: string; documents: number }[], n = 12): string[] {
  const candidates = terms.filter((t) => !PROCEDURE.has(t.term));
  return candidates
    .filter(
      (t) =>
        !candidates.some(
          (u) => u.term !== t.term && u.term.includes(t.term) && u.documents * 2 >= t.documents,
        ),
    ) // prettier-ignore
    .slice(0, n)
    .map((t) => t.term);
}

/** The most items a timeline shows under one document. */
export const ITEMS_PER_HIT = 5;

/**
 * The items of each hit that concern the topic, by document id: those whose public text (title,
 * proposal, decision) satisfies the topic's query under the index's analysis in the document's language,
 * in the order `items` come (document order), at most ITEMS_PER_HIT of each.
 */
export function topicItems(
  topic: string,
  hits: readonly SearchHit[],
  items: readonly ItemText[],
  analyzer: Analyzer,
): Map<string, ItemText[]> {
  const out = new Map<string, ItemText[]>();
  const query = toTermQuery(parseQuery(topic), analyzer);
  if (!query) return out;
  const concerns = textMatcher(query, analyzer);
  const languages = new Map(hits.map((h) => [h.documentId, h.language]));
  for (const i of items) {
    const language = languages.get(i.document_id);
    const shown = out.get(i.document_id) ?? [];
    if (language === undefined || shown.length >= ITEMS_PER_HIT || !concerns(i.text, language)) continue;
    out.set(i.document_id, [...shown, i]);
  }
  return out;
}
