import type { Analyzer } from '../analysis/analyzer.js';
import { tokenize } from '../analysis/tokenize.js';
import type { WordTerms } from './compile-query.js';
import { wordTerms } from './compile-query.js';
import type { QueryNode } from './query-parser.js';

/**
 * A parsed query as sets of index terms: each word is the terms compileQuery gives it (any one matches),
 * a prefix word matches the terms that start with it, and stopwords are left out as the tsquery leaves
 * them out.
 */
export type TermQuery =
  | WordTerms
  | { kind: 'all'; children: readonly TermQuery[] }
  | { kind: 'any'; children: readonly TermQuery[] }
  | { kind: 'not'; child: TermQuery };

/** The terms of a parsed query, or null when nothing searchable is left (only stopwords). */
export function toTermQuery(node: QueryNode | null, analyzer: Analyzer): TermQuery | null {
  if (!node) return null;
  switch (node.kind) {
    case 'word':
      return wordTerms(node.text, node.prefix, analyzer);
    case 'phrase':
      // The terms matched against carry no positions: a phrase is all of its words anywhere in the
      // text, with word order and adjacency not checked.
      return group(
        'all',
        node.words.map((w) => wordTerms(w, false, analyzer)),
      );
    case 'and':
      return group(
        'all',
        node.children.map((c) => toTermQuery(c, analyzer)),
      );
    case 'or':
      return group(
        'any',
        node.children.map((c) => toTermQuery(c, analyzer)),
      );
    case 'not': {
      const child = toTermQuery(node.child, analyzer);
      return child ? { kind: 'not', child } : null;
    }
  }
}

function group(kind: 'all' | 'any', parts: readonly (TermQuery | null)[]): TermQuery | null {
  const children = parts.filter((p): p is TermQuery => p !== null);
  if (children.length <= 1) return children[0] ?? null;
  return { kind, children };
}

/** Whether a text with these index terms satisfies the query: its AND, OR and NOT as the tsquery's. */
export function matchesTerms(query: TermQuery, terms: ReadonlySet<string>): boolean {
  switch (query.kind) {
    case 'terms':
      return query.terms.some((t) => terms.has(t));
    case 'prefix':
      for (const t of terms) if (t.startsWith(query.prefix)) return true;
      return false;
    case 'all':
      return query.children.every((c) => matchesTerms(c, terms));
    case 'any':
      return query.children.some((c) => matchesTerms(c, terms));
    case 'not':
      return !matchesTerms(query.child, terms);
  }
}

/** The terms and prefixes a query names, negated or not. */
function namedTerms(query: TermQuery): string[] {
  switch (query.kind) {
    case 'terms':
      return [...query.terms];
    case 'prefix':
      return [query.prefix];
    case 'all':
    case 'any':
      return query.children.flatMap(namedTerms);
    case 'not':
      return namedTerms(query.child);
  }
}

/**
 * Builds the test of whether a text in some language concerns a query: its words analysed as the index
 * analyses them (lemmas and compound parts) and matched with matchesTerms. As in search snippets, only
 * the words that hold the first three letters of a query term are analysed, since the analysis is what
 * costs; a word whose first letters change in inflection ('käsi' → 'käden') is not seen.
 */
export function textMatcher(
  query: TermQuery,
  analyzer: Analyzer,
): (text: string, language: string) => boolean {
  const starts = [
    ...new Set(
      namedTerms(query)
        .map((t) => t.slice(0, 3))
        .filter(Boolean),
    ),
  ];
  const pattern = starts.length > 0 ? new RegExp(starts.map(escapeRegExp).join('|'), 'iu') : null;
  return (text, language) => {
    const terms = new Set<string>();
    if (pattern) {
      for (const { text: word } of tokenize(text)) {
        if (pattern.test(word)) for (const t of analyzer.indexTerms(word, language)) terms.add(t);
      }
    }
    return matchesTerms(query, terms);
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
