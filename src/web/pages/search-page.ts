import type { FacetCount, SearchResult } from '../../search/query/search.js';
import type { SafeHtml } from '../html.js';
import { html, trusted } from '../html.js';
import { formatDate } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';
import { topicHref } from './topic-page.js';

export interface SearchParams {
  q: string;
  body: string;
  kind: string;
  language: string;
  year: string;
  page: number;
}

export const PAGE_SIZE = 10;

/** The search page's parameters from the query string, bounded. */
export function readSearchParams(q: Record<string, string | undefined>): SearchParams {
  return {
    q: (q.q ?? '').slice(0, 500),
    body: (q.body ?? '').slice(0, 200),
    kind: (q.kind ?? '').slice(0, 20),
    language: (q.language ?? '').slice(0, 10),
    year: /^\d{4}$/.test(q.year ?? '') ? (q.year ?? '') : '',
    page: Math.max(1, Math.min(1000, Number.parseInt(q.page ?? '1', 10) || 1)),
  };
}

/** The query string of a search, its page left out: what its feed and links carry. */
export function searchQueryString(params: SearchParams): string {
  const qs = new URLSearchParams();
  for (const k of ['q', 'body', 'kind', 'language', 'year'] as const) if (params[k]) qs.set(k, params[k]);
  return qs.toString();
}

export function renderSearchPage(
  ctx: PageContext,
  params: SearchParams,
  result: SearchResult | null,
): string {
  const { t } = ctx;
  const link = (change: Partial<SearchParams>) => {
    const p = { ...params, page: 1, ...change };
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(p)) if (v && !(k === 'page' && v === 1)) qs.set(k, String(v));
    return `/search?${qs.toString()}`;
  };
  const facet = (title: string, key: 'body' | 'kind' | 'language' | 'year', list: readonly FacetCount[], label = (v: string) => v): SafeHtml | null =>
    list.length === 0 ? null : html`<h3>${title}</h3><ul class="plain">${list.slice(0, 10).map((f) => html`<li>${params[key] === f.value ? html`<strong>${label(f.value)}</strong>` : html`<a href="${link({ [key]: f.value })}">${label(f.value)}</a>`} <span class="muted">(${f.count})</span></li>`)}</ul>`; // prettier-ignore
  const pages = result ? Math.ceil(result.total / PAGE_SIZE) : 0;
  const filtered = params.body || params.kind || params.language || params.year;
  const feed = `/search/feed.atom?${searchQueryString(params)}`;
  const main = html`<h1>${t.search}</h1>
    <form method="get" action="/search" class="search" role="search">
      <label for="q">${t.query}</label>
      <input id="q" name="q" type="search" value="${params.q}" size="40" />
      ${(['body', 'kind', 'language', 'year'] as const).map((k) => (params[k] ? html`<input type="hidden" name="${k}" value="${params[k]}" />` : null))}
      <button type="submit">${t.searchButton}</button>
    </form>
    ${
      result
        ? html`<div class="layout">
            <aside class="facets" aria-label="${t.filters}">
              <h2>${t.filters}</h2>
              ${filtered ? html`<p><a href="${link({ body: '', kind: '', language: '', year: '' })}">${t.clear}</a></p>` : null}
              ${facet(t.body, 'body', result.facets.body)}
              ${facet(t.kind, 'kind', result.facets.kind, (v) => t.kinds[v] ?? v)}
              ${facet(t.language, 'language', result.facets.language)}
              ${facet(t.year, 'year', result.facets.year)}
            </aside>
            <section aria-label="${t.search}">
              <h2>${result.total} ${t.results}</h2>
              <p>
                <a href="${feed}">${t.subscribe}</a
                >${params.q.trim() ? html` · <a href="${topicHref(params.q.trim())}">${t.asTimeline}</a>` : null}
              </p>
              <ol class="cards" start="${(params.page - 1) * PAGE_SIZE + 1}">
                ${result.hits.map(
                  (h) =>
                    html`<li>
                      <h3>
                        ${h.meetingId ? html`<a href="/meetings/${h.meetingId}">${h.title ?? h.source}</a>` : (h.title ?? h.source)}
                      </h3>
                      <p class="muted">
                        ${[h.bodyName, formatDate(h.date), t.kinds[h.kind] ?? h.kind].filter(Boolean).join(' · ')}
                      </p>
                      <p lang="${h.language}">${trusted(h.snippet)}</p>
                    </li>`,
                )}
              </ol>
              ${
                pages > 1
                  ? html`<nav class="pages" aria-label="${t.page}">
                      <ul>
                        ${params.page > 1 ? html`<li><a href="${link({ page: params.page - 1 })}" rel="prev">${t.previous}</a></li>` : null}
                        <li>${t.page} ${params.page} / ${pages}</li>
                        ${params.page < pages ? html`<li><a href="${link({ page: params.page + 1 })}" rel="next">${t.next}</a></li>` : null}
                      </ul>
                    </nav>`
                  : null
              }
            </section>
          </div>`
        : null
    }`;
  const head = result ? html`<link rel="alternate" type="application/atom+xml" href="${feed}" />` : undefined;
  return renderPage(ctx, params.q ? `${params.q} – ${t.search}` : t.search, main, head);
}
