import { tokenize } from '../analysis/tokenize.js';

/** A parsed query; words are as the user wrote them, analysed later. */
export type QueryNode =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

// Operators are words in capitals, in English, Finnish or Swedish; in lower case they are words.
const AND = new Set(['AND', 'JA', 'OCH', '&&']);
const OR = new Set(['OR', 'TAI', 'ELLER', '||']);
const NOT = new Set(['NOT', 'EI', 'INTE']);

type Lexeme =
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close' }
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string };

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  const re = /"([^"]*)"?|(\()|(\))|(-)(?=[^\s-])|([^\s()"]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < input.length) {
    if (/\s/.test(input[at] ?? '')) {
      at++;
      continue;
    }
    re.lastIndex = at;
    m = re.exec(input);
    if (!m) break;
    at = re.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'phrase', text: m[1] });
    else if (m[2]) out.push({ kind: 'open' });
    else if (m[3]) out.push({ kind: 'close' });
    else if (m[4]) out.push({ kind: 'not' });
    else if (m[5]) {
      const w = m[5];
      if (AND.has(w)) out.push({ kind: 'and' });
      else if (OR.has(w)) out.push({ kind: 'or' });
      else if (NOT.has(w)) out.push({ kind: 'not' });
      else out.push({ kind: 'word', text: w.replace(/\*+$/, ''), prefix: w.endsWith('*') });
    }
  }
  return out;
}

/**
 * Parses words, "phrases", prefix*, AND / OR / NOT (JA / TAI / EI, OCH / ELLER / INTE), -word and
 * parentheses; words side by side must all match. Null when nothing searchable is left.
 */
export function parseQuery(input: string): QueryNode | null {
  const lexemes = lex(input);
  let i = 0;
  const peek = () => lexemes[i];
  const parseOr = (): QueryNode | null => {
    const children: QueryNode[] = [];
    for (;;) {
      const child = parseAnd();
      if (child) children.push(child);
      if (peek()?.kind !== 'or') break;
      i++;
    }
    return children.length === 0 ? null : children.length === 1 ? (children[0] ?? null) : { kind: 'or', children }; // prettier-ignore
  };
  const parseAnd = (): QueryNode | null => {
    const children: QueryNode[] = [];
    for (;;) {
      const next = peek();
      if (!next || next.kind === 'or' || next.kind === 'close') break;
      if (next.kind === 'and') {
        i++;
        continue;
      }
      const child = parseNot();
      if (child) children.push(child);
    }
    return children.length === 0 ? null : children.length === 1 ? (children[0] ?? null) : { kind: 'and', children }; // prettier-ignore
  };
  const parseNot = (): QueryNode | null => {
    const next = lexemes[i++];
    if (!next) return null;
    if (next.kind === 'not') {
      const child = parseNot();
      return child ? { kind: 'not', child } : null;
    }
    if (next.kind === 'open') {
      const inner = parseOr();
      if (peek()?.kind === 'close') i++;
      return inner;
    }
    if (next.kind === 'phrase') return toWords(next.text, false);
    if (next.kind === 'word') return toWords(next.text, next.prefix);
    return null;
  };
  const root = parseOr();
  return root;
}

/** One written word: a single token, or a phrase of its tokens ('12.3.2024', 'Kela-korvaus'). */
function toWords(text: string, prefix: boolean): QueryNode | null {
  const tokens = tokenize(text).map((t) => t.text);
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return { kind: 'word', text: tokens[0] ?? '', prefix };
  return { kind: 'phrase', words: tokens };
}
