import type { PdfItem } from './pdf-geometry.js';

const BIN_WIDTH = 2;
/** Share of the page's text (by line height) allowed to cross a gutter: titles spanning both columns. */
const MAX_GUTTER_CROSSING = 0.15;
/** Each column must hold at least this share of the text. */
const MIN_COLUMN_SHARE = 0.2;
/** Prose columns are mostly filled across their width; tables and label columns are not. */
const MIN_COLUMN_FILL = 0.45;
const MIN_COLUMN_LINES = 4;

/**
 * Splits a page's items into blocks in reading order. A page with two columns of prose (a vertical gutter near
 * the middle, free of text over most of the page) reads the left column, then the right, with text spanning
 * both columns (titles) kept in place between them. Any other page is one block.
 */
export function splitColumns(items: readonly PdfItem[]): PdfItem[][] {
  const cut = findGutter(items);
  if (cut === null) return [items.slice()];
  const spanning = items
    .filter((item) => item.x < cut && item.x + item.width > cut)
    .sort((a, b) => a.y - b.y);
  const { bounds, groups } = groupSpanningLines(spanning);
  const regions = Array.from({ length: bounds.length + 1 }, () => ({
    left: [] as PdfItem[],
    right: [] as PdfItem[],
  }));
  for (const item of items) {
    if (item.x < cut && item.x + item.width > cut) continue;
    const region = regions[countBelow(bounds, item.y)]!;
    (item.x + item.width <= cut ? region.left : region.right).push(item);
  }
  const blocks: PdfItem[][] = [];
  regions.forEach((region, i) => {
    blocks.push(region.left, region.right);
    if (i < groups.length) blocks.push(groups[i]!);
  });
  return blocks.filter((block) => block.length > 0);
}

/** Spanning items grouped into lines, with each line's baseline. */
function groupSpanningLines(spanning: readonly PdfItem[]): { bounds: number[]; groups: PdfItem[][] } {
  const bounds: number[] = [];
  const groups: PdfItem[][] = [];
  for (const item of spanning) {
    const last = bounds[bounds.length - 1];
    if (last === undefined || item.y - last > item.size * 0.5) {
      bounds.push(item.y);
      groups.push([]);
    }
    groups[groups.length - 1]!.push(item);
  }
  return { bounds, groups };
}

/** How many boundaries lie above y (binary search); items within half a line of a boundary belong to it. */
function countBelow(bounds: readonly number[], y: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid]! < y - 1) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findGutter(items: readonly PdfItem[]): number | null {
  if (items.length < 2 * MIN_COLUMN_LINES) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  let total = 0;
  for (const item of items) {
    minX = Math.min(minX, item.x);
    maxX = Math.max(maxX, item.x + item.width);
    total += item.size;
  }
  const span = maxX - minX;
  if (span < 200) return null;
  const coverage = measureCoverage(items, minX, span);
  const gap = findWidestGap(coverage, total * MAX_GUTTER_CROSSING);
  const sizes = items.map((item) => item.size).sort((a, b) => a - b);
  const minGap = Math.max(8, sizes[sizes.length >> 1]! * 0.8);
  if (!gap || (gap.end - gap.start) * BIN_WIDTH < minGap) return null;
  const cut = minX + ((gap.start + gap.end) / 2) * BIN_WIDTH;
  return isProseColumn(items, cut, 'left', total) && isProseColumn(items, cut, 'right', total) ? cut : null;
}

/** Line height of text over each 2-unit slice of the page's width (a difference array, so linear). */
function measureCoverage(items: readonly PdfItem[], minX: number, span: number): Float64Array {
  const bins = Math.ceil(span / BIN_WIDTH) + 2;
  const diff = new Float64Array(bins + 1);
  for (const item of items) {
    const from = Math.floor((item.x - minX) / BIN_WIDTH);
    const to = Math.floor((item.x + item.width - minX) / BIN_WIDTH);
    diff[from]! += item.size;
    diff[Math.min(to + 1, bins)]! -= item.size;
  }
  const coverage = new Float64Array(bins);
  let running = 0;
  for (let i = 0; i < bins; i++) {
    running += diff[i]!;
    coverage[i] = running;
  }
  return coverage;
}

/**
 * The widest run of nearly empty slices around the middle of the text's width. Label columns (a gutter at a
 * quarter of the width) are not columns: their labels belong on the same line as their values.
 */
function findWidestGap(coverage: Float64Array, limit: number): { start: number; end: number } | null {
  const from = Math.floor(coverage.length * 0.35);
  const to = Math.ceil(coverage.length * 0.65);
  let best: { start: number; end: number } | null = null;
  let start = -1;
  for (let i = from; i <= to; i++) {
    const empty = i < to && coverage[i]! <= limit;
    if (empty && start < 0) start = i;
    if (!empty && start >= 0) {
      if (!best || i - start > best.end - best.start) best = { start, end: i };
      start = -1;
    }
  }
  return best;
}

function isProseColumn(
  items: readonly PdfItem[],
  cut: number,
  side: 'left' | 'right',
  total: number,
): boolean {
  const column = items.filter((item) => (side === 'left' ? item.x + item.width <= cut : item.x >= cut));
  let weight = 0;
  let inked = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  const baselines = new Set<number>();
  for (const item of column) {
    weight += item.size;
    inked += item.width;
    minX = Math.min(minX, item.x);
    maxX = Math.max(maxX, item.x + item.width);
    baselines.add(Math.round(item.y / Math.max(1, item.size * 0.5)));
  }
  if (weight < total * MIN_COLUMN_SHARE || baselines.size < MIN_COLUMN_LINES) return false;
  return inked / (baselines.size * (maxX - minX)) >= MIN_COLUMN_FILL;
}
