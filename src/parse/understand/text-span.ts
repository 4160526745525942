import type { Span } from '../../domain/minutes.js';

/** A piece of the normalised text with its absolute offsets. */
export interface Slice {
  text: string;
  start: number;
  end: number;
}

export function sliceOf(text: string, start: number, end: number): Slice {
  return { text: text.slice(start, end), start, end };
}

/** Narrows a slice to drop leading and trailing whitespace and the given edge characters. */
export function trimSlice(slice: Slice, edge = ''): Slice {
  let { start, end } = slice;
  const base = slice.start;
  const isEdge = (ch: string | undefined) => ch !== undefined && (/\s/u.test(ch) || edge.includes(ch));
  while (start < end && isEdge(slice.text[start - base])) start += 1;
  while (end > start && isEdge(slice.text[end - 1 - base])) end -= 1;
  return { text: slice.text.slice(start - base, end - base), start, end };
}

export function spanOf(slice: Slice): Span {
  return [slice.start, slice.end];
}

/** The document's wording with whitespace collapsed and bold markers removed. */
export function cleanText(raw: string): string {
  return raw.replace(/\*\*/g, '').replace(/➤/g, '').replace(/\s+/gu, ' ').trim();
}

/** Like cleanText, or null when nothing is left. */
export function cleanOrNull(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const cleaned = cleanText(raw);
  return cleaned === '' ? null : cleaned;
}
