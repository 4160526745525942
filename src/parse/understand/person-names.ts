import { isFirstName, isKnownSurname, isMunicipality, nameWordKinds } from '../lexicon/names.js';
import { isSpaceAt } from './scan.js';

/** A person's name found in running text, always rendered 'Firstname Lastname'. */
export interface FoundName {
  name: string;
  start: number;
  end: number;
}

interface Token {
  raw: string;
  core: string;
  start: number;
  end: number;
  /** A given name (looked up once per token). */
  first: boolean;
  /** Written like a surname. */
  surname: boolean;
}

const PARTICLES = new Set(['von', 'af', 'van', 'de', 'der', 'di', 'la']);
/** Abbreviations written before a name ('Vs. Pentti Heikkinen': acting), never a surname. */
const TITLE_ABBREVIATIONS = new Set(['Vs', 'Vt', 'Va', 'Pj', 'Siht', 'Tf']);

/** '(', '"', "'", '*', '„', '”', '“': marks a word may open with. */
function isOpeningMark(code: number): boolean {
  return (
    code === 0x28 ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x2a ||
    code === 0x201e ||
    code === 0x201d ||
    code === 0x201c
  );
}

/** ')', '"', "'", ',', '.', ';', ':', '*', '!', '?': marks a word may close with. */
function isClosingMark(code: number): boolean {
  return (
    code === 0x29 ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x2c ||
    code === 0x2e ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x2a ||
    code === 0x21 ||
    code === 0x3f
  );
}

/** Whether a word's first character is a capital (changes in lower case). */
function isCapitalAt(word: string, at: number): boolean {
  const code = word.charCodeAt(at);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const initial = word.charAt(at);
  return initial !== initial.toLowerCase();
}

function makeToken(raw: string, at: number, width: number): Token {
  let lead = 0;
  while (lead < raw.length && isOpeningMark(raw.charCodeAt(lead))) lead += 1;
  let trail = raw.length;
  while (trail > lead && isClosingMark(raw.charCodeAt(trail - 1))) trail -= 1;
  const core = raw.slice(lead, trail);
  const kinds = core !== '' && isCapitalAt(core, 0) ? nameWordKinds(core) : null;
  return {
    raw,
    core,
    start: at + lead,
    end: at + lead + (width === raw.length ? core.length : width - lead - (raw.length - trail)),
    first: kinds?.first ?? false,
    surname: kinds?.surname ?? false,
  };
}

/** Where the word at or after `at` begins: the first character that is not white space (or the end). */
function wordStartFrom(text: string, at: number): number {
  let start = at;
  while (start < text.length && isSpaceAt(text, start)) start += 1;
  return start;
}

/** Where the word that begins at `start` ends: at the next white space or the end. */
function wordEndFrom(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && !isSpaceAt(text, end)) end += 1;
  return end;
}

/** Whether `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

const BROKEN_WORD_REST = /\s(\p{Ll}\S*)/uy;

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  // Words are read by hand as /\S+/gu reads them, which steps back from inside a surrogate pair to its start.
  let next = from > 0 && splitsPair(text, from) ? from - 1 : from;
  for (
    let start = wordStartFrom(text, next);
    start < text.length && start < to;
    start = wordStartFrom(text, next)
  ) {
    const end = wordEndFrom(text, start);
    let raw = text.slice(start, end);
    let width = raw.length;
    next = end;
    // A word broken at a line end in extracted text ('Svedje- bäck') is one word.
    if (raw.endsWith('-') && raw.length > 2) {
      BROKEN_WORD_REST.lastIndex = end;
      const rest = BROKEN_WORD_REST.exec(text);
      if (rest && /^\p{Lu}\p{Ll}+-$/u.test(raw)) {
        width = raw.length + rest[0].length;
        raw = raw.slice(0, -1) + (rest[1] ?? '');
        next = start + width;
      }
    }
    tokens.push(makeToken(raw, start, width));
  }
  return tokens;
}

function endsClause(token: Token): boolean {
  return /[,.;:)]$/u.test(token.raw);
}

/** The order a name's words are written in. */
export type NameOrder = 'first-last' | 'last-first';

/** A name read at a token: its words, how many tokens it takes and the token of its surname. */
interface NameMatch {
  name: string;
  length: number;
  surname: Token;
}

function matchAt(tokens: Token[], i: number, order: NameOrder): NameMatch | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!a || !b) return null;
  if (order === 'first-last') {
    if (!a.first || endsClause(a)) return null;
    const c = tokens[i + 2];
    if (PARTICLES.has(b.core) && c && c.surname) {
      return { name: `${a.core} ${b.core} ${c.core}`, length: 3, surname: c };
    }
    if (!b.surname || TITLE_ABBREVIATIONS.has(b.core)) return null;
    if (c && b.first && c.surname && !c.first && isMunicipality(a.core)) return null;
    if (c && b.first && !endsClause(b) && c.surname && !c.first) {
      return { name: `${a.core} ${b.core} ${c.core}`, length: 3, surname: c };
    }
    return { name: `${a.core} ${b.core}`, length: 2, surname: b };
  }
  if (PARTICLES.has(a.core) && b && tokens[i + 2] && tokens[i + 2]!.first && b.surname) {
    return { name: `${tokens[i + 2]!.core} ${a.core} ${b.core}`, length: 3, surname: b };
  }
  if (!a.surname || !b.first) return null;
  if (a.first && !isKnownSurname(a.core) && !/[,.]$/u.test(a.raw)) return null;
  if (/[;:)]$/u.test(a.raw)) return null;
  return { name: `${b.core} ${a.core}`, length: 2, surname: a };
}

/** The names read in one word order, with the token of each one's surname. */
interface Reading {
  names: FoundName[];
  surnames: Token[];
}

function scan(tokens: Token[], order: NameOrder): Reading {
  const names: FoundName[] = [];
  const surnames: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    const m = matchAt(tokens, i, order);
    if (m) {
      names.push({ name: m.name, start: tokens[i]!.start, end: tokens[i + m.length - 1]!.end });
      surnames.push(m.surname);
      i += m.length;
    } else i += 1;
  }
  return { names, surnames };
}

/** Known surnames the reading finds, less the given names it leaves without a surname. */
function support(tokens: Token[], { names, surnames }: Reading, order: NameOrder): number {
  let n = 0;
  for (const surname of surnames) if (isKnownSurname(surname.core)) n += 1;
  let k = 0;
  for (const token of tokens) {
    while (k < names.length && (names[k] as FoundName).end <= token.start) k += 1;
    const inside = k < names.length && (names[k] as FoundName).start <= token.start;
    if (!inside && token.first) n -= 1;
  }
  return order === 'last-first' ? n - 0.5 : n;
}

/** The reading in the word order the tokens support better. */
function likelierReading(tokens: Token[]): Reading {
  let commaForms = 0;
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if ((tokens[i + 1] as Token).first && /^\p{Lu}[\p{L}-]+[,.]$/u.test(t.raw)) commaForms += 1;
  }
  const firstLast = scan(tokens, 'first-last');
  const lastFirst = scan(tokens, 'last-first');
  const fl = support(tokens, firstLast, 'first-last');
  const lf = support(tokens, lastFirst, 'last-first') + commaForms;
  return lf > fl ? lastFirst : firstLast;
}

/** People's names in the text between `from` and `to`. */
export function findNames(text: string, from: number, to: number, order?: NameOrder): FoundName[] {
  const tokens = tokenize(text, from, to);
  // A name takes two words at least, one of them a given name.
  if (tokens.length < 2 || !tokens.some((token) => token.first)) return [];
  return (order ? scan(tokens, order) : likelierReading(tokens)).names;
}

/** True when the text holds a given name followed by a capitalised word: a cheap test before findNames. */
export function mayHoldName(text: string): boolean {
  const words = text.split(/\s+/u);
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (
      isFirstName((words[i] ?? '').replace(/[,.;:()]+/gu, '')) ||
      isFirstName((words[i + 1] ?? '').replace(/[,.;:()]+/gu, ''))
    ) {
      return true;
    }
  }
  return false;
}
