import type { Analyzer } from '../analysis/analyzer.js';
import { tokenize } from '../analysis/tokenize.js';

const WINDOW = 28;
// Long documents: look for the passage in the first part only, which keeps a page of hits fast.
const MAX_SCAN = 60_000;
// The passage is looked for in characters: about WINDOW words.
const WINDOW_CHARS = 220;
const LETTER = /[\p{L}\p{N}]/u;

interface Match {
  start: number;
  end: number;
  term: string;
}

/**
 * The passage of `text` with the most distinct query words, HTML-escaped, each match in <mark>. Matching
 * goes through the same analysis as the index, so 'pilotti' marks 'valinnanvapauspilotteihin'; only words
 * that hold the first letters of a query term are analysed, since the analysis is what costs (a base form
 * whose first letters change in inflection, 'käsi' → 'käden', goes unmarked).
 */
export function makeSnippet(
  text: string,
  language: string,
  highlight: ReadonlySet<string>,
  prefixes: readonly string[],
  analyzer: Analyzer,
): string {
  const matches = findMatches(text.slice(0, MAX_SCAN), language, highlight, prefixes, analyzer);
  let best = matches[0]?.start ?? 0;
  let bestScore = -1;
  for (let i = 0; i < matches.length; i++) {
    const from = matches[i]?.start ?? 0;
    const distinct = new Set<string>();
    let hits = 0;
    for (let j = i; j < matches.length && (matches[j]?.start ?? 0) < from + WINDOW_CHARS; j++) {
      distinct.add(matches[j]?.term ?? '');
      hits++;
    }
    const score = distinct.size * 10 + hits;
    if (score > bestScore) {
      bestScore = score;
      best = from;
    }
  }
  const regionStart = Math.max(0, best - 80);
  const region = text.slice(regionStart, best + WINDOW_CHARS * 3);
  const tokens = tokenize(region).map((t) => ({
    ...t,
    start: t.start + regionStart,
    end: t.end + regionStart,
  }));
  if (tokens.length === 0) return '';
  const marked = new Set(matches.map((m) => m.start));
  const at = Math.max(
    0,
    tokens.findIndex((t) => t.start >= best),
  );
  const start = Math.max(0, at - 4);
  const end = Math.min(tokens.length, start + WINDOW);
  let out = regionStart > 0 || start > 0 ? '…' : '';
  let cursor = tokens[start]?.start ?? 0;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (!t) continue;
    out += escapeHtml(text.slice(cursor, t.start));
    out += marked.has(t.start) ? `<mark>${escapeHtml(t.text)}</mark>` : escapeHtml(t.text);
    cursor = t.end;
  }
  if ((tokens[end - 1]?.end ?? text.length) < text.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}

/** The words of `text` that match the query, in order. */
function findMatches(
  text: string,
  language: string,
  highlight: ReadonlySet<string>,
  prefixes: readonly string[],
  analyzer: Analyzer,
): Match[] {
  const starts = [...new Set([...highlight, ...prefixes].map((h) => h.slice(0, 3)).filter(Boolean))];
  if (starts.length === 0) return [];
  const pattern = new RegExp(starts.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const out: Match[] = [];
  let lastWord = -1;
  for (const m of text.matchAll(pattern)) {
    let start = m.index;
    while (start > 0 && LETTER.test(text[start - 1] ?? '')) start--;
    if (start === lastWord) continue;
    lastWord = start;
    let end = m.index + m[0].length;
    while (end < text.length && LETTER.test(text[end] ?? '')) end++;
    const word = text.slice(start, end);
    const term = matchTerm(word, language, highlight, prefixes, analyzer);
    if (term) out.push({ start, end, term });
  }
  return out;
}

function matchTerm(
  word: string,
  language: string,
  highlight: ReadonlySet<string>,
  prefixes: readonly string[],
  analyzer: Analyzer,
): string | null {
  for (const term of analyzer.indexTerms(word, language)) {
    if (highlight.has(term) || prefixes.some((p) => term.startsWith(p))) return term;
  }
  const lower = word.toLowerCase();
  return prefixes.some((p) => lower.startsWith(p)) ? lower : null;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
