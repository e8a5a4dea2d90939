import { mulberry32 } from '../random.js';

/** Draws for the synthetic directories (mulberry32): the same seed gives the same directory on every machine. */
export class Random {
  /** [0, 1) */
  readonly next: () => number;

  constructor(seed: number) {
    // the seed stirred first: seeds 1, 2, 3 give directories unlike each other from the first draw
    this.next = mulberry32(Math.trunc(seed) ^ 0x9e3779b9);
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
