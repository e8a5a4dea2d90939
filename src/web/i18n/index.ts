/**
 * Translation: `t(locale, key, params)` and `tn(locale, key, count, params)` for plurals, with the
 * catalogues by locale. French (fr.ts) is the reference: every key is there first; English (en.ts)
 * and Arabic (ar.ts) translate it, and `catalogues.test.ts` lists any key one of them lacks or keeps
 * unused. A key a translation lacks reads in French rather than as its key, so that a page added in
 * French is never broken in the other languages, only partly untranslated until the catalogue
 * catches up. Add a locale by writing its catalogue and listing it in LOCALES, CATALOGUES,
 * DIRECTIONS and FORMATS (`intlFormats(locale)`: ICU's numbers and dates).
 */
import { intlFormats, type Formats, type PluralForm } from '../../locale/formats.js';
import { frenchFormats } from '../../locale/french.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { fr, type MessageKey, type Translation } from './fr.js';

/** The site's languages, French first (served at the root). */
export const LOCALES = ['fr', 'en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

const CATALOGUES: Record<Locale, Translation> = { fr, en, ar };
const DIRECTIONS: Record<Locale, 'ltr' | 'rtl'> = { fr: 'ltr', en: 'ltr', ar: 'rtl' };
/**
 * Arabic as Morocco's administration writes it: Western digits (`ar-MA` with the `latn`
 * numbering system); `arabicFormats('arab')` gives Eastern Arabic digits (١٢٣) where wanted.
 */
export function arabicFormats(numbering: 'latn' | 'arab' = 'latn'): Formats {
  return intlFormats(`ar-MA-u-nu-${numbering}`);
}
const FORMATS: Record<Locale, Formats> = { fr: frenchFormats, en: intlFormats('en'), ar: arabicFormats() };

/** The BCP 47 tag `Intl` is given for a language: Arabic as Morocco writes it, with the digits configured (ARABIC_DIGITS). */
export function intlLocale(locale: Locale): string {
  return locale === 'ar' ? `ar-MA-u-nu-${arabicNumbering}` : locale;
}
let arabicNumbering: 'latn' | 'arab' = 'latn';

/**
 * Which digits Arabic is written with, for the whole process (ARABIC_DIGITS, read once at start-up:
 * one deployment, one administration's habit): `western` (the default) or `arabic`.
 */
export function useArabicDigits(digits: 'western' | 'arabic'): void {
  arabicNumbering = digits === 'arabic' ? 'arab' : 'latn';
  FORMATS.ar = arabicFormats(arabicNumbering);
}

export const DEFAULT_LOCALE: Locale = 'fr';

/** Each language named in itself, as a language switch names them (the same on every page). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { fr: 'Français', en: 'English', ar: 'العربية' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type Params = Readonly<Record<string, string | number>>;

/** Arabic letters: a value without them (a French title, an edition "2008-07"), put into a right-to-left sentence, is isolated. */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/** A URL or an e-mail address: one word holding "://" or "@". */
const LINK = /^\S*(:\/\/|@)\S*$/;

export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[locale][key] ?? fr[key];
  const rtl = DIRECTIONS[locale] === 'rtl';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatNumber(locale, value);
    // a French title in an Arabic sentence keeps its own order (FSI … PDI, the text's <bdi>); not a
    // link nor an address, which a mail reader would take with the invisible marks and break
    return rtl && value !== '' && !ARABIC.test(value) && !LINK.test(value) ? `\u2068${value}\u2069` : value;
  });
}

/** Keys whose plural pair exists: `common.projects` for `common.projects.one` / `.other`. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** The plural forms a translation may add to a pair (Arabic has all six of CLDR). */
export type PluralKey = `${PluralBase}.${PluralForm}`;

/** Which plural form a count takes in the locale, by CLDR's rules (a catalogue may lack all but `.one` and `.other`). */
export function pluralOf(locale: Locale, count: number): PluralForm {
  return FORMATS[locale].plural(count);
}

/** The count's plural form by the locale's CLDR rules; a form the catalogue lacks reads as `.other`. */
export function tn(locale: Locale, base: PluralBase, count: number, params: Params = {}): string {
  const form = FORMATS[locale].plural(count);
  const key = `${base}.${form}`;
  const chosen = (key in CATALOGUES[locale] || key in fr ? key : `${base}.other`) as MessageKey;
  return t(locale, chosen, { count, ...params });
}

/** A label from a family of keys (`status.`, `kind.`…), or the raw value when the catalogue lacks it. */
export function label(locale: Locale, prefix: string, value: string): string {
  return phrase(locale, prefix, value) ?? value;
}

/** A record field's name (`executive.name`, `contacts[1].role` → its last segment's when the path has none of its own), else the path itself. */
export function fieldLabel(locale: Locale, path: string): string {
  return phrase(locale, 'field', path) ?? phrase(locale, 'field', path.split('.').pop() ?? '') ?? path;
}

/** A phrase of a family of keys (`report.note.`…) with its values, or undefined when the catalogue lacks it. */
export function phrase(locale: Locale, prefix: string, key: string, params: Params = {}): string | undefined {
  const full = `${prefix}.${key}`;
  return full in CATALOGUES[locale] || full in fr ? t(locale, full as MessageKey, params) : undefined;
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  return DIRECTIONS[locale];
}

/** A language's formats, for what the helpers here do not cover (a chart's compact ticks). */
export function formatsOf(locale: Locale): Formats {
  return FORMATS[locale];
}

/** Items of a list in a sentence, with the language's comma ("page 13, rubrique …"; Arabic "،"). */
export function formatList(locale: Locale, items: readonly string[]): string {
  return items.join(t(locale, 'common.listSeparator'));
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
