export interface Token {
  /** As written. */
  text: string;
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Whether each of the first 0x800 code units is a letter or a digit (Latin, Greek, Cyrillic and more):
// a table lookup instead of a Unicode property test for nearly every character of a document.
const BASIC_WORD_CHARS = Uint8Array.from({ length: 0x800 }, (_, c) =>
  WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0,
);

/** The length of the letter or digit at `i` (2 for one outside the Basic Multilingual Plane), else 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x800) return BASIC_WORD_CHARS[c] as number;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i] ?? '') ? 1 : 0;
}

/** Words and numbers with their offsets; hyphens, dots and apostrophes separate. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    let n = wordCharAt(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    while (n > 0) {
      i += n;
      n = i < text.length ? wordCharAt(text, i) : 0;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** Words so common that they would match nearly every document. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'ja on ei se että tai sekä oli ovat joka jonka jossa kun myös mutta niin kuin nyt vain ole olla ' +
    'sen siitä sitä tämä tämän näin hän he me te eli mm ym jne klo n ' +
    'och i att det som en ett är av för på med till den de om har inte var vid så men eller ' +
    'the of and to in a is for'
  ).split(' '),
);

/** A text's tokens as `tokenize` finds them, each distinct word once: what a document's analysis needs. */
export interface WordScan {
  /** The distinct words (as written), in order of first occurrence. */
  words: string[];
  /** Per token, which of the words it is. */
  tokenWords: Int32Array;
  /** Per token, its start offset. */
  tokenStarts: Int32Array;
}

/**
 * The tokens of `text` by their distinct words. A word is cut out of the text only the first time: a
 * table of the words' hashes, checked against the text itself, finds the ones seen before.
 */
export function scanWords(text: string): WordScan {
  const words: string[] = [];
  const wordStarts: number[] = [];
  const maxTokens = (text.length + 1) >>> 1;
  const tokenWords = new Int32Array(maxTokens);
  const tokenStarts = new Int32Array(maxTokens);
  // Slots hold a word's number plus one; there are at least twice as many as words can be.
  const slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(2, text.length + 1))));
  const mask = slots.length - 1;
  let count = 0;
  let i = 0;
  while (i < text.length) {
    let n = wordCharAt(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    while (n > 0) {
      for (const end = i + n; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      const c = text.charCodeAt(i);
      n = c < 0x800 ? (BASIC_WORD_CHARS[c] as number) : i < text.length ? wordCharAt(text, i) : 0;
    }
    let slot = (hash ^ (hash >>> 15)) & mask;
    let word = -1;
    for (let w = slots[slot] as number; w !== 0; w = slots[slot] as number) {
      if (sameWord(text, start, i, wordStarts[w - 1] as number, (words[w - 1] as string).length)) {
        word = w - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (word === -1) {
      word = words.length;
      words.push(text.slice(start, i));
      wordStarts.push(start);
      slots[slot] = word + 1;
    }
    tokenWords[count] = word;
    tokenStarts[count++] = start;
  }
  return { words, tokenWords: tokenWords.subarray(0, count), tokenStarts: tokenStarts.subarray(0, count) };
}

/** Whether text[start, end) is the word of `length` units at `wordStart`. */
function sameWord(text: string, start: number, end: number, wordStart: number, length: number): boolean {
  if (end - start !== length) return false;
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(start + k) !== text.charCodeAt(wordStart + k)) return false;
  return true;
}
