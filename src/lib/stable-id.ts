import { createHash } from 'node:crypto';

/** A short id derived from natural-key parts, so the same thing gets the same id on every run. */
export function stableId(...parts: readonly (string | number | null | undefined)[]): string {
  const hash = createHash('sha256');
  // U+001F keeps ('ab', 'c') and ('a', 'bc') apart.
  hash.update(parts.map((p) => (p === null || p === undefined ? '\u0000' : String(p))).join('\u001f'));
  return hash.digest('hex').slice(0, 32);
}

/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
