/** The statistics page's HTML: each chart as SVG beside its table, a CSV per table. */
import { countBars, domainBars } from '../../../stats/charts.js';
import type { CensusStats } from '../../../stats/model.js';
import type { StatisticsView } from './data.js';
import { html, type SafeHtml } from '../../html.js';
import { countedLabel, funderKindLabel } from '../../i18n/codes.js';
import { tn, type MessageKey } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { domainText, scrollTable, labelled } from '../../render/parts.js';
import { chartWithTable, claimVerdict, csvLink, padComparison, statsLabels, eurTotal, formatAmount, formatCount, formatEur, rateNote } from './parts.js';

/** Funders listed on the page (the CSV has them all): a census of 100 000 partnerships names thousands, 1.6 MB of table. */
export const FUNDERS_SHOWN = 200;

function moneyRows(what: string, side: string, total: CensusStats['budgets']['total'], c: RenderContext): SafeHtml {
  const currencies = total.byCurrency.map((m) => formatAmount(m.amount, m.currency)).join(' + ') || '—';
  return html`<tr><th scope="row">${what}</th><td>${side}</td><td class="num">${formatCount(total.count)}${total.approximateCount > 0 ? html` <span class="muted">(${labelled(c, c.t('stats.money.approxEur').toLowerCase(), formatCount(total.approximateCount))})</span>` : ''}</td><td class="num">${currencies}</td><td class="num">${formatEur(total.eur)}</td><td class="num">${total.approximateEur > 0 ? `≈ ${formatEur(total.approximateEur)}` : '—'}</td></tr>`;
}

export function renderStatistics(v: StatisticsView, c: RenderContext): RenderedPage {
  const { t, locale } = c;
  const query = c.url.includes('?') ? c.url.slice(c.url.indexOf('?') + 1) : '';
  const filtered = v.scope.filtered;
  const heading = filtered ? t('stats.heading.filtered') : t('stats.heading');
  const scope = filtered
    ? html`<div class="notice"><p>${searchScope(v, c)}</p><p><a href="${paths.search(query)}">${t('stats.filtered.back')}</a> · <a href="${paths.statistics()}">${t('stats.filtered.all')}</a></p></div>`
    : '';
  const claim = v.partnershipsByDecade.claim;
  const labels = statsLabels(locale);
  const partnershipsLabel = t('map.col.partnerships');
  const projectsLabel = t('home.figures.projects');

  const decades = html`<section aria-labelledby="decennies"><h2 id="decennies">${t('stats.decades')}</h2>
${chartWithTable(c, { id: 'chart-decades', title: t('stats.decades'), description: t('stats.decades.desc'), bars: countBars(v.partnershipsByDecade.rows, labels.decade), orientation: 'vertical', valueLabel: partnershipsLabel, labelHeader: t('facet.decade') })}
${filtered
  ? html`<p class="claim">${t('stats.claim.wholeOnly')} <a href="${paths.statistics()}#decennies">${t('stats.filtered.all')}</a></p>`
  : claim
    ? html`<div class="claim"><h3>${t('stats.claim')}</h3><blockquote><p>${claim.text}</p></blockquote><p><strong>${claim.agrees ? t('stats.claim.agrees') : t('stats.claim.disagrees')}</strong> ${claimVerdict(locale, claim)}</p></div>`
    : ''}
${csvLink('partenariats-par-decennie', c)}</section>`;

  const kinds = html`<section aria-labelledby="types"><h2 id="types">${t('stats.kinds')}</h2>
${v.partnershipsByKind.map(
  (side) => html`<h3>${labels.country(side.country)}</h3>${chartWithTable(c, {
    id: `chart-kinds-${side.country || 'x'}`,
    title: t('stats.kinds.side', { side: labels.country(side.country) }),
    description: t('stats.kinds.desc'),
    bars: countBars(side.rows, labels.kind),
    orientation: 'horizontal',
    valueLabel: partnershipsLabel,
    labelHeader: t('stats.col.kind'),
  })}`,
)}
${csvLink('partenariats-par-type-de-collectivite', c)}</section>`;

  const domainSection = (id: string, title: string, description: string, rows: CensusStats['partnershipsByDomain'], valueLabel: string, table: 'partenariats-par-domaine' | 'projets-par-domaine') => {
    const tops = rows.filter((r) => r.parent === null);
    const sub = scrollTable(
      `${title} — ${t('stats.subdomains')}`,
      html`<table class="stats-table"><caption>${title} — ${t('stats.subdomains')}</caption><thead><tr><th scope="col">${t('stats.col.domain')}</th><th scope="col">${t('stats.subdomains')}</th><th scope="col" class="num">${valueLabel}</th></tr></thead><tbody>${rows.map(
        (r) =>
          r.parent === null
            ? html`<tr><th scope="row"><a href="${paths.domain(r.code)}">${domainText(r, c)}</a></th><td></td><td class="num">${formatCount(r.count)}</td></tr>`
            : html`<tr><td></td><th scope="row"><a href="${paths.domain(r.code)}">${domainText(r, c)}</a></th><td class="num">${formatCount(r.count)}</td></tr>`,
      )}</tbody></table>`,
    );
    return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>
${chartWithTable(c, { id: `chart-${id}`, title, description, bars: domainBars(tops), orientation: 'horizontal', valueLabel, labelHeader: t('stats.col.domain') })}
<details><summary>${t('stats.subdomains')}</summary>${sub}</details>
${csvLink(table, c)}</section>`;
  };

  const status = html`<section aria-labelledby="etats"><h2 id="etats">${t('stats.status')}</h2>
${chartWithTable(c, { id: 'chart-status', title: t('stats.status'), description: t('stats.status.desc'), bars: countBars(v.projectsByStatus, labels.status), orientation: 'vertical', valueLabel: projectsLabel, labelHeader: t('pad.status'), spoken: (bar) => countedLabel(locale, 'status', bar.key, bar.value) })}
${csvLink('projets-par-etat', c)}</section>`;

  const all = t('stats.money.all');
  const money = html`<section aria-labelledby="montants"><h2 id="montants">${t('stats.money')}</h2>
${rateNote(v.rate, c)}
<p>${t('stats.money.approx')}</p>
${scrollTable(
  t('stats.money'),
  html`<table class="stats-table money"><caption class="visually-hidden">${t('stats.money')}</caption><thead><tr><th scope="col">${t('stats.money.what')}</th><th scope="col">${t('stats.money.side')}</th><th scope="col" class="num">${t('stats.money.count')}</th><th scope="col" class="num">${t('stats.money.currency')}</th><th scope="col" class="num">${t('stats.money.eur')}</th><th scope="col" class="num">${t('stats.money.approxEur')}</th></tr></thead><tbody>
${moneyRows(t('stats.money.budgets'), all, v.budgets.total, c)}
${v.budgets.bySide.map((s) => moneyRows(t('stats.money.budgets'), labels.country(s.country), s.total, c))}
${moneyRows(t('stats.money.costs'), all, v.projectCosts.total, c)}
${moneyRows(t('stats.money.padCosts'), all, v.pad.totalCost, c)}
${moneyRows(t('stats.money.padTotal'), all, v.pad.padTotal, c)}
</tbody></table>`,
)}
<p class="muted">${t('stats.money.note')}</p>
<p>${t('stats.money.withCost', { with: formatCount(v.projectCosts.withCost), without: formatCount(v.projectCosts.withoutCost) })}</p>
${csvLink('montants', c)}</section>`;

  const topFunders = v.funders.filter((f) => f.total.eur > 0).slice(0, 15);
  const funders = html`<section aria-labelledby="financeurs"><h2 id="financeurs">${t('stats.funders')}</h2>
${rateNote(v.rate, c)}
${topFunders.length > 0 ? chartWithTable(c, { id: 'chart-funders', title: t('stats.funders'), description: t('stats.funders.desc'), bars: topFunders.map((f) => ({ key: f.key, label: f.funder, value: Math.round(f.total.eur) })), orientation: 'horizontal', valueLabel: t('stats.money.eur'), labelHeader: t('stats.funders.funder') }) : ''}
${scrollTable(
  t('stats.funders'),
  html`<table class="stats-table"><caption>${t('stats.funders')}</caption><thead><tr><th scope="col">${t('stats.funders.funder')}</th><th scope="col" class="num">${t('stats.funders.lines')}</th><th scope="col" class="num">${t('stats.funders.withAmount')}</th><th scope="col" class="num">${t('stats.money.currency')}</th><th scope="col" class="num">${t('stats.money.eur')}</th></tr></thead><tbody>${v.funders.slice(0, FUNDERS_SHOWN).map(
    (f) =>
      html`<tr><th scope="row">${f.collectivityId !== null ? html`<a href="${paths.collectivity(f.collectivityId)}">${f.funder}</a>` : f.funder}</th><td class="num">${formatCount(f.lines)}</td><td class="num">${formatCount(f.linesWithAmount)}</td><td class="num">${f.total.byCurrency.map((m) => formatAmount(m.amount, m.currency)).join(' + ') || '—'}</td><td class="num">${f.total.count > 0 ? eurTotal(f.total) : '—'}</td></tr>`,
  )}</tbody></table>`,
)}
${v.funders.length > FUNDERS_SHOWN ? html`<p class="muted">${t('list.shown', { shown: FUNDERS_SHOWN, total: v.funders.length })} ${t('stats.funders.all')}</p>` : ''}
${csvLink('financeurs', c)}
${scrollTable(
  t('stats.funderKinds'),
  html`<table class="stats-table"><caption>${t('stats.funderKinds')}</caption><thead><tr><th scope="col">${t('stats.funders.kind')}</th><th scope="col" class="num">${t('stats.funderKinds.funders')}</th><th scope="col" class="num">${t('stats.funders.lines')}</th><th scope="col" class="num">${t('stats.money.eur')}</th></tr></thead><tbody>${v.funderKinds.map(
    (k) => html`<tr><th scope="row">${funderKindLabel(c.locale, k.kind)}</th><td class="num">${formatCount(k.funders)}</td><td class="num">${formatCount(k.lines)}</td><td class="num">${k.total.count > 0 ? eurTotal(k.total) : '—'}</td></tr>`,
  )}</tbody></table>`,
)}</section>`;

  const pad = html`<section aria-labelledby="pad"><h2 id="pad">${t('stats.pad')}</h2>
<p>${t('pad.intro', { count: formatCount(v.pad.count) })} ${padComparison(locale, v.pad, v.scope.filtered)}</p>
<p><a href="${paths.pad()}">${t('stats.pad.link')}</a></p>
${csvLink('projets-pad', c)}</section>`;

  const body = html`<h1>${heading}</h1>
<p class="lead">${t('stats.intro', { partnerships: tn(locale, 'common.partnerships', v.scope.partnerships), projects: tn(locale, 'common.projects', v.scope.projects) })}</p>
${scope}
${decades}
${kinds}
${domainSection('domaines-partenariats', t('stats.pdomains'), t('stats.pdomains.desc'), v.partnershipsByDomain, partnershipsLabel, 'partenariats-par-domaine')}
${status}
${domainSection('domaines-projets', t('stats.jdomains'), t('stats.jdomains.desc'), v.projectsByDomain, projectsLabel, 'projets-par-domaine')}
${money}
${funders}
${pad}`;
  return { title: heading, breadcrumbs: [{ href: paths.statistics(), label: t('stats.title') }], body };
}

/**
 * What the statistics of a search are of, in words: « eau » ; Domaine : Culture — 29 résultats :
 * 16 projets, 10 partenariats, 3 collectivités; then what the figures count.
 */
function searchScope(v: StatisticsView, c: RenderContext): string {
  const { t, locale } = c;
  const search = v.search;
  if (search === undefined) return t('stats.filtered.plain');
  const asked = [
    ...(search.q.trim() === '' ? [] : [t('stats.filtered.words', { q: search.q.trim() })]),
    ...search.filters.map((f) => t('common.labelled', { label: t(`facet.${f.facet}` as MessageKey), text: f.label })),
  ].join(t('common.clauseSeparator'));
  const found = [
    search.found.project > 0 ? tn(locale, 'common.projects', search.found.project) : '',
    search.found.partnership > 0 ? tn(locale, 'common.partnerships', search.found.partnership) : '',
    search.found.collectivity > 0 ? tn(locale, 'common.collectivities', search.found.collectivity) : '',
  ].filter((part) => part !== '');
  return t('stats.filtered', {
    search: asked,
    results: tn(locale, 'stats.filtered.results', search.total),
    found: found.join(t('common.listSeparator')) || '—',
    projects: tn(locale, 'common.projects', v.scope.projects),
    partnerships: tn(locale, 'common.partnerships', v.scope.partnerships),
  });
}
