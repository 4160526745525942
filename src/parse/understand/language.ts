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

/** Enough running text to tell the languages apart, after headers and rosters. */
const SAMPLE_LENGTH = 3000;

/** The document's language, from how often each language's function words occur in its first 3,000 characters. */
export function detectLanguage(text: string): Language {
  let fi = 0;
  let sv = 0;
  let en = 0;
  for (const word of text
    .slice(0, SAMPLE_LENGTH)
    .toLowerCase()
    .match(/[a-zåäöé]+/g) ?? []) {
    if (FI_WORDS.has(word)) fi += 1;
    else if (SV_WORDS.has(word)) sv += 1;
    else if (EN_WORDS.has(word)) en += 1;
  }
  if (sv > fi * 1.2 && sv >= en) return 'sv';
  if (en > fi * 1.5 && en > sv * 1.5) return 'en';
  return 'fi';
}
