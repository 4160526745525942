import type { ActionEntry } from '../../store/portal.queries.js';
import { html } from '../html.js';
import type { PageContext } from '../layout.js';
import { renderPage } from '../layout.js';
import { renderActions } from './meeting-page.js';

export interface ActionParams {
  owner: string;
  body: string;
  status: '' | 'open' | 'done';
  dueFrom: string;
  dueTo: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The tracker's filters from the query string; anything malformed is left out. */
export function readActionParams(q: Record<string, string | undefined>): ActionParams {
  const date = (v: string | undefined) => (v && ISO_DATE.test(v) ? v : '');
  return {
    owner: (q.owner ?? '').trim().slice(0, 100),
    body: /^[0-9a-f]{1,64}$/.test(q.body ?? '') ? (q.body ?? '') : '',
    status: q.status === 'open' || q.status === 'done' ? q.status : '',
    dueFrom: date(q.due_from),
    dueTo: date(q.due_to),
  };
}

/** The action tracker: a GET form of filters (owner, body, status, due dates) above the table. */
export function renderActionsPage(
  ctx: PageContext,
  actions: readonly ActionEntry[],
  params: ActionParams,
  bodies: readonly { id: string; name: string }[],
): string {
  const { t } = ctx;
  const option = (value: string, label: string, chosen: string) =>
    html`<option value="${value}" ${chosen === value ? html` selected` : null}>${label}</option>`;
  const filtered = params.owner || params.body || params.status || params.dueFrom || params.dueTo;
  const main = html`<h1>${t.actions}</h1>
    <form method="get" action="/actions" class="search filters" aria-label="${t.filters}">
      <label>${t.owner}<input name="owner" type="text" value="${params.owner}" size="18" /></label>
      <label
        >${t.body}<select name="body">
          ${option('', t.allBodies, params.body)}${bodies.map((b) => option(b.id, b.name, params.body))}
        </select></label
      >
      <label
        >${t.actionStatus}<select name="status">
          ${option('', t.allStatuses, params.status)}${option('open', t.open, params.status)}${option('done', t.done, params.status)}
        </select></label
      >
      <label>${t.dueFrom}<input name="due_from" type="date" value="${params.dueFrom}" /></label>
      <label>${t.dueTo}<input name="due_to" type="date" value="${params.dueTo}" /></label>
      <button type="submit">${t.apply}</button>
    </form>
    ${filtered ? html`<p><a href="/actions">${t.clear}</a></p>` : null}
    <p role="status">${t.actionCount}: ${actions.length}</p>
    ${actions.length > 0 ? renderActions(actions, t, 2, '') : html`<p>${t.none}</p>`}`;
  return renderPage(ctx, t.actions, main);
}
