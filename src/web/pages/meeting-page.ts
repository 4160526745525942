import type { NextMeeting } from '../../domain/minutes.js';
import type { SimilarDocument } from '../../search/query/similar.js';
import type { ActionEntry, ItemEntry, MeetingPage, MeetingSummary } from '../../store/portal.queries.js';
import type { SafeHtml } from '../html.js';
import { html } from '../html.js';
import type { Messages } from '../i18n.js';
import { formatDate, formatTime } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';
import { renderTable } from '../table.js';
import { fieldLabel, sourceLink } from './source-page.js';

/** '8/2017 Sote-johtajakokous 5.3.2017' — what a meeting is called in lists and titles. */
export function meetingName(m: MeetingSummary, t: Messages): string {
  const name = m.body_name ?? m.title ?? t.meeting;
  return [name, m.meeting_number, formatDate(m.date)].filter(Boolean).join(' ');
}

export function meetingLink(m: MeetingSummary, t: Messages): SafeHtml {
  return html`<a href="/meetings/${m.id}">${meetingName(m, t)}</a>`;
}

/** Where a field shown on the page came from: which document, and whether its span is stored. */
interface Sources {
  sourced: ReadonlySet<string>;
  meetingId: string;
  /** The document the page's header and items come from; links to others name theirs. */
  first: string;
}

export function renderMeetingPage(
  ctx: PageContext,
  page: MeetingPage,
  similar: readonly SimilarDocument[],
): string {
  const { t } = ctx;
  const m = page.meeting;
  const first = page.documents[0]?.id ?? '';
  const src: Sources = { sourced: page.sourced, meetingId: m.id, first };
  const source = (pointer: string, documentId = first, what = fieldLabel(pointer, t)) =>
    sourceLink(t, src.sourced, m.id, documentId, pointer, what, documentId !== first);
  const next = page.documents
    .map((d) => ({ id: d.id, next: d.next_meeting as NextMeeting | null }))
    .find((n) => n.next && (n.next.date || n.next.place));
  const fact = (label: string, value: SafeHtml | string | null, pointer: string | null) =>
    value
      ? html`<dt>${label}</dt>
          <dd>${value}${pointer ? source(pointer) : null}</dd>`
      : null;
  const main = html`<article>
    <h1>${meetingName(m, t)}</h1>
    <dl class="facts">
      ${fact(t.body, m.body_id ? html`<a href="/bodies/${m.body_id}">${m.body_name}</a>` : null, '/body')}
      ${fact(t.organisation, m.organisation_id ? html`<a href="/organisations/${m.organisation_id}">${m.organisation}</a>` : null, null)}
      ${fact(t.number, m.meeting_number, '/meeting_number')}
      ${fact(t.date, m.date ? html`<time datetime="${m.date}">${formatDate(m.date)}</time>` : null, '/date')}
      ${fact(t.time, m.start_time ? `${formatTime(m.start_time, t)}${m.end_time ? `–${formatTime(m.end_time, t).replace(/^\S+ /, '')}` : ''}` : null, '/start_time')}
      ${fact(t.place, m.place, '/place')}
    </dl>
    ${renderAttendance(page.attendance, t, src)} ${renderDepartures(page.departures, t, src)}
    <h2>${t.items}</h2>
    ${page.items.length === 0 ? html`<p>${t.none}</p>` : page.items.map((i) => renderItem(i, t, 3, src))}
    ${renderActions(page.actions, t, 2, t.actions, src)}
    ${
      next?.next
        ? html`<h2>${t.nextMeeting}</h2>
            <p>
              ${[formatDate(next.next.date), formatTime(next.next.start_time, t), next.next.place].filter(Boolean).join(', ')}${source('/next_meeting', next.id)}
            </p>`
        : null
    }
    <h2>${t.sources}</h2>
    <ul>
      ${page.documents.map(
        (d) =>
          html`<li>
            <a href="/meetings/${m.id}/source${d.id === first ? '' : `?doc=${d.id}`}">${d.file_name}</a>
            <span class="muted"
              >(${t.kinds[d.kind] ?? d.kind}, <span lang="${d.language}">${d.language}</span>)</span
            >${d.recorded_by ? html` · ${t.recordedBy}: ${d.recorded_by}${source('/recorded_by', d.id)}` : null}
          </li>`,
      )}
    </ul>
    ${renderSimilar(similar, t)}
  </article>`;
  const head = m.body_id
    ? html`<link rel="alternate" type="application/atom+xml" href="/bodies/${m.body_id}/feed.atom" />`
    : undefined;
  return renderPage(ctx, meetingName(m, t), main, head);
}

function renderAttendance(rows: MeetingPage['attendance'], t: Messages, src: Sources): SafeHtml | null {
  if (rows.length === 0) return null;
  const status = (a: MeetingPage['attendance'][number]) => (a.status === 'present' || a.status === 'absent' || a.status === 'partial' ? t[a.status] : t.unknown); // prettier-ignore
  return html`<h2>${t.attendance}</h2>
    ${renderTable(
      [t.name, t.role, t.organisation, t.status],
      rows.map((a) => [
        html`<a href="/people/${a.person_id}">${a.name}</a>${sourceLink(t, src.sourced, src.meetingId, a.document_id, `/participants/${a.ordinal}`, a.name, a.document_id !== src.first)}`, // prettier-ignore
        [a.chair ? t.chair : null, a.secretary ? t.secretary : null, a.invited ? t.invited : null, a.role].filter(Boolean).join(', '), // prettier-ignore
        a.organisation_id ? html`<a href="/organisations/${a.organisation_id}">${a.organisation}</a>` : null,
        html`${status(a)}${a.items ? html` (${t.itemsAttended} ${a.items})` : null}`,
      ]),
      { rowHeaders: true },
    )}`;
}

function renderDepartures(rows: MeetingPage['departures'], t: Messages, src: Sources): SafeHtml | null {
  if (rows.length === 0) return null;
  // Departures and arrivals share one ordinal sequence in the store, departures first; the record keeps two lists.
  const departuresCount = rows.filter((d) => d.kind !== 'arrival').length;
  const pointer = (d: MeetingPage['departures'][number]) =>
    d.kind === 'arrival' ? `/arrivals/${d.ordinal - departuresCount}` : `/departures/${d.ordinal}`;
  return html`<h2>${t.departures}</h2>
    <ul>
      ${rows.map((d) => html`<li>${d.person_id ? html`<a href="/people/${d.person_id}">${d.name}</a>` : d.name} ${d.kind === 'arrival' ? t.arrival : t.departure}${d.time ? html` ${formatTime(d.time, t)}` : null}${d.item ? html`, ${t.item.toLowerCase()} ${d.item}` : null}${sourceLink(t, src.sourced, src.meetingId, d.document_id, pointer(d), d.name, d.document_id !== src.first)}</li>`)}
    </ul>`;
}

export function renderSimilar(similar: readonly SimilarDocument[], t: Messages): SafeHtml | null {
  if (similar.length === 0) return null;
  return html`<h2>${t.similar}</h2>
    <ul class="similar">
      ${similar.map((s) => html`<li>${s.meetingId ? html`<a href="/meetings/${s.meetingId}">${s.title ?? s.source}</a>` : (s.title ?? s.source)} <span class="muted">${s.source}</span></li>`)}
    </ul>`;
}

/**
 * An item with its headings at `level` (1 on its own page, 3 inside a meeting page), and links to the
 * source of each field when `src` says which are stored (on its own page, every field is linked).
 */
export function renderItem(i: ItemEntry, t: Messages, level: 1 | 3, src: Sources | null = null): SafeHtml {
  const what = `${i.number} ${i.title}`;
  const source = (field: string, label: string) =>
    sourceLink(t, src?.sourced ?? null, i.meeting_id, i.document_id, `/items/${i.ordinal}${field}`, `${label} – ${what}`, !src || i.document_id !== src.first); // prettier-ignore
  const heading = level === 1 ? html`<h1>${what}</h1>` : html`<h3>${what}</h3>`;
  const sub = (label: string, text: string, field: string) => {
    const link = source(field, label);
    return html`${level === 1 ? html`<h2>${label}</h2>` : html`<h4>${label}</h4>`}
      <p class="text">${text}</p>
      ${link ? html`<p class="source">${link}</p>` : null}`;
  };
  return html`<section class="item" id="item-${i.id}">
    ${heading} ${i.proposal ? sub(t.proposal, i.proposal, '/proposal') : null}
    ${i.decision ? sub(t.decision, i.decision, '/decision') : null}
    ${
      i.attachments.length > 0
        ? html`<p><strong>${t.attachments}:</strong></p>
            <ul>
              ${i.attachments.map((a) => html`<li>${a}</li>`)}
            </ul>`
        : null
    }
    <p>
      <a href="/items/${i.id}">${t.permalink}<span class="muted"> – ${what}</span></a
      >${source('', t.item)}
    </p>
  </section>`;
}

export function renderActions(
  actions: readonly ActionEntry[],
  t: Messages,
  level: 1 | 2,
  title = t.actions,
  src: Sources | null = null,
): SafeHtml | null {
  if (actions.length === 0)
    return level === 1
      ? html`<h1>${title}</h1>
          <p>${t.none}</p>`
      : null;
  return html`${title ? (level === 1 ? html`<h1>${title}</h1>` : html`<h2>${title}</h2>`) : null}
  ${renderTable(
    [t.task, t.owner, t.due, t.actionStatus, t.meeting],
    actions.map((a) => [
      html`${a.task}${src ? sourceLink(t, src.sourced, src.meetingId, a.document_id, `/actions/${a.ordinal}`, a.task, a.document_id !== src.first) : null}`, // prettier-ignore
      a.owner_person_id ? html`<a href="/people/${a.owner_person_id}">${a.owner_name}</a>` : a.owner_name,
      a.due,
      a.status === 'done' ? t.done : t.open,
      a.meeting_id ? html`<a href="/meetings/${a.meeting_id}${a.item_id ? `#item-${a.item_id}` : ''}">${[a.body_name, formatDate(a.meeting_date)].filter(Boolean).join(' ')}${a.item_number ? ` § ${a.item_number}` : ''}</a>` : null, // prettier-ignore
    ]),
  )}`;
}

export function renderItemPage(
  ctx: PageContext,
  item: ItemEntry,
  meeting: MeetingSummary | null,
  similar: readonly SimilarDocument[],
): string {
  const { t } = ctx;
  const main = html`<article>
    <p>${meeting ? meetingLink(meeting, t) : null}</p>
    ${renderItem(item, t, 1)} ${renderSimilar(similar, t)}
  </article>`;
  return renderPage(ctx, `${item.number} ${item.title}`, main);
}
