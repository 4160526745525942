import ical from 'ical-generator';
import type { SearchHit } from '../search/query/search.js';
import type { LatestDocument, MeetingSummary } from '../store/portal.queries.js';
import { escapeHtml } from './html.js';
import { formatDate } from './i18n.js';

export interface AtomFeed {
  /** A URN that stays the same however the feed is reached. */
  id: string;
  title: string;
  /** The feed's own URL and the page it follows, absolute. */
  self: string;
  page: string;
  updated: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  updated: string;
  summary: string;
  /** The summary is HTML (a search snippet), not plain text. */
  html?: boolean;
  language: string;
}

/** An Atom (RFC 4287) feed, written out by hand and escaped. */
export function renderAtom(feed: AtomFeed, entries: readonly AtomEntry[]): string {
  const x = escapeHtml;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${x(feed.id)}</id>
<title>${x(feed.title)}</title>
<link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>
<link rel="alternate" type="text/html" href="${x(feed.page)}"/>
<updated>${x(feed.updated)}</updated>
<author><name>Pykälä</name></author>
${entries
  .map(
    (e) => `<entry>
<id>${x(e.id)}</id>
<title>${x(e.title)}</title>
<link rel="alternate" type="text/html" href="${x(e.url)}"/>
<updated>${x(e.updated)}</updated>
<summary${e.html ? ' type="html"' : ''} xml:lang="${x(e.language)}">${x(e.summary)}</summary>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

/** A date as an Atom timestamp; `fallback` when there is none. */
export function atomTime(date: string | null, fallback: string): string {
  return date ? `${date}T00:00:00Z` : fallback;
}

/** Entries of a body's latest public documents: their key messages and decisions. */
export function documentEntries(
  baseUrl: string,
  docs: readonly LatestDocument[],
  updated: string,
): AtomEntry[] {
  return docs.map((d) => {
    const title = [d.body_name, d.meeting_number, formatDate(d.date), d.kind].filter(Boolean).join(' ');
    const summary = [...d.key_messages.map((k) => `${k.title}: ${k.summary ?? ''}`), ...d.decisions.map((i) => `${i.number} ${i.title}: ${i.decision ?? ''}`)].join('\n'); // prettier-ignore
    return { id: `urn:pykala:document:${d.document_id}`, title, url: `${baseUrl}/meetings/${d.id}`, updated: atomTime(d.date, updated), summary: summary || title, language: d.language }; // prettier-ignore
  });
}

/** Entries of search hits, with their highlighted snippets; a hit without a meeting links to `page`. */
export function hitEntries(
  baseUrl: string,
  hits: readonly SearchHit[],
  page: string,
  updated: string,
): AtomEntry[] {
  return hits.map((h) => ({
    id: `urn:pykala:document:${h.documentId}`,
    title: [h.bodyName, formatDate(h.date), h.title ?? h.source].filter(Boolean).join(' – '),
    url: h.meetingId ? `${baseUrl}/meetings/${h.meetingId}` : page,
    updated: atomTime(h.date, updated),
    summary: h.snippet,
    html: true,
    language: h.language,
  }));
}

/** An iCalendar of a body's upcoming meetings, in Helsinki time. */
export function renderCalendar(
  baseUrl: string,
  body: { id: string; name: string },
  meetings: readonly MeetingSummary[],
): string {
  const calendar = ical({
    name: body.name,
    prodId: { company: 'pykala', product: 'portal' },
    timezone: 'Europe/Helsinki',
  });
  for (const m of meetings) {
    if (!m.date) continue;
    const time = /^(\d{1,2})[.:](\d{2})/.exec(m.start_time ?? '');
    const start = time
      ? new Date(`${m.date}T${time[1]?.padStart(2, '0')}:${time[2]}:00Z`)
      : new Date(`${m.date}T00:00:00Z`);
    calendar.createEvent({
      id: `${m.id}@pykala`,
      start,
      end: time ? new Date(start.getTime() + 2 * 3600_000) : start,
      allDay: !time,
      // Wall-clock times as written in the minutes: Helsinki time, not UTC.
      floating: true,
      summary: [m.body_name ?? body.name, m.meeting_number].filter(Boolean).join(' '),
      location: m.place,
      url: `${baseUrl}/meetings/${m.id}`,
    });
  }
  return calendar.toString();
}

export function renderSitemap(baseUrl: string, links: readonly { kind: string; id: string }[]): string {
  const urls = [
    `${baseUrl}/`,
    `${baseUrl}/search`,
    `${baseUrl}/topics`,
    `${baseUrl}/actions`,
    ...links.map((l) => `${baseUrl}/${l.kind}/${l.id}`),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`).join('\n')}
</urlset>
`;
}
