/**
 * Scanning helpers. A leading `(?<![\p{L}\p{N}])` makes the regular expression engine test the lookbehind
 * at every position of the text; matching the rest and checking the one character before by hand finds
 * the same matches much faster.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the character just before `at` is a letter or a digit. */
export function followsWordChar(text: string, at: number): boolean {
  if (at <= 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code < 0x80) {
    const lower = code | 0x20;
    return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122);
  }
  const start = code >= 0xdc00 && code <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return LETTER_OR_DIGIT.test(text.slice(start, at));
}

/** The next match of the global or sticky `pattern`, from its `lastIndex`, that starts a word. */
export function execAtWordStart(pattern: RegExp, text: string): RegExpExecArray | null {
  return execWhere(pattern, text, (at) => !followsWordChar(text, at));
}

/** The next match of the global or sticky `pattern`, from its `lastIndex`, whose start `accepts`. */
export function execWhere(
  pattern: RegExp,
  text: string,
  accepts: (at: number, match: RegExpExecArray) => boolean,
): RegExpExecArray | null {
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (accepts(m.index, m)) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

/** Every match in `text` of the global `pattern`, which never matches the empty string. */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) matches.push(m);
  return matches;
}

/** The index of the first of the ascending `offsets` at or after `from` (their length when none is). */
export function firstOffsetFrom(offsets: readonly number[], from: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((offsets[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether any of the ascending `offsets` lies in [from, to). */
export function anyOffsetIn(offsets: readonly number[], from: number, to: number): boolean {
  const first = firstOffsetFrom(offsets, from);
  return first < offsets.length && (offsets[first] as number) < to;
}

/** Where `search` first begins at or after `from` and before `to`, or -1: the text after it is not read. */
export function indexBetween(text: string, search: string, from: number, to: number): number {
  const at = text.slice(from, to + search.length - 1).indexOf(search);
  return at < 0 ? -1 : from + at;
}

/** Whether the text between `from` and `to` has more than `limit` line breaks. */
export function hasMoreLineBreaksThan(text: string, from: number, to: number, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    count += 1;
    if (count > limit) return true;
  }
  return count > limit;
}

const SPACE = /\s/u;

/** Whether the character at `at` is white space, as trimming and `\s` take it. */
export function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  // Below U+1680 only the no-break space is white space.
  if (code < 0x1680) return code === 0xa0;
  return SPACE.test(text.charAt(at));
}

/** Which characters below U+0100 begin one of `words`, by character code: looked up without hashing. */
export function initialsOf(words: readonly string[]): Uint8Array {
  const initials = new Uint8Array(0x100);
  for (const word of words) {
    const code = word.charCodeAt(0);
    if (!(code < 0x100)) throw new Error(`'${word}' does not begin with a character below U+0100`);
    initials[code] = 1;
  }
  return initials;
}

/** Whether `text` begins with one of the initials. */
export function beginsWithOneOf(initials: Uint8Array, text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 0x100 && initials[code] === 1;
}

/** Whether the character code is one of the lower-case letters of Finnish and Swedish words: a–z, å, ä, ö, é. */
export function isLowerWordLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || code === 0xe5 || code === 0xe4 || code === 0xf6 || code === 0xe9;
}

/** Whether the character code is a space or a tab. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Whether the character code is an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
