import iconv from 'iconv-lite';
import { decoderFor } from './decoders.js';

const CP1252 = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1252');
/** Windows-1252 characters of bytes 0x80–0x9F back to their byte. */
const CP1252_HIGH_BYTES = new Map<number, number>();
for (let byte = 0x80; byte <= 0x9f; byte++) {
  const code = CP1252.charCodeAt(byte);
  if (code !== 0xfffd) CP1252_HIGH_BYTES.set(code, byte);
}

/** Non-ASCII characters of Finnish and Swedish text: Latin-1 letters and signs, typographic punctuation, €. */
export const PLAUSIBLE_NON_ASCII =
  /[\u00A0-\u00FF\u0152\u0153\u0160\u0161\u017D\u017E\u2010-\u206F\u20AC\u2122]/;

/** A lead character of a UTF-8 sequence read as Windows-1252, followed by a continuation character. */
export const MOJIBAKE_HINT =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function measureUtf8Sequence(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) min = 0xa0;
    if (b0 === 0xed) max = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) min = 0x90;
    if (b0 === 0xf4) max = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  const b1 = bytes[i + 1]!;
  if (b1 < min || b1 > max) return 0;
  for (let k = 2; k < length; k++) {
    const b = bytes[i + k]!;
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}

/** Counts valid multi-byte UTF-8 sequences and bytes that fit no sequence. */
export function countUtf8Errors(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = measureUtf8Sequence(bytes, i);
    if (length === 0) {
      invalid++;
      i++;
    } else {
      valid++;
      i += length;
    }
  }
  return { valid, invalid };
}

/** Decodes UTF-8 that has stray single-byte (Windows-1252) characters mixed in, e.g. after pasting. */
export function decodeMixedUtf8(bytes: Uint8Array): string {
  const decoder = decoderFor('utf-8');
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < bytes.length;) {
    const length = bytes[i]! < 0x80 ? 1 : measureUtf8Sequence(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(decoder.decode(bytes.subarray(runStart, i)), CP1252.charAt(bytes[i]!));
    i++;
    runStart = i;
  }
  parts.push(decoder.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/**
 * Undoes UTF-8 that was decoded as Windows-1252 (or Latin-1) and encoded again: 'PÃ¤Ã¤tÃ¶s' → 'Päätös'.
 * Only when the whole text maps back to valid UTF-8, so genuine 'Ã' or 'Â' in clean text is never touched, and
 * the result reads as Finnish or Swedish ('Å»' stays, rather than becoming 'Ż'). Returns null when there is
 * nothing to repair.
 */
export function repairMojibake(text: string): string | null {
  let current = text;
  for (let round = 0; round < 2 && MOJIBAKE_HINT.test(current); round++) {
    const bytes = encodeAsSingleBytes(current);
    if (!bytes) break;
    let repaired: string;
    try {
      repaired = decoderFor('utf-8', { fatal: true }).decode(bytes);
    } catch {
      break;
    }
    if (!isMostlyPlausible(repaired)) break;
    current = repaired;
  }
  return current === text ? null : current;
}

/**
 * Nearly all non-ASCII characters are Finnish or Swedish ones, and not only the rare Œ, Š and Ž, which 'Å'
 * before a sign (a plausible Windows-1252 pair) also encodes.
 */
function isMostlyPlausible(text: string): boolean {
  if (!/[^\u0000-\u007F\u0152\u0153\u0160\u0161\u017D\u017E]/.test(text)) return false;
  let plausible = 0;
  let total = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    total++;
    if (PLAUSIBLE_NON_ASCII.test(char)) plausible++;
  }
  return plausible >= total * 0.9;
}

function encodeAsSingleBytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : CP1252_HIGH_BYTES.get(code);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}
