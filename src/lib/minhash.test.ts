import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simdShingleMinima } from './minhash-simd.js';
import {
  estimateJaccard,
  lowerToShingleMinima,
  lshBuckets,
  minhashSignature,
  SIGNATURE_SIZE,
} from './minhash.js';

const base = Array.from({ length: 400 }, (_, i) => `sana${i % 97} kohta${i}`).join(' ');

test('identical texts have identical signatures and buckets', () => {
  const a = minhashSignature(base);
  const b = minhashSignature(base.toUpperCase());
  assert.ok(a && b);
  assert.equal(estimateJaccard(a, b), 1);
  assert.deepEqual(lshBuckets(a), lshBuckets(b));
});

test('a copy with a little extra text around it stays above 0.8; an unrelated text does not', () => {
  const copy = `Lataa PDF Koko: 120 kt ${base} Samankaltaiset tiedostot muistio 3/2017`;
  const other = Array.from({ length: 400 }, (_, i) => `toinen${i % 89} asia${i * 7}`).join(' ');
  const a = minhashSignature(base)!;
  assert.ok(estimateJaccard(a, minhashSignature(copy)!) >= 0.8);
  assert.ok(estimateJaccard(a, minhashSignature(other)!) < 0.2);
  const shared = lshBuckets(a).filter((x, i) => lshBuckets(minhashSignature(copy)!)[i] === x);
  assert.ok(shared.length > 0);
});

test('too short for a shingle gives no signature', () => {
  assert.equal(minhashSignature('yksi kaksi kolme'), null);
});

test('the SIMD loop lowers a signature exactly as the plain one does, over more shingles than one call takes', () => {
  assert.ok(simdShingleMinima, 'WebAssembly SIMD is available');
  let seed = 11;
  const random = () => (seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) | 0;
  for (const count of [0, 1, 7, 20_000]) {
    const shingles = Int32Array.from({ length: 2 * count }, (_, i) =>
      i % 2 === 1 ? random() | 1 : random(),
    );
    const simd = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
    const plain = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
    simdShingleMinima(simd, shingles);
    lowerToShingleMinima(plain, shingles);
    assert.deepEqual(simd, plain);
  }
});
