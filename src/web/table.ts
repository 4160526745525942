import type { SafeHtml } from './html.js';
import { html } from './html.js';

type Cell = SafeHtml | string | number | null | undefined | readonly (SafeHtml | string | null)[];

/**
 * A data table in its scrolling wrapper: column headers, and optionally the first cell of each row as
 * the row's header (a name the other cells describe).
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { rowHeaders?: boolean } = {},
): SafeHtml {
  const row = (cells: readonly Cell[]) =>
    html`<tr>
      ${cells.map((c, i) => (i === 0 && options.rowHeaders ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}
    </tr>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          ${headers.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(row)}
      </tbody>
    </table>
  </div>`;
}
