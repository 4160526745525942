import type { Analyzer } from '../analysis/analyzer.js';
import { queryPairs } from '../analysis/name-pairs.js';
import { STOPWORDS } from '../analysis/tokenize.js';
import { quoteLexeme } from '../index/term-vector.js';
import type { QueryNode } from './query-parser.js';

export interface CompiledQuery {
  /** tsquery input, or null when the query has nothing to match (only stopwords): what ranks. */
  tsquery: string | null;
  /**
   * The same matches through names' word pairs where the query's phrases make them (with `namePairs`),
   * else `tsquery`: what finds the matches.
   */
  match: string | null;
  /** Terms of the words not negated, for highlighting. */
  highlight: Set<string>;
  /** Prefixes of the prefix words not negated. */
  prefixes: string[];
  /** Words joined only by OR: ts_rank then adds up per term (no AND, phrase or NOT, whose rank weighs more). */
  additive: boolean;
}

/** What one query word matches: any of its analyses' terms, or the terms a prefix starts. */
export type WordTerms = { kind: 'terms'; terms: readonly string[] } | { kind: 'prefix'; prefix: string };

/** A query word's terms, or null for a stopword, which matches nothing and is left out. */
export function wordTerms(text: string, prefix: boolean, analyzer: Analyzer): WordTerms | null {
  const lower = text.toLowerCase();
  if (prefix) return { kind: 'prefix', prefix: lower };
  if (STOPWORDS.has(lower)) return null;
  return { kind: 'terms', terms: analyzer.queryAlternatives(text) };
}

/** A compiled part of the query: what ranks, and what matches the same documents. */
interface Part {
  rank: string;
  match: string;
}

/**
 * Turns a parsed query into a tsquery over the index's terms: each word matches any of its analyses.
 * With `namePairs` (the index holds names' word pairs), phrases match through their pairs.
 */
export function compileQuery(
  node: QueryNode | null,
  analyzer: Analyzer,
  options: { namePairs?: boolean } = {},
): CompiledQuery {
  const highlight = new Set<string>();
  const prefixes: string[] = [];
  const stems = (word: string) => analyzer.stems(word);
  const either = (terms: readonly string[]) =>
    terms.length === 1 ? quoteLexeme(terms[0] ?? '') : `(${terms.map(quoteLexeme).join(' | ')})`;
  const same = (text: string): Part => ({ rank: text, match: text });
  const word = (text: string, prefix: boolean, negated: boolean): WordTerms | null => {
    const w = wordTerms(text, prefix, analyzer);
    if (w?.kind === 'prefix' && !negated) prefixes.push(w.prefix);
    if (w?.kind === 'terms' && !negated) for (const a of w.terms) highlight.add(a);
    return w;
  };
  const phrase = (words: readonly string[], negated: boolean): Part | null => {
    let out = '';
    let gap = 1;
    let count = 0;
    let previous: readonly string[] | null = null;
    const pairs: string[] = [];
    for (const text of words) {
      const w = word(text, false, negated);
      if (!w || w.kind !== 'terms') {
        if (out) gap++;
        previous = null;
        continue;
      }
      const part = either(w.terms);
      const pair = options.namePairs && previous && gap === 1 ? queryPairs(previous, w.terms, stems) : null;
      if (pair) pairs.push(either(pair));
      out = out ? `${out} ${gap === 1 ? '<->' : `<${gap}>`} ${part}` : part;
      gap = 1;
      count++;
      previous = w.terms;
    }
    if (!out) return null;
    const rank = `(${out})`;
    // Two words next to each other are their pair exactly; a longer phrase is checked among the documents
    // that have its pairs.
    if (count === 2 && pairs.length === 1) return { rank, match: pairs[0] ?? rank };
    return { rank, match: pairs.length > 0 ? `(${[...pairs, rank].join(' & ')})` : rank };
  };
  const walk = (n: QueryNode, negated: boolean): Part | null => {
    switch (n.kind) {
      case 'word': {
        const w = word(n.text, n.prefix, negated);
        if (!w) return null;
        return same(w.kind === 'prefix' ? `${quoteLexeme(w.prefix)}:*` : either(w.terms));
      }
      case 'phrase':
        return phrase(n.words, negated);
      case 'and':
      case 'or': {
        const parts = n.children.map((c) => walk(c, negated)).filter((p): p is Part => p !== null);
        if (parts.length <= 1) return parts[0] ?? null;
        const join = (texts: string[]) => `(${texts.join(n.kind === 'and' ? ' & ' : ' | ')})`;
        return { rank: join(parts.map((p) => p.rank)), match: join(parts.map((p) => p.match)) };
      }
      case 'not': {
        const inner = walk(n.child, !negated);
        return inner ? { rank: `!${inner.rank}`, match: `!${inner.match}` } : null;
      }
    }
  };
  const compiled = node ? walk(node, false) : null;
  const tsquery = compiled?.rank ?? null;
  // Lexemes are letters and digits, so these characters are operators.
  return {
    tsquery,
    match: compiled?.match ?? null,
    highlight,
    prefixes,
    additive: tsquery !== null && !/[&<!]/.test(tsquery),
  };
}
