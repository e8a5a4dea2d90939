/**
 * Sums of money in euros, at a stated reference rate.
 *
 * The census gives amounts in euros and in Moroccan dirhams (MAD). To add them up, dirhams are
 * converted at ONE rate, the 2008 annual average, the year the directory was published:
 *
 *   1 EUR = 11.40 MAD
 *
 * Derived as the cross rate of two published annual averages for 2008: the dirham per US dollar,
 * 7.750 MAD (IMF, International Financial Statistics, "market rate, period average"; the World
 * Bank's WDI series PA.NUS.FCRF gives the same), and the US dollar per euro, 1.4708 USD (European
 * Central Bank, euro foreign exchange reference rates, 2008 average): 7.750 × 1.4708 = 11.40.
 * The book's own conversions agree (150 000 Dhs printed as 13 000 €, 11.5; 350 000 Dhs as
 * 31 000 €, 11.3). The rate is an input of every statistic (`rates`), and is printed with them.
 */

export interface ReferenceRates {
  /** units of each currency for one euro */
  perEur: Readonly<Record<string, number>>;
  year: number;
  source: string;
}

export const RATES_2008: ReferenceRates = {
  perEur: { EUR: 1, MAD: 11.4 },
  year: 2008,
  source:
    "Moyenne annuelle 2008, taux croisé : 7,750 MAD pour 1 USD (FMI, International Financial Statistics, moyenne de période ; Banque mondiale PA.NUS.FCRF) × 1,4708 USD pour 1 EUR (BCE, taux de référence, moyenne 2008) = 11,40 MAD pour 1 EUR.",
};

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
