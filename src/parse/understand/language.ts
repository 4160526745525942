import type { Language } from '../../domain/minutes.js';
import { isLowerWordLetter } from './scan.js';

const FI_WORDS = new Set([
  'ja',
  'on',
  'että',
  'kokous',
  'kokouksen',
  'päätös',
  'hyväksyttiin',
  'asia',
  'sekä',
  'klo',
  'tiedoksi',
  'liite',
  'todettiin',
  'ei',
  'puheenjohtaja',
  'jäsenet',
]);
const SV_WORDS = new Set([
  'och',
  'att',
  'är',
  'för',
  'med',
  'som',
  'beslut',
  'sammanträde',
  'protokoll',
  'ordförande',
  'kl',
  'enligt',
  'till',
  'av',
  'beslutade',
  'bilaga',
  'på',
]);
const EN_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'meeting',
  'minutes',
  'decided',
  'agenda',
  'was',
  'were',
  'chair',
  'present',
]);

/** The function words of each language; a word of two languages counts for Finnish before Swedish before English. */
const WORDS_BY_LANGUAGE: Array<[Language, ReadonlySet<string>]> = [
  ['fi', FI_WORDS],
  ['sv', SV_WORDS],
  ['en', EN_WORDS],
];

/** The function words by their first character and length, each with its language. */
const WORDS_BY_SHAPE = new Map<number, Array<[string, Language]>>();
for (const [language, words] of WORDS_BY_LANGUAGE)
  for (const word of words) {
    const shape = shapeOf(word.charCodeAt(0), word.length);
    const list = WORDS_BY_SHAPE.get(shape) ?? [];
    if (!list.some(([w]) => w === word)) list.push([word, language]);
    WORDS_BY_SHAPE.set(shape, list);
  }

function shapeOf(firstCode: number, length: number): number {
  return firstCode * 64 + Math.min(length, 63);
}

/** Enough running text to tell the languages apart, after headers and rosters. */
const SAMPLE_LENGTH = 3000;

/** The language whose function word is written between `start` and `end`, if any. */
function languageOfWord(sample: string, start: number, end: number): Language | undefined {
  const candidates = WORDS_BY_SHAPE.get(shapeOf(sample.charCodeAt(start), end - start));
  return candidates?.find(([word]) => word.length === end - start && sample.startsWith(word, start))?.[1];
}

/** The document's language, from how often each language's function words occur in its first 3,000 characters. */
export function detectLanguage(text: string): Language {
  const counts = { fi: 0, sv: 0, en: 0 };
  const sample = text.slice(0, SAMPLE_LENGTH).toLowerCase();
  for (let i = 0; i < sample.length;) {
    if (!isLowerWordLetter(sample.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < sample.length && isLowerWordLetter(sample.charCodeAt(i))) i += 1;
    const language = languageOfWord(sample, start, i);
    if (language) counts[language] += 1;
  }
  const { fi, sv, en } = counts;
  if (sv > fi * 1.2 && sv >= en) return 'sv';
  if (en > fi * 1.5 && en > sv * 1.5) return 'en';
  return 'fi';
}
