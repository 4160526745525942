import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Diagnostic } from '../../domain/minutes.js';
import { decoderFor } from './decoders.js';
import { RARE_CHARACTER } from './text-normalizer.js';
import {
  countUtf8Errors,
  decodeMixedUtf8,
  MOJIBAKE_HINT,
  PLAUSIBLE_NON_ASCII,
  repairMojibake,
} from './utf8-repair.js';

export interface DecodedText {
  text: string;
  /** Canonical name of the encoding used, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding: string;
  diagnostics: Diagnostic[];
  /** The text is known to hold no character that normalisation replaces or drops (RARE_CHARACTER). */
  plain?: boolean;
}

interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** Single-byte encodings tried when the bytes are not UTF-8, in order of preference on a tie. */
const SINGLE_BYTE_CANDIDATES = ['windows-1252', 'cp850', 'macintosh'];
const NORDIC_LETTERS = new Set('äöåÄÖÅéÉüÜèàáâêëïîôûçñøØæÆßíóúÍÓÚšžŠŽ');
const TYPOGRAPHIC = new Set('–—‘’‚“”„…•·€§°±½¼¾´«»×²³µ¶©®™†‡‰¹º¢£¥¦¨¯¸¬¡¿ªˆ˜‹›');
const SAMPLE_BYTES = 65536;
/**
 * What Finnish in a DOS or Mac code page looks like when read as Windows-1252: a character of 0x80–0x9F that
 * no word contains ("p”yt„kirja"), or an unassigned byte.
 */
const IMPOSSIBLE_IN_WORD = /\p{L}[€‚„…†‡ˆ‰‹‘“”•˜™›ŒœƒŸ](?=\p{L})|\uFFFD/u;

/** Finds a byte order mark at the start of the bytes. */
export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Recognises UTF-16 without a BOM by the zero high bytes of its ASCII characters. */
export function detectBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  // Without a zero byte there is nothing to count: the usual case, found without a loop.
  if (n < 4 || bytes.subarray(0, n).indexOf(0) < 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decodes bytes of unknown encoding: BOM, then a declared charset when the bytes are not UTF-8, then
 * UTF-8, then the single-byte encoding under which the text reads most like Finnish or Swedish.
 */
export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): DecodedText {
  const bom = detectBom(bytes);
  if (bom)
    return {
      text: decodeWith(bytes.subarray(bom.length), bom.encoding),
      encoding: bom.encoding,
      diagnostics: [],
    };
  const utf16 = detectBomlessUtf16(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16), encoding: utf16, diagnostics: [] };
  const declared = canonicalizeCharset(declaredCharset);
  if (declared?.startsWith('utf-16'))
    return { text: decodeWith(bytes, declared), encoding: declared, diagnostics: [] };
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null && !isSingleByteInDisguise(utf8, bytes)) return finishUtf8(utf8);
  if (declared && declared !== 'utf-8')
    return { text: decodeWith(bytes, declared), encoding: declared, diagnostics: [] };
  const errors = countUtf8Errors(bytes);
  const mixed = errors.invalid > 0 && errors.valid >= errors.invalid * 2 ? decodeMixedUtf8(bytes) : null;
  if (mixed !== null && isMixedReadingBetter(mixed, bytes)) {
    return {
      text: mixed,
      encoding: 'utf-8',
      diagnostics: [
        {
          severity: 'warning',
          code: 'MIXED_ENCODING',
          message: `${errors.invalid} bytes were not valid UTF-8 and were read as Windows-1252`,
        },
      ],
    };
  }
  const encoding = guessSingleByteEncoding(bytes);
  return {
    text: decodeWith(bytes, encoding),
    encoding,
    diagnostics: [{ severity: 'info', code: 'ENCODING_GUESSED', message: `read as ${encoding}` }],
  };
}

/** Maps charset labels to the names used here; Latin-1 and ASCII labels mean Windows-1252, as in browsers. */
export function canonicalizeCharset(label: string | null): string | null {
  if (!label) return null;
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (name === 'utf8' || name === 'utf-8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  if (name === 'utf-16' || name === 'utf16' || name === 'unicode') return 'utf-16le';
  if (
    /^(iso[-_]?8859[-_]1|latin-?1|l1|us-ascii|ascii|cp1252|windows-1252|x-cp1252|cp819|ibm819)$/.test(name)
  ) {
    return 'windows-1252';
  }
  return iconv.encodingExists(name) ? name : null;
}

/** A rare character or a sign of mojibake: most UTF-8 texts have neither, which one scan tells for both. */
const RARE_OR_MOJIBAKE = new RegExp(`${RARE_CHARACTER.source}|${MOJIBAKE_HINT.source}`);

function finishUtf8(text: string): DecodedText {
  if (!RARE_OR_MOJIBAKE.test(text)) return { text, encoding: 'utf-8', diagnostics: [], plain: true };
  const repaired = repairMojibake(text);
  if (repaired === null) return { text, encoding: 'utf-8', diagnostics: [] };
  return {
    text: repaired,
    encoding: 'utf-8',
    diagnostics: [
      {
        severity: 'warning',
        code: 'MOJIBAKE_REPAIRED',
        message: 'the text was UTF-8 decoded twice (e.g. "Ã¤" for "ä") and was repaired',
      },
    ],
  };
}

/**
 * Short Windows-1252 text can happen to be valid UTF-8: 'Ä§' (C4 A7) reads as 'ħ'. When not one of the UTF-8
 * characters is one a Finnish or Swedish text would hold and the single-byte reading is possible, it is that.
 */
function isSingleByteInDisguise(utf8: string, bytes: Uint8Array): boolean {
  if (!/[^\u0000-\u007F]/.test(utf8) || PLAUSIBLE_NON_ASCII.test(utf8)) return false;
  return !IMPOSSIBLE_IN_WORD.test(decodeWith(bytes.subarray(0, SAMPLE_BYTES), SINGLE_BYTE_CANDIDATES[0]!));
}

/** UTF-8 with stray single bytes reads as Finnish or Swedish better than the whole read as Windows-1252. */
function isMixedReadingBetter(mixed: string, bytes: Uint8Array): boolean {
  const single = decodeWith(bytes.subarray(0, SAMPLE_BYTES), SINGLE_BYTE_CANDIDATES[0]!);
  return scoreNordicText(mixed.slice(0, single.length)) > scoreNordicText(single);
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return decoderFor('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    return decoderFor(encoding, { ignoreBOM: true }).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: false,
  });
}

/**
 * Windows-1252 unless its reading is impossible text (symbols inside words, as "p”yt„kirja" from code page 850,
 * or unassigned bytes); then the candidate whose non-ASCII characters read most like Finnish or Swedish letters.
 */
function guessSingleByteEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const [preferred, ...others] = SINGLE_BYTE_CANDIDATES as [string, ...string[]];
  const preferredText = decodeWith(sample, preferred);
  if (!IMPOSSIBLE_IN_WORD.test(preferredText)) return preferred;
  const top = chardet.analyse(sample)[0];
  if (top && top.confidence >= 70) {
    const name = canonicalizeCharset(top.name);
    if (name && name !== 'utf-8' && name !== preferred && !others.includes(name)) others.push(name);
  }
  let best = preferred;
  let bestScore = scoreNordicText(preferredText);
  for (const candidate of others) {
    const score = scoreNordicText(decodeWith(sample, candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Higher when the non-ASCII characters look like Finnish or Swedish letters rather than symbols. */
function scoreNordicText(text: string): number {
  let score = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    if (NORDIC_LETTERS.has(char)) score += 2;
    else if (/\p{L}/u.test(char)) score += 1;
    else if (!TYPOGRAPHIC.has(char)) score -= 3;
  }
  return score;
}
