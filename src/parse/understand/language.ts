import type { Language } from '../../domain/minutes.js';

const FI_WORDS =
  /(?<![\p{L}\p{N}])(?:ja|on|että|kokous|kokouksen|päätös|hyväksyttiin|asia|sekä|klo|tiedoksi|liite|todettiin|ei|puheenjohtaja|jäsenet)(?![\p{L}\p{N}])/giu;
const SV_WORDS =
  /(?<![\p{L}\p{N}])(?:och|att|är|för|med|som|beslut|sammanträde|protokoll|ordförande|kl|enligt|till|av|beslutade|bilaga|på)(?![\p{L}\p{N}])/giu;
const EN_WORDS =
  /(?<![\p{L}\p{N}])(?:the|and|of|to|meeting|minutes|decided|agenda|was|were|chair|present)(?![\p{L}\p{N}])/giu;

function count(text: string, words: RegExp): number {
  return text.match(words)?.length ?? 0;
}

/** The document's language, from how often each language's function words occur in its first 20,000 characters. */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 20000);
  const fi = count(sample, FI_WORDS);
  const sv = count(sample, SV_WORDS);
  const en = count(sample, EN_WORDS);
  if (sv > fi * 1.2 && sv >= en) return 'sv';
  if (en > fi * 1.5 && en > sv * 1.5) return 'en';
  return 'fi';
}
