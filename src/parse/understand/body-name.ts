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
    const headIndex = tokens.findIndex((t, i) => BODY_NOUN.test(t) && !isMeetingWord(t, i));
    if (headIndex < 0) continue;
    let from = headIndex;
    while (from > 0 && headIndex - from < 4) {
      const previous = tokens[from - 1] ?? '';
      if (!/^\p{L}[\p{L}-]*$/u.test(previous) || DOC_TYPE_WORD.test(previous)) break;
      const joinsCompound = /^(?:ja|och)$/u.test(previous) && /-$/u.test(tokens[from - 2] ?? '');
      if (!GENITIVE_OR_ADJECTIVE.test(previous) && !/-$/u.test(previous) && !joinsCompound) break;
      from -= 1;
    }
    const words = tokens.slice(from, headIndex + 1);
    // A part of a compound keeps the comma of a list of them ('Sosiaali-, terveys- ja pelastuslautakunta').
    const converted = words.map((w, i) =>
      i === words.length - 1 || /(?:isen|ISEN)$/u.test(w)
        ? toNominative(w)
        : /-$/u.test(w) && (written[from + i] ?? '').startsWith(`${w},`)
          ? `${w},`
          : w,
    );
    return titleCaseIfShouting(converted.join(' '));
  }
  return null;
}

/** 'kokous' / 'kokouksen' on its own means 'meeting of', not a body; as part of a compound it names one. */
function isMeetingWord(token: string, index: number): boolean {
  return index > 0 && /^(?:kokous|kokouksen|KOKOUS|KOKOUKSEN|Kokous)$/u.test(token);
}
