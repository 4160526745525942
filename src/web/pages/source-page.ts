import type { DocumentSource } from '../../store/portal-source.queries.js';
import type { MeetingSummary } from '../../store/portal.queries.js';
import type { SafeHtml } from '../html.js';
import { escapeHtml, html, trusted } from '../html.js';
import type { Messages } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';
import { meetingName } from './meeting-page.js';

/** The fragment the highlighted span carries, so a link lands on it. */
export const MARK_ID = 'source-mark';

/** A field's JSON Pointer into a meeting's document: `/items/2/decision`, `/participants/0`. */
export const POINTER = /^(?:\/[a-z_]+(?:\/\d+)?){1,3}$/;

export function sourceHref(meetingId: string, pointer: string, documentId: string | null = null): string {
  const doc = documentId ? `doc=${documentId}&` : '';
  return `/meetings/${meetingId}/source?${doc}field=${pointer}#${MARK_ID}`;
}

/** 'näytä lähde', with what it is the source of for screen readers, or nothing when no span is stored. */
export function sourceLink(
  t: Messages,
  sourced: ReadonlySet<string> | null,
  meetingId: string | null,
  documentId: string,
  pointer: string,
  what: string,
  withDocument = false,
): SafeHtml | null {
  if (!meetingId || (sourced && !sourced.has(documentId + pointer))) return null;
  return html` <a class="source" href="${sourceHref(meetingId, pointer, withDocument ? documentId : null)}"
    >${t.showSource}<span class="vh">: ${what}</span></a
  >`;
}

/** What a pointer names, in the interface language: 'Päätös, asia 12'. */
export function fieldLabel(pointer: string, t: Messages, itemNumber?: (ordinal: number) => string): string {
  const [, field, index, sub, subIndex] = /^\/([a-z_]+)(?:\/(\d+))?(?:\/([a-z_]+))?(?:\/(\d+))?/.exec(pointer) ?? []; // prettier-ignore
  const n = index === undefined ? '' : ` ${Number(index) + 1}`;
  const names: Record<string, string> = {
    title: t.titleField,
    body: t.body,
    meeting_number: t.number,
    date: t.date,
    start_time: t.time,
    end_time: t.time,
    place: t.place,
    next_meeting: t.nextMeeting,
    recorded_by: t.recordedBy,
    minutes_checkers: t.checkers,
    participants: t.participant,
    departures: t.departures,
    arrivals: t.departures,
    actions: t.task,
    entries: t.entry,
    proposal: t.proposal,
    decision: t.decision,
    attachments: t.attachments,
  };
  if (field === 'items' && index !== undefined) {
    const item = `${t.item} ${itemNumber?.(Number(index)) ?? Number(index) + 1}`;
    if (!sub) return item;
    const part = `${names[sub] ?? sub}${subIndex === undefined ? '' : ` ${Number(subIndex) + 1}`}`;
    return `${part}, ${item.toLowerCase()}`;
  }
  return `${names[field ?? ''] ?? field ?? ''}${n}`;
}

/**
 * A document's text with the field's span in a <mark> that the link's fragment jumps to; where a
 * non-public part was cut out, a note says so.
 */
export function renderSourcePage(
  ctx: PageContext,
  meeting: MeetingSummary,
  source: DocumentSource,
  pointer: string | null,
  itemNumber: (ordinal: number) => string,
  back = `/meetings/${meeting.id}`,
): string {
  const { t } = ctx;
  const span = pointer ? source.spans.get(pointer) : undefined;
  const label = pointer ? fieldLabel(pointer, t, itemNumber) : null;
  const marks = [
    ...source.withheld.map((at) => ({ at, end: at, kind: 'withheld' as const })),
    ...(span ? [{ at: span[0], end: span[1], kind: 'mark' as const }] : []),
  ].sort((a, b) => a.at - b.at || (a.kind === 'withheld' ? -1 : 1));
  let body = '';
  let at = 0;
  const text = source.text;
  for (const m of marks) {
    if (m.at < at) continue;
    body += escapeHtml(text.slice(at, m.at));
    if (m.kind === 'withheld') {
      body += `<span class="withheld">[${escapeHtml(t.withheld)}]</span>${text[m.at] === '\n' || m.at === 0 ? '' : '\n'}`;
      at = m.at;
    } else {
      body += `<mark id="${MARK_ID}">${escapeHtml(text.slice(m.at, m.end))}</mark>`;
      at = m.end;
    }
  }
  body += escapeHtml(text.slice(at));
  const d = source.document;
  const main = html`<h1>${t.sourceText}: ${meetingName(meeting, t)}</h1>
    <dl class="facts">
      <dt>${t.document}</dt>
      <dd>
        ${d.file_name}
        <span class="muted"
          >(${t.kinds[d.kind] ?? d.kind}, <span lang="${d.language}">${d.language}</span>)</span
        >
      </dd>
      ${
        label && span
          ? html`<dt>${t.highlighted}</dt>
              <dd><a href="#${MARK_ID}">${label}</a></dd>`
          : null
      }
    </dl>
    ${label && !span ? html`<p>${label}: ${t.noSpan}</p>` : null}
    ${source.withheld.length > 0 ? html`<p class="muted">${t.withheldNote}</p>` : null}
    <p><a href="${back}">${t.backToMeeting}</a></p>
    <pre class="source" lang="${d.language}">${trusted(body)}</pre>`;
  return renderPage(ctx, `${t.sourceText}${label ? ` (${label})` : ''}: ${meetingName(meeting, t)}`, main);
}
