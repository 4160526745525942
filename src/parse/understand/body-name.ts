import { BODY_NOUN, DOC_TYPE_WORD } from './cues.js';

/** A Finnish body name in the genitive ('ohjausryhmän', 'poliittisen') back in the nominative. */
export function toNominative(word: string): string {
  if (
    /(?:nämnden|styrelsen|rådet|utskottet|sektionen|direktionen|kommittén|gruppen|fullmäktige)s?$/iu.test(
      word,
    )
  ) {
    return word.replace(/(?<=[nt]|ige)s$/u, '');
  }
  // Already in the nominative ('toimielin', 'sihteeristö', 'ohjausryhmä').
  if (
    /(?:toimielin|ryhmä|kokous|kunta|hallitus|valtuusto|neuvosto|jaosto|tiimi|foorumi|sihteeristö)$/iu.test(
      word,
    )
  )
    return word;
  const rules: Array<[RegExp, string]> = [
    [/uksen$/u, 'us'],
    [/imen$/u, 'in'],
    [/UKSEN$/u, 'US'],
    [/kunnan$/u, 'kunta'],
    [/KUNNAN$/u, 'KUNTA'],
    [/isen$/u, 'inen'],
    [/ISEN$/u, 'INEN'],
    [/(en|et)s$/u, '$1'],
    [/([aeiouyäöAEIOUYÄÖ])[nN]$/u, '$1'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

const GENITIVE_OR_ADJECTIVE = /(?:[aeiouyäö]n|isen|sen|ten|den|jen|AN|ÄN|EN|ON|IN)$/u;

function titleCaseIfShouting(phrase: string): string {
  if (phrase !== phrase.toUpperCase()) return phrase;
  const lower = phrase.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * The body a heading names: 'Sote-johtoryhmän 4. kokous' → 'Sote-johtoryhmä',
 * 'Lapin sote-valmistelun poliittisen ohjausryhmän 3. kokous pöytäkirja' → 'Lapin sote-valmistelun poliittinen ohjausryhmä'.
 */
export function extractBodyName(heading: string): string | null {
  const segments = heading
    .replace(/(\p{L})- (\p{L})/gu, (_, a: string, b: string) =>
      b === b.toUpperCase() && a === a.toUpperCase() ? a + b : `${a}- ${b}`,
    )
    .split(/\s\/\s|\s[–—-]\s/u);
  for (const segment of segments) {
    const written = segment.split(/\s+/u).filter((t) => t.replace(/[,.:;]+$/u, '') !== '');
    const tokens = written.map((t) => t.replace(/[,.:;]+$/u, ''));
    const headIndex = tokens.findIndex(
      (t, i) => (BODY_NOUN.test(t) && !isMeetingWord(t, i)) || isNamedMeeting(t, tokens[i - 1]),
    );
    if (headIndex < 0) continue;
    const swedish = SWEDISH_HEAD.test(tokens[headIndex] ?? '');
    let from = headIndex;
    while (from > 0 && headIndex - from < 4) {
      const previous = tokens[from - 1] ?? '';
      if (!/^\p{L}[\p{L}-]*$/u.test(previous) || DOC_TYPE_WORD.test(previous)) break;
      const joinsCompound = /^(?:ja|och)$/u.test(previous) && /-$/u.test(tokens[from - 2] ?? '');
      // 'Tekniska nämnden', 'Gemensamma kommittén'.
      const swedishAdjective = swedish && /^\p{L}{3,}(?:a|s)$/u.test(previous);
      if (
        !GENITIVE_OR_ADJECTIVE.test(previous) &&
        !/-$/u.test(previous) &&
        !joinsCompound &&
        !swedishAdjective
      )
        break;
      from -= 1;
    }
    const after = swedish ? swedishQualifier(tokens, headIndex + 1) : [];
    const words = tokens.slice(from, headIndex + 1);
    // A part of a compound keeps the comma of a list of them ('Sosiaali-, terveys- ja pelastuslautakunta').
    const converted = words.map((w, i) =>
      i === words.length - 1 || /(?:isen|ISEN)$/u.test(w)
        ? toNominative(w)
        : /-$/u.test(w) && (written[from + i] ?? '').startsWith(`${w},`)
          ? `${w},`
          : w,
    );
    return titleCaseIfShouting([...converted, ...after].join(' '));
  }
  return null;
}

/** A Swedish body noun, which may be qualified after it ('… i Vanda', '… för äldreomsorgen'). */
const SWEDISH_HEAD =
  /(?:nämnd|nämnden|styrelse|styrelsen|rådet|utskott|utskottet|sektionen|direktionen|kommittén|gruppen|fullmäktige|möte)$/iu;

/** A meeting named by who meets: 'Social- och hälsovårdsdirektörernas möte'. */
function isNamedMeeting(token: string, previous: string | undefined): boolean {
  return token === 'möte' && previous !== undefined && /\p{L}{3,}(?:ernas|arnas|ornas)$/u.test(previous);
}

/**
 * The words that qualify a Swedish body after its noun, from `at`: 'för' and up to four lower-case words
 * ('Arbetsgruppen för äldreomsorgen', 'Rådet för personer med funktionsnedsättning'), then 'i' and a place
 * ('Miljönämnden i Borgå', 'Kommunstyrelsen i S:t Karins').
 */
function swedishQualifier(tokens: readonly string[], at: number): string[] {
  let end = at;
  if (tokens[at] === 'för') {
    end = at + 1;
    while (end - at <= 4 && tokens[end] !== 'i' && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[end] ?? '')) end += 1;
    if (end === at + 1 || tokens[end - 1] === 'och') end = at;
  }
  if (tokens[end] !== 'i') return tokens.slice(at, end);
  const place = /^S:t$|^Sankt$/u.test(tokens[end + 1] ?? '') ? 2 : 1;
  const words = tokens.slice(end + 1, end + 1 + place);
  const isPlace =
    words.length === place && words.every((w) => /^\p{Lu}[\p{L}:]*$/u.test(w) && !DOC_TYPE_WORD.test(w));
  return tokens.slice(at, isPlace ? end + 1 + place : end);
}

/** 'kokous' / 'kokouksen' on its own means 'meeting of', not a body; as part of a compound it names one. */
function isMeetingWord(token: string, index: number): boolean {
  return index > 0 && /^(?:kokous|kokouksen|KOKOUS|KOKOUKSEN|Kokous)$/u.test(token);
}
