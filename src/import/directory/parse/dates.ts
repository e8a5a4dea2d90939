/**
 * Readers for the dates of the 2008 directory: the "Date :" lines of the legal framework
 * ("Votée le 26 mars 1998, signée le 29 avril 1998 à Oujda.") and the period that ends many
 * project titles ("… (débuté le 9 juillet 2007 - 24 mois) - Cofinancement PAD").
 *
 * Dates keep the precision they are written with: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
 * Every year is found by one linear scan; the month and days written before it are read from a
 * short slice that ends at the year, so no expression ever runs over an unbounded input.
 */
import { foldText } from '../../../text/fold.js';

/** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' (schema pattern ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$) */
export type PartialDate = string;
export interface DateMatch {
  date: PartialDate;
  index: number;
  end: number;
}
export interface Period {
  /** the text inside the parenthesis, trimmed */
  periodText: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  durationMonths?: number;
}

const SP = '[ \\u00A0\\u202F]';
/** Full names and the abbreviations met in the document ("déc.", "févr.", "sept."); accents optional. */
const MONTH =
  '(?:janvier|janv|f[ée]vrier|f[ée]vr|f[ée]v|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|septembre|sept|sep|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c)';
/** "1er", "1^{er}" (the converter's superscript), "1ᵉʳ". */
const ORD = `(?:${SP}?(?:er|\\^\\{er\\}|\\^er|ᵉʳ))?`;

/**
 * A year 1900–2099 standing alone. Refused: part of a longer number ("13100", "2.000"), a
 * thousands group ("2 000 000" has none, but "1 2000" would), or an amount or a count
 * ("2000 €", "2000 habitants") — those belong to the money reader.
 */
const YEAR = new RegExp(
  `(?<![\\d.])(?<!\\d${SP})(?:19|20)\\d\\d(?!\\d|\\.\\d|${SP}\\d{3}(?!\\d))` +
    `(?!${SP}?[€%]|${SP}{0,3}(?:euros?|eur|dhs?|dirhams?|mad|habitants?)(?!\\p{L}))`,
  'gu',
);

/**
 * What may stand right before a year: "[d1 [m0] au|-] d month", "month1/month2", or "month".
 * Applied to a slice that ends at the year, hence the `$`.
 */
const BEFORE_YEAR = new RegExp(
  `(?:(?:(?<!\\d)(?<d1>\\d{1,2})${ORD}(?:${SP}+(?<m0>${MONTH})\\.?)?\\s*(?:au|à|-|–|et)\\s*)?` +
    `(?<!\\d)(?<d>\\d{1,2})${ORD}\\s+)?` +
    `(?:(?<!\\p{L})(?<m1>${MONTH})\\.?\\s*(?:[/\\-–]|à|au|et)\\s*)?` +
    `(?<!\\p{L})(?<m>${MONTH})\\.?\\s+$`,
  'diu',
);
const BEFORE_YEAR_REACH = 60;

/** 26/11/1999, 15/07/02. Two-digit years are read as 20YY up to 30, else 19YY (the document is from 2008). */
const NUMERIC = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function monthNumber(word: string): number {
  const w = foldText(word);
  if (w.startsWith('juil')) return 7; // "jui" alone would be read as juin
  const keys = ['jan', 'fev', 'mar', 'avr', 'mai', 'jui', '(juil)', 'aou', 'sep', 'oct', 'nov', 'dec'];
  return keys.indexOf(w.slice(0, 3)) + 1;
}

function ymd(year: string, month?: string, day?: string): PartialDate {
  if (month === undefined) return year;
  const ym = `${year}-${pad2(monthNumber(month))}`;
  const d = day === undefined ? 0 : Number(day);
  return d >= 1 && d <= 31 ? `${ym}-${pad2(d)}` : ym;
}

/** The dates written just before `year` (which starts at `at`), the year's own date last. */
function datesEndingAt(text: string, at: number, year: string, yearEnd: number): DateMatch[] {
  const from = Math.max(0, at - BEFORE_YEAR_REACH);
  const m = BEFORE_YEAR.exec(text.slice(from, at));
  const g = m?.groups;
  const ix = m?.indices?.groups;
  if (!g || !ix) return [{ date: year, index: at, end: yearEnd }];
  const pos = (span: [number, number] | undefined): [number, number] => [from + (span?.[0] ?? 0), from + (span?.[1] ?? 0)];
  const out: DateMatch[] = [];
  if (g.m1 !== undefined) {
    // "Novembre/décembre 2005": each month gets its own date; a day written first goes with the first month
    const [s] = pos(g.d !== undefined ? ix.d : ix.m1);
    out.push({ date: ymd(year, g.m1, g.d), index: s, end: pos(ix.m1)[1] });
    out.push({ date: ymd(year, g.m), index: pos(ix.m)[0], end: yearEnd });
    return out;
  }
  if (g.d1 !== undefined) {
    // "12 au 19 janvier 2001", "28 février au 3 mars 2006": the first day shares the year (and the month unless it has its own)
    const [s, e] = pos(ix.d1);
    out.push({ date: ymd(year, g.m0 ?? g.m, g.d1), index: s, end: g.m0 !== undefined ? pos(ix.m0)[1] : e });
  }
  const start = pos(g.d !== undefined ? ix.d : ix.m)[0];
  out.push({ date: ymd(year, g.m, g.d), index: start, end: yearEnd });
  return out;
}

/** Every date written in `text`, in order of appearance, at the precision it is written with. */
export function findDates(text: string): DateMatch[] {
  const numeric: DateMatch[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const [, d, mo, y] = m as unknown as [string, string, string, string];
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) continue;
    const year = y.length === 4 ? y : String((Number(y) <= 30 ? 2000 : 1900) + Number(y));
    numeric.push({ date: `${year}-${pad2(Number(mo))}-${pad2(Number(d))}`, index: m.index, end: m.index + m[0].length });
  }
  const inNumeric = (i: number): boolean => numeric.some((n) => i >= n.index && i < n.end);
  const worded: DateMatch[] = [];
  for (const y of text.matchAll(YEAR)) {
    if (inNumeric(y.index)) continue; // the "1999" of "26/11/1999" is already read
    worded.push(...datesEndingAt(text, y.index, y[0], y.index + y[0].length));
  }
  return [...numeric, ...worded].sort((a, b) => a.index - b.index);
}

/** 'YYYY' sorts as YYYY-01-01 and 'YYYY-MM' as YYYY-MM-01, as the brief asks. */
const sortKey = (d: PartialDate): string => (d + '-01-01').slice(0, 10);

function earliest(dates: readonly PartialDate[]): PartialDate | undefined {
  return dates.reduce<PartialDate | undefined>((best, d) => (best === undefined || sortKey(d) < sortKey(best) ? d : best), undefined);
}
function latest(dates: readonly PartialDate[]): PartialDate | undefined {
  return dates.reduce<PartialDate | undefined>((best, d) => (best === undefined || sortKey(d) > sortKey(best) ? d : best), undefined);
}

/** The earliest date in `text` by calendar, returned at its written precision. */
export function earliestDate(text: string): PartialDate | undefined {
  return earliest(findDates(text).map((m) => m.date));
}

const NUMBER_WORDS: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, dix: 10 };
const DURATION = /(?<![\p{L}\d])(\d{1,3}|un|une|deux|trois|quatre|cinq|six|dix)\s*(mois|ans?|années?)(?!\p{L})/iu;
/** Words after which the dates are end dates ("…, achevé le 27 septembre 2007"). */
const END_WORD = /achev|termin|cl[ôo]tur|jusqu/iu;

function readDuration(text: string): { months: number; index: number; end: number } | undefined {
  const m = DURATION.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const n = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  return { months: /^mois$/i.test(m[2]) ? n : n * 12, index: m.index, end: m.index + m[0].length };
}

/**
 * The period written inside a title's trailing parenthesis. Dates after an end word
 * ("achevé", "terminé", "jusqu'à") are end dates; otherwise the earliest date starts the period
 * and the latest, if different, ends it ("2006-2009", "juillet 2005, août 2006").
 */
export function readPeriod(text: string): Period {
  const period: Period = { periodText: text.trim() };
  const starts: PartialDate[] = [];
  const ends: PartialDate[] = [];
  let previousEnd = 0;
  let inEnd = false;
  for (const d of findDates(text)) {
    inEnd ||= END_WORD.test(text.slice(previousEnd, d.index));
    (inEnd ? ends : starts).push(d.date);
    previousEnd = d.end;
  }
  const start = earliest(starts);
  const end = ends.length > 0 ? latest(ends) : starts.length > 1 ? latest(starts) : undefined;
  if (start !== undefined) period.startDate = start;
  if (end !== undefined && end !== start) period.endDate = end;
  const duration = readDuration(text);
  if (duration) period.durationMonths = duration.months;
  return period;
}

/** Words (accents removed) that may surround the dates of a period expression and nothing else. */
const PERIOD_WORDS = new Set(
  ('debute debutee debutes debutees demarre acheve achevee acheves achevees termine terminee termines ' +
    'organise organisee organises organisees realise realisee realises realisees prevu prevue prevus prevues pour ' +
    'en le les l du au aux a de d des depuis jusqu aujourd hui fin debut mi courant vers et puis ou bilan ' +
    'mois an ans annee annees duree sur un une deux trois quatre cinq six dix environ er e ' +
    'printemps ete automne hiver')
    .split(' '),
);

/** True if a parenthesised text is only a period or date expression ("2006-2009", "débuté en 2005", "2 ans"). */
export function looksLikePeriod(text: string): boolean {
  const spans: Array<{ index: number; end: number }> = findDates(text);
  const duration = readDuration(text);
  if (duration) spans.push(duration);
  if (spans.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.index - b.index)) {
    rest += text.slice(at, Math.max(at, s.index)) + ' ';
    at = Math.max(at, s.end);
  }
  rest += text.slice(at);
  const words = foldText(rest).split(/[^\p{L}\d]+/u);
  return words.every((w) => w === '' || /^\d+$/.test(w) || PERIOD_WORDS.has(w));
}

/** The PAD co-financing mention that follows some titles; matched on a short tail only. */
const PAD_TAIL = /[-–—]\s*Cofinancement\s+PAD$/iu;
const DASHES = '-–—';

function trimEndOf(s: string, chars: string): string {
  let i = s.length;
  while (i > 0 && (chars.includes(s[i - 1] ?? '') || /\s/u.test(s[i - 1] ?? ''))) i--;
  return s.slice(0, i);
}

/** Index of the "(" that opens the ")" ending `s`, or -1 (unbalanced or no parenthesis). */
function openingParen(s: string): number {
  if (!s.endsWith(')')) return -1;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Splits "Title (period) - Cofinancement PAD" into the bare title, the period and the PAD flag.
 * A dangling " -" (the PAD mention wrapped onto the next line) is dropped too; padCofinanced then
 * stays false, because this line alone does not say it. Anything else in parentheses stays.
 */
export function splitTrailingPeriod(title: string): { title: string; period?: Period; padCofinanced: boolean } {
  let t = title.trim();
  let padCofinanced = false;
  let period: Period | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const tail = t.slice(-40);
    const pad = PAD_TAIL.exec(tail);
    if (pad) {
      padCofinanced = true;
      t = t.slice(0, t.length - tail.length + pad.index);
    }
    t = trimEndOf(t, DASHES);
    if (period !== undefined) break;
    const core = trimEndOf(t, '.;,'); // "(2003-2004) ;" in list-like titles
    const open = openingParen(core);
    if (open < 0 || !looksLikePeriod(core.slice(open + 1, -1))) break;
    period = readPeriod(core.slice(open + 1, -1));
    t = core.slice(0, open).trimEnd();
  }
  return period === undefined ? { title: t, padCofinanced } : { title: t, period, padCofinanced };
}
