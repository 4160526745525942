import type { Language } from '../../domain/minutes.js';

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

/** Each function word with its language; a word of two languages counts for Finnish before Swedish before English. */
const LANGUAGE_OF_WORD = new Map<string, Language>([
  ...[...EN_WORDS].map((w): [string, Language] => [w, 'en']),
  ...[...SV_WORDS].map((w): [string, Language] => [w, 'sv']),
  ...[...FI_WORDS].map((w): [string, Language] => [w, 'fi']),
]);
const LONGEST_WORD = Math.max(...[...LANGUAGE_OF_WORD.keys()].map((w) => w.length));

/** Enough running text to tell the languages apart, after headers and rosters. */
const SAMPLE_LENGTH = 3000;

/** Whether the character code is one of a-z, å, ä, ö, é. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || code === 0xe5 || code === 0xe4 || code === 0xf6 || code === 0xe9;
}

/** The document's language, from how often each language's function words occur in its first 3,000 characters. */
export function detectLanguage(text: string): Language {
  const counts = { fi: 0, sv: 0, en: 0 };
  const sample = text.slice(0, SAMPLE_LENGTH).toLowerCase();
  for (let i = 0; i < sample.length;) {
    if (!isWordCode(sample.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < sample.length && isWordCode(sample.charCodeAt(i))) i += 1;
    const language = i - start <= LONGEST_WORD ? LANGUAGE_OF_WORD.get(sample.slice(start, i)) : undefined;
    if (language) counts[language] += 1;
  }
  const { fi, sv, en } = counts;
  if (sv > fi * 1.2 && sv >= en) return 'sv';
  if (en > fi * 1.5 && en > sv * 1.5) return 'en';
  return 'fi';
}
