import { memoizeString } from '../../lib/memoize.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { anchorOfTerms, pairsOf } from '../analysis/name-pairs.js';
import { scanWords, tokenize } from '../analysis/tokenize.js';
import { tsvectorBinary } from './tsvector-binary.js';

/** What one document gives the index: its text and which spans of it weigh more or are not public. */
export interface IndexSource {
  text: string;
  language: string;
  title: string | null;
  bodyName: string | null;
  /** [JSON Pointer, start, end] of each field's source span. */
  spans: readonly (readonly [string, number, number])[];
  /** Ordinals of the items that are not public. */
  hiddenItems: ReadonlySet<number>;
  /** 'item/attachment' ordinals of attachments that are not public. */
  hiddenAttachments: ReadonlySet<string>;
}

export interface TermVector {
  /**
   * The tsvector in binary form (`tsvector-binary.ts`): each term's positions with their weights (A title
   * and body, B proposal and decision, C the rest), and names' word pairs without positions.
   */
  binary: Uint8Array;
  /** The terms with positions, in order of first occurrence; `counts` and `impacts` go with them. */
  terms: string[];
  counts: number[];
  /** Each term's ts_rank as a one-term query (normalisation 1), for the postings that rank top-k. */
  impacts: number[];
}

export interface DocumentVectors {
  /** Without the non-public parts. */
  publicVector: TermVector;
  /** Everything, when some part is not public; else null. */
  allVector: TermVector | null;
  /** The text without its non-public parts, when it has some. */
  publicText: string | null;
  /** Stems this document added to the compound lexicon. */
  newStems: string[];
}

const WEIGHT_A = 3;
const WEIGHT_B = 2;
// A builder weight's index into ts_rank's {D, C, B, A} array.
const LETTERS_INDEX = [1, 1, 2, 3] as const;
// PostgreSQL keeps positions up to 16383 and at most 256 of them per lexeme.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_TERM = 256;

/** Analyses a document's tokens once and builds its public (and, if different, full) term vector. */
export function buildDocumentVectors(source: IndexSource, analyzer: Analyzer): DocumentVectors {
  const { text } = source;
  const weight = new Uint8Array(text.length);
  const hidden = new Uint8Array(text.length);
  const has = new Set(source.spans.map((s) => s[0]));
  for (const [pointer, start, end] of source.spans) {
    const w = weightOf(pointer);
    if (w) weight.fill(w, start, end);
    if (isHidden(pointer, source)) hidden.fill(1, start, end);
  }
  // Each word is analysed once per document, however often it occurs.
  const { words, tokenWords, tokenStarts } = scanWords(text);
  const extra = [!has.has('/title') ? source.title : null, !has.has('/body') ? source.bodyName : null]
    .filter((s): s is string => Boolean(s))
    .flatMap((s) => tokenize(s));
  const lexiconStems = words.map((word) => analyzer.lexiconStem(word, source.language));
  const newStems = analyzer.lexicon.add(source.language, lexiconStems.filter((s): s is string => s !== null)); // prettier-ignore
  const anyHidden = tokenStarts.some((start) => hidden[start] === 1);
  const pub = new VectorBuilder();
  const all = anyHidden ? new VectorBuilder() : null;
  const stems = (word: string) => analyzer.stems(word);
  const anchorOf = (terms: readonly string[]) =>
    analyzer.namePairs && terms.length > 0 ? anchorOfTerms(terms, stems) : 0;
  const wordTerms = words.map((word) => analyzer.indexTerms(word, source.language));
  const wordAnchors = wordTerms.map(anchorOf);
  let position = 0;
  // The terms at the position before, what they anchor and whether they are public: names' word pairs
  // are made of both.
  let before: readonly string[] = [];
  let beforeAnchor = 0;
  let beforePublic = false;
  const addPairs = (terms: readonly string[], anchor: number, isPublic: boolean) => {
    if (analyzer.namePairs && before.length > 0 && terms.length > 0 && position <= MAX_POSITION) {
      const pairs = pairsOf(before, terms, stems, beforeAnchor, anchor);
      if (isPublic && beforePublic) pub.addPairs(pairs);
      all?.addPairs(pairs);
    }
    before = terms;
    beforeAnchor = anchor;
    beforePublic = isPublic;
  };
  for (const t of extra) {
    position++;
    const terms = analyzer.indexTerms(t.text, source.language);
    pub.add(terms, position, WEIGHT_A);
    all?.add(terms, position, WEIGHT_A);
    addPairs(terms, anchorOf(terms), true);
  }
  // Each builder numbers a word's terms once, at its first occurrence there; its other occurrences
  // count by number.
  const pubNumbers: (Int32Array | undefined)[] = new Array(words.length);
  const allNumbers: (Int32Array | undefined)[] = new Array(words.length);
  for (let i = 0; i < tokenStarts.length; i++) {
    position++;
    const start = tokenStarts[i] as number;
    const word = tokenWords[i] as number;
    const terms = wordTerms[word] as string[];
    const w = weight[start] ?? 0;
    const isPublic = hidden[start] !== 1;
    if (isPublic) pub.addNumbered((pubNumbers[word] ??= pub.number(terms)), position, w);
    if (all) all.addNumbered((allNumbers[word] ??= all.number(terms)), position, w);
    addPairs(terms, wordAnchors[word] as number, isPublic);
  }
  return {
    publicVector: pub.build(),
    allVector: all?.build() ?? null,
    publicText: anyHidden ? withoutHidden(text, hidden) : null,
    newStems,
  };
}

// Documents share their pointers ('/items/3/title'): each one's weight is worked out once.
const weightOf = memoizeString((pointer) => {
  if (pointer === '/title' || pointer === '/body' || /^\/items\/\d+\/title$/.test(pointer)) return WEIGHT_A;
  if (/^\/items\/\d+\/(?:proposal|decision)$/.test(pointer)) return WEIGHT_B;
  return 0;
});

function isHidden(pointer: string, source: IndexSource): boolean {
  if (source.hiddenItems.size === 0 && source.hiddenAttachments.size === 0) return false;
  const m = /^\/items\/(\d+)(?:\/attachments\/(\d+))?/.exec(pointer);
  if (!m) return false;
  const item = Number(m[1]);
  return source.hiddenItems.has(item) || (m[2] !== undefined && source.hiddenAttachments.has(`${item}/${m[2]}`)); // prettier-ignore
}

function withoutHidden(text: string, hidden: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && hidden[j] === hidden[i]) j++;
    out += hidden[i] === 1 ? '\n…\n' : text.slice(i, j);
    i = j;
  }
  return out;
}

// ts_rank's weights of D, C, B, A (search.ts passes the same array).
const RANK_WEIGHTS = [0.05, 0.2, 0.5, 1.0] as const;

class VectorBuilder {
  // Each term's number, in order of first occurrence, which the literal and the vector's arrays keep.
  private readonly numbers = new Map<string, number>();
  private readonly counts: number[] = [];
  // Per term, each of its positions as position · 4 + weight.
  private readonly positions: number[][] = [];
  private readonly pairs = new Set<string>();

  /** Names' word pairs: position-less terms, for matching only (no counts, no impacts). */
  addPairs(pairs: readonly string[]): void {
    for (const pair of pairs) this.pairs.add(pair);
  }

  add(terms: readonly string[], position: number, weight: number): void {
    this.addNumbered(this.number(terms), position, weight);
  }

  /** The terms' numbers, numbering those new to this vector in order. */
  number(terms: readonly string[]): Int32Array {
    const numbers = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      let n = this.numbers.get(term);
      if (n === undefined) {
        n = this.counts.length;
        this.numbers.set(term, n);
        this.counts.push(0);
        this.positions.push([]);
      }
      numbers[i] = n;
    }
    return numbers;
  }

  /** One occurrence, at `position`, of the terms `number` gave these numbers. */
  addNumbered(numbers: Int32Array, position: number, weight: number): void {
    const at = Math.min(position, MAX_POSITION);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i] as number;
      const list = this.positions[n] as number[];
      const count = (this.counts[n] as number) + 1;
      this.counts[n] = count;
      if (count === 1) {
        list.push(at * 4 + weight);
        continue;
      }
      if (position > MAX_POSITION) continue;
      const last = list[list.length - 1] as number;
      // PostgreSQL keeps one entry per position, with the highest weight.
      if (last >> 2 === at) list[list.length - 1] = at * 4 + Math.max(last & 3, weight);
      else if (list.length < MAX_POSITIONS_PER_TERM) list.push(at * 4 + weight);
    }
  }

  build(): TermVector {
    const terms = [...this.numbers.keys()];
    let length = 0;
    // PostgreSQL's position entry: the weight's bits (D 0, C 1, B 2, A 3) above the position's 14.
    const entries = this.positions.map((list) => {
      length += list.length;
      return list.map((entry) => ((LETTERS_INDEX[entry & 3] ?? 1) << 14) | (entry >> 2));
    });
    const pairs = [...this.pairs];
    const binary = tsvectorBinary([...terms, ...pairs], [...entries, ...pairs.map(() => [])]);
    // ts_rank's document length counts a position-less term once.
    length += this.pairs.size;
    const norm = Math.log2(length + 1) || 1;
    const impacts = this.positions.map((list) => oneTermRank(list) / norm);
    return { binary, terms, counts: this.counts, impacts };
  }
}

/** ts_rank's score of one query term from its positions (calc_rank_or in tsrank.c): their weights count. */
function oneTermRank(positions: readonly number[]): number {
  let sum = 0;
  let max = -1;
  let maxAt = 0;
  for (let i = 0; i < positions.length; i++) {
    const value = RANK_WEIGHTS[LETTERS_INDEX[(positions[i] as number) & 3] ?? 1] ?? 0.2;
    sum += value / ((i + 1) * (i + 1));
    if (value > max) {
      max = value;
      maxAt = i;
    }
  }
  // 1.64493406685 = π²/6, the limit of the series above.
  return (max + sum - max / ((maxAt + 1) * (maxAt + 1))) / 1.64493406685;
}

/** A lexeme in tsvector / tsquery input syntax. */
export function quoteLexeme(term: string): string {
  if (term.indexOf('\\') === -1 && term.indexOf("'") === -1) return `'${term}'`;
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A position-less tsvector of the terms of some names (people, organisations), for filters. */
export function buildNameVector(names: readonly string[], analyzer: Analyzer): string {
  const terms = new Set<string>();
  for (const name of names) {
    for (const t of tokenize(name)) {
      terms.add(t.text.toLowerCase());
      for (const language of ['fi', 'sv']) for (const term of analyzer.indexTerms(t.text, language)) terms.add(term); // prettier-ignore
    }
  }
  return [...terms].map(quoteLexeme).join(' ');
}
