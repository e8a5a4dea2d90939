/**
 * Sums of money in euros, at stated reference rates.
 *
 * A census gives amounts in euros and in its countries' currencies. To add them up, each currency
 * is converted at ONE rate, the one its country's profile gives (data/profiles/, docs/profiles.md)
 * with its year and source: for Morocco the 2008 annual average, the year the directory was
 * published (1 EUR = 11.40 MAD, a cross rate of the IMF's and the ECB's 2008 averages, checked
 * against the book's own conversions); for the franc CFA its fixed parity (655.957 XOF since 1999).
 * A currency no profile gives a rate for is not converted: its amounts are reported in it. The rates
 * are an input of every statistic (`rates`), and are printed with them.
 */
import type { Profiles } from '../profiles/profiles.js';

export interface ReferenceRates {
  /** units of each currency for one euro */
  perEur: Readonly<Record<string, number>>;
  year: number;
  source: string;
}

/** The reference rates of a directory's countries, from their profiles (countries without a profile are skipped). */
export function referenceRates(profiles: Profiles, countries: Iterable<string>): ReferenceRates {
  const perEur: Record<string, number> = { EUR: 1 };
  const years: number[] = [];
  const sources: string[] = [];
  for (const country of [...new Set(countries)].sort()) {
    const currency = profiles.find(country)?.currency;
    if (!currency || currency.perEur === undefined || currency.code === 'EUR' || perEur[currency.code] !== undefined) continue;
    perEur[currency.code] = currency.perEur;
    if (currency.year !== undefined) years.push(currency.year);
    if (currency.source !== undefined) sources.push(currency.source);
  }
  return { perEur, year: years.length ? Math.max(...years) : new Date().getUTCFullYear(), source: sources.join(' ') };
}

/** Amounts in one currency, possibly some approximate ("environ"). */
export interface MoneyGroup {
  currency: string;
  approximate: boolean;
  amount: number;
  count: number;
}

export interface MoneyTotal {
  /** everything convertible, in euros */
  eur: number;
  /** of which: from amounts the source marks approximate */
  approximateEur: number;
  /** of which: converted from another currency at the reference rate */
  convertedEur: number;
  /** amounts added up */
  count: number;
  approximateCount: number;
  /** by original currency (sorted by code) */
  byCurrency: { currency: string; amount: number; count: number; eur: number | null }[];
}

export function toEur(amount: number, currency: string, rates: ReferenceRates): number | undefined {
  const rate = rates.perEur[currency];
  return rate === undefined || rate <= 0 ? undefined : amount / rate;
}

/** Rounds to the cent, so that sums made in SQL and in JavaScript print the same. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

export function totalOf(groups: Iterable<MoneyGroup>, rates: ReferenceRates): MoneyTotal {
  const byCurrency = new Map<string, { amount: number; count: number }>();
  let eur = 0;
  let approximateEur = 0;
  let convertedEur = 0;
  let count = 0;
  let approximateCount = 0;
  for (const g of groups) {
    if (g.count === 0) continue;
    const c = byCurrency.get(g.currency) ?? { amount: 0, count: 0 };
    c.amount += g.amount;
    c.count += g.count;
    byCurrency.set(g.currency, c);
    count += g.count;
    if (g.approximate) approximateCount += g.count;
    const e = toEur(g.amount, g.currency, rates);
    if (e === undefined) continue;
    eur += e;
    if (g.approximate) approximateEur += e;
    if (g.currency !== 'EUR') convertedEur += e;
  }
  return {
    eur: cents(eur),
    approximateEur: cents(approximateEur),
    convertedEur: cents(convertedEur),
    count,
    approximateCount,
    byCurrency: [...byCurrency]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, c]) => {
        const e = toEur(c.amount, currency, rates);
        return { currency, amount: cents(c.amount), count: c.count, eur: e === undefined ? null : cents(e) };
      }),
  };
}
