/**
 * Finds the numbered items of a document: '1. Title', '§ 25 Title', '25 § Title', '12§ …', and lettered
 * sub-items 'a) …'. Numbers also occur in lists inside items and in tables of contents, so the items
 * are the best chain of consecutive numbers through the text (a small dynamic programme).
 */

import { allMatches, hasMoreLineBreaksThan, isBlank, isDigit } from './scan.js';

export interface ItemMarker {
  number: string;
  /** Offset of the marker itself. */
  start: number;
  /** Offset just after the marker, where the title begins. */
  titleStart: number;
  /** Where the item ends, when that is not where the next marker starts. */
  end?: number;
}

interface Candidate {
  value: number;
  start: number;
  titleStart: number;
  score: number;
  /** The marker's own look, before dense lists are marked down. */
  base: number;
}

const MAX_PER_NUMBER = 200;

// The character before a marker is checked by hand (`opensMarker`): a leading lookbehind would keep the
// regular expression engine from scanning fast for the marker itself.
const DOTTED = /(\d{1,3})\.(?=[ \t]*\*{0,2}[ \t]*\p{L})[ \t]*(?:\*\*)?/gu;
const SECTION_BEFORE = /§{1,2}[ \t]*(\d{1,4})(?![\d.,])[ \t]*(?:\*\*)?/uy;
const ASIA = /(?:Asia|Ärende|Punkt)[ \t]+(\d{1,3})(?=[\s.:])[.:]?[ \t]*/gu;
const TOC_PLAIN = /(\d{1,2})[ \t]+(?=\p{Lu}(?:\p{Ll}|\p{Lu}{2}))/gu;

/** A marker starts the text, a line or a word (after a space, bold marker, quote mark or bracket). */
function opensMarker(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  // whitespace, '*', '>', '(', '➤'
  return (
    before === 32 ||
    before === 9 ||
    before === 10 ||
    before === 13 ||
    before === 42 ||
    before === 62 ||
    before === 40 ||
    before === 0x27a4 ||
    before === 0xa0
  );
}

/** Whether the number at `at` follows 'Liite' or 'Bilaga': 'Liite 1. Riskiarvio' numbers an attachment. */
function numbersAttachment(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end -= 1;
  if (end === at || end < 5) return false;
  const word = text.slice(Math.max(0, end - 6), end).toLowerCase();
  return word.endsWith('liite') || word === 'bilaga';
}

function isLineStart(text: string, at: number): boolean {
  let i = at - 1;
  while (
    i >= 0 &&
    (text[i] === ' ' || text[i] === '\t' || text[i] === '*' || text[i] === '>' || text[i] === '-')
  )
    i -= 1;
  return i < 0 || text[i] === '\n';
}

function scoreCandidate(text: string, start: number, titleStart: number, lineMode: boolean): number {
  let score = 0;
  const next = text[titleStart] ?? '';
  if (/\p{Lu}/u.test(next)) score += 2;
  else if (/\p{Ll}/u.test(next)) score -= 3;
  if (isLineStart(text, start)) score += lineMode ? 4 : 2;
  else {
    if (lineMode) score -= 3;
    const before = text.slice(Math.max(0, start - 3), start);
    if (/[.!?:)]\s*$/u.test(before)) score += 1;
  }
  return score;
}

/** A marker's place, its number as written and where the text after it begins. */
interface MarkerMatch {
  index: number;
  number: string;
  end: number;
}

/** Finds the first marker of one kind that begins at or after `at`. */
type MarkerFinder = (text: string, at: number) => MarkerMatch | null;

/** Markers matched by the global `pattern`, whose first group is the number. */
function byPattern(pattern: RegExp): MarkerFinder {
  return (text, at) => {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    return m ? { index: m.index, number: m[1] ?? '', end: m.index + m[0].length } : null;
  };
}

/**
 * '§ 25' and '§§ 25' markers, tried only where a '§' is: looking for the sign itself is several times faster
 * than the pattern's own scan for it.
 */
function nextSectionBefore(text: string, at: number): MarkerMatch | null {
  for (let section = text.indexOf('§', at); section >= 0; section = text.indexOf('§', section + 1)) {
    SECTION_BEFORE.lastIndex = section;
    const m = SECTION_BEFORE.exec(text);
    if (m) return { index: m.index, number: m[1] ?? '', end: m.index + m[0].length };
  }
  return null;
}

/**
 * '12 §' and '12§' markers, not '12 §:': found from each '§', with the number of at most four digits
 * before it; the spaces, tabs and bold mark after it belong to the marker.
 */
function nextNumberBeforeSection(text: string, at: number): MarkerMatch | null {
  for (let section = text.indexOf('§', at); section >= 0; section = text.indexOf('§', section + 1)) {
    if (text.charCodeAt(section + 1) === 0x3a) continue;
    const digitsEnd = section > 0 && isBlank(text.charCodeAt(section - 1)) ? section - 1 : section;
    let start = digitsEnd;
    while (start > at && digitsEnd - start < 4 && isDigit(text.charCodeAt(start - 1))) start -= 1;
    if (start === digitsEnd) continue;
    let end = section + 1;
    while (isBlank(text.charCodeAt(end))) end += 1;
    if (text.startsWith('**', end)) end += 2;
    return { index: start, number: text.slice(start, digitsEnd), end };
  }
  return null;
}

const DOTTED_MARKER = byPattern(DOTTED);
const ASIA_MARKER = byPattern(ASIA);
const TOC_PLAIN_MARKER = byPattern(TOC_PLAIN);

function collect(
  text: string,
  from: number,
  to: number,
  finders: MarkerFinder[],
  lineMode: boolean,
): Candidate[] {
  const byValue = new Map<number, number>();
  const found: Candidate[] = [];
  for (const next of finders) {
    for (let m = next(text, from); m && m.index < to;) {
      if (!opensMarker(text, m.index) || numbersAttachment(text, m.index)) {
        m = next(text, m.index + 1);
        continue;
      }
      const { index: start, number, end: titleStart } = m;
      m = next(text, titleStart);
      const value = Number(number);
      const seen = byValue.get(value) ?? 0;
      if (seen >= MAX_PER_NUMBER) continue;
      byValue.set(value, seen + 1);
      const score = scoreCandidate(text, start, titleStart, lineMode);
      found.push({ value, start, titleStart, score, base: score });
    }
  }
  found.sort((a, b) => a.start - b.start);
  penaliseDenseRuns(found);
  return found;
}

const DENSE_GAP = 160;

/** Lists inside an item ('1. … 2. … 3. …' a few words apart) are not items: mark such runs down. */
function penaliseDenseRuns(found: Candidate[]): void {
  // The first list that starts at 1 may be the items themselves, written short; later ones are nested.
  const firstOne = found.findIndex((c) => c.value === 1);
  for (let i = 0; i < found.length; i += 1) {
    if (found[i]?.value !== 1 || i === firstOne) continue;
    const run = [found[i] as Candidate];
    for (let j = i + 1; j < found.length && j - i < 400; j += 1) {
      const c = found[j] as Candidate;
      const last = run[run.length - 1] as Candidate;
      if (c.start - last.start > DENSE_GAP) break;
      if (c.value === last.value + 1) run.push(c);
    }
    if (run.length >= 3) for (const c of run) c.score -= 4;
  }
}

/**
 * The best chain: numbers rising by one (a skipped number costs), each marker after the last, scored by the
 * markers' own look and by the length of text each item spans (lists inside items have short gaps).
 */
function bestChain(candidates: Candidate[], to: number, mustStartAt: number | null): Candidate[] {
  const n = candidates.length;
  // Plain arrays: typed arrays cost more to make than this small programme spends in them.
  const best: number[] = new Array<number>(n).fill(0);
  const previous: number[] = new Array<number>(n).fill(-1);
  const byValue = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const c = candidates[i] as Candidate;
    const startOk = mustStartAt === null || c.value === mustStartAt;
    best[i] = startOk ? c.score : Number.NEGATIVE_INFINITY;
    for (const skip of [1, 2, 3]) {
      for (const j of byValue.get(c.value - skip) ?? []) {
        const p = candidates[j] as Candidate;
        if (p.start >= c.start || best[j] === Number.NEGATIVE_INFINITY) continue;
        const gain = best[j]! + c.score + Math.log(1 + c.start - p.titleStart) - (skip - 1) * 6;
        if (gain > best[i]!) {
          best[i] = gain;
          previous[i] = j;
        }
      }
    }
    const list = byValue.get(c.value) ?? [];
    list.push(i);
    byValue.set(c.value, list);
  }
  let end = -1;
  let endScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i += 1) {
    const c = candidates[i] as Candidate;
    const total = best[i]! + Math.log(1 + to - c.titleStart);
    if (total > endScore) {
      endScore = total;
      end = i;
    }
  }
  const chain: Candidate[] = [];
  for (let i = end; i >= 0; i = previous[i]!) chain.push(candidates[i] as Candidate);
  return chain.reverse();
}

/** The item markers of the text between `from` and `to`. */
export function findItemMarkers(text: string, from: number, to: number): ItemMarker[] {
  const lineMode = hasMoreLineBreaksThan(text, from, to, (to - from) / 400);
  const sections = collect(text, from, to, [nextSectionBefore, nextNumberBeforeSection], lineMode).filter(
    (c) => c.base >= 0,
  );
  if (sections.length >= 1) {
    const chain = bestChain(sections, to, null);
    if (chain.length >= 2 || (chain.length === 1 && sections.length <= 2))
      return withWrittenOutItems(text, chain, sections, to);
  }
  const dotted = collect(text, from, to, [DOTTED_MARKER, ASIA_MARKER], lineMode);
  let chain = bestChain(dotted, to, 1);
  if (chain.length < 3) {
    // '1 Öppnande' without a dot; a longer run wins over a stray '1.' and '2.' in the text.
    const plain = collect(text, from, to, [TOC_PLAIN_MARKER], lineMode);
    const plainChain = bestChain(plain, to, 1);
    if (plainChain.length >= 3 && plainChain.length > chain.length) chain = plainChain;
  }
  if (chain.length < 2) {
    // An excerpt of a longer protocol numbers on from where the last meeting stopped ('69. LAGLIGHET …'):
    // a run of capitalised titles may start anywhere.
    const capitalised = dotted.filter((c) => c.base >= 2);
    const laterChain = bestChain(capitalised, to, null);
    if (laterChain.length >= 3) chain = laterChain;
  }
  return withWrittenOutItems(text, chain, dotted, to);
}

/**
 * Items listed first as a table of contents and then written out, numbered from the start again: each
 * written-out item takes the place of its entry, and the entries left end where the written-out part
 * begins. Their titles must agree, so a numbered list inside the last item is never taken for this.
 */
function withWrittenOutItems(
  text: string,
  chain: Candidate[],
  candidates: Candidate[],
  to: number,
): ItemMarker[] {
  const first = chain[0];
  const last = chain[chain.length - 1];
  if (!first || !last || chain.length < 3) return toMarkers(chain);
  const later = candidates.filter((c) => c.start > last.titleStart && c.base >= 0);
  const written = bestChain(later, to, first.value);
  const entries = new Map(chain.map((c) => [c.value, c]));
  const agreeing = written.filter((c) => {
    const entry = entries.get(c.value);
    return entry !== undefined && firstWord(text, entry.titleStart) === firstWord(text, c.titleStart);
  });
  if (written.length < 2 || agreeing.length < 2) return toMarkers(chain);
  const writtenByValue = new Map(written.map((c, i) => [c.value, { c, end: written[i + 1]?.start ?? to }]));
  const writtenStart = (written[0] as Candidate).start;
  const markers = chain.map((c, i): ItemMarker => {
    const out = writtenByValue.get(c.value);
    if (out)
      return { number: String(c.value), start: out.c.start, titleStart: out.c.titleStart, end: out.end };
    return {
      number: String(c.value),
      start: c.start,
      titleStart: c.titleStart,
      end: chain[i + 1]?.start ?? writtenStart,
    };
  });
  for (const c of written) if (!entries.has(c.value)) markers.push({ number: String(c.value), start: c.start, titleStart: c.titleStart, end: writtenByValue.get(c.value)?.end ?? to }); // prettier-ignore
  return markers.sort((a, b) => Number(a.number) - Number(b.number));
}

/** Whether the item number `parent` is written somewhere in `region` with a letter after it ('12 a.', '6a §'). */
function hasNumberedLetter(region: string, parent: string): boolean {
  if (parent === '') return false;
  for (let at = region.indexOf(parent); at >= 0; at = region.indexOf(parent, at + 1)) {
    LETTER_AFTER_NUMBER.lastIndex = at + parent.length;
    if (LETTER_AFTER_NUMBER.test(region)) return true;
  }
  return false;
}

function firstWord(text: string, at: number): string {
  return (/^[*\s]*(\p{L}+)/u.exec(text.slice(at, at + 60))?.[1] ?? '').toLowerCase();
}

function toMarkers(chain: Candidate[]): ItemMarker[] {
  return chain.map((c) => ({ number: String(c.value), start: c.start, titleStart: c.titleStart }));
}

// 'a)', '5 b)', '12 a.', '6 a §'
const LETTER =
  /^[ \t]*(?:[-•*][ \t]*)?(?:\*\*)?(?:(\d{1,3})[ \t]?([a-h])(?:[.)]|[ \t]*§)|([a-h])\))[ \t]+/gmu;
/** What follows an item's number in the number of one of its sub-items. */
const LETTER_AFTER_NUMBER = /[ \t]?[a-h](?:[.)]|[ \t]*§)/y;
/** The same with its item's number inside a flattened line: '… kännedom. 8 a. Personalbokslut 2021 …'. */
const INLINE_NUMBERED_LETTER = /(?<=[.!?:*][ \t]+)(\d{1,3})[ \t]?([a-h])(?:[.)]|[ \t]*§)[ \t]+(?=\p{Lu})/gu;

/**
 * Lettered sub-items ('a) …', '- b) …', '12 a. …') at line starts inside one item's text. Bare letters
 * need a second one to be a list of sub-items; one written with its item's number stands alone.
 */
export function findSubItemMarkers(text: string, from: number, to: number, parent: string): ItemMarker[] {
  const markers: ItemMarker[] = [];
  let expected = 'a';
  let numbered = false;
  const region = text.slice(from, to);
  // Without a ')' only sub-items written with the item's own number can be found.
  if (!region.includes(')') && !hasNumberedLetter(region, parent)) return markers;
  const found = allMatches(LETTER, region);
  if (found.length === 0 && region.includes(`${parent} a`))
    found.push(...allMatches(INLINE_NUMBERED_LETTER, region));
  for (const m of found) {
    if ((m[2] ?? m[3]) !== expected || (m[1] !== undefined && m[1] !== parent)) continue;
    numbered ||= m[1] !== undefined;
    const start = from + m.index;
    markers.push({ number: `${parent} ${expected}`, start, titleStart: start + m[0].length });
    expected = String.fromCharCode(expected.charCodeAt(0) + 1);
  }
  return markers.length >= 2 || (numbered && markers.length === 1) ? markers : [];
}
