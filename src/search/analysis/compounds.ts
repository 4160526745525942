/** Stems found standalone in the corpus (and a seed list), per language: what compounds split into. */
export class CompoundLexicon {
  private readonly stems = new Map<string, Set<string>>();
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
    if (added.length > 0) this.version++;
    return added;
  }

  size(language: string): number {
    return this.stems.get(language)?.size ?? 0;
  }
}

export const MIN_PART = 4;
// Swedish joins compound parts with a linking -s- (byggnadsnämnd) and sometimes -e- or -a-.
const LINKS: Record<string, readonly string[]> = { sv: ['s', 'e', 'a'], fi: [] };

/**
 * Splits a stem into lexicon stems, longest first part first: 'socialnämnd' → social, nämnd;
 * 'byggnadsnämnd' → byggnad, nämnd. Null when no split covers the whole stem.
 */
export function splitCompound(lexicon: CompoundLexicon, language: string, stem: string): string[] | null {
  if (stem.length < MIN_PART * 2) return null;
  return splitFrom(lexicon, language, stem, 0, 0);
}

function splitFrom(
  lexicon: CompoundLexicon,
  language: string,
  word: string,
  from: number,
  depth: number,
): string[] | null {
  if (depth > 4) return null;
  for (let end = word.length - MIN_PART; end >= from + MIN_PART; end--) {
    const head = word.slice(from, end);
    if (!lexicon.has(language, head)) continue;
    const starts = [end, ...(LINKS[language] ?? []).filter((l) => word[end] === l).map(() => end + 1)];
    for (const start of starts) {
      const tail = word.slice(start);
      if (tail.length >= MIN_PART && lexicon.has(language, tail)) return [head, tail];
      const deeper = splitFrom(lexicon, language, word, start, depth + 1);
      if (deeper) return [head, ...deeper];
    }
  }
  return null;
}
