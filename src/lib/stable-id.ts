import { hash } from 'node:crypto';

/** A short id derived from natural-key parts, so the same thing gets the same id on every run. */
export function stableId(...parts: readonly (string | number | null | undefined)[]): string {
  // U+001F keeps ('ab', 'c') and ('a', 'bc') apart. One-shot hashing: no hash object per id.
  const key = parts.map((p) => (p === null || p === undefined ? '\u0000' : String(p))).join('\u001f');
  return hash('sha256', key, 'hex').slice(0, 32);
}

/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}
