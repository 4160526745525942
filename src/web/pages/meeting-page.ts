import type { NextMeeting } from '../../domain/minutes.js';
import type { SimilarDocument } from '../../search/query/similar.js';
import type {
  ActionEntry,
  AttendanceEntry,
  ItemEntry,
  MeetingPage,
  MeetingSummary,
} from '../../store/portal.queries.js';
import type { SafeHtml } from '../html.js';
import { html } from '../html.js';
import type { Messages } from '../i18n.js';
import { formatDate, formatTime } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';

/** '8/2017 Sote-johtajakokous 5.3.2017' — what a meeting is called in lists and titles. */
export function meetingName(m: MeetingSummary, t: Messages): string {
  const name = m.body_name ?? m.title ?? t.meeting;
  return [name, m.meeting_number, formatDate(m.date)].filter(Boolean).join(' ');
}

export function meetingLink(m: MeetingSummary, t: Messages): SafeHtml {
  return html`<a href="/meetings/${m.id}">${meetingName(m, t)}</a>`;
}

export function renderMeetingPage(
  ctx: PageContext,
  page: MeetingPage,
  similar: readonly SimilarDocument[],
): string {
  const { t } = ctx;
  const m = page.meeting;
  const next = page.documents
    .map((d) => d.next_meeting as NextMeeting | null)
    .find((n) => n && (n.date || n.place));
  const main = html`<article>
    <h1>${meetingName(m, t)}</h1>
    <dl class="facts">
      ${
        m.body_id
          ? html`<dt>${t.body}</dt>
              <dd><a href="/bodies/${m.body_id}">${m.body_name}</a></dd>`
          : null
      }
      ${
        m.organisation_id
          ? html`<dt>${t.organisation}</dt>
              <dd><a href="/organisations/${m.organisation_id}">${m.organisation}</a></dd>`
          : null
      }
      ${
        m.meeting_number
          ? html`<dt>${t.number}</dt>
              <dd>${m.meeting_number}</dd>`
          : null
      }
      ${
        m.date
          ? html`<dt>${t.date}</dt>
              <dd><time datetime="${m.date}">${formatDate(m.date)}</time></dd>`
          : null
      }
      ${
        m.start_time
          ? html`<dt>${t.time}</dt>
              <dd>
                ${formatTime(m.start_time, t)}${m.end_time ? html`–${formatTime(m.end_time, t).replace(/^\S+ /, '')}` : null}
              </dd>`
          : null
      }
      ${
        m.place
          ? html`<dt>${t.place}</dt>
              <dd>${m.place}</dd>`
          : null
      }
    </dl>
    ${renderAttendance(page.attendance, t)}
    ${
      page.departures.length > 0
        ? html`<h2>${t.departures}</h2>
            <ul>
              ${page.departures.map((d) => html`<li>${d.person_id ? html`<a href="/people/${d.person_id}">${d.name}</a>` : d.name} ${d.kind === 'arrival' ? t.arrival : t.departure}${d.time ? html` ${formatTime(d.time, t)}` : null}${d.item ? html`, ${t.item.toLowerCase()} ${d.item}` : null}</li>`)}
            </ul>`
        : null
    }
    <h2>${t.items}</h2>
    ${page.items.length === 0 ? html`<p>${t.none}</p>` : page.items.map((i) => renderItem(i, t, 3))}
    ${renderActions(page.actions, t, 2)}
    ${
      next
        ? html`<h2>${t.nextMeeting}</h2>
            <p>
              ${[formatDate(next.date), formatTime(next.start_time, t), next.place].filter(Boolean).join(', ')}
            </p>`
        : null
    }
    <h2>${t.sources}</h2>
    <ul>
      ${page.documents.map(
        (d) =>
          html`<li>
            ${d.file_name}
            <span class="muted"
              >(${t.kinds[d.kind] ?? d.kind}, <span lang="${d.language}">${d.language}</span>)</span
            >${d.recorded_by ? html` · ${t.recordedBy}: ${d.recorded_by}` : null}
          </li>`,
      )}
    </ul>
    ${
      similar.length > 0
        ? html`<h2>${t.similar}</h2>
            <ul class="similar">
              ${similar.map((s) => html`<li>${s.meetingId ? html`<a href="/meetings/${s.meetingId}">${s.title ?? s.source}</a>` : (s.title ?? s.source)} <span class="muted">${s.source}</span></li>`)}
            </ul>`
        : null
    }
  </article>`;
  const head = m.body_id
    ? html`<link rel="alternate" type="application/atom+xml" href="/bodies/${m.body_id}/feed.atom" />`
    : undefined;
  return renderPage(ctx, meetingName(m, t), main, head);
}

function renderAttendance(rows: readonly AttendanceEntry[], t: Messages): SafeHtml | null {
  if (rows.length === 0) return null;
  const status = (a: AttendanceEntry) => (a.status === 'present' || a.status === 'absent' || a.status === 'partial' ? t[a.status] : t.unknown); // prettier-ignore
  return html`<h2>${t.attendance}</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col">${t.role}</th>
            <th scope="col">${t.organisation}</th>
            <th scope="col">${t.status}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (a) =>
              html`<tr>
                <th scope="row"><a href="/people/${a.person_id}">${a.name}</a></th>
                <td>
                  ${[a.chair ? t.chair : null, a.secretary ? t.secretary : null, a.invited ? t.invited : null, a.role].filter(Boolean).join(', ')}
                </td>
                <td>
                  ${a.organisation_id ? html`<a href="/organisations/${a.organisation_id}">${a.organisation}</a>` : null}
                </td>
                <td>${status(a)}${a.items ? html` (${t.itemsAttended} ${a.items})` : null}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** An item with its headings at `level` (1 on its own page, 3 inside a meeting page). */
export function renderItem(i: ItemEntry, t: Messages, level: 1 | 3): SafeHtml {
  const heading = level === 1 ? html`<h1>${i.number} ${i.title}</h1>` : html`<h3>${i.number} ${i.title}</h3>`;
  const sub = (label: string, text: string) =>
    level === 1
      ? html`<h2>${label}</h2>
          <p class="text">${text}</p>`
      : html`<h4>${label}</h4>
          <p class="text">${text}</p>`;
  return html`<section class="item" id="item-${i.id}">
    ${heading} ${i.proposal ? sub(t.proposal, i.proposal) : null}
    ${i.decision ? sub(t.decision, i.decision) : null}
    ${
      i.attachments.length > 0
        ? html`<p><strong>${t.attachments}:</strong></p>
            <ul>
              ${i.attachments.map((a) => html`<li>${a}</li>`)}
            </ul>`
        : null
    }
    <p>
      <a href="/items/${i.id}">${t.permalink}<span class="muted"> – ${i.number} ${i.title}</span></a>
    </p>
  </section>`;
}

export function renderActions(
  actions: readonly ActionEntry[],
  t: Messages,
  level: 1 | 2,
  title = t.actions,
): SafeHtml | null {
  if (actions.length === 0)
    return level === 1
      ? html`<h1>${title}</h1>
          <p>${t.none}</p>`
      : null;
  return html`${level === 1 ? html`<h1>${title}</h1>` : html`<h2>${title}</h2>`}
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${t.task}</th>
            <th scope="col">${t.owner}</th>
            <th scope="col">${t.due}</th>
            <th scope="col">${t.status}</th>
            <th scope="col">${t.meeting}</th>
          </tr>
        </thead>
        <tbody>
          ${actions.map(
            (a) =>
              html`<tr>
                <td>${a.task}</td>
                <td>
                  ${a.owner_person_id ? html`<a href="/people/${a.owner_person_id}">${a.owner_name}</a>` : a.owner_name}
                </td>
                <td>${a.due}</td>
                <td>${a.status === 'done' ? t.done : t.open}</td>
                <td>
                  ${a.meeting_id ? html`<a href="/meetings/${a.meeting_id}${a.item_id ? `#item-${a.item_id}` : ''}">${[a.body_name, formatDate(a.meeting_date)].filter(Boolean).join(' ')}${a.item_number ? ` § ${a.item_number}` : ''}</a>` : null}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

export function renderItemPage(ctx: PageContext, item: ItemEntry, meeting: MeetingSummary | null): string {
  const { t } = ctx;
  const main = html`<article>
    <p>${meeting ? meetingLink(meeting, t) : null}</p>
    ${renderItem(item, t, 1)}
  </article>`;
  return renderPage(ctx, `${item.number} ${item.title}`, main);
}
