import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstSorted } from './first-sorted.js';

test('gives what a stable sort and a slice give, ties in their first order', () => {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 20;
  for (let round = 0; round < 200; round++) {
    const items = Array.from({ length: random() * 5 }, (_, i) => ({ key: random(), i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (const n of [0, 1, 3, 10, 100]) {
      assert.deepEqual(firstSorted(items, n, byKey), [...items].sort(byKey).slice(0, n));
    }
  }
});
