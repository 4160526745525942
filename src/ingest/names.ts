import { memoizeString } from '../lib/memoize.js';
import { MUNICIPALITY_FORMS } from './municipality-aliases.js';

// The same people take part in meeting after meeting: their names are worked out once.

/** A person's name as written ('Heikkilä, Marja', 'Heikkilä. Marja') turned to 'Marja Heikkilä'. */
export const displayPersonName = memoizeString((name) => {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const inverted = /^([^,.]+?)\s*[,.]\s+([^,.]+)$/u.exec(clean);
  if (inverted && /^\p{Lu}/u.test(inverted[2] ?? '')) return `${inverted[2]} ${inverted[1]}`;
  return clean;
});

/** The key people are matched on: lower case, no punctuation, words in sorted order. */
export const personNameKey = memoizeString((name) =>
  displayPersonName(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .sort()
    .join(' '),
);

export interface OrganisationName {
  /** Stable across spellings: 'municipality:turku' for every form of Turku. */
  key: string;
  /** The name to show: the Finnish nominative for municipalities, else the first spelling seen. */
  name: string;
  kind: 'municipality' | 'other';
}

const MUNICIPALITY_BY_FORM = new Map<string, string>();
for (const m of MUNICIPALITY_FORMS) {
  const forms = [
    m.fi,
    m.sv,
    `${m.fiGenitive} kaupunki`,
    `${m.fiGenitive} kunta`,
    `${m.sv} stad`,
    `${m.sv} kommun`,
    `${m.svGenitive} stad`,
    `${m.svGenitive} kommun`,
  ];
  for (const form of forms) MUNICIPALITY_BY_FORM.set(textKey(form), m.fi);
}

function textKey(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Recognises the known forms of a municipality; any other organisation keeps its own name. */
export function normaliseOrganisation(name: string): OrganisationName {
  const key = textKey(name);
  const municipality = MUNICIPALITY_BY_FORM.get(key);
  if (municipality) {
    return { key: `municipality:${textKey(municipality)}`, name: municipality, kind: 'municipality' };
  }
  return { key: `org:${key}`, name: name.replace(/\s+/g, ' ').trim(), kind: 'other' };
}

// Per municipality, in the table's order: how a body's name starts ('vaasan ') or ends (' i vasa') with it.
const BODY_NAME_FORMS = MUNICIPALITY_FORMS.map((m) => ({
  fi: m.fi,
  genitive: textKey(m.fiGenitive) + ' ',
  suffixes: [...new Set([m.sv, m.fi])].map((town) => ` i ${textKey(town)}`),
}));

export interface BodyName {
  /** The body's name without the municipality it belongs to ('kaupunginhallitus'). */
  key: string;
  organisation: OrganisationName | null;
}

/**
 * Reads the municipality a body's name carries: 'Vaasan kaupunginhallitus', 'Socialnämnden i Vasa'.
 * Only the table's genitives count, so 'Länsi-Pohjan sote-projekti' keeps no organisation.
 */
export function normaliseBodyName(name: string): BodyName {
  const key = textKey(name);
  for (const { fi, genitive, suffixes } of BODY_NAME_FORMS) {
    if (key.startsWith(genitive) && key.length > genitive.length) {
      return { key: key.slice(genitive.length), organisation: normaliseOrganisation(fi) };
    }
    for (const suffix of suffixes) {
      if (key.endsWith(suffix) && key.length > suffix.length) {
        return { key: key.slice(0, -suffix.length), organisation: normaliseOrganisation(fi) };
      }
    }
  }
  return { key, organisation: null };
}
