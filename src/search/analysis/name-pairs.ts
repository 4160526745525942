import { memoizeString } from '../../lib/memoize.js';
import { givenNames } from '../../parse/lexicon/names.js';

/**
 * Word pairs of names. A phrase that names a person or a body ("Raimo Halonen", "Sote-johtoryhmä",
 * "Valinnanvapauspilotin ohjausryhmä") is usually made of words that each occur in thousands of documents;
 * checking the phrase's positions in every document that has both words is what makes it slow. A
 * document's vector therefore also holds position-less pair terms for words next to each other when one of
 * the two is an anchor: a given name, or a word that names a body or an organisation. A query phrase
 * whose neighbouring words make such pairs is matched through them (see docs/adr/0012-name-pairs.md).
 *
 * Whether two terms make a pair depends on the terms alone, so the index and the query agree: a query
 * uses a pair only when every combination of its words' alternatives makes one.
 */

/** Starts every pair term: no word's term starts with it, so no prefix query reaches a pair. */
const PAIR_MARK = '~';

/**
 * Endings of the terms (lemmas and stems alike) of words that name a body or an organisation
 * ('ohjausryhmä', 'kaupunginhallitus', 'styrgruppen'); meetings only as the end of a compound
 * ('johtajakokous', not every 'kokous'); short words only whole ('råd', not 'förråd'). 'kunta' is
 * left out: it ends 'liikunta' too.
 */
const INSTITUTION_ENDINGS = [
  'ryhmä', 'ryhm', 'lautakunta', 'lautakun', 'lautakunt', 'toimikunta', 'toimikun', 'toimikunt', 'johtokunta',
  'johtokun', 'johtokunt', 'hallitus', 'hallitu', 'valtuusto', 'neuvosto', 'jaosto', 'kaupunki', 'kaupunk',
  'kuntayhtymä', 'kuntayhtym', 'grupp', 'gruppen', 'nämnd', 'nämnden', 'styrelse', 'styrels', 'styrelsen',
  'fullmäktig', 'fullmäktige', 'fullmäkt', 'kommitté', 'kommittén', 'utskott', 'utskottet',
]; // prettier-ignore
const MEETING_ENDINGS = ['kokous', 'möte'];
const INSTITUTION_WORDS = new Set(['stad', 'staden', 'kommun', 'komu', 'råd', 'rådet', 'styr', 'grup']);

let givenNameTerms: ReadonlySet<string> | null = null;

/**
 * Given names as the analysis writes them: the name in lower case and its Finnish and Swedish stems,
 * which `stems` gives (the analyzer's, so the index and queries see the same terms).
 */
function givenNameTermsOf(stems: (name: string) => readonly string[]): ReadonlySet<string> {
  const terms = new Set<string>();
  for (const name of givenNames()) for (const t of [name, ...stems(name)]) terms.add(t);
  return terms;
}

function isInstitutionTerm(term: string): boolean {
  return (
    INSTITUTION_WORDS.has(term) ||
    INSTITUTION_ENDINGS.some((ending) => term.endsWith(ending)) ||
    MEETING_ENDINGS.some((ending) => term.length > ending.length && term.endsWith(ending))
  );
}

/** What a term anchors: a given name (first word of a pair), an institution (either word). */
const GIVEN_NAME = 1;
const INSTITUTION = 2;
// A document asks about each of its words' terms: what each anchors is kept once worked out.
const anchorOfTerm = memoizeString(
  (term) => (givenNameTerms?.has(term) ? GIVEN_NAME : 0) | (isInstitutionTerm(term) ? INSTITUTION : 0),
  200_000,
);

function anchorOf(term: string, stems: (name: string) => readonly string[]): number {
  givenNameTerms ??= givenNameTermsOf(stems);
  return anchorOfTerm(term);
}

function pairTerm(first: string, second: string): string {
  return `${PAIR_MARK}${first}${PAIR_MARK}${second}`;
}

const NO_PAIRS: readonly string[] = [];
// The analyzer hands out one array per word form: what its terms anchor, asked once per form.
const positionAnchors = new WeakMap<readonly string[], number>();

/** What a position's terms anchor, for `pairsOf`. */
export function anchorOfTerms(terms: readonly string[], stems: (name: string) => readonly string[]): number {
  let anchor = positionAnchors.get(terms);
  if (anchor === undefined) {
    anchor = 0;
    for (const term of terms) anchor |= anchorOf(term, stems);
    positionAnchors.set(terms, anchor);
  }
  return anchor;
}

/**
 * The pair terms of two neighbouring positions' terms: every combination that makes a pair. A document
 * passes what each position anchors, worked out once per position rather than once per pair.
 */
export function pairsOf(
  first: readonly string[],
  second: readonly string[],
  stems: (name: string) => readonly string[],
  firstAnchor = anchorOfTerms(first, stems),
  secondAnchor = anchorOfTerms(second, stems),
): readonly string[] {
  if (firstAnchor === 0 && (secondAnchor & INSTITUTION) === 0) return NO_PAIRS;
  // Two terms make a pair when the first anchors anything or the second an institution. A position of
  // one term anchors what the term does.
  const pairs: string[] = [];
  for (const a of first) {
    const anchorsAnything = (first.length === 1 ? firstAnchor : anchorOf(a, stems)) !== 0;
    for (const b of second) {
      if (
        anchorsAnything ||
        ((second.length === 1 ? secondAnchor : anchorOf(b, stems)) & INSTITUTION) !== 0
      ) {
        pairs.push(pairTerm(a, b));
      }
    }
  }
  return pairs;
}

/**
 * The pair terms of which a document holds one exactly when it has these two query words next to each
 * other (any of their alternatives), or null when some combination makes no pair.
 */
export function queryPairs(
  first: readonly string[],
  second: readonly string[],
  stems: (name: string) => readonly string[],
): readonly string[] | null {
  const pairs = pairsOf(first, second, stems);
  return pairs.length === first.length * second.length && pairs.length > 0 ? pairs : null;
}
