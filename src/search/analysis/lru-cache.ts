/**
 * A bounded cache that keeps recently used entries: two generations of Maps, the older dropped when the
 * newer fills half the capacity. Cheaper than reordering a Map on every hit, which the hot path does
 * millions of times.
 */
export class LruCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.capacity / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}
