import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe('Lru', () => {
  it('keeps the most recently used entries, by count', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual([1, 3, 2]);
  });

  it('keeps entries whose weights add up to its capacity, and none heavier than all of it', () => {
    const lru = new Lru<string, string>(10, (text) => text.length);
    lru.set('a', 'aaaa');
    lru.set('b', 'bbbb');
    lru.set('c', 'cccc'); // 12 > 10: a goes
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([undefined, 'bbbb', 'cccc']);
    lru.set('b', 'bb'); // replacing an entry counts its new weight only: 6
    lru.set('d', 'dddd'); // 10
    expect(lru.size).toBe(3);
    lru.set('e', 'eeeeeeeeeee'); // 11 alone: not kept, nothing evicted
    expect([lru.get('e'), lru.size]).toEqual([undefined, 3]);
    lru.delete('c');
    lru.set('f', 'ffff'); // 6 + 4 = 10 after the delete: kept without eviction
    expect([lru.get('b'), lru.get('d'), lru.get('f'), lru.size]).toEqual(['bb', 'dddd', 'ffff', 3]);
  });
});
