import type { TextRun } from './bold-runs.js';
import type { PdfItem } from './pdf-geometry.js';

/** A stretch of a line between two wide gaps: a table cell, a label, or its value. */
export interface PdfCell {
  x0: number;
  x1: number;
  runs: TextRun[];
}

export interface PdfLine {
  /** Baseline, growing downwards. */
  y: number;
  size: number;
  cells: PdfCell[];
  /** A paragraph break (blank line) comes before this line. */
  breakBefore: boolean;
}

/** Items closer than this (in font sizes) to a line's baseline belong to it: sub- and superscripts, centred cells. */
const SAME_LINE = 0.65;
/** A gap wider than this (in font sizes) is a word space. */
const SPACE_GAP = 0.15;
/** A gap wider than this (in font sizes) separates cells: tab stops, label columns, table columns. */
const CELL_GAP = 1.2;
/** Two numbers this far apart (in font sizes) are two table cells, however tight the columns. */
const NUMBER_CELL_GAP = 0.5;
const NUMBER = /^[-–+]?\d[\d\s.,]*%?$/;
const BULLET = /^[•·▪◦●○■□►▸➢➤✓✔*o\-–\uF000-\uF0FF]$/u;
const LEADING_BULLET = /^[•·▪◦●○■□►▸➢➤✓✔\uF000-\uF0FF]\s*/u;
const LIST_NUMBER = /^(?:\d{1,3}|[a-zA-Z])[.)]$/;

/** Rebuilds the lines of one block of items: grouped by baseline, ordered by x, split into cells at wide gaps. */
export function buildLines(items: readonly PdfItem[]): PdfLine[] {
  const sorted = items.slice().sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: PdfItem[] }[] = [];
  for (const item of sorted) {
    const line = groups[groups.length - 1];
    if (line && Math.abs(item.y - line.y) <= SAME_LINE * Math.min(item.size, line.size)) {
      line.items.push(item);
      if (item.size > line.size) {
        line.size = item.size;
        line.y = item.y;
      }
    } else groups.push({ y: item.y, size: item.size, items: [item] });
  }
  return groups.map((group) => ({
    y: group.y,
    size: group.size,
    cells: mergeListMarkers(buildCells(group.items.sort((a, b) => a.x - b.x))),
    breakBefore: false,
  }));
}

function buildCells(items: readonly PdfItem[]): PdfCell[] {
  const cells: PdfCell[] = [];
  let previous: { item: PdfItem; run: TextRun } | null = null;
  for (const item of items) {
    const cell = cells[cells.length - 1];
    if (previous && isOverprint(previous.item, item)) {
      // Word's "shadow" and some bold emulations draw the same text twice, slightly offset.
      previous.run.bold = true;
      continue;
    }
    const gap = cell ? item.x - cell.x1 : Infinity;
    const run: TextRun = { text: item.text, bold: item.bold };
    const numbers =
      previous !== null && NUMBER.test(previous.item.text.trim()) && NUMBER.test(item.text.trim());
    if (!cell || gap > CELL_GAP * item.size || (numbers && gap > NUMBER_CELL_GAP * item.size)) {
      cells.push({ x0: item.x, x1: item.x + item.width, runs: [run] });
    } else {
      const lastText = cell.runs[cell.runs.length - 1]!.text;
      if (gap > SPACE_GAP * item.size && !/\s$/.test(lastText) && !/^\s/.test(item.text)) {
        cell.runs.push({ text: ' ', bold: item.bold && previous!.item.bold });
      }
      cell.runs.push(run);
      cell.x1 = Math.max(cell.x1, item.x + item.width);
    }
    previous = { item, run };
  }
  return cells;
}

function isOverprint(a: PdfItem, b: PdfItem): boolean {
  return a.text === b.text && Math.abs(a.x - b.x) < a.size * 0.3 && Math.abs(a.y - b.y) < a.size * 0.3;
}

/** "•" or "-" before a tab becomes the '- ' of a list item; "1." or "a)" before a tab stays, joined by a space. */
function mergeListMarkers(cells: PdfCell[]): PdfCell[] {
  const [first, second] = cells;
  if (!first) return cells;
  const marker = first.runs
    .map((run) => run.text)
    .join('')
    .trim();
  if (second && (BULLET.test(marker) || LIST_NUMBER.test(marker))) {
    const prefix = BULLET.test(marker) ? '- ' : `${marker} `;
    const merged: PdfCell = {
      x0: first.x0,
      x1: second.x1,
      runs: [{ text: prefix, bold: false }, ...second.runs],
    };
    return [merged, ...cells.slice(2)];
  }
  const head = first.runs[0]!;
  if (LEADING_BULLET.test(head.text.trimStart()))
    head.text = head.text.trimStart().replace(LEADING_BULLET, '- ');
  return cells;
}

/**
 * Marks paragraph breaks in a block's lines: a vertical gap over 1.5 times the usual line spacing of that font
 * size, or a change of font size (a heading, a table in smaller type). The block's first line starts a paragraph.
 */
export function markParagraphs(lines: PdfLine[], spacing: (size: number) => number): void {
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous) {
      line.breakBefore = true;
      return;
    }
    const size = Math.max(line.size, previous.size);
    const gap = line.y - previous.y;
    const sizeChange = Math.abs(line.size - previous.size) > 0.2 * size;
    line.breakBefore = gap > 1.5 * spacing(line.size) * size || gap < -size || sizeChange;
  });
}

/**
 * The usual line spacing, as a multiple of the font size, for each font size on a page: a low percentile of the
 * gaps between consecutive lines of that size, so blank lines between paragraphs do not count.
 */
export function measureLineSpacing(blocks: readonly PdfLine[][]): (size: number) => number {
  const bySize = new Map<number, number[]>();
  const all: number[] = [];
  for (const lines of blocks) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      if (Math.abs(a.size - b.size) > 0.1 * Math.max(a.size, b.size)) continue;
      const ratio = (b.y - a.y) / b.size;
      if (ratio < 0.9 || ratio > 3.5) continue;
      const key = Math.round(b.size);
      const ratios = bySize.get(key);
      if (ratios) ratios.push(ratio);
      else bySize.set(key, [ratio]);
      all.push(ratio);
    }
  }
  const fallback = pickLowPercentile(all) ?? 1.2;
  const cache = new Map<number, number>();
  for (const [key, ratios] of bySize) cache.set(key, pickLowPercentile(ratios) ?? fallback);
  return (size) => cache.get(Math.round(size)) ?? fallback;
}

function pickLowPercentile(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * 0.1)]!;
}
