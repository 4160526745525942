import type { Span } from '../../domain/minutes.js';
import { type FoundDate, findDates, findTimeRange } from './dates.js';
import { BODY_NOUN, DOC_TYPE_WORD, ITEMS_LABEL, PLACE_LABEL, ROSTER_LABEL, TIME_LABEL } from './cues.js';
import { execWhere, isBlank } from './scan.js';
import { cleanText } from './text-span.js';

export interface Field<T> {
  value: T;
  span: Span;
}

export interface Header {
  title: Field<string> | null;
  meetingNumber: Field<string> | null;
  date: Field<string> | null;
  startTime: Field<string> | null;
  endTime: Field<string> | null;
  place: Field<string> | null;
  /** Offset where the header's labelled part ends (the roster or the items begin). */
  end: number;
  /** Offset of the first header label (Aika, Paikka …), when there is one. */
  labelStart: number | null;
}

// ANY_LABEL and the label patterns start a label only at the text's or a line's start or after a space or
// mark: read them with execWhere and labelMayStart.
const ANY_LABEL = new RegExp(
  String.raw`(?:${TIME_LABEL}|${PLACE_LABEL}|${ROSTER_LABEL}|${ITEMS_LABEL}|Poissa|Frånvarande|Organisaatio)(?=\s*:|\s*\*\*|\s|$)`,
  'gu',
);

interface LabelledValue {
  labelStart: number;
  valueStart: number;
  valueEnd: number;
}

const LABEL_PATTERNS = new Map<string, RegExp>();
const ROSTER_TITLE = new RegExp(String.raw`^${ROSTER_LABEL}\s*:`, 'u');

function labelPattern(label: string): RegExp {
  let pattern = LABEL_PATTERNS.get(label);
  if (!pattern) {
    // The label is a whole word: 'Aika', not the start of 'Aikataulu'.
    pattern = new RegExp(String.raw`${label}(?![\p{L}\p{N}])(?:\s*:)?(?:\*\*)?[ \t]*:?`, 'gu');
    LABEL_PATTERNS.set(label, pattern);
  }
  return pattern;
}

/** Whether a label may start at `at`: at the text's start or after a space or one of `marks`. */
function labelMayStart(text: string, at: number, marks: RegExp): boolean {
  return at === 0 || marks.test(text.charAt(at - 1));
}

const BEFORE_LABEL = /[\s*.,|]/u;
const BEFORE_ANY_LABEL = /[\s*.,]/u;

/** A verb right after a label word without a colon: the word is a sentence's subject ('Kokouspaikka on …'). */
const SENTENCE_VERB = /^[ \t]+(?:on|oli|ovat|olivat|är|var|is|was)(?![\p{L}\p{N}])/u;

function labelAt(text: string, from: number, to: number, label: string): LabelledValue | null {
  const pattern = labelPattern(label);
  pattern.lastIndex = from;
  const m = execLabelBefore(
    pattern,
    text,
    to,
    (at, match) => labelMayStart(text, at, BEFORE_LABEL) && !opensSentence(text, match),
  );
  if (!m) return null;
  const valueStart = m.index + m[0].length;
  ANY_LABEL.lastIndex = valueStart;
  let valueEnd = Math.min(to, valueStart + 240);
  const next = execLabelBefore(ANY_LABEL, text, valueEnd, (at) => labelMayStart(text, at, BEFORE_ANY_LABEL));
  if (next) valueEnd = next.index;
  // The first item may follow on the same line: '… Paikka: Kunnantalo § 179 Esityslistan hyväksyminen'.
  const numbered = /\s(?:1\.|§\s?\d{1,4}|\d{1,4}\s?§)\s/u.exec(text.slice(valueStart, valueEnd));
  if (numbered) valueEnd = valueStart + numbered.index;
  const newline = text.indexOf('\n', valueStart);
  if (newline >= 0 && newline < valueEnd) {
    const sameLine = text.slice(valueStart, newline).trim() !== '';
    // A value on the next line only when it reads like one ('Aika:' / '31.8.2022 klo 12'); else the label is empty.
    const nextLineIsValue = /^\s*(?:\p{L}{2,12}\s+)?\d/u.test(text.slice(newline, valueEnd));
    if (sameLine) valueEnd = newline;
    else if (!nextLineIsValue) valueEnd = valueStart;
  }
  return { labelStart: m.index, valueStart, valueEnd };
}

/** Longer than any label with the colon and bold marks after it. */
const LABEL_READ_PAST = 64;

/**
 * The next match of the label `pattern`, from its `lastIndex`, that `accepts` and starts before `limit`. The
 * text is read only a little past `limit`: a label that starts before it ends before the cut, so the match is
 * the one the whole text gives, unless only white space follows it up to the cut (a colon may come after
 * more), and then the whole text is read.
 */
function execLabelBefore(
  pattern: RegExp,
  text: string,
  limit: number,
  accepts: (at: number, match: RegExpExecArray) => boolean,
): RegExpExecArray | null {
  const from = pattern.lastIndex;
  const cut = limit + LABEL_READ_PAST;
  if (cut < text.length) {
    const m = execWhere(pattern, text.slice(0, cut), accepts);
    if (m === null || m.index >= limit) return null;
    if (/\S/u.test(text.slice(m.index + m[0].length, cut))) return m;
    pattern.lastIndex = from;
  }
  const m = execWhere(pattern, text, accepts);
  return m && m.index < limit ? m : null;
}

/** Whether a label word without a colon is the subject of a sentence ('Kokouspaikka on …'), not a label. */
function opensSentence(text: string, match: RegExpExecArray): boolean {
  if (match[0].includes(':')) return false;
  let wordEnd = match.index + match[0].length;
  while (isBlank(text.charCodeAt(wordEnd - 1))) wordEnd -= 1;
  return SENTENCE_VERB.test(text.slice(wordEnd, wordEnd + 12));
}

/** Trims whitespace, bold markers and trailing punctuation, keeping offsets. */
function trimmedField(text: string, start: number, end: number, edge = ' \t\n*.,:;|'): Field<string> | null {
  while (start < end && edge.includes(text[start] ?? '')) start += 1;
  while (end > start && edge.includes(text[end - 1] ?? '')) end -= 1;
  const value = cleanText(text.slice(start, end));
  return value === '' ? null : { value, span: [start, end] };
}

const NUMBER_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [/(?<![\d/.])(\d{1,3})\s?\/\s?(\d{4}|\d{2})(?![\d/])/u, (m) => `${Number(m[1])}/${fullYear(m[2] ?? '')}`],
  [
    /(?<![\d.])(\d{1,3})\.\s?(?:kokous|kokouksen|KOKOUS|KOKOUKSEN|sammanträde|möte)(?![\p{L}\p{N}])/u,
    (m) => String(Number(m[1])),
  ],
];

function fullYear(written: string): string {
  return written.length === 2 ? `20${written}` : written;
}

function findMeetingNumber(text: string, from: number, to: number): Field<string> | null {
  const region = text.slice(from, to);
  for (const [pattern, render] of NUMBER_PATTERNS) {
    const m = pattern.exec(region);
    if (!m) continue;
    const value = render(m);
    if (value === null) continue;
    if (value.includes('/')) {
      const year = Number(value.split('/')[1]);
      if (year < 1990 || year > 2100) continue;
    }
    return { value, span: [from + m.index, from + m.index + m[0].length] };
  }
  return null;
}

function datesOf(text: string, label: LabelledValue): FoundDate[] {
  return findDates(text.slice(label.valueStart, label.valueEnd));
}

/** Whether one of the dates has a year, so a day of its own. */
function holdsFullDate(dates: readonly FoundDate[]): boolean {
  return dates.some((d) => d.iso !== null);
}

/**
 * A page that wraps a document may repeat its heading with an empty time label first ('Aika: - Lataa PDF …
 * Aika: 14.12.2018 16 – 17.45'): the next time label before `to` whose value holds a date.
 */
function laterDatedLabel(text: string, empty: LabelledValue, to: number): LabelledValue | null {
  let from = empty.valueStart;
  for (let tries = 0; tries < 3; tries += 1) {
    const next = labelAt(text, from, to, TIME_LABEL);
    if (!next) return null;
    if (holdsFullDate(datesOf(text, next))) return next;
    from = next.valueStart;
  }
  return null;
}

/** Reads the labelled header (Aika / Paikka / Tid / Plats …) that opens the document at `from`. */
export function readHeader(text: string, from: number, limit: number): Header {
  const to = Math.min(text.length, limit);
  const firstTime = labelAt(text, from, to, TIME_LABEL);
  const firstDates = firstTime ? datesOf(text, firstTime) : [];
  const later = firstTime && !holdsFullDate(firstDates) ? laterDatedLabel(text, firstTime, to) : null;
  const time = later ?? firstTime;
  const placeLabel = labelAt(text, from, to, PLACE_LABEL);
  const titleEnd = Math.min(firstTime ? firstTime.labelStart : to, placeLabel ? placeLabel.labelStart : to);
  const title = findTitle(text, from, Math.min(titleEnd, to));
  let date: Field<string> | null = null;
  let startTime: Field<string> | null = null;
  let endTime: Field<string> | null = null;
  const dateRegion = time ?? { valueStart: from, valueEnd: Math.min(to, from + 700) };
  const regionText = text.slice(dateRegion.valueStart, dateRegion.valueEnd);
  // Without a label, a date followed by '§ 19' refers to an earlier decision, not to this meeting.
  const dates = (time !== null && time === firstTime ? firstDates : findDates(regionText)).filter(
    (d) =>
      d.iso !== null &&
      (time !== null || !/^\s*§/u.test(regionText.slice(d.index + d.length, d.index + d.length + 4))),
  );
  const firstDate = dates[0];
  if (firstDate?.iso) {
    const at = dateRegion.valueStart + firstDate.index;
    date = { value: firstDate.iso, span: [at, at + firstDate.length] };
  }
  if (time) {
    const afterDate = firstDate ? firstDate.index + firstDate.length : 0;
    const range = findTimeRange(regionText.slice(afterDate));
    if (!range) {
      // 'Datum: …' and 'Tid: kl. 13.00–15.00' on separate lines.
      const nextLines = text.slice(dateRegion.valueEnd, Math.min(to, dateRegion.valueEnd + 160));
      const cued = /(?:klo|kello|kl)\.?\s*\d/iu.exec(nextLines);
      const found = cued ? findTimeRange(nextLines.slice(cued.index)) : null;
      if (found && cued) {
        const at = dateRegion.valueEnd + cued.index + found.index;
        const span: Span = [at, at + found.length];
        if (found.start) startTime = { value: found.start, span };
        if (found.end) endTime = { value: found.end, span };
      }
    }
    if (range) {
      const at = dateRegion.valueStart + afterDate + range.index;
      const span: Span = [at, at + range.length];
      if (range.start) startTime = { value: range.start, span };
      if (range.end) endTime = { value: range.end, span };
    }
  }
  const place = placeLabel ? trimmedField(text, placeLabel.valueStart, placeLabel.valueEnd) : null;
  const numberRegionEnd = Math.max(title ? title.span[1] : from, time ? time.valueStart : from + 300);
  const meetingNumber =
    (title && findMeetingNumber(text, title.span[0], title.span[1])) ??
    findMeetingNumber(text, from, Math.min(to, numberRegionEnd));
  const end = Math.max(time?.valueEnd ?? from, placeLabel?.valueEnd ?? from, title?.span[1] ?? from);
  const labelStart =
    time || placeLabel ? Math.min(time?.labelStart ?? to, placeLabel?.labelStart ?? to) : null;
  return { title, meetingNumber, date, startTime, endTime, place, end, labelStart };
}

const PAGE_LINE =
  /(?:(?<![\p{L}\p{N}])Sivu|(?<![\p{L}\p{N}])Sida|(?<![\p{L}\p{N}])Page)\s*\d+|Tulosta|PDF-muodossa|^\s*\d+\s*\(\d+\)\s*$/iu;

/** Among the first lines, the one most like a heading: naming a document type, a body, a meeting number. */
function bestTitleLine(lines: RegExpMatchArray[]): RegExpMatchArray | undefined {
  let best: RegExpMatchArray | undefined;
  let bestScore = -1;
  for (const line of lines) {
    const value = line[0];
    if (PAGE_LINE.test(value) || value.length > 140) continue;
    const words = value.split(/\s+/u).map((w) => w.replace(/[,.:;*]+$/u, '').replace(/^\*+/u, ''));
    let score = 0;
    if (words.some((w) => DOC_TYPE_WORD.test(w))) score += 2;
    if (words.some((w) => BODY_NOUN.test(w))) score += 1;
    if (/\d{1,3}\s?\/\s?\d{2,4}/u.test(value)) score += 1;
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}

const PAGE_OF_PAGES = /\s\d{1,3} \(\d{1,3}\)(?=\s|$)/u;

/** How many of the first lines may hold the heading. */
const TITLE_LINES = 4;

/** The document's own heading: the first line naming a body (else the first line), up to the first label. */
function findTitle(text: string, from: number, to: number): Field<string> | null {
  let start = from;
  while (start < to && /\s/u.test(text[start] ?? '')) start += 1;
  const lines: RegExpMatchArray[] = [];
  for (const line of text.slice(start, to).matchAll(/[^\n]+/gu)) {
    lines.push(line);
    if (lines.length === TITLE_LINES) break;
  }
  const first = bestTitleLine(lines);
  if (first && lines.length > 1) start += first.index ?? 0;
  // A heading written the Markdown way ('# Muistio 3/2018').
  const hashes = /^#{1,6}[ \t]+/u.exec(text.slice(start, start + 8));
  if (hashes) start += hashes[0].length;
  let end = text.indexOf('\n', start);
  if (end < 0 || end > to) end = to;
  if (end - start > 200) end = start + 200;
  const field = trimmedField(text, start, end);
  if (!field) return null;
  if (ROSTER_TITLE.test(field.value)) return null;
  // A table of contents on one line ('Asialista 1. … 2. …') is not a heading.
  if (/(?:^|\s)1\.\s.*\s2\.\s/u.test(field.value)) return null;
  // A page's number and the page count ('Esityslista 01/17 1 (10) …') are not part of the heading.
  field.value = field.value.replace(/^\d{1,3}\s+(?=\p{L})/u, '').replace(PAGE_OF_PAGES, '');
  return field;
}
