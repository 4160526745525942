/** Wraps a pure function of one string in a bounded cache: once full, it only answers from what it holds. */
export function memoizeString<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const answer = compute(key);
    if (cache.size < limit) cache.set(key, answer);
    return answer;
  };
}
