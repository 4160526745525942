import type { Voikko, VoikkoAnalysis } from './voikko.js';

const MIN_PART = 3;

/** The base forms of every reading of a word, lower case; empty when Voikko does not know it. */
export function finnishLemmas(analyses: readonly VoikkoAnalysis[]): string[] {
  return unique(analyses.flatMap((a) => (a.baseform ? [a.baseform.toLowerCase()] : [])));
}

/**
 * The lemmas of a compound's parts and of its leading and trailing sub-compounds, from the first
 * reading: 'valinnanvapauspilotteihin' → valinta, vapaus, pilotti, valinnanvapaus, vapauspilotti.
 */
export function finnishCompoundParts(voikko: Voikko, surface: string, analysis: VoikkoAnalysis): string[] {
  const components = splitByStructure(surface, analysis.structure);
  if (components.length < 2) return [];
  const groups = morphemeGroups(analysis.wordbases);
  const base = (analysis.baseform ?? '').toLowerCase();
  const lower = components.map((c) => c.toLowerCase());
  const lemmas = lower.map((c, i) => {
    const last = i === lower.length - 1;
    if (last) {
      const prefix = lower.slice(0, -1).join('');
      if (base.startsWith(prefix) && base.length > prefix.length) return base.slice(prefix.length);
    }
    const group = groups.length === components.length ? groups[i] : undefined;
    if (group && group.length === 1 && group[0]) return group[0].toLowerCase();
    const own = voikko.analyze(components[i] ?? '')[0]?.baseform;
    return (own ?? c).toLowerCase();
  });
  const out: string[] = lemmas.filter((l) => l.length >= MIN_PART);
  const n = lower.length;
  for (let k = 2; k < n; k++) out.push(lower.slice(0, k - 1).join('') + lemmas[k - 1]);
  for (let i = 1; i < n - 1; i++) out.push(lower.slice(i, n - 1).join('') + lemmas[n - 1]);
  return unique(out);
}

/** The surface form cut where STRUCTURE starts a new part ('=' marks are not letters). */
function splitByStructure(surface: string, structure: string | null): string[] {
  if (!structure) return [surface];
  const parts: string[] = [];
  let current = '';
  let at = 0;
  for (const ch of structure) {
    if (ch === '=') {
      if (current) parts.push(current);
      current = '';
    } else if (at < surface.length) {
      current += surface[at++];
    }
  }
  if (current) parts.push(current);
  return parts.join('') === surface ? parts : [surface];
}

/**
 * WORDBASES grouped into compound parts: a derivational morpheme ('+nnan(+ta)', '+us(+us)') belongs to
 * the part before it. Each group lists its base forms; a derived part has more than one.
 */
function morphemeGroups(wordbases: string | null): string[][] {
  if (!wordbases) return [];
  const groups: string[][] = [];
  for (const m of wordbases.matchAll(/\+([^+(]*)(?:\(([^)]*)\))?/g)) {
    const base = (m[2] ?? m[1] ?? '').replace(/=/g, '');
    if (base.startsWith('+') || m[2] === undefined) {
      const last = groups[groups.length - 1];
      if (last) last.push(base);
      else groups.push([base]);
    } else {
      groups.push([base]);
    }
  }
  return groups;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
