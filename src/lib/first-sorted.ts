/**
 * The first `n` of `items` in `compare`'s order: the same as a stable sort and `slice(0, n)`, ties kept
 * in the order they come, without sorting everything when only a few are wanted.
 */
export function firstSorted<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (n <= 0) return first;
  for (const item of items) {
    if (first.length === n && compare(item, first[n - 1] as T) >= 0) continue;
    // After any equal ones: they came first.
    let low = 0;
    let high = first.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(item, first[mid] as T) < 0) high = mid;
      else low = mid + 1;
    }
    first.splice(low, 0, item);
    if (first.length > n) first.pop();
  }
  return first;
}
