/**
 * MinHash signatures over word shingles and their locality-sensitive hashing bands: two texts whose
 * shingle sets have Jaccard similarity J agree on each signature value with probability J.
 */

export const SIGNATURE_SIZE = 128;
export const SHINGLE_WORDS = 5;
/** 16 bands of 8 rows: texts with J ≥ 0.8 share a band with probability > 0.99, J = 0.5 about 0.06. */
export const LSH_BANDS = 16;

/** The MinHash signature of a text's word 5-shingles; null when it has too few words for one shingle. */
export function minhashSignature(text: string): Int32Array | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < SHINGLE_WORDS) return null;
  const wordHashes = words.map(hashString);
  const signature = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = mix(h ^ (wordHashes[i + j] as number));
    if (seen.has(h)) continue;
    seen.add(h);
    // Kirsch–Mitzenmacher: the k-th hash is a mix of h1 + k·h2.
    const h1 = h;
    const h2 = mix(h ^ 0x5bd1e995) | 1;
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix((h1 + Math.imul(k, h2)) | 0) & 0x7fffffff;
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
  return signature;
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

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
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
