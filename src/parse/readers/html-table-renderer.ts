import { decideLineEndHyphen } from './hyphenation.js';
import { findElements, type HtmlElement } from './html-tree.js';

/** A label cell longer than this is not a label. */
const MAX_LABEL_CHARS = 60;
/** A cell with more lines than this is page layout, not table data. */
const MAX_DATA_CELL_LINES = 30;

type CellRenderer = (cell: HtmlElement) => string[];

/** Cells of at least this many lines, side by side, are page columns rather than data. */
const MIN_COLUMN_CELL_LINES = 3;

/**
 * Renders a table as one line per row with cells joined by '\t'. Two exceptions: a label row (a short label and a
 * value of several lines, as in Word templates) keeps the value's lines; a layout table is rendered cell by cell
 * as ordinary blocks, separated by blank lines ('').
 */
export function renderTableLines(table: HtmlElement, renderCell: CellRenderer): string[] {
  const lines: string[] = [];
  for (const caption of findOwn(table, 'caption')) lines.push(...renderCell(caption));
  const rows = findOwn(table, 'tr').map((row) => findOwn(row, 'td', 'th'));
  const rendered = rows.map((cells) => cells.map((cell) => renderCell(cell)));
  const layout = isLayoutTable(rows, rendered);
  for (const cells of rendered) {
    if (layout) {
      for (const cell of cells) if (cell.some(isText)) lines.push('', ...cell, '');
    } else lines.push(...renderRow(cells.map((cell) => cell.filter(isText))));
  }
  return lines;
}

/**
 * Tables that lay out a page rather than hold data: nested tables, a single column of boxes, page-long cells, or
 * a row of side-by-side cells that each hold several blocks (a menu beside the content).
 */
function isLayoutTable(rows: readonly HtmlElement[][], rendered: readonly string[][][]): boolean {
  if (rows.some((cells) => cells.some((cell) => findOwn(cell, 'table').length > 0))) return true;
  const counts = rendered.map((cells) => cells.map((cell) => cell.filter(isText).length));
  if (counts.every((cells) => cells.length <= 1)) return counts.some((cells) => (cells[0] ?? 0) > 1);
  return counts.some(
    (cells) =>
      cells.some((count) => count > MAX_DATA_CELL_LINES) ||
      cells.filter((count) => count >= MIN_COLUMN_CELL_LINES).length >= 2,
  );
}

function isText(line: string): boolean {
  return line.trim() !== '';
}

/** Elements of the given tags that belong to this table (or row), not to a nested table. */
function findOwn(element: HtmlElement, ...tags: string[]): HtmlElement[] {
  const found = findElements(
    element,
    (e) => tags.includes(e.tag) || (e.tag === 'table' && !tags.includes('table')),
  );
  return found.filter((e) => tags.includes(e.tag));
}

function renderRow(cells: readonly string[][]): string[] {
  if (cells.every((cell) => cell.length === 0)) return [];
  const [first, second] = cells;
  if (cells.length === 2 && first && second && first.length > 0 && second.length > 1) {
    const label = joinCellLines(first);
    if (label.length <= MAX_LABEL_CHARS) return [`${label}\t${second[0]}`, ...second.slice(1)];
  }
  return [cells.map(joinCellLines).join('\t')];
}

/** Joins a cell's lines into one, mending words hyphenated across them ("Täytäntöönpano-" + "tiedot"). */
export function joinCellLines(lines: readonly string[]): string {
  let joined = '';
  for (const raw of lines) {
    const line = raw.replace(/\t/g, ' ').trim();
    if (line === '') continue;
    joined = joined === '' ? line : joinWrapped(joined, line);
  }
  return joined;
}

function joinWrapped(before: string, after: string): string {
  const end = /([\p{L}\d]+)-(\*\*)?$/u.exec(before);
  const start = /^(\*\*)?([\p{L}\d][\p{L}\p{M}\d]*)/u.exec(after);
  if (!end || !start || Boolean(end[2]) !== Boolean(start[1])) return `${before} ${after}`;
  const decision = decideLineEndHyphen(end[1]!, start[2]!);
  if (decision === 'separate') return `${before} ${after}`;
  const markers = end[2] ? 2 : 0;
  const head = before.slice(0, before.length - markers - (decision === 'drop' ? 1 : 0));
  return head + after.slice(markers);
}
