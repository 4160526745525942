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
const SAMPLE_LENGTH = 6000;

/** Longer than any function word above: words this long are not looked up. */
const MAX_WORD = 13;

/** The document's language, from how often each language's function words occur in its first 6,000 characters. */
export function detectLanguage(text: string): Language {
  let fi = 0;
  let sv = 0;
  let en = 0;
  const end = Math.min(text.length, SAMPLE_LENGTH);
  let start = -1;
  for (let i = 0; i <= end; i++) {
    const inWord = i < end && isWordChar(text.charCodeAt(i));
    if (inWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    if (i - start <= MAX_WORD) {
      const word = text.slice(start, i).toLowerCase();
      if (FI_WORDS.has(word)) fi += 1;
      else if (SV_WORDS.has(word)) sv += 1;
      else if (EN_WORDS.has(word)) en += 1;
    }
    start = -1;
  }
  if (sv > fi * 1.2 && sv >= en) return 'sv';
  if (en > fi * 1.5 && en > sv * 1.5) return 'en';
  return 'fi';
}

/** The letters of the function words, either case: a-z, å, ä, ö, é. */
function isWordChar(c: number): boolean {
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return true;
  return (
    c === 0xe5 ||
    c === 0xe4 ||
    c === 0xf6 ||
    c === 0xe9 ||
    c === 0xc5 ||
    c === 0xc4 ||
    c === 0xd6 ||
    c === 0xc9
  );
}
