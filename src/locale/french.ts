/**
 * French numbers, sums, shares and dates, written out rather than asked of ICU: the first
 * `Intl.NumberFormat` or `Intl.DateTimeFormat` of a process maps about 6 MB of ICU's locale data
 * into the server's memory for good (ADR 0006), for a few rules that fit here. They are ICU's
 * rules for `fr` (CLDR), and `french.test.ts` holds them to `Intl`'s output:
 * - digits grouped by three with a narrow no-break space (U+202F), a decimal comma;
 * - rounding half away from zero on the number's shortest decimal form (0.1235 → 0,124);
 * - a no-break space (U+00A0) before a currency symbol, a percent sign or a compact unit.
 */
import { intlFormats, type Digits, type Formats } from './formats.js';

const GROUP = '\u202f';
const SPACE = '\u00a0';
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** The symbols French writes for the currencies of the census; any other is ICU's (`Intl`). */
const CURRENCIES: Readonly<Record<string, string>> = { EUR: '€', MAD: 'MAD', USD: '$US', GBP: '£GB', CHF: 'CHF', CAD: '$CA' };
/** Compact notation's levels: none, k, M, Md (milliard), Bn (billion). */
const LEVELS = [
  { exponent: 0, unit: '' },
  { exponent: 3, unit: 'k' },
  { exponent: 6, unit: 'M' },
  { exponent: 9, unit: 'Md' },
  { exponent: 12, unit: 'Bn' },
] as const;

/** A non-negative finite number as its shortest decimal digits and where the point falls among them. */
interface Decimal {
  digits: string;
  point: number;
}

function decimal(abs: number): Decimal {
  // toExponential() without an argument gives the shortest digits that read back as the same number
  const [mantissa = '0', exponent = '0'] = abs.toExponential().split('e');
  return { digits: mantissa.replace('.', ''), point: Number(exponent) + 1 };
}

/** `digits` + 1 in the last place ("0999" → "1000"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i -= 1;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${Number(digits[i]) + 1}${'0'.repeat(digits.length - i - 1)}`;
}

/** The integer and fraction digits of `d` rounded half away from zero to `max` fraction digits, at least `min` shown. */
function rounded(d: Decimal, min: number, max: number): { whole: string; fraction: string } {
  let whole = d.point <= 0 ? '0' : d.digits.slice(0, d.point).padEnd(d.point, '0');
  let fraction = d.point >= d.digits.length ? '' : d.digits.slice(Math.max(d.point, 0)).padStart(d.digits.length - d.point, '0');
  if (fraction.length > max) {
    const up = fraction.charCodeAt(max) >= 53; // '5'
    fraction = fraction.slice(0, max);
    if (up) {
      const all = increment(whole + fraction);
      whole = all.slice(0, all.length - max);
      fraction = all.slice(all.length - max);
    }
  }
  fraction = fraction.replace(/0+$/, '').padEnd(min, '0');
  // zero shifted left (a percentage of 0) is "000"
  return { whole: whole.replace(/^0+(?=\d)/, ''), fraction };
}

function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+$)/g, GROUP);
}

function sign(value: number): string {
  return value < 0 || Object.is(value, -0) ? '-' : '';
}

function written(value: number, d: Decimal, min: number, max: number): string {
  const { whole, fraction } = rounded(d, min, max);
  return `${sign(value)}${grouped(whole)}${fraction === '' ? '' : `,${fraction}`}`;
}

function number(value: number, digits: Digits = {}): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return `${sign(value)}∞`;
  return written(value, decimal(Math.abs(value)), digits.min ?? 0, Math.max(digits.max ?? 3, digits.min ?? 0));
}

function compact(value: number): string {
  if (!Number.isFinite(value)) return number(value);
  const d = decimal(Math.abs(value));
  const scaled = (exponent: number) => ({ digits: d.digits, point: d.point - exponent });
  // the level of the number's magnitude, or the next one when rounding carries it over (999 999 is "1 M")
  let level = 0;
  while (level + 1 < LEVELS.length && d.point > LEVELS[level + 1]!.exponent) level += 1;
  if (level + 1 < LEVELS.length && rounded(scaled(LEVELS[level]!.exponent), 0, 1).whole.length > 3) level += 1;
  const { exponent, unit } = LEVELS[level]!;
  const text = written(value, scaled(exponent), 0, 1);
  return unit === '' ? text : `${text}${SPACE}${unit}`;
}

/** ICU's, for the currencies the table above does not know; made when first needed. */
let others: Formats | undefined;

export const frenchFormats: Formats = {
  number,
  money(amount, currency, digits = {}) {
    const symbol = CURRENCIES[currency];
    if (symbol === undefined) return (others ??= intlFormats('fr')).money(amount, currency, digits);
    return `${number(amount, { min: digits.min ?? 0, max: digits.max ?? 2 })}${SPACE}${symbol}`;
  },
  percent(share) {
    if (!Number.isFinite(share)) return `${number(share)}${SPACE}%`;
    const d = decimal(Math.abs(share));
    return `${written(share, { digits: d.digits, point: d.point + 2 }, 0, 1)}${SPACE}%`;
  },
  compact,
  date(year, month, day) {
    if (month === undefined) return String(year);
    const name = MONTHS[month - 1] ?? String(month);
    return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
  },
  dateTime(value) {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${frenchFormats.date(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())} à ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}`;
  },
  // CLDR: "one" when the integer part is 0 or 1
  plural: (count) => (Math.abs(count) < 2 ? 'one' : 'other'),
};
