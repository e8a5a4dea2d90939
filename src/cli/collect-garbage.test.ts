import { describe, expect, it } from 'vitest';
import { garbageCollector } from './collect-garbage.js';

describe('a long import collects its garbage as it goes', () => {
  it('every so many records, starting again with each phase', () => {
    const at: number[] = [];
    let count = 0;
    const collect = garbageCollector(10_000, () => (count += 1));
    for (const done of [0, 2_000, 9_999, 10_000, 12_000, 19_999, 25_000, 30_000, 34_999]) {
      const before = count;
      collect(done);
      if (count > before) at.push(done);
    }
    // a new phase counts from 0 again (the partnerships' matching after the collectivities')
    for (const done of [0, 4_000, 10_000]) {
      const before = count;
      collect(done);
      if (count > before) at.push(done);
    }
    expect(at).toEqual([10_000, 25_000, 10_000]);
  });
});
