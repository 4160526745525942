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
