import type { FastifyPluginAsync } from 'fastify';
import type { SearchOptions, SearchResult } from '../search/query/search.js';
import { search } from '../search/query/search.js';
import type { Sql } from '../store/db.js';

export interface SearchRouteOptions {
  db: Sql;
}

/** A parameter the API refuses, with the reason in words. */
export interface ParameterError {
  parameter: string;
  message: string;
}

const KINDS = ['minutes', 'agenda', 'item', 'listing'];
const LANGUAGES = ['fi', 'sv', 'en'];
const TEXT_PARAMETERS = ['q', 'body', 'organisation', 'person'] as const;
const KNOWN = new Set([...TEXT_PARAMETERS, 'kind', 'language', 'from', 'to', 'limit', 'offset', 'page']);
const MAX_TEXT = 500;
const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;

/**
 * Reads /api/search's query string into search options: every parameter once, known, and well-formed;
 * otherwise the first problem. Public audience only: nothing here can ask for non-public content.
 */
export function readSearchParameters(
  query: Record<string, unknown>,
): { q: string; options: SearchOptions } | ParameterError {
  for (const [name, value] of Object.entries(query)) {
    if (!KNOWN.has(name)) return { parameter: name, message: `unknown parameter '${name}'` };
    if (typeof value !== 'string') return { parameter: name, message: `'${name}' may be given once` };
    if (value.length > MAX_TEXT) return { parameter: name, message: `'${name}' is longer than ${MAX_TEXT} characters` }; // prettier-ignore
  }
  const get = (name: string) => {
    const value = query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const options: SearchOptions = {};
  for (const name of ['body', 'organisation', 'person'] as const) {
    const value = get(name);
    if (value) options[name] = value;
  }
  const kind = get('kind');
  if (kind && !KINDS.includes(kind)) return { parameter: 'kind', message: `'kind' is one of ${KINDS.join(', ')}` }; // prettier-ignore
  if (kind) options.kind = kind;
  const language = get('language');
  if (language && !LANGUAGES.includes(language)) return { parameter: 'language', message: `'language' is one of ${LANGUAGES.join(', ')}` }; // prettier-ignore
  if (language) options.language = language;
  for (const name of ['from', 'to'] as const) {
    const value = get(name);
    if (value === undefined) continue;
    if (!isDate(value)) return { parameter: name, message: `'${name}' is a date, YYYY-MM-DD` };
    options[name] = value;
  }
  if (options.from && options.to && options.from > options.to) return { parameter: 'to', message: `'to' is before 'from'` }; // prettier-ignore
  const limit = readInteger(get('limit'), 'limit', 1, MAX_LIMIT);
  if (typeof limit === 'object') return limit;
  options.limit = limit ?? 10;
  const offset = readInteger(get('offset'), 'offset', 0, MAX_OFFSET);
  if (typeof offset === 'object') return offset;
  const page = readInteger(get('page'), 'page', 1, Math.floor(MAX_OFFSET / options.limit) + 1);
  if (typeof page === 'object') return page;
  if (offset !== undefined && page !== undefined) return { parameter: 'page', message: `give 'offset' or 'page', not both` }; // prettier-ignore
  options.offset = offset ?? ((page ?? 1) - 1) * options.limit;
  const q = get('q') ?? '';
  if (
    !q &&
    !options.body &&
    !options.organisation &&
    !options.person &&
    !kind &&
    !language &&
    !options.from &&
    !options.to
  ) {
    return { parameter: 'q', message: `give 'q' or a filter (body, organisation, person, kind, language, from, to)` }; // prettier-ignore
  }
  return { q, options };
}

function readInteger(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | ParameterError | undefined {
  // prettier-ignore
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return { parameter: name, message: `'${name}' is a whole number from ${min} to ${max}` }; // prettier-ignore
  return n;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The JSON /api/search answers with. */
export function toSearchJson(result: SearchResult, options: SearchOptions) {
  return {
    total: result.total,
    limit: options.limit,
    offset: options.offset,
    hits: result.hits.map((h) => ({
      meeting_id: h.meetingId,
      document_id: h.documentId,
      title: h.title,
      source: h.source,
      body: h.bodyName,
      kind: h.kind,
      language: h.language,
      date: h.date,
      score: h.score,
      snippet: h.snippet,
    })),
    facets: result.facets,
    /** True when total and facet counts are estimates (more than 2,000 matches). */
    estimated: result.estimated === true,
  };
}

/** GET /api/search: the search page's filters, JSON out, public content only; 400 for bad parameters. */
const searchRoute: FastifyPluginAsync<SearchRouteOptions> = async (app, { db }) => {
  app.get('/api/search', async (request, reply) => {
    const read = readSearchParameters(request.query as Record<string, unknown>);
    if ('parameter' in read) {
      return reply.code(400).send({ error: { code: 'bad_parameter', parameter: read.parameter, message: read.message } }); // prettier-ignore
    }
    const result = await search(db, read.q, read.options);
    return toSearchJson(result, read.options);
  });
};

export default searchRoute;
