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
  private readonly caches = new Map<string, LruCache<string, { terms: string[]; version: number }>>();
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
    // Splits depend on the lexicon, which grows as documents come in: those entries expire with it.
    if (hit && (hit.version < 0 || hit.version === this.lexicon.version)) return hit.terms;
    const terms = this.computeIndexTerms(token, language);
    const splits = language === 'sv' || (language === 'fi' && !this.voikko);
    cache.set(token, { terms, version: splits ? this.lexicon.version : -1 });
    return terms;
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

  private computeIndexTerms(token: string, language: string): string[] {
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower)) return [];
    if (/^\d+$/.test(lower)) return [lower];
    if (language === 'sv') return this.swedishTerms(token, lower);
    if (language === 'fi') return this.finnishTerms(token, lower);
    return [lower];
  }

  private finnishTerms(token: string, lower: string): string[] {
    if (!this.voikko) return this.stemAndSplit('fi', this.fiStemmer.stem(lower));
    let analyses = this.voikko.analyze(token);
    if (analyses.length === 0 && token !== lower) analyses = this.voikko.analyze(lower);
    const first = analyses[0];
    if (!first) return [this.fiStemmer.stem(lower)];
    const terms = new Set(finnishLemmas(analyses));
    for (const part of finnishCompoundParts(this.voikko, token, first)) terms.add(part);
    return [...terms];
  }

  private swedishTerms(token: string, lower: string): string[] {
    const terms = this.stemAndSplit('sv', this.svStem(lower));
    // Finnish names in Swedish text ('Virtaselle' is rare, 'Helsingin' is not) still meet their lemma.
    if (this.voikko && token !== lower) {
      for (const a of this.voikko.analyze(token)) {
        if (a.baseform && a.wordClass && NAME_CLASSES.has(a.wordClass)) terms.push(a.baseform.toLowerCase());
      }
    }
    return [...new Set(terms)];
  }

  private stemAndSplit(language: string, stem: string): string[] {
    const normalise =
      language === 'sv' ? (p: string) => this.svStem(p) : (p: string) => this.fiStemmer.stem(p);
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
