import type { TextRun } from './bold-runs.js';
import { decideLineEndHyphen } from './hyphenation.js';
import type { PdfCell, PdfLine } from './pdf-lines.js';

/** A word ending in a hyphen, a Unicode hyphen or a soft hyphen (which only ever marks a break). */
const TRAILING_HYPHEN = /([\p{L}\d]+)([-\u2010\u00AD])$/u;
const LEADING_WORD = /^[\p{L}\p{M}\d]+/u;

/**
 * Mends text that wrapped inside a label or first table column: "Täytäntöönpano-" over "tiedot" beside a value,
 * or a table's first cell continued alone on the next line. Returns the lines left.
 */
export function joinWrappedLabels(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous && !line.breakBefore && continuesLabel(previous, line)) {
      const [label] = previous.cells as [PdfCell];
      const fragment = line.cells.shift()!;
      appendFragment(label, fragment.runs);
      if (line.cells.length === 0) continue;
    }
    out.push(line);
  }
  return out;
}

function continuesLabel(previous: PdfLine, line: PdfLine): boolean {
  const [label, value] = previous.cells;
  const [fragment] = line.cells;
  if (!label || !value || !fragment) return false;
  const inLabelColumn = Math.abs(fragment.x0 - label.x0) < previous.size && fragment.x1 < value.x0;
  if (!inLabelColumn || !/^\p{Ll}/u.test(describeCell(fragment))) return false;
  const labelText = describeCell(label);
  return TRAILING_HYPHEN.test(labelText) || (line.cells.length === 1 && !/[.:!?]$/.test(labelText));
}

function appendFragment(cell: PdfCell, runs: readonly TextRun[]): void {
  const decision = decideCellJoin(cell, runs.map((run) => run.text).join('')) ?? 'separate';
  const last = trimHyphen(cell, decision);
  if (decision === 'separate') last.text += ' ';
  cell.runs.push(...runs.map((run, i) => ({ ...run, text: i === 0 ? run.text.trimStart() : run.text })));
}

/** How a cell ending in a hyphen joins the text that continues it; null when it ends in none. */
function decideCellJoin(cell: PdfCell, next: string): 'drop' | 'keep' | 'separate' | null {
  const end = TRAILING_HYPHEN.exec(describeCell(cell));
  const word = LEADING_WORD.exec(next.trimStart());
  if (!end || !word) return null;
  return end[2] === '\u00AD' ? 'drop' : decideLineEndHyphen(end[1]!, word[0]);
}

/** Trims the cell's end, dropping its hyphen when the decision says so; returns the last run. */
function trimHyphen(cell: PdfCell, decision: 'drop' | 'keep' | 'separate'): TextRun {
  while (cell.runs.length > 1 && cell.runs[cell.runs.length - 1]!.text.trim() === '') cell.runs.pop();
  const last = cell.runs[cell.runs.length - 1]!;
  last.text = last.text.trimEnd();
  if (decision === 'drop') last.text = last.text.slice(0, -1);
  return last;
}

/**
 * Joins words hyphenated at line ends: the rest of the word moves up ("valmis-" + "teluun ja" →
 * "valmisteluun" + "ja"), keeping the hyphen of compounds ("Pohjois-Pohjanmaa", "EU-hanke") and leaving elided
 * compounds apart ("sote-" + "ja"). Returns the lines left.
 */
export function joinHyphenatedLines(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous && !line.breakBefore && moveWordUp(previous, line) && line.cells.length === 0) continue;
    out.push(line);
  }
  return out;
}

function moveWordUp(previous: PdfLine, line: PdfLine): boolean {
  const tail = previous.cells[previous.cells.length - 1];
  const head = line.cells[0];
  if (!tail || !head || head.x0 < tail.x0 - previous.size) return false;
  const decision = decideCellJoin(tail, describeCell(head));
  if (decision === null || decision === 'separate') return false;
  trimHyphen(tail, decision);
  tail.runs.push(...takeFirstToken(head));
  if (head.runs.every((run) => run.text.trim() === '')) line.cells.shift();
  return true;
}

/** Removes the cell's first whitespace-delimited token (with the spaces after it) and returns it as runs. */
function takeFirstToken(cell: PdfCell): TextRun[] {
  const taken: TextRun[] = [];
  while (cell.runs.length > 0) {
    const run = cell.runs[0]!;
    const text = taken.length === 0 ? run.text.trimStart() : run.text;
    const space = text.search(/\s/);
    if (space < 0) {
      taken.push({ ...run, text });
      cell.runs.shift();
      continue;
    }
    if (space > 0) taken.push({ ...run, text: text.slice(0, space) });
    run.text = text.slice(space).trimStart();
    if (run.text === '') cell.runs.shift();
    break;
  }
  return taken;
}

function describeCell(cell: PdfCell): string {
  return cell.runs
    .map((run) => run.text)
    .join('')
    .trim();
}
