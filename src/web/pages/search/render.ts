/** The search page's HTML: the form, the active filters, the facets as checkbox links, hits, pages. */
import { html, raw, type SafeHtml } from '../../html.js';
import { facetHeading } from '../../i18n/codes.js';
import { tn, type MessageKey } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { notices, padBadge, pagination, partialDate, source, printed } from '../../render/parts.js';
import { mapSection } from '../../maps/map.js';
import { exportForm } from '../../export/form.js';
import type { HitView, SearchView } from './data.js';

/** Facets whose values are the directory's words (its domains, regions, funders), not the catalogue's. */
const PRINTED_FACETS: ReadonlySet<string> = new Set(['domain', 'region', 'funder']);

export function renderSearch(v: SearchView, c: RenderContext): RenderedPage {
  const { t } = c;
  const title = v.query.q.trim() === '' ? t('searchPage.title') : t('searchPage.titleWith', { q: v.query.q });
  const hidden = Object.entries(v.query.filters).flatMap(([facet, values]) => values.map((value) => html`<input type="hidden" name="${facet}" value="${value}">`));

  const form = html`<form class="search-form" role="search" aria-label="${t('searchPage.form')}" method="get" action="${paths.search()}">
<label for="search-q">${t('search.label')}</label>
<input id="search-q" name="q" type="search" value="${v.query.q}" maxlength="500" aria-describedby="search-help">
${hidden}${v.query.sort === 'relevance' ? '' : html`<input type="hidden" name="sort" value="${v.query.sort}">`}
<button type="submit">${t('search.submit')}</button>
<p id="search-help" class="search-help">${t('searchPage.help')}</p>
</form>`;

  const sortForm = html`<form class="sort-form" method="get" action="${paths.search()}" data-autosubmit>
${v.query.q === '' ? '' : html`<input type="hidden" name="q" value="${v.query.q}">`}${hidden}
<label for="sort">${t('searchPage.sort')}</label>
<select id="sort" name="sort">${v.sorts.map(
    (s) => html`<option value="${s.value}"${s.current ? html` selected` : ''}>${t(`searchPage.sort.${s.value}` as MessageKey)}</option>`,
  )}</select>
<button type="submit">${t('searchPage.facet.apply')}</button>
</form>`;

  const selected =
    v.selected.length === 0
      ? ''
      : html`<div class="selected"><h2 class="visually-hidden">${t('searchPage.selected')}</h2><ul class="chips">${v.selected.map(
          (s) => html`<li><a href="${s.removeHref}" aria-label="${t('searchPage.facet.remove', { label: s.label })}">${s.label} <span aria-hidden="true">×</span></a></li>`,
        )}<li><a href="${v.clearHref}">${t('searchPage.clear')}</a></li></ul></div>`;

  const facets = html`<aside class="facets" aria-labelledby="facets-title"><h2 id="facets-title">${t('searchPage.facets')}</h2>${v.facets.map(
    (facet) => html`<section class="facet"><h3>${facetHeading(c.locale, facet.name, v.countries)}</h3><ul>${facet.values.map(
      (value) => html`<li${value.parent ? html` class="child"` : ''}><a href="${value.href}" role="checkbox" aria-checked="${value.selected ? 'true' : 'false'}" class="facet-value${
        value.selected ? ' selected' : ''
      }"><span class="box" aria-hidden="true"></span>${PRINTED_FACETS.has(facet.name) && value.printedLabel === undefined ? source(value.label, c) : value.label} <span class="count">${value.count}</span></a></li>`,
    )}</ul></section>`,
  )}</aside>`;

  const hits =
    v.hits.length === 0
      ? html`<div class="no-results"><p>${t('searchPage.none')}</p>${
          v.suggestions.length === 0
            ? ''
            : html`<p>${t('searchPage.suggestions')}</p><ul>${v.suggestions.map((s) => html`<li><a href="${s.href}">${s.text}</a></li>`)}</ul>`
        }</div>`
      : html`<ol class="hits">${v.hits.map((hit) =>
          hitItem(hit, c, {
            kicker: hit.padCofinanced ? html` ${padBadge(c)}` : '',
            subtitle: hit.partnershipHref ? html`<a href="${hit.partnershipHref}">${source(hit.subtitle, c)}</a>` : source(hit.subtitle, c),
          }),
        )}</ol>`;

  // The results come first in the document (and in the keyboard's order); the facets follow, and a
  // link at the top of the results leads to them. On wide screens the grid shows the facets on the left.
  const body = html`<h1>${title}</h1>
${form}
${notices(v.notices)}
<div class="search-layout">
<section class="results" aria-labelledby="results-title">
<h2 id="results-title" class="visually-hidden">${t('searchPage.resultsHeading')}</h2>
<p class="summary">${tn(c.locale, 'searchPage.results', v.total)} <span class="muted">${t('searchPage.took', { ms: Math.round(v.tookMs) })}</span>${
    v.facets.length === 0 ? '' : html` <a class="to-facets" href="#facets-title">${t('searchPage.toFacets')}</a>`
  }</p>
${selected}
${sortForm}
${hits}
${pagination(v.pagination, c)}
</section>
${v.facets.length === 0 ? '' : facets}
</div>
${exportForm(v.query, v.total, c, v.countries)}
${v.total > 0 ? html`<p class="to-statistics"><a href="${paths.statistics(statisticsQuery(v))}">${t('search.statistics')}</a></p>` : ''}
${v.map === undefined ? '' : html`<section class="results-map" aria-labelledby="results-map-title"><h2 id="results-map-title">${t('search.map')}</h2>${mapSection(v.map, c, { id: 'carte-resultats', title: t('search.map.title'), description: t('search.map.description') })}</section>`}`;
  return { title, breadcrumbs: [{ href: paths.search(), label: t('searchPage.title') }], body };
}

/** A hit of a results page: its kind and date (and `kicker`), its title linked to its page, its subtitle, the excerpt that matched. */
export function hitItem(hit: HitView, c: RenderContext, extra: { kicker?: SafeHtml | string; subtitle?: SafeHtml | string } = {}): SafeHtml {
  return html`<li class="hit hit-${hit.type}"><p class="kicker">${c.t(`searchPage.type.${hit.type}` as MessageKey)}${hit.date ? html` · ${partialDate(hit.date, c)}` : ''}${extra.kicker ?? ''}</p><h3><a href="${hit.href}">${source(hit.title, c)}</a></h3>${
    hit.subtitle === '' ? '' : html`<p class="subtitle">${extra.subtitle ?? source(hit.subtitle, c)}</p>`
  }<p class="excerpt"${printed(c)}>${raw(hit.excerptHtml)}</p></li>`;
}

/** The search's text and filters, for the statistics of its results. */
function statisticsQuery(v: SearchView): string {
  const params = new URLSearchParams();
  if (v.query.q.trim() !== '') params.append('q', v.query.q);
  for (const [facet, values] of Object.entries(v.query.filters)) for (const value of values) params.append(facet, value);
  return params.toString();
}
