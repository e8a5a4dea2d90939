/**
 * A map that keeps its most recently used entries (the records a snapshot read, a search's posting
 * and filter sets, the drawn public pages): at most `capacity` of them, or, with `weigh`, entries
 * whose weights add up to at most `capacity` (a page's bytes). An entry heavier than the whole
 * capacity is not kept.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.capacity) return;
    this.entries.set(key, value);
    this.total += weight;
    while (this.total > this.capacity) this.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.total -= this.weigh(value);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** entries kept now */
  get size(): number {
    return this.entries.size;
  }
}
