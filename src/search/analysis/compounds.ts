interface LexiconChange {
  version: number;
  language: string;
  stems: string[];
}

/** Stems found standalone in the corpus (and a seed list), per language: what compounds split into. */
export class CompoundLexicon {
  private readonly stems = new Map<string, Set<string>>();
  /** Each change: the version it made, its language and the stems it added. */
  private readonly changes: LexiconChange[] = [];
  /** Bumped on every change, so cached splits can be dropped. */
  version = 0;

  has(language: string, stem: string): boolean {
    return this.stems.get(language)?.has(stem) ?? false;
  }

  /** Adds stems; returns those not known before. */
  add(language: string, stems: Iterable<string>): string[] {
    let set = this.stems.get(language);
    if (!set) this.stems.set(language, (set = new Set()));
    const added: string[] = [];
    for (const s of stems) {
      if (s.length < MIN_PART || set.has(s) || /\d/.test(s)) continue;
      set.add(s);
      added.push(s);
    }
    if (added.length > 0) this.changes.push({ version: ++this.version, language, stems: added });
    return added;
  }

  /**
   * Whether no stem added to `language` after version `since` occurs in `word`: a split of `word` that
   * asked only about pieces of it still stands. False also when too much has changed to look through.
   */
  unchangedWithin(language: string, word: string, since: number): boolean {
    let looked = 0;
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const change = this.changes[i] as LexiconChange;
      if (change.version <= since) return true;
      if (change.language !== language) continue;
      looked += change.stems.length;
      if (looked > MAX_STEMS_TO_RECHECK) return false;
      for (const stem of change.stems) if (word.includes(stem)) return false;
    }
    return true;
  }

  size(language: string): number {
    return this.stems.get(language)?.size ?? 0;
  }
}

export const MIN_PART = 4;
// Beyond this many new stems, splitting a word again is cheaper than looking for them in it.
const MAX_STEMS_TO_RECHECK = 256;
// Swedish joins compound parts with a linking -s- (byggnadsnämnd) and sometimes -e- or -a-.
const LINKS: Record<string, readonly string[]> = { sv: ['s', 'e', 'a'], fi: [] };

/**
 * Splits a stem into lexicon stems, longest first part first: 'socialnämnd' → social, nämnd;
 * 'byggnadsnämnd' → byggnad, nämnd. Null when no split covers the whole stem.
 */
export function splitCompound(
  lexicon: CompoundLexicon,
  language: string,
  stem: string,
  normalise: (part: string) => string = (p) => p,
): string[] | null {
  if (stem.length < MIN_PART * 2) return null;
  return splitFrom({ lexicon, language, normalise }, stem, 0, 0);
}

interface SplitContext {
  lexicon: CompoundLexicon;
  language: string;
  /** A part's stem: 'valfrihet' → 'valfri', as it stands in the lexicon. */
  normalise: (part: string) => string;
}

function splitFrom(c: SplitContext, word: string, from: number, depth: number): string[] | null {
  if (depth > 4) return null;
  const known = (part: string) => {
    if (c.lexicon.has(c.language, part)) return part;
    const stem = c.normalise(part);
    return stem.length >= MIN_PART && c.lexicon.has(c.language, stem) ? stem : null;
  };
  for (let end = word.length - MIN_PART; end >= from + MIN_PART; end--) {
    const head = known(word.slice(from, end));
    if (!head) continue;
    const starts = [end, ...(LINKS[c.language] ?? []).filter((l) => word[end] === l).map(() => end + 1)];
    for (const start of starts) {
      const tail = word.length - start >= MIN_PART ? known(word.slice(start)) : null;
      if (tail) return [head, tail];
      const deeper = splitFrom(c, word, start, depth + 1);
      if (deeper) return [head, ...deeper];
    }
  }
  return null;
}
