import type { Analyzer } from '../analysis/analyzer.js';
import { tokenize } from '../analysis/tokenize.js';

const WINDOW = 28;
// Long documents: look for the passage in the first part only, which keeps a page of hits fast.
const MAX_SCAN = 60_000;

/**
 * The passage of `text` with the most distinct query words, HTML-escaped, each match in <mark>. Matching
 * goes through the same analysis as the index, so 'pilotti' marks 'valinnanvapauspilotteihin'.
 */
export function makeSnippet(
  text: string,
  language: string,
  highlight: ReadonlySet<string>,
  prefixes: readonly string[],
  analyzer: Analyzer,
): string {
  const tokens = tokenize(text.slice(0, MAX_SCAN));
  if (tokens.length === 0) return '';
  const matchOf = tokens.map((t) => {
    for (const term of analyzer.indexTerms(t.text, language)) {
      if (highlight.has(term) || prefixes.some((p) => term.startsWith(p))) return term;
    }
    const lower = t.text.toLowerCase();
    return prefixes.some((p) => lower.startsWith(p)) ? lower : null;
  });
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (matchOf[i] === null && i !== 0) continue;
    const distinct = new Set<string>();
    let hits = 0;
    for (let j = i; j < Math.min(tokens.length, i + WINDOW); j++) {
      const m = matchOf[j];
      if (m) {
        distinct.add(m);
        hits++;
      }
    }
    const score = distinct.size * 10 + hits;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const start = Math.max(0, best - 4);
  const end = Math.min(tokens.length, start + WINDOW);
  let out = start > 0 ? '…' : '';
  let at = tokens[start]?.start ?? 0;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (!t) continue;
    out += escapeHtml(text.slice(at, t.start));
    out += matchOf[i] ? `<mark>${escapeHtml(t.text)}</mark>` : escapeHtml(t.text);
    at = t.end;
  }
  if (end < tokens.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
