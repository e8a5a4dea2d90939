/**
 * Translation: `t(locale, key, params)` and `tn(locale, key, count, params)` for plurals, with the
 * catalogues by locale. Add a locale by writing its catalogue (same keys as fr.ts) and listing it
 * in CATALOGUES, DIRECTIONS and FORMATS (`intlFormats(locale)`: ICU's numbers and dates).
 */
import type { Formats } from '../../locale/formats.js';
import { frenchFormats } from '../../locale/french.js';
import { fr, type Catalogue, type MessageKey } from './fr.js';

export type Locale = 'fr';
export type { MessageKey };

const CATALOGUES: Record<Locale, Catalogue> = { fr };
const DIRECTIONS: Record<Locale, 'ltr' | 'rtl'> = { fr: 'ltr' };
const FORMATS: Record<Locale, Formats> = { fr: frenchFormats };

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

/** Which plural form a count takes in the locale (the catalogue's `.one` and `.other` keys). */
export function pluralOf(locale: Locale, count: number): 'one' | 'other' {
  return FORMATS[locale].plural(count);
}

export function tn(locale: Locale, base: PluralBase, count: number, params: Params = {}): string {
  return t(locale, `${base}.${FORMATS[locale].plural(count)}` as MessageKey, { count, ...params });
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
  return FORMATS[locale].number(value);
}

/** 1 234 567,00 €; approximate sums are marked ≈. */
export function formatMoney(locale: Locale, money: { amount: number; currency: string; approximate?: boolean }): string {
  let text: string;
  try {
    text = FORMATS[locale].money(money.amount, money.currency, { min: Number.isInteger(money.amount) ? 0 : 2, max: 2 });
  } catch {
    text = `${formatNumber(locale, money.amount)} ${money.currency}`; // not an ISO 4217 code: ICU refuses it
  }
  return money.approximate ? `≈ ${text}` : text;
}

export function formatPercent(locale: Locale, share: number): string {
  return FORMATS[locale].percent(share);
}

/** 2007, juillet 2007, 9 juillet 2007 */
export function formatPartialDate(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return date;
  return FORMATS[locale].date(year, month, day);
}

/** An edition as readers say it: "2008-07" → "juillet 2008"; a name ("2e édition") as it is. */
export function editionLabel(locale: Locale, edition: string): string {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(edition) ? formatPartialDate(locale, edition) : edition;
}

export function formatDateTime(locale: Locale, iso: string): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return FORMATS[locale].dateTime(value);
}
