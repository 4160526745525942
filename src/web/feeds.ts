import ical from 'ical-generator';
import type { LatestDocument, MeetingSummary } from '../store/portal.queries.js';
import { escapeHtml } from './html.js';
import { formatDate } from './i18n.js';

/** An Atom feed of a body's latest public documents. */
export function renderAtom(
  baseUrl: string,
  body: { id: string; name: string },
  docs: readonly LatestDocument[],
  updated: string,
): string {
  const x = escapeHtml;
  const entries = docs.map((d) => {
    const url = `${baseUrl}/meetings/${d.id}`;
    const title = [d.body_name, d.meeting_number, formatDate(d.date), d.kind].filter(Boolean).join(' ');
    const summary = [...d.key_messages.map((k) => `${k.title}: ${k.summary ?? ''}`), ...d.decisions.map((i) => `${i.number} ${i.title}: ${i.decision ?? ''}`)].join('\n'); // prettier-ignore
    return `<entry>
<id>urn:pykala:document:${x(d.document_id)}</id>
<title>${x(title)}</title>
<link rel="alternate" type="text/html" href="${x(url)}"/>
<updated>${x(d.date ? `${d.date}T00:00:00Z` : updated)}</updated>
<summary xml:lang="${x(d.language)}">${x(summary || title)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:pykala:body:${x(body.id)}</id>
<title>${x(body.name)}</title>
<link rel="self" type="application/atom+xml" href="${x(`${baseUrl}/bodies/${body.id}/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${x(`${baseUrl}/bodies/${body.id}`)}"/>
<updated>${x(updated)}</updated>
<author><name>Pykälä</name></author>
${entries.join('\n')}
</feed>
`;
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
    `${baseUrl}/actions`,
    ...links.map((l) => `${baseUrl}/${l.kind}/${l.id}`),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`).join('\n')}
</urlset>
`;
}
