import { describe, expect, it } from 'vitest';
import { intlFormats } from './formats.js';
import { frenchFormats } from './french.js';

/** ICU's French: what the written-out rules must give. */
const icu = intlFormats('fr');

/** A seeded generator, so that a failure can be replayed. */
function numbers(seed: number, count: number): number[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const magnitude = 10 ** Math.floor(next() * 16 - 4);
    const value = next() * magnitude;
    const kind = i % 4;
    out.push(kind === 0 ? Math.round(value) : kind === 1 ? -value : kind === 2 ? Math.round(value * 1000) / 1000 : value);
  }
  return out;
}

const EDGES = [0, -0, 1, -1, 5, 999, 1000, 1234, -1234, 9999, 99_999.95, 999_999, 1_000_000, 0.0005, 0.1235, 2.0005, 1.05, 1e21, 123_456_789.125, 0.999_95, 1e-7, NaN, Infinity, -Infinity];

describe('French formats', () => {
  it('write numbers as ICU does, with any fraction digits', () => {
    for (const value of [...EDGES, ...numbers(1, 3000)]) {
      expect(frenchFormats.number(value), String(value)).toBe(icu.number(value));
      expect(frenchFormats.number(value, { max: 0 }), String(value)).toBe(icu.number(value, { max: 0 }));
      expect(frenchFormats.number(value, { min: 2, max: 2 }), String(value)).toBe(icu.number(value, { min: 2, max: 2 }));
    }
    expect(frenchFormats.number(1_234_567.891)).toBe('1\u202f234\u202f567,891');
  });

  it('write sums, shares and compact ticks as ICU does', () => {
    for (const value of [...EDGES.filter(Number.isFinite), ...numbers(2, 1500)]) {
      for (const currency of ['EUR', 'MAD', 'USD', 'GBP', 'CHF', 'CAD', 'XOF']) {
        expect(frenchFormats.money(value, currency), `${value} ${currency}`).toBe(icu.money(value, currency));
        expect(frenchFormats.money(value, currency, { min: 2 }), `${value} ${currency}`).toBe(icu.money(value, currency, { min: 2 }));
      }
      expect(frenchFormats.money(value, 'EUR', { max: 0 }), String(value)).toBe(icu.money(value, 'EUR', { max: 0 }));
      expect(frenchFormats.percent(value / 1000), String(value)).toBe(icu.percent(value / 1000));
      expect(frenchFormats.compact(value), String(value)).toBe(icu.compact(value));
    }
    expect(frenchFormats.money(1234.5, 'EUR', { min: 2 })).toBe('1\u202f234,50\u00a0€');
    expect(frenchFormats.compact(999_999)).toBe('1\u00a0M');
    expect(frenchFormats.percent(0.125)).toBe('12,5\u00a0%');
  });

  it('write dates and times as ICU does', () => {
    for (let year = 1950; year <= 2050; year += 7) {
      expect(frenchFormats.date(year)).toBe(icu.date(year));
      for (let month = 1; month <= 12; month += 1) {
        expect(frenchFormats.date(year, month)).toBe(icu.date(year, month));
        for (const day of [1, 9, 28]) expect(frenchFormats.date(year, month, day)).toBe(icu.date(year, month, day));
      }
    }
    for (const iso of ['2026-02-03T04:05:06Z', '2008-12-31T23:59:59Z', '2000-01-01T00:00:00Z', '2031-07-14T12:30:00.500Z']) {
      expect(frenchFormats.dateTime(new Date(iso)), iso).toBe(icu.dateTime(new Date(iso)));
    }
    expect(frenchFormats.date(2007, 7, 9)).toBe('9 juillet 2007');
  });

  it('choose the plural form as ICU does', () => {
    // the catalogue has .one and .other: CLDR's "many" (a million) reads as .other
    for (const count of [0, 1, 1.5, 2, -1, -2, 10, 1_000_000, 0.5, NaN]) expect(frenchFormats.plural(count), String(count)).toBe(icu.plural(count) === 'one' ? 'one' : 'other');
  });
});
