/** Words after which a trailing hyphen is an elided compound ("sote- ja maakuntauudistus"), never a break. */
const CONJUNCTIONS = new Set([
  'ja',
  'tai',
  'sekä',
  'eli',
  'taikka',
  'ynnä',
  'että',
  'kuin',
  'och',
  'eller',
  'samt',
  'resp',
  'respektive',
  'and',
  'or',
]);

/**
 * What to do with a hyphen that ends a line, given the fragment before it and the word that starts the next line:
 * - 'drop': a hyphenation break, join without the hyphen ("valmis-" + "teluun" → "valmisteluun");
 * - 'keep': a compound's own hyphen, join keeping it ("Pohjois-" + "Pohjanmaa", "EU-" + "hanke", "linja-" + "auto");
 * - 'separate': an elided compound before a conjunction, leave the words apart ("sote-" + "ja").
 */
export function decideLineEndHyphen(before: string, next: string): 'drop' | 'keep' | 'separate' {
  if (CONJUNCTIONS.has(next.toLowerCase().replace(/[.,;:]$/, ''))) return 'separate';
  const first = next.charAt(0);
  const last = before.charAt(before.length - 1);
  if (/[\p{Lu}\d]/u.test(first) || /\d/.test(last)) return 'keep';
  if (before.length >= 2 && /^[\p{Lu}\d]+$/u.test(before)) return 'keep';
  // Finnish writes a hyphen where a compound's parts meet with the same vowel: "linja-auto", "sosiaali-info".
  if (last === first && /[aeiouyäöå]/i.test(last)) return 'keep';
  return 'drop';
}
