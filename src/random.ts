/**
 * A small seeded generator (mulberry32): numbers in [0, 1), the same for the same seed on every
 * machine. The synthetic directories are drawn from it (synth/random.ts), and the tests that make
 * random changes use it so that a failure can be replayed from its seed.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
