/**
 * MinHash signatures over word shingles and their locality-sensitive hashing bands: two texts whose
 * shingle sets have Jaccard similarity J agree on each signature value with probability J.
 */

import { simdShingleMinima } from './minhash-simd.js';

export const SIGNATURE_SIZE = 128;
export const SHINGLE_WORDS = 5;
/** 16 bands of 8 rows: texts with J ≥ 0.8 share a band with probability > 0.99, J = 0.5 about 0.06. */
export const LSH_BANDS = 16;

/** The MinHash signature of a text's word 5-shingles; null when it has too few words for one shingle. */
export function minhashSignature(text: string): Int32Array | null {
  const wordHashes = hashWords(text.toLowerCase());
  if (wordHashes.length < SHINGLE_WORDS) return null;
  const signature = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  (simdShingleMinima ?? lowerToShingleMinima)(signature, distinctShingles(wordHashes));
  return signature;
}

/** Each distinct shingle's two hashes, [h1, h2, h1, h2, …], in order of first occurrence. */
function distinctShingles(wordHashes: Int32Array): Int32Array {
  const pairs = new Int32Array(2 * (wordHashes.length - SHINGLE_WORDS + 1));
  const seen = new IntSet(wordHashes.length);
  let count = 0;
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = mix(h ^ (wordHashes[i + j] as number));
    if (!seen.add(h)) continue;
    pairs[count++] = h;
    pairs[count++] = mix(h ^ 0x5bd1e995) | 1;
  }
  return pairs.subarray(0, count);
}

/**
 * Lowers each signature value to the least of the shingles' hashes for it. Kirsch–Mitzenmacher: the k-th
 * hash of a shingle is a mix of h1 + k·h2 (summed step by step, modulo 2³²).
 */
export function lowerToShingleMinima(signature: Int32Array, shingles: Int32Array): void {
  for (let i = 0; i < shingles.length; i += 2) {
    const h2 = shingles[i + 1] as number;
    let x = shingles[i] as number;
    for (let k = 0; k < SIGNATURE_SIZE; k++, x = (x + h2) | 0) {
      // mix(x), written out: this loop runs 128 times per shingle.
      let v = x ^ (x >>> 16);
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) & 0x7fffffff;
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
}

/**
 * The hash of each word (each match of /[\p{L}\p{N}]+/gu) of a lower-case text: FNV-1a of its UTF-16
 * units, mixed. One pass that makes no strings.
 */
function hashWords(text: string): Int32Array {
  // Words are at least one character apart.
  const hashes = new Int32Array((text.length + 1) >>> 1);
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = c >= 0xd800 && c <= 0xdbff ? surrogatePairIsWordChar(text, i) : isWordUnit(c) ? 1 : 0;
    if (n === 0) {
      if (inWord) hashes[count++] = mix(h);
      inWord = false;
      continue;
    }
    if (!inWord) h = 0x811c9dc5;
    inWord = true;
    h = Math.imul(h ^ c, 0x01000193);
    if (n === 2) h = Math.imul(h ^ text.charCodeAt(++i), 0x01000193);
  }
  if (inWord) hashes[count++] = mix(h);
  return hashes.subarray(0, count);
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// Per UTF-16 unit outside the surrogates: 0 not looked at yet, 1 a letter or digit, 2 neither.
const WORD_UNITS = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  let known = WORD_UNITS[c] as number;
  if (known === 0) WORD_UNITS[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** 2 when the high surrogate at `i` and the unit after it make a letter or digit, else 0. */
function surrogatePairIsWordChar(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (!(next >= 0xdc00 && next <= 0xdfff)) return 0;
  return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
}

/** A set of 32-bit integers for at most `capacity` of them: open addressing in typed arrays. */
class IntSet {
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(capacity: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, capacity * 2)));
    this.keys = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** Adds `key`; false when it was there already. */
  add(key: number): boolean {
    let i = key & this.mask;
    while (this.used[i] === 1) {
      if (this.keys[i] === key) return false;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.keys[i] = key;
    return true;
  }
}

/** One bucket per band: texts sharing any bucket are candidates for a closer look. */
export function lshBuckets(signature: ArrayLike<number>): number[] {
  const rows = SIGNATURE_SIZE / LSH_BANDS;
  const buckets: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < rows; r++) h = mix(h ^ (signature[band * rows + r] as number));
    buckets.push(h | 0);
  }
  return buckets;
}

/** The share of signature positions that agree: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** murmur3's 32-bit finaliser. */
function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
