import { createRequire } from 'node:module';
import type Koffi from 'koffi';

/** One reading of a word, as Voikko gives it. */
export interface VoikkoAnalysis {
  baseform: string | null;
  /** '+valinnan(valinta)+vapaus(vapaus)…': each morpheme's surface and base form. */
  wordbases: string | null;
  /** '=pppp=pppp': '=' starts each compound part of the surface form. */
  structure: string | null;
  /** nimisana, sukunimi, paikannimi, … */
  wordClass: string | null;
}

export interface Voikko {
  analyze(word: string): VoikkoAnalysis[];
  terminate(): void;
}

// Only this module loads libvoikko (through koffi); anything else asks it for analyses.
type Fn = (...args: unknown[]) => unknown;

/** Loads libvoikko.so.1 with the Finnish dictionary, or null when the library or dictionary is missing. */
export function loadVoikko(): Voikko | null {
  try {
    const require = createRequire(import.meta.url);
    const koffi = require('koffi') as typeof Koffi;
    const lib = koffi.load('libvoikko.so.1');
    koffi.opaque('VoikkoHandle');
    koffi.opaque('voikko_mor_analysis');
    const init = lib.func('VoikkoHandle *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)') as Fn; // prettier-ignore
    const terminate = lib.func('void voikkoTerminate(VoikkoHandle *handle)') as Fn;
    const analyzeWord = lib.func('voikko_mor_analysis **voikkoAnalyzeWordCstr(VoikkoHandle *handle, const char *word)') as Fn; // prettier-ignore
    // Values come back as raw pointers, so that the library's own free gets them back.
    const value = lib.func('void *voikko_mor_analysis_value_cstr(voikko_mor_analysis *analysis, const char *key)') as Fn; // prettier-ignore
    const freeValue = lib.func('void voikko_free_mor_analysis_value_cstr(void *value)') as Fn;
    const freeAnalyses = lib.func('void voikko_free_mor_analysis(voikko_mor_analysis **analyses)') as Fn;
    const error: (string | null)[] = [null];
    const handle = init(error, 'fi', null);
    if (!handle) return null;
    const read = (analysis: unknown, key: string): string | null => {
      const pointer = value(analysis, key);
      if (!pointer) return null;
      const text = koffi.decode(pointer, 'char', -1) as string;
      freeValue(pointer);
      return text;
    };
    return {
      analyze(word) {
        const list = analyzeWord(handle, word);
        if (!list) return [];
        try {
          const pointers = koffi.decode(list, 'voikko_mor_analysis *', -1) as unknown[];
          return pointers.map((a) => ({
            baseform: read(a, 'BASEFORM'),
            wordbases: read(a, 'WORDBASES'),
            structure: read(a, 'STRUCTURE'),
            wordClass: read(a, 'CLASS'),
          }));
        } finally {
          freeAnalyses(list);
        }
      },
      terminate: () => void terminate(handle),
    };
  } catch {
    return null;
  }
}
