/**
 * Readers for the amounts, shares and populations printed in the 2008 directory
 * (« Répertoire des partenariats de coopération décentralisée franco-marocains »).
 *
 * The document writes numbers the French way, and not consistently: "2 032 800 Dhs",
 * "816.560 Dhs" (dot = thousands), "82.598,31 Dhs", "136 542€€" (a doubled sign left by the
 * conversion), with normal, no-break or narrow no-break spaces. Everything here is pure and
 * runs in linear time: each regular expression either scans once with a global cursor or is
 * applied to a short, bounded slice, so a hostile line cannot make them backtrack for long.
 */

/** currency is ISO 4217: 'EUR' or 'MAD'. */
export interface Money {
  amount: number;
  currency: string;
  /** true when the document hedges the amount ("environ", "près de", "~", "estimé"…); absent otherwise */
  approximate?: boolean;
  /** the amount as written, e.g. "15 000 €", "1,5 M€" */
  text?: string;
}
export interface AmountMatch {
  money: Money;
  /** position of `money.text` in the input string */
  index: number;
  end: number;
}
export interface ShareMatch {
  share: number;
  index: number;
  end: number;
}

/** Spaces the document uses inside and around numbers (the PDF export mixes NBSP and narrow NBSP). */
const SP = '[ \\u00A0\\u202F]';

/**
 * A French number. Space- or dot-grouped thousands come first so "2 032 800" is read whole;
 * `(?!\d)` refuses to end a group inside a longer digit run ("123 4567"). The lookbehind keeps
 * a match from starting inside a word or another number ("FSP2003", the "874.000" of "2.874.000").
 */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(\\d{1,3}(?:${SP}\\d{3})+|\\d{1,3}(?:\\.\\d{3})+)(?!\\d)|(\\d+))(?:,(\\d+))?`,
  'gu',
);

/**
 * What must follow a number for it to be an amount: an optional multiplier, then a currency
 * token. "M"/"k" only count when a currency sign or word follows them, so "180 m de profondeur"
 * stays a depth. Alphabetic tokens must end the word ("Europe" is not "Euro").
 */
const CURRENCY = new RegExp(
  `${SP}{0,3}(?:(?<mult>[Mk])${SP}?(?=[€ED])|(?<multWord>millions?|milliards?)${SP}+(?:de${SP}+|d['’]${SP}*)?)?` +
    `(?<cur>€{1,2}|(?:euros?|eur|dirhams?|dhs?|mad)(?!\\p{L}))`,
  'iuy',
);

/** Hedging words; the letter guards keep "environnement" from reading as "environ". */
const HEDGE_BEFORE =
  /(?<!\p{L})(?:environ|approximativement|approx\.|près de|estimée?s?|avoisin(?:e|ent|ant|ait)|à titre indicatif)(?!\p{L})|[~≈]/iu;
const HEDGE_AFTER = new RegExp(`${SP}{0,3}(?:environ|approximativement|estimée?s?)(?!\\p{L})`, 'iuy');
/** Characters that close a clause: a hedge before one of them does not reach the amount after it. */
const CLAUSE_BREAK = /[.;()[\]=+/,\n]/g;
/** How far back a hedge may stand ("Il avoisine en moyenne 15 000 €" needs about 25 characters). */
const HEDGE_REACH = 60;

/** For the `defaultCurrency` case only: "… : 6 000 ." — a bare number closing a labelled line. */
const LABEL_BEFORE = new RegExp(`:${SP}*$`, 'u');
const CLOSES_LINE = new RegExp(`${SP}*(?:\\.(?!\\d)|$)`, 'my');
const YEAR_LIKE = /^(?:19|20)\d\d$/;

interface NumberToken {
  value: number;
  index: number;
  end: number;
  /** written without grouping or decimals, e.g. "2007" */
  bare: string | undefined;
}

function* numbers(text: string): Generator<NumberToken> {
  for (const m of text.matchAll(NUMBER)) {
    const digits = (m[1] ?? m[2] ?? '').replace(/\D/g, '');
    const value = Number(m[3] === undefined ? digits : `${digits}.${m[3]}`);
    const bare = m[2] !== undefined && m[3] === undefined ? m[2] : undefined;
    yield { value, index: m.index, end: m.index + m[0].length, bare };
  }
}

function currencyCode(token: string): string {
  return token.startsWith('€') || /^eur/i.test(token) ? 'EUR' : 'MAD';
}

function multiplier(mult: string | undefined, multWord: string | undefined): number {
  if (mult) return mult.toLowerCase() === 'k' ? 1e3 : 1e6;
  if (multWord) return /^milliard/i.test(multWord) ? 1e9 : 1e6;
  return 1;
}

/** Cents are the finest unit printed; rounding hides binary noise such as 82598.31000000001. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

function hedgedBefore(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - HEDGE_REACH), index);
  let start = 0;
  for (const b of window.matchAll(CLAUSE_BREAK)) start = b.index + 1;
  return HEDGE_BEFORE.test(window.slice(start));
}

function hedgedAfter(text: string, end: number): boolean {
  HEDGE_AFTER.lastIndex = end;
  return HEDGE_AFTER.test(text);
}

/** A bare number counts as money only for a caller that says which currency the context implies. */
function defaultAmountEnd(text: string, n: NumberToken): boolean {
  if (n.bare !== undefined && YEAR_LIKE.test(n.bare)) return false; // "Date : 2006."
  if (!LABEL_BEFORE.test(text.slice(Math.max(0, n.index - 8), n.index))) return false;
  CLOSES_LINE.lastIndex = n.end;
  return CLOSES_LINE.test(text);
}

/** Every amount in `text`, in order. A number is an amount only with a currency token after it. */
export function findAmounts(text: string, options?: { defaultCurrency?: string }): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const n of numbers(text)) {
    CURRENCY.lastIndex = n.end;
    const cur = CURRENCY.exec(text);
    let currency: string;
    let end: number;
    let amount = n.value;
    if (cur?.groups?.cur) {
      currency = currencyCode(cur.groups.cur);
      end = CURRENCY.lastIndex;
      amount = n.value * multiplier(cur.groups.mult, cur.groups.multWord);
    } else if (options?.defaultCurrency && defaultAmountEnd(text, n)) {
      currency = options.defaultCurrency;
      end = n.end;
    } else {
      continue;
    }
    const money: Money = { amount: round2(amount), currency, text: text.slice(n.index, end).trim() };
    if (hedgedBefore(text, n.index) || hedgedAfter(text, end)) money.approximate = true;
    found.push({ money, index: n.index, end });
  }
  return found;
}

/** The first amount in `text`, if any. */
export function readAmount(text: string, options?: { defaultCurrency?: string }): Money | undefined {
  return findAmounts(text, options)[0]?.money;
}

/** "30%", "12,5%", "10 %". The second lookbehind keeps "1 000 %" from reading as "000 %". */
const SHARE = new RegExp(`(?<![\\p{L}\\d.,])(?<!\\d${SP})(\\d+)(?:[.,](\\d+))?${SP}?%`, 'gu');

/** Every percentage in `text`, as a fraction (30% → 0.3). */
export function findShares(text: string): ShareMatch[] {
  return [...text.matchAll(SHARE)].map((m) => {
    const percent = Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
    // toFixed trims float noise: 11.17 / 100 would otherwise give 0.11170000000000001
    return { share: Number((percent / 100).toFixed(10)), index: m.index, end: m.index + m[0].length };
  });
}

/**
 * After a number: "habitants", "millions d'habitants", "d'habitants". The heading lines are
 * sometimes cut mid-word ("(2,8 millions d'habita"), so a prefix of "habitants" is accepted when
 * the text ends (or the parenthesis closes) right after it.
 */
const POPULATION_TAIL = new RegExp(
  `${SP}{0,3}(?:(?<mil>millions?)${SP}{0,3})?(?:d['’]${SP}{0,3})?(?<word>h\\p{L}*)?(?<dot>\\.)?`,
  'iuy',
);

/** The first population figure in `text`: "(150 000 habitants)" → 150000, "(4,7 millions d'habitants)" → 4700000. */
export function readPopulation(text: string): number | undefined {
  for (const n of numbers(text)) {
    POPULATION_TAIL.lastIndex = n.end;
    const g = POPULATION_TAIL.exec(text)?.groups;
    if (!g) continue;
    const word = (g.word ?? '').toLowerCase();
    const rest = text.slice(POPULATION_TAIL.lastIndex).trimStart();
    const cut = rest === '' || rest.startsWith(')');
    const ok =
      /^habitants?$/.test(word) ||
      (word === 'hab' && g.dot !== undefined) ||
      ('habitants'.startsWith(word) && cut && (word.length >= 3 || (g.mil !== undefined && word.length > 0)));
    if (ok) return Math.round(n.value * (g.mil ? 1e6 : 1));
  }
  return undefined;
}
