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

/** The longest function word's length. */
const LONGEST_WORD = 15;

/** A row of the table per lower-case word letter (isLowerWordLetter) below U+0100, by character code; -1 for others. */
const ROW_OF_CODE = new Int8Array(0x100).fill(-1);
let letterRows = 0;
for (let code = 0; code < 0x100; code += 1) if (isLowerWordLetter(code)) ROW_OF_CODE[code] = letterRows++;

function letterRow(code: number): number {
  return code < 0x100 ? (ROW_OF_CODE[code] as number) : -1;
}

/** The function words by their first letter and length, each with its language. */
const WORDS_BY_SHAPE: Array<Array<[string, Language]> | undefined> = new Array(
  letterRows * (LONGEST_WORD + 1),
);
for (const [language, words] of WORDS_BY_LANGUAGE)
  for (const word of words) {
    if (word.length > LONGEST_WORD) throw new Error(`function word '${word}' is longer than ${LONGEST_WORD}`);
    const shape = letterRow(word.charCodeAt(0)) * (LONGEST_WORD + 1) + word.length;
    const list = (WORDS_BY_SHAPE[shape] ??= []);
    if (!list.some(([w]) => w === word)) list.push([word, language]);
  }

/** Enough running text to tell the languages apart, after headers and rosters. */
const SAMPLE_LENGTH = 3000;

/** The language whose function word is written between `start` and `end`, if any. */
function languageOfWord(sample: string, start: number, end: number): Language | undefined {
  if (end - start > LONGEST_WORD) return undefined;
  const candidates = WORDS_BY_SHAPE[letterRow(sample.charCodeAt(start)) * (LONGEST_WORD + 1) + end - start];
  if (!candidates) return undefined;
  for (const [word, language] of candidates) if (sample.startsWith(word, start)) return language;
  return undefined;
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
