/** The search across every directory: the form, the directory facet, the hits with their directory, pages. */
import { html } from '../../html.js';
import { countryLabel } from '../../i18n/codes.js';
import { editionLabel, tn, type MessageKey } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { notices, pagination } from '../../render/parts.js';
import { hitItem } from '../search/render.js';
import type { SearchAllView } from './data.js';

export function renderSearchAll(v: SearchAllView, c: RenderContext): RenderedPage {
  const { t } = c;
  const title = v.query.q.trim() === '' ? t('searchAll.title') : t('searchAll.titleWith', { q: v.query.q });
  const form = html`<form class="search-form" role="search" aria-label="${t('searchAll.form')}" method="get" action="${paths.searchAll()}">
<label for="search-all-q">${t('search.label')}</label>
<input id="search-all-q" name="q" type="search" value="${v.query.q}" maxlength="500" aria-describedby="search-help">
${v.query.sort === 'relevance' ? '' : html`<input type="hidden" name="sort" value="${v.query.sort}">`}
<button type="submit">${t('search.submit')}</button>
<p id="search-help" class="search-help">${t('searchPage.help')}</p>
</form>`;
  const countries = (codes: readonly string[]) => codes.map((code) => countryLabel(c.locale, code)).join(' – ');
  const facet = html`<aside class="facets" aria-labelledby="facets-title"><h2 id="facets-title">${t('searchAll.directories')}</h2><section class="facet"><ul>${v.directories.map(
    (d) => html`<li><a href="${d.href}">${d.title}</a> : ${tn(c.locale, 'searchPage.results', d.count)}<br><span class="muted">${countries(d.countries)}${d.edition === undefined ? '' : `, ${editionLabel(c.locale, d.edition)}`}</span></li>`,
  )}</ul><p class="muted">${t('searchAll.directories.hint')}</p></section></aside>`;
  const sorts = html`<p class="sorts">${t('searchPage.sort')} : ${v.sorts.map((s, i) =>
    html`${i === 0 ? '' : ' · '}${s.current ? html`<strong>${t(`searchPage.sort.${s.value}` as MessageKey)}</strong>` : html`<a href="${s.href}">${t(`searchPage.sort.${s.value}` as MessageKey)}</a>`}`,
  )}</p>`;
  const hits =
    v.hits.length === 0
      ? html`<div class="no-results"><p>${t('searchPage.none')}</p></div>`
      : html`<ol class="hits">${v.hits.map((hit) => hitItem(hit, c, { kicker: html` · <span class="muted">${hit.directory.title}</span>` }))}</ol>`;
  const body = html`<h1>${title}</h1>
${form}
${notices(v.notices)}
<div class="search-layout">
<section class="results" aria-labelledby="results-title">
<h2 id="results-title" class="visually-hidden">${t('searchPage.resultsHeading')}</h2>
<p class="summary">${tn(c.locale, 'searchPage.results', v.total)} <a class="to-facets" href="#facets-title">${t('searchAll.toDirectories')}</a></p>
${sorts}
${hits}
${pagination(v.pagination, c)}
</section>
${facet}
</div>`;
  return {
    title,
    breadcrumbs: [
      { href: paths.directories(), label: t('editions.title') },
      { href: paths.searchAll(), label: t('searchAll.title') },
    ],
    body,
  };
}
