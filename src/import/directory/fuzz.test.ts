/**
 * Hostile inputs: thousands of mutations of the directory (lines deleted, duplicated, swapped,
 * cut, random bytes). None may crash the reader or run long: each ends in records (and notes) or
 * in one DirectoryFormatError. The generator is seeded, so a failure names its case.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random.js';
import { DirectoryFormatError, readDirectory } from './index.js';
import { SEED_COUNTRIES, seedText } from './testing.js';


type Mutation = (lines: string[], rnd: () => number) => void;
const pick = (n: number, rnd: () => number) => Math.floor(rnd() * n);

const MUTATIONS: Record<string, Mutation> = {
  delete: (l, r) => void l.splice(pick(l.length, r), 1 + pick(20, r)),
  duplicate: (l, r) => {
    const i = pick(l.length, r);
    l.splice(i, 0, ...l.slice(i, i + 1 + pick(10, r)));
  },
  swap: (l, r) => {
    const [i, j] = [pick(l.length, r), pick(l.length, r)];
    [l[i], l[j]] = [l[j]!, l[i]!];
  },
  cut: (l, r) => void l.splice(pick(l.length, r)),
  'cut a line': (l, r) => {
    const i = pick(l.length, r);
    l[i] = l[i]!.slice(0, pick(l[i]!.length + 1, r));
  },
  bytes: (l, r) => {
    const i = pick(l.length, r);
    const junk = Array.from({ length: 1 + pick(40, r) }, () => String.fromCharCode(32 + pick(0x2000, r))).join('');
    l[i] = l[i]!.slice(0, pick(l[i]!.length + 1, r)) + junk;
  },
  'long line': (l, r) => void (l[pick(l.length, r)] = 'Cofinancement PAD : ' + '1 000 '.repeat(2000 + pick(3000, r)) + '€'),
};

function mutate(base: string[], seed: number): string {
  const rnd = mulberry32(seed);
  const lines = [...base];
  const names = Object.keys(MUTATIONS);
  for (let k = 1 + pick(5, rnd); k > 0 && lines.length > 0; k--) MUTATIONS[names[pick(names.length, rnd)]!]!(lines, rnd);
  return lines.join('\n');
}

function survives(text: string, label: string): void {
  const started = performance.now();
  try {
    const { document } = readDirectory(text, { document: 'fuzz.txt', countries: SEED_COUNTRIES });
    expect(Array.isArray(document.partnerships), label).toBe(true);
  } catch (e) {
    if (!(e instanceof DirectoryFormatError)) throw new Error(`${label}: ${(e as Error).stack}`);
  }
  // A hang (catastrophic backtracking, an endless rule) takes minutes; a loaded machine, a few seconds.
  expect(performance.now() - started, `${label} took too long`).toBeLessThan(10_000);
}

describe('the reader under mutation', () => {
  const all = seedText().split('\n');

  it('survives 2 000 mutations of entry-sized windows', () => {
    const rnd = mulberry32(2008);
    for (let seed = 0; seed < 2000; seed++) {
      const start = 148 + pick(all.length - 700, rnd);
      const window = ['Villes', ...all.slice(start, start + 100 + pick(300, rnd))];
      survives(mutate(window, seed), `window ${start}, seed ${seed}`);
    }
  }, 300_000);

  it('survives 40 mutations of the whole directory', () => {
    for (let seed = 0; seed < 40; seed++) survives(mutate(all, 10_000 + seed), `whole document, seed ${10_000 + seed}`);
  }, 300_000);
});
