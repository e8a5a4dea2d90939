/**
 * Translation: `t(locale, key, params)` and `tn(locale, key, count, params)` for plurals, with the
 * catalogues by locale. Add a locale by writing its catalogue (same keys as fr.ts) and listing it
 * in CATALOGUES and DIRECTIONS.
 */
import { fr, type Catalogue, type MessageKey } from './fr.js';

export type Locale = 'fr';
export type { MessageKey };

const CATALOGUES: Record<Locale, Catalogue> = { fr };
const DIRECTIONS: Record<Locale, 'ltr' | 'rtl'> = { fr: 'ltr' };

export const DEFAULT_LOCALE: Locale = 'fr';

export type Params = Readonly<Record<string, string | number>>;

export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Keys whose plural pair exists: `common.projects` for `common.projects.one` / `.other`. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export function tn(locale: Locale, base: PluralBase, count: number, params: Params = {}): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return t(locale, `${base}.${form}` as MessageKey, { count, ...params });
}

/** A label from a family of keys (`status.`, `kind.`…), or the raw value when the catalogue lacks it. */
export function label(locale: Locale, prefix: string, value: string): string {
  return phrase(locale, prefix, value) ?? value;
}

/** A phrase of a family of keys (`report.note.`…) with its values, or undefined when the catalogue lacks it. */
export function phrase(locale: Locale, prefix: string, key: string, params: Params = {}): string | undefined {
  const full = `${prefix}.${key}`;
  return full in CATALOGUES[locale] ? t(locale, full as MessageKey, params) : undefined;
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  return DIRECTIONS[locale];
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** 1 234 567,00 €; approximate sums are marked ≈. */
export function formatMoney(locale: Locale, money: { amount: number; currency: string; approximate?: boolean }): string {
  let text: string;
  try {
    const digits = Number.isInteger(money.amount) ? 0 : 2;
    text = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: 2,
    }).format(money.amount);
  } catch {
    text = `${formatNumber(locale, money.amount)} ${money.currency}`;
  }
  return money.approximate ? `≈ ${text}` : text;
}

export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** 2007, juillet 2007, 9 juillet 2007 */
export function formatPartialDate(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return date;
  if (month === undefined) return String(year);
  const value = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(value);
}

export function formatDateTime(locale: Locale, iso: string): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(value);
}
