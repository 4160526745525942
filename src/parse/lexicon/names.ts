import { dictionary } from '@zxcvbn-ts/language-fi';
import { memoizeString } from '../../lib/memoize.js';
import { MUNICIPALITIES } from './municipalities.js';

// Given names and surnames from the Finnish population register (as packaged for password checkers);
// they include the Swedish names common in Finland.
const FIRST_NAMES = new Set<string>([...dictionary.maleFirstnames, ...dictionary.femaleFirstnames]);
const LAST_NAMES = new Set<string>(dictionary.lastnames);

// Given names that are also everyday words or cue words in meeting documents.
const NOT_FIRST_NAMES = new Set([
  'aika',
  'paikka',
  'asia',
  'asiat',
  'kunta',
  'oma',
  'talvi',
  'kevät',
  'kesä',
  'syksy',
  'ilta',
  'aamu',
  'usko',
  'lahja',
  'armo',
  'rauha',
  'into',
  'valo',
  'mieli',
  'kaino',
  'liite',
  'muut',
  'poissa',
  'läsnä',
  'jäsen',
  'ilo',
  'hellä',
  'kielo',
  'lumi',
  'tähti',
  'meri',
  'june',
  'may',
  'mark',
  'will',
  'bill',
  'tid',
  'plats',
  'aina',
  'ensi',
  'laki',
  'vappu',
  'kaste',
  'maa',
  'tuli',
  'kuu',
  'vesi',
  'kukka',
]);

const MUNICIPALITY_SET = new Set(MUNICIPALITIES.map((m) => m.toLowerCase()));

const CAPITALISED = /^[A-ZÅÄÖÜÉÆØ][a-zåäöüéèáíóúëïæøšžß'’]+$/u;

/** Given names in lower case, without those that are also everyday words. */
export function givenNames(): string[] {
  return [...FIRST_NAMES].filter((name) => !NOT_FIRST_NAMES.has(name));
}

/** True for a capitalised word that is a given name, or a hyphenated pair of them ('Eeva-Sirkku'). */
export const isFirstName = memoizeString(checkFirstName);

function checkFirstName(token: string): boolean {
  if (token.length < 2 || token.length > 30) return false;
  const parts = token.split('-');
  if (parts.length > 3) return false;
  return parts.every((part) => {
    if (!CAPITALISED.test(part)) return false;
    const lower = part.toLowerCase();
    return FIRST_NAMES.has(lower) && !NOT_FIRST_NAMES.has(lower);
  });
}

/** True for a word written like a surname: capitalised, possibly hyphenated ('Arola-Järvi'). */
export const looksLikeSurname = memoizeString(checkSurname);

function checkSurname(token: string): boolean {
  const parts = token.split('-');
  if (parts.length > 3) return false;
  return parts.every((part) => CAPITALISED.test(part) || /^[A-ZÅÄÖ][a-zåäö]*[A-ZÅÄÖ][a-zåäö]+$/u.test(part));
}

/** Whether a word is a given name (as isFirstName) and whether it is written like a surname (as looksLikeSurname). */
export const nameWordKinds = memoizeString((token): { first: boolean; surname: boolean } => ({
  first: checkFirstName(token),
  surname: checkSurname(token),
}));

/** True for a surname of the register, or a hyphenated pair of them ('Arola-Järvi'). */
export const isKnownSurname = memoizeString((token): boolean =>
  token.split('-').every((part) => LAST_NAMES.has(part.toLowerCase())),
);

export function isMunicipality(token: string): boolean {
  return MUNICIPALITY_SET.has(token.toLowerCase());
}
