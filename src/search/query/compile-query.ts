import type { Analyzer } from '../analysis/analyzer.js';
import { STOPWORDS } from '../analysis/tokenize.js';
import { quoteLexeme } from '../index/term-vector.js';
import type { QueryNode } from './query-parser.js';

export interface CompiledQuery {
  /** tsquery input, or null when the query has nothing to match (only stopwords). */
  tsquery: string | null;
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

/** Turns a parsed query into a tsquery over the index's terms: each word matches any of its analyses. */
export function compileQuery(node: QueryNode | null, analyzer: Analyzer): CompiledQuery {
  const highlight = new Set<string>();
  const prefixes: string[] = [];
  const word = (text: string, prefix: boolean, negated: boolean): string | null => {
    const w = wordTerms(text, prefix, analyzer);
    if (!w) return null;
    if (w.kind === 'prefix') {
      if (!negated) prefixes.push(w.prefix);
      return `${quoteLexeme(w.prefix)}:*`;
    }
    if (!negated) for (const a of w.terms) highlight.add(a);
    return w.terms.length === 1 ? quoteLexeme(w.terms[0] ?? text.toLowerCase()) : `(${w.terms.map(quoteLexeme).join(' | ')})`; // prettier-ignore
  };
  const walk = (n: QueryNode, negated: boolean): string | null => {
    switch (n.kind) {
      case 'word':
        return word(n.text, n.prefix, negated);
      case 'phrase': {
        let out = '';
        let gap = 1;
        for (const w of n.words) {
          const part = word(w, false, negated);
          if (!part) {
            if (out) gap++;
            continue;
          }
          out = out ? `${out} ${gap === 1 ? '<->' : `<${gap}>`} ${part}` : part;
          gap = 1;
        }
        return out ? `(${out})` : null;
      }
      case 'and':
      case 'or': {
        const parts = n.children.map((c) => walk(c, negated)).filter((p): p is string => p !== null);
        if (parts.length === 0) return null;
        return parts.length === 1 ? (parts[0] ?? null) : `(${parts.join(n.kind === 'and' ? ' & ' : ' | ')})`;
      }
      case 'not': {
        const inner = walk(n.child, !negated);
        return inner ? `!${inner}` : null;
      }
    }
  };
  const tsquery = node ? walk(node, false) : null;
  // Lexemes are letters and digits, so these characters are operators.
  return { tsquery, highlight, prefixes, additive: tsquery !== null && !/[&<!]/.test(tsquery) };
}
