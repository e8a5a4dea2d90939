/**
 * How a locale writes numbers, sums, shares and dates: one object per locale (`Formats`). French,
 * the site's language, is written out in `french.ts`; any other locale is `intlFormats(locale)`,
 * ICU's own through `Intl`, which is also what the French formats are tested against.
 */

export interface Digits {
  /** fraction digits always shown (default 0) */
  readonly min?: number;
  /** fraction digits at most, rounded half away from zero (default 3) */
  readonly max?: number;
}

/** CLDR's plural categories. */
export type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export interface Formats {
  /** 1 234 567,891 */
  number(value: number, digits?: Digits): string;
  /** 1 234,50 €, 150 000 MAD */
  money(amount: number, currency: string, digits?: Digits): string;
  /** a share of 1 as a percentage with at most one decimal: 12,5 % */
  percent(share: number): string;
  /** a chart's tick: 12,3 k, 1,5 M, 2 Md */
  compact(value: number): string;
  /** 2007, juillet 2007, 9 juillet 2007 (month 1–12) */
  date(year: number, month?: number, day?: number): string;
  /** 3 février 2026 à 04:05, in UTC */
  dateTime(value: Date): string;
  /** which plural form a count takes, by CLDR's rules (French: one, other; Arabic: all six) */
  plural(count: number): PluralForm;
}

/** A locale's formats from ICU. Formatters are made once per options: making one costs ~10 µs, using it 0.3 µs. */
export function intlFormats(locale: string): Formats {
  const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
  function once<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
    let kept = made.get(key) as T | undefined;
    if (kept === undefined) made.set(key, (kept = make()));
    return kept;
  }
  const numbers = (options: Intl.NumberFormatOptions) => once(`n${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
  const dates = (options: Intl.DateTimeFormatOptions) => once(`d${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));
  return {
    number: (value, digits = {}) => numbers({ minimumFractionDigits: digits.min ?? 0, maximumFractionDigits: digits.max ?? 3 }).format(value),
    money: (amount, currency, digits = {}) =>
      numbers({ style: 'currency', currency, minimumFractionDigits: digits.min ?? 0, maximumFractionDigits: digits.max ?? 2 }).format(amount),
    percent: (share) => numbers({ style: 'percent', maximumFractionDigits: 1 }).format(share),
    compact: (value) => numbers({ notation: 'compact', maximumFractionDigits: 1 }).format(value),
    date: (year, month, day) => {
      const value = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
      if (month === undefined) return dates({ year: 'numeric' }).format(value);
      return dates(day === undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' }).format(value);
    },
    dateTime: (value) => dates({ dateStyle: 'long', timeStyle: 'short' }).format(value),
    plural: (count) => once('p', () => new Intl.PluralRules(locale)).select(count),
  };
}
