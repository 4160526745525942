/** Telling a person's role (title) from their organisation in text like 'Turun kaupunki Toimialajohtaja'. */

import { memoizeString } from '../../lib/memoize.js';
import { collapseSpaces } from './text-span.js';

const ROLE_WORD =
  /(?:johtaja|päällikkö|lääkäri|koordinaattori|agentti|suunnittelija|sihteeri|asiantuntija|jäsen|esimies|ohjaaja|tarkastaja|hoitaja|lakimies|insinööri|neuvos|valtuutettu|edustaja|tutkija|kehittäjä|konsultti|pormestari|rehtori|assistentti|työntekijä|analyytikko|esittelijä|vetäjä|kamreeri|kirjuri|valmistelija|vastaava|sosionomi|psykologi|kuraattori|terapeutti|ekonomi|manager|director|direktör|chef|ordförande|sekreterare|ledamot|ersättare|sakkunnig|koordinator|planerare|läkare|föreståndare|handläggare|viceordf|intendentti|pj|siht|ombudsman|officer|coordinator|advisor|specialist)\.?$/iu;
const ROLE_MODIFIER = /^(?:vs\.?|vt\.?|va\.?|v\.|t\.f\.?|vice|ja|och|sekä|\p{L}+-)$/iu;

/** Whether a word is a title ('toimialajohtaja', 'jäsen', 'pj.'). The same words recur in every roster: kept once read. */
export const isRoleWord = memoizeString(
  (token: string): boolean =>
    ROLE_WORD.test(token.replace(/[,.;:]+$/u, '')) || /^(?:pj|siht)\.?$/iu.test(token),
);

export interface OrgAndRole {
  organization: string | null;
  role: string | null;
}

function nonEmpty(s: string): string | null {
  // A full stop after a space ends the sentence; one right after a word abbreviates it ('ry.').
  const t = s.replace(/^[\s,;:–-]+|(?:[\s,;:–-]|\s\.)+$/gu, '').trim();
  return t === '' ? null : t;
}

/** Splits 'Organisation Role' (role last) or 'Role, Organisation' text into its two parts. */
export function splitOrgAndRole(text: string, order: 'org-role' | 'role-org'): OrgAndRole {
  const trimmed = collapseSpaces(text).trim();
  if (trimmed === '') return { organization: null, role: null };
  if (order === 'role-org' && trimmed.includes(',')) {
    const comma = trimmed.indexOf(',');
    return { role: nonEmpty(trimmed.slice(0, comma)), organization: nonEmpty(trimmed.slice(comma + 1)) };
  }
  const tokens = trimmed.split(' ');
  const head = tokens.findIndex((t) => isRoleWord(t));
  if (head < 0) {
    const unitName = /(?:stö|sto|yksikkö|tiimi|toimisto|osasto|keskus)$/u.test(trimmed);
    if (tokens.every((t) => /^\p{Ll}/u.test(t)) && !unitName)
      return { organization: null, role: nonEmpty(trimmed) };
    return { organization: nonEmpty(trimmed), role: null };
  }
  let from = head;
  const headIsLower = /^\p{Ll}/u.test(tokens[head] ?? '');
  while (from > 0) {
    const previous = tokens[from - 1] ?? '';
    if (ROLE_MODIFIER.test(previous)) from -= 1;
    else if (headIsLower && from === head && /^\p{Lu}\p{Ll}+n$/u.test(previous) && from - 1 > 0) from -= 1;
    else if (
      /^\p{Ll}/u.test(previous) &&
      from - 1 > 0 &&
      /^\p{Ll}/u.test(tokens[from] ?? '') &&
      !/^(?:kaupunki|kunta|kuntayhtymä|samkommun|stad|kommun|liitto|shp\.?|oy|ab)$/iu.test(previous)
    )
      from -= 1;
    else break;
  }
  if (order === 'role-org') {
    return {
      role: nonEmpty(tokens.slice(0, head + 1).join(' ')),
      organization: nonEmpty(tokens.slice(head + 1).join(' ')),
    };
  }
  return {
    organization: nonEmpty(tokens.slice(0, from).join(' ')),
    role: nonEmpty(tokens.slice(from).join(' ')),
  };
}
