import type { PersonView } from '../../store/person.repository.js';
import type {
  ActionEntry,
  BodyPage,
  LatestDocument,
  MeetingSummary,
  OrganisationPage,
  PersonMeeting,
} from '../../store/portal.queries.js';
import { html } from '../html.js';
import { formatDate, formatTime } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';
import { renderTable } from '../table.js';
import { topicHref } from './topic-page.js';
import { meetingLink, renderActions } from './meeting-page.js';

export interface HomeData {
  topics: readonly string[];
  latest: LatestDocument[];
  upcoming: MeetingSummary[];
  bodies: { id: string; name: string; organisation: string | null; meetings: number }[];
}

export function renderHome(ctx: PageContext, data: HomeData): string {
  const { t } = ctx;
  const main = html`<h1>${t.siteName}: ${t.tagline}</h1>
    <h2>${t.upcoming}</h2>
    ${
      data.upcoming.length === 0
        ? html`<p>${t.none}</p>`
        : html`<ul>
            ${data.upcoming.map((m) => html`<li>${meetingLink(m, t)}${m.start_time ? html` ${formatTime(m.start_time, t)}` : null}${m.place ? html`, ${m.place}` : null}</li>`)}
          </ul>`
    }
    <h2>${t.latest}</h2>
    ${
      data.latest.length === 0
        ? html`<p>${t.none}</p>`
        : html`<ul class="cards">
            ${data.latest.map(
              (d) =>
                html`<li>
                  <h3>${meetingLink(d, t)}</h3>
                  <p class="muted">${t.kinds[d.kind] ?? d.kind}</p>
                  ${
                    d.key_messages.filter((k) => k.summary).length > 0
                      ? html`<p><strong>${t.keyMessage}:</strong></p>
                          <ul>
                            ${d.key_messages
                              .filter((k) => k.summary)
                              .slice(0, 3)
                              .map((k) => html`<li lang="${d.language}">${k.title}: ${k.summary}</li>`)}
                          </ul>`
                      : null
                  }
                  ${
                    d.decisions.length > 0
                      ? html`<p><strong>${t.decisions}:</strong></p>
                          <ul lang="${d.language}">
                            ${d.decisions.slice(0, 4).map((i) => html`<li><a href="/items/${i.item_id}">${i.number} ${i.title}</a>: ${clip(i.decision ?? '', 160)}</li>`)}
                          </ul>`
                      : null
                  }
                </li>`,
            )}
          </ul>`
    }
    ${
      data.topics.length > 0
        ? html`<h2>${t.topics}</h2>
            <ul class="topics">
              ${data.topics.map((topic) => html`<li><a href="${topicHref(topic)}">${topic}</a></li>`)}
            </ul>
            <p><a href="/topics">${t.topicPrompt}</a></p>`
        : null
    }
    <h2>${t.bodies}</h2>
    <ul>
      ${data.bodies.map((b) => html`<li><a href="/bodies/${b.id}">${b.name}</a> <span class="muted">(${b.meetings})</span></li>`)}
    </ul>`;
  return renderPage(ctx, t.home, main);
}

export function renderPersonPage(
  ctx: PageContext,
  person: PersonView,
  meetings: readonly PersonMeeting[],
  actions: readonly ActionEntry[],
): string {
  const { t } = ctx;
  const others = person.names.filter((n) => n !== person.name);
  const main = html`<h1>${person.name}</h1>
    ${others.length > 0 ? html`<p>${t.alsoWritten}: ${others.join(', ')}</p>` : null}
    <h2>${t.roles}</h2>
    ${
      person.memberships.length === 0
        ? html`<p>${t.none}</p>`
        : html`<ul>
            ${person.memberships.map((m) => html`<li>${m.role ? html`${m.role}, ` : null}${m.organisation} <span class="muted">(${formatDate(m.first_seen)}–${formatDate(m.last_seen)})</span></li>`)}
          </ul>`
    }
    <h2>${t.meetingsAttended} (${meetings.length})</h2>
    ${
      meetings.length === 0
        ? html`<p>${t.none}</p>`
        : renderTable(
            [t.meeting, t.status, t.role],
            meetings.map((m) => [
              meetingLink(m, t),
              m.status === 'present' || m.status === 'absent' || m.status === 'partial'
                ? t[m.status]
                : t.unknown,
              [m.chair ? t.chair : null, m.secretary ? t.secretary : null, m.role].filter(Boolean).join(', '),
            ]),
          )
    }
    ${renderActions(actions, t, 2)}`;
  return renderPage(ctx, person.name, main);
}

export function renderOrganisationPage(ctx: PageContext, page: OrganisationPage): string {
  const { t } = ctx;
  const o = page.organisation;
  const main = html`<h1>${o.name}</h1>
    ${o.aliases.filter((a) => a !== o.name).length > 0 ? html`<p>${t.alsoWritten}: ${o.aliases.filter((a) => a !== o.name).join(', ')}</p>` : null}
    <h2>${t.bodies}</h2>
    ${
      page.bodies.length === 0
        ? html`<p>${t.none}</p>`
        : html`<ul>
            ${page.bodies.map((b) => html`<li><a href="/bodies/${b.id}">${b.name}</a> <span class="muted">(${b.meetings})</span></li>`)}
          </ul>`
    }
    <h2>${t.members}</h2>
    ${
      page.members.length === 0
        ? html`<p>${t.none}</p>`
        : html`<ul>
            ${page.members.map((m) => html`<li><a href="/people/${m.person_id}">${m.name}</a>${m.role ? html`, ${m.role}` : null} <span class="muted">(${formatDate(m.first_seen)}–${formatDate(m.last_seen)})</span></li>`)}
          </ul>`
    }`;
  return renderPage(ctx, o.name, main);
}

export function renderBodyPage(ctx: PageContext, page: BodyPage, actions: readonly ActionEntry[]): string {
  const { t } = ctx;
  const b = page.body;
  const main = html`<h1>${b.name}</h1>
    ${b.organisation_id ? html`<p><a href="/organisations/${b.organisation_id}">${b.organisation}</a></p>` : null}
    <h2>${t.feeds}</h2>
    <ul>
      <li><a href="/bodies/${b.id}/feed.atom">${t.atom}</a></li>
      <li><a href="/bodies/${b.id}/calendar.ics">${t.calendar}</a></li>
    </ul>
    <h2>${t.meetings} (${page.meetings.length})</h2>
    ${
      page.meetings.length === 0
        ? html`<p>${t.none}</p>`
        : html`<ul>
            ${page.meetings.map((m) => html`<li>${meetingLink(m, t)}</li>`)}
          </ul>`
    }
    <h2>${t.members}</h2>
    ${
      page.members.length === 0
        ? html`<p>${t.none}</p>`
        : renderTable(
            [t.name, t.meetings, t.attendanceRate],
            page.members.map((m) => [
              html`<a href="/people/${m.person_id}">${m.name}</a>`,
              m.meetings,
              m.meetings ? `${Math.round((100 * m.present) / m.meetings)} %` : '',
            ]),
            { rowHeaders: true },
          )
    }
    ${renderActions(actions, t, 2, t.openActions)}`;
  const head = html`<link rel="alternate" type="application/atom+xml" href="/bodies/${b.id}/feed.atom" />`;
  return renderPage(ctx, b.name, main, head);
}

export function renderNotFound(ctx: PageContext): string {
  return renderPage(
    ctx,
    ctx.t.notFound,
    html`<h1>${ctx.t.notFound}</h1>
      <p>${ctx.t.notFoundText}</p>
      <p><a href="/">${ctx.t.home}</a></p>`,
  );
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}
