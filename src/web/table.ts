import type { SafeHtml } from './html.js';
import { html } from './html.js';

type Cell = SafeHtml | string | number | null | undefined | readonly (SafeHtml | string | null)[];

/**
 * A data table: column headers, and optionally the first cell of each row as the row's header (a name
 * the other cells describe). On a phone its rows stack, each cell labelled with its column; the roles
 * keep it a table for screen readers when the CSS no longer displays it as one.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { rowHeaders?: boolean } = {},
): SafeHtml {
  const row = (cells: readonly Cell[]) =>
    html`<tr role="row">
      ${cells.map((c, i) =>
        i === 0 && options.rowHeaders
          ? html`<th scope="row" role="rowheader">${c}</th>`
          : html`<td role="cell" data-label="${headers[i]}">${c}</td>`,
      )}
    </tr>`;
  return html`<div class="table-wrap">
    <table role="table">
      <thead role="rowgroup">
        <tr role="row">
          ${headers.map((h) => html`<th scope="col" role="columnheader">${h}</th>`)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${rows.map(row)}
      </tbody>
    </table>
  </div>`;
}
