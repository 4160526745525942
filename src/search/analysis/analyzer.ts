import snowball from 'snowball-stemmers';
import { CompoundLexicon, splitCompound } from './compounds.js';
import { finnishCompoundParts, finnishLemmas } from './finnish.js';
import { LruCache } from './lru-cache.js';
import { STOPWORDS } from './tokenize.js';
import type { Voikko } from './voikko.js';
import { loadVoikko } from './voikko.js';

export type AnalysisEngine = 'voikko' | 'snowball';

// Municipal words that compounds are made of, so that Swedish splits work before the corpus teaches more.
const SWEDISH_SEED =
  'nämnd nämnden byggnaden styrelse styrelsen fullmäktige social bildning miljö bygg byggnad kommun kommunen stad staden ' +
  'plan planen budget skola skolan vård hälsa kultur fritid teknisk tjänst tjänster ärende beslut förslag ' +
  'protokoll utveckling ungdom barn äldre omsorg vatten trafik gata park personal ekonomi revision val ' +
  'utskott sektion grupp arbete ordförande sekreterare medlem näring turism digital service hus skydd ' +
  'räddning bostad mark detalj investering område projekt lag avgift taxa bidrag direktör chef';

const NAME_CLASSES = new Set(['etunimi', 'sukunimi', 'paikannimi', 'nimi']);

/** A token's index terms, cached. */
interface CachedTerms {
  terms: string[];
  /** The lexicon version they were split at; -1 when no split asked the lexicon. */
  version: number;
  /** The stem that was split, when the split asked the lexicon about nothing but pieces of it. */
  splitStem: string | null;
}

/** What a token's compound split asked the lexicon about: the stem it split, and whether only pieces of it. */
interface SplitTrace {
  stem: string | null;
  local: boolean;
}

/**
 * Turns words into index terms and query alternatives: Finnish through Voikko (lemma plus compound parts)
 * or Snowball when Voikko is missing, Swedish through Snowball plus compound splitting against a lexicon.
 */
export class Analyzer {
  readonly engine: AnalysisEngine;
  readonly lexicon = new CompoundLexicon();
  private readonly fiStemmer = snowball.newStemmer('finnish');
  private readonly svStemmer = snowball.newStemmer('swedish');
  // Per language, by token as written: no key to build for each token of a document.
  private readonly caches = new Map<string, LruCache<string, CachedTerms>>();
  private readonly stemCaches = new Map<string, LruCache<string, string | null>>();

  /** Whether documents' vectors hold names' word pairs (name-pairs.ts). */
  readonly namePairs: boolean;

  constructor(
    private readonly voikko: Voikko | null,
    options: { namePairs?: boolean } = {},
  ) {
    this.engine = voikko ? 'voikko' : 'snowball';
    this.namePairs = options.namePairs ?? true;
    this.lexicon.add(
      'sv',
      SWEDISH_SEED.split(' ').map((w) => this.svStem(w)),
    );
  }

  /** Index terms of one token of a document in `language`; empty for stopwords. */
  indexTerms(token: string, language: string): string[] {
    const cache = cacheOf(this.caches, language);
    const hit = cache.get(token);
    if (hit && this.stillHolds(hit, language)) return hit.terms;
    const split: SplitTrace = { stem: null, local: true };
    const terms = this.computeIndexTerms(token, language, split);
    const version = split.stem === null ? -1 : this.lexicon.version;
    cache.set(token, { terms, version, splitStem: split.local ? split.stem : null });
    return terms;
  }

  /**
   * Splits depend on the lexicon, which grows as documents come in: an entry split at an older version
   * holds while no stem added since is part of the stem it split.
   */
  private stillHolds(hit: CachedTerms, language: string): boolean {
    if (hit.version < 0 || hit.version === this.lexicon.version) return true;
    if (hit.splitStem === null || !this.lexicon.unchangedWithin(language, hit.splitStem, hit.version)) return false; // prettier-ignore
    hit.version = this.lexicon.version;
    return true;
  }

  /** The stem a token adds to the compound lexicon when it stands alone. */
  lexiconStem(token: string, language: string): string | null {
    if (language !== 'sv' && (language !== 'fi' || this.voikko)) return null;
    const cache = cacheOf(this.stemCaches, language);
    const hit = cache.get(token);
    if (hit !== undefined) return hit;
    const stem = this.computeLexiconStem(token, language);
    cache.set(token, stem);
    return stem;
  }

  private computeLexiconStem(token: string, language: string): string | null {
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower) || /\d/.test(lower)) return null;
    if (language === 'sv') return this.svStem(lower);
    if (language === 'fi' && !this.voikko) return this.fiStemmer.stem(lower);
    return null;
  }

  /** Every term a query word may match in either language: any of them is a hit. */
  queryAlternatives(word: string): string[] {
    const lower = word.toLowerCase();
    if (/^\d+$/.test(lower)) return [lower];
    const out = new Set<string>([lower]);
    if (this.voikko) {
      const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
      for (const w of new Set([word, lower, capitalised])) {
        for (const l of finnishLemmas(this.voikko.analyze(w))) out.add(l);
      }
    }
    out.add(this.fiStemmer.stem(lower));
    out.add(this.svStem(lower));
    return [...out];
  }

  /** A word's Finnish and Swedish stems. */
  stems(word: string): string[] {
    const lower = word.toLowerCase();
    return [this.fiStemmer.stem(lower), this.svStem(lower)];
  }

  private computeIndexTerms(token: string, language: string, split: SplitTrace): string[] {
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower)) return [];
    if (/^\d+$/.test(lower)) return [lower];
    if (language === 'sv') return this.swedishTerms(token, lower, split);
    if (language === 'fi') return this.finnishTerms(token, lower, split);
    return [lower];
  }

  private finnishTerms(token: string, lower: string, split: SplitTrace): string[] {
    if (!this.voikko) return this.stemAndSplit('fi', this.fiStemmer.stem(lower), split);
    let analyses = this.voikko.analyze(token);
    if (analyses.length === 0 && token !== lower) analyses = this.voikko.analyze(lower);
    const first = analyses[0];
    if (!first) return [this.fiStemmer.stem(lower)];
    const terms = new Set(finnishLemmas(analyses));
    for (const part of finnishCompoundParts(this.voikko, token, first)) terms.add(part);
    return [...terms];
  }

  private swedishTerms(token: string, lower: string, split: SplitTrace): string[] {
    const terms = this.stemAndSplit('sv', this.svStem(lower), split);
    // Finnish names in Swedish text ('Virtaselle' is rare, 'Helsingin' is not) still meet their lemma.
    if (this.voikko && token !== lower) {
      for (const a of this.voikko.analyze(token)) {
        if (a.baseform && a.wordClass && NAME_CLASSES.has(a.wordClass)) terms.push(a.baseform.toLowerCase());
      }
    }
    return [...new Set(terms)];
  }

  private stemAndSplit(language: string, stem: string, split: SplitTrace): string[] {
    const stemOf = language === 'sv' ? (p: string) => this.svStem(p) : (p: string) => this.fiStemmer.stem(p);
    split.stem = stem;
    // The split asks the lexicon about pieces of the stem and about their stems: pieces too while the
    // stemmer only cuts endings off.
    const normalise = (part: string) => {
      const partStem = stemOf(part);
      if (!part.startsWith(partStem)) split.local = false;
      return partStem;
    };
    const parts = splitCompound(this.lexicon, language, stem, normalise);
    return parts ? [stem, ...parts] : [stem];
  }

  /** Snowball Swedish, plus the neuter definite -et it leaves on ('strandskyddet', 'protokollet'). */
  private svStem(word: string): string {
    const stem = this.svStemmer.stem(word);
    return stem.length >= 6 && stem.endsWith('et') ? stem.slice(0, -2) : stem;
  }
}

/** The cache of one language, made on first use. */
function cacheOf<V>(caches: Map<string, LruCache<string, V>>, language: string): LruCache<string, V> {
  let cache = caches.get(language);
  if (!cache) {
    cache = new LruCache<string, V>(200_000);
    caches.set(language, cache);
  }
  return cache;
}

let shared: Analyzer | undefined;

/** The process's analyzer: Voikko when libvoikko and its Finnish dictionary load (unless PYKALA_NO_VOIKKO=1). */
export function getAnalyzer(): Analyzer {
  shared ??= new Analyzer(process.env.PYKALA_NO_VOIKKO === '1' ? null : loadVoikko());
  return shared;
}
