export interface Token {
  /** As written. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words and numbers with their offsets; hyphens, dots and apostrophes separate. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
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
