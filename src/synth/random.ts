/** A small seeded generator (mulberry32): the same seed gives the same directory on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** an index in [0, n) favouring the first ones (the larger places partner more) */
  skewed(n: number, power = 2.2): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }

  /** k distinct items */
  some<T>(list: readonly T[], k: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    for (let i = 0; i < k && copy.length > 0; i += 1) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}
