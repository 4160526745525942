import type { SearchHit } from '../../search/query/search.js';
import type { ItemText } from '../../store/portal.queries.js';
import type { SafeHtml } from '../html.js';
import { html, trusted } from '../html.js';
import { formatDate } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';
import type { Timeline } from '../topics.js';
import { TIMELINE_MAX } from '../topics.js';

export function topicHref(topic: string, year: string | null = null): string {
  return `/topics/${encodeURIComponent(topic)}${year ? `?year=${year}` : ''}`;
}

/** Any query can be a topic: the form, and the topics found in the data. */
export function renderTopicsPage(ctx: PageContext, topics: readonly string[]): string {
  const { t } = ctx;
  const main = html`<h1>${t.topics}</h1>
    <p>${t.topicIntro} ${t.topicPrompt}</p>
    <form method="get" action="/topics" class="search" role="search">
      <label for="q">${t.topic}</label>
      <input id="q" name="q" type="search" size="40" />
      <button type="submit">${t.showTimeline}</button>
    </form>
    ${
      topics.length > 0
        ? html`<ul class="topics">
            ${topics.map((topic) => html`<li><a href="${topicHref(topic)}">${topic}</a></li>`)}
          </ul>`
        : null
    }`;
  return renderPage(ctx, t.topics, main);
}

/**
 * A topic's timeline: its documents from every body, grouped by year in date order, each with the
 * snippet search found and the items in it that concern the topic (`items`, by document id).
 */
export function renderTopicPage(
  ctx: PageContext,
  topic: string,
  timeline: Timeline,
  items: ReadonlyMap<string, readonly ItemText[]>,
): string {
  const { t } = ctx;
  const all = timeline.total <= TIMELINE_MAX;
  const groups = new Map<string, SearchHit[]>();
  for (const h of timeline.hits) {
    const key = h.date?.slice(0, 4) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const yearLink = (year: string, count: number) =>
    year === timeline.year
      ? html`<li><strong aria-current="page">${year}</strong> <span class="muted">(${count})</span></li>`
      : html`<li><a href="${timeline.year || !all ? topicHref(topic, year) : `#y-${year}`}">${year}</a> <span class="muted">(${count})</span></li>`; // prettier-ignore
  const feed = `${topicHref(topic)}/feed.atom`;
  const main = html`<h1>${t.topic}: ${topic}</h1>
    <p>${t.topicIntro}</p>
    <p>
      <strong>${t.documents}: ${timeline.total}</strong> ·
      <a href="/search?q=${encodeURIComponent(topic)}">${t.search}</a> ·
      <a href="${feed}">${t.subscribeTopic}</a>
    </p>
    ${
      timeline.bodies.length > 0
        ? html`<p>
            ${t.bodies}:
            ${timeline.bodies.slice(0, 8).map((b, i) => html`${i > 0 ? ', ' : ''}${b.value} <span class="muted">(${b.count})</span>`)}
          </p>`
        : null
    }
    ${
      timeline.years.length > 1 || timeline.year
        ? html`<nav class="years" aria-label="${t.year}">
            <ul>
              ${timeline.year && all ? html`<li><a href="${topicHref(topic)}">${t.allYears}</a></li>` : null}
              ${timeline.years.map((y) => yearLink(y.value, y.count))}
            </ul>
          </nav>`
        : null
    }
    ${timeline.year && !all ? html`<p>${t.showingYear} ${timeline.year}.</p>` : null}
    ${timeline.hits.length < timeline.shownOf ? html`<p>${t.mostRelevant}: ${timeline.hits.length} / ${timeline.shownOf}.</p>` : null}
    ${timeline.hits.length === 0 ? html`<p>${t.none}</p>` : null}
    ${[...groups].map(
      ([year, hits]) =>
        html`<section class="year" aria-labelledby="y-${year || 'none'}">
          <h2 id="y-${year || 'none'}">${year || t.undated}</h2>
          <ol class="timeline">
            ${hits.map((h) => renderEntry(ctx, h, items.get(h.documentId) ?? []))}
          </ol>
        </section>`,
    )}`;
  const head = html`<link rel="alternate" type="application/atom+xml" href="${feed}" />`;
  return renderPage(ctx, `${t.topic}: ${topic}`, main, head);
}

function renderEntry(ctx: PageContext, h: SearchHit, items: readonly ItemText[]): SafeHtml {
  const { t } = ctx;
  return html`<li>
    <h3>
      ${h.date ? html`<time datetime="${h.date}">${formatDate(h.date)}</time> ` : null}${h.meetingId ? html`<a href="/meetings/${h.meetingId}">${h.title ?? h.source}</a>` : (h.title ?? h.source)}
    </h3>
    <p class="muted">${[h.bodyName, t.kinds[h.kind] ?? h.kind].filter(Boolean).join(' · ')}</p>
    <p lang="${h.language}">${trusted(h.snippet)}</p>
    ${
      items.length > 0
        ? html`<ul class="items" aria-label="${t.matchingItems}" lang="${h.language}">
            ${items.map((i) => html`<li><a href="/items/${i.id}">${i.number} ${i.title}</a></li>`)}
          </ul>`
        : null
    }
  </li>`;
}
