/** Pieces shared by the statistics and PAD pages: charts with their tables, money, CSV links. */
import { barChart, type Bar } from '../../../stats/charts.js';
import type { StatsLabels, StatsTable } from '../../../stats/csv.js';
import type { CensusStats } from '../../../stats/model.js';
import { html, raw, type SafeHtml } from '../../html.js';
import { countryLabel, decadeLabel, kindLabel, statusLabel } from '../../i18n/codes.js';
import { formatsOf, t, tn, type Locale } from '../../i18n/index.js';
import { currentLanguage } from '../../language.js';
import type { RenderContext } from '../../page.js';
import { withoutInlineStyle } from '../../maps/map.js';
import { scrollTable } from '../../render/parts.js';
import { paths } from '../../paths.js';

/** The numbers of the page being drawn, in its language (the request's scope: language.ts). */
const formats = () => formatsOf(currentLanguage());

export function formatCount(n: number): string {
  return formats().number(n);
}

export function formatEur(n: number): string {
  return formats().money(n, 'EUR', { max: 0 });
}

/** An amount in its currency ("150 000 MAD"), marked "≈" when approximate. */
export function formatAmount(amount: number, currency: string, approximate = false): string {
  return `${approximate ? '≈ ' : ''}${formats().number(amount)} ${currency}`;
}

/** The CSV of a table, for the same selection as the page (the URL's query kept). */
export function csvHref(table: StatsTable, url: string): string {
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  return `${paths.statistics()}/${table}.csv${query}`;
}

export function csvLink(table: StatsTable, c: RenderContext): SafeHtml {
  return html`<p class="csv"><a href="${csvHref(table, c.url)}" download>${c.t('stats.csv')}</a> <span class="muted">(${table}.csv)</span></p>`;
}

/** A bar chart (SVG) beside the table of its numbers. */
export function chartWithTable(
  c: RenderContext,
  options: { id: string; title: string; description: string; bars: readonly Bar[]; orientation: 'horizontal' | 'vertical'; valueLabel: string; labelHeader?: string; spoken?: (bar: Bar, formatted: string) => string },
): SafeHtml {
  if (options.bars.length === 0) return html`<p class="muted">${c.t('map.empty')}</p>`;
  const chart = barChart({
    title: options.title,
    description: options.description,
    bars: options.bars,
    orientation: options.orientation,
    valueLabel: options.valueLabel,
    id: options.id,
    format: formatCount,
    compact: formats().compact,
    ...(options.spoken ? { spoken: options.spoken } : {}),
  });
  const table = scrollTable(
    options.title,
    html`<table class="stats-table"><caption class="visually-hidden">${options.title}</caption><thead><tr><th scope="col">${options.labelHeader ?? c.t('stats.col.label')}</th><th scope="col" class="num">${options.valueLabel}</th></tr></thead><tbody>${chart.table.map(
      (r) => html`<tr><th scope="row">${r.label}</th><td class="num">${r.formatted}</td></tr>`,
    )}</tbody></table>`,
  );
  return html`<div class="stats-block"><figure class="chart">${raw(withoutInlineStyle(chart.svg))}</figure>${table}</div>`;
}

/** "1 EUR = 11,4 MAD", for every currency but the euro. */
export function ratesText(rate: CensusStats['rate']): string {
  return Object.entries(rate.perEur)
    .filter(([currency]) => currency !== rate.base)
    .map(([currency, value]) => `1 ${rate.base} = ${formats().number(value)} ${currency}`)
    .join(' ; ');
}

export function rateNote(rate: CensusStats['rate'], c: RenderContext): SafeHtml {
  return html`<p class="rate">${c.t('stats.money.rate', { year: String(rate.year), rates: ratesText(rate), source: rate.source })}</p>`;
}

/** A total in euros, with the share that is approximate. */
export function eurTotal(total: CensusStats['budgets']['total']): string {
  return total.approximateEur > 0 ? t(currentLanguage(), 'stats.money.ofWhichApprox', { total: formatEur(total.eur), approximate: formatEur(total.approximateEur) }) : formatEur(total.eur);
}

/** The labels of the statistics' codes, from the catalogue: the page's and its CSVs' alike. */
export function statsLabels(locale: Locale): StatsLabels {
  return {
    decade: (code) => decadeLabel(locale, code),
    kind: (code) => kindLabel(locale, code),
    status: (code) => statusLabel(locale, code),
    country: (code) => countryLabel(locale, code),
  };
}

/** What the numbers say of the editorial's claim, from its counts: "Les données concordent : 3 dans les années 1980, …". */
export function claimVerdict(locale: Locale, claim: NonNullable<CensusStats['partnershipsByDecade']['claim']>): string {
  const decade = (code: string) => decadeLabel(locale, code).toLowerCase();
  const counts = claim.counts.map((row) => t(locale, 'stats.claim.count', { count: row.count, decade: decade(row.key) })).join(t(locale, 'common.listSeparator'));
  const undated = claim.undated > 0 ? t(locale, 'stats.claim.undated', { count: claim.undated }) : '';
  if (claim.agrees) return t(locale, 'stats.claim.verdict.agrees', { counts, undated });
  if (claim.firstDecade === null) return t(locale, 'stats.claim.verdict.undated', { undated });
  return t(locale, 'stats.claim.verdict.differs', { first: decade(claim.firstDecade), counts, undated });
}

/** How the PAD projects counted compare with what the editorials state (the import report's statements), in words. */
export function padComparison(locale: Locale, pad: Pick<CensusStats['pad'], 'count' | 'statements'>, filtered: boolean): string {
  const projects = tn(locale, 'stats.pad.projects', pad.count);
  if (filtered) return t(locale, 'stats.pad.comparison.filtered', { projects });
  if (pad.statements.length === 0) return t(locale, 'stats.pad.comparison.agrees', { projects });
  const stated = pad.statements
    .map((s) => (s.stated === null ? '?' : formatCount(s.stated)))
    .join(t(locale, 'common.listSeparator'));
  return t(locale, 'stats.pad.comparison.differs', { projects, stated });
}
