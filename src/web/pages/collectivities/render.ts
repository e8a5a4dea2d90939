/** The collectivities list's HTML. */
import { html } from '../../html.js';
import { label, tn } from '../../i18n/index.js';
import { countryLabel } from '../../i18n/codes.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths, withQuery } from '../../paths.js';
import { collectivityLink, pagination } from '../../render/parts.js';
import { filterBar } from '../partnerships/render.js';
import type { CollectivitiesView } from './data.js';

export function renderCollectivities(v: CollectivitiesView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<h1>${t('collectivities.title')}</h1>
<p>${t('collectivities.intro', { count: v.pagination.total })}</p>
${filterBar(t('collectivities.filter.country'), v.countries, paths.collectivities(), (value) => countryLabel(c.locale, value), c)}
${filterBar(t('collectivities.filter.kind'), v.kinds, withQuery(paths.collectivities(), { country: v.country }), (value) => label(c.locale, 'kind', value), c)}
${v.items.length === 0 ? html`<p>${t('common.empty')}</p>` : html`<ul class="list">${v.items.map(
    (item) => html`<li>${collectivityLink(item.collectivity)} <span class="muted">${label(c.locale, 'kind', item.collectivity.kind)}, ${label(
      c.locale,
      'country',
      item.collectivity.country,
    )} — ${tn(c.locale, 'common.partnerships', item.partnershipCount)}, ${tn(c.locale, 'common.projects', item.projectCount)}</span></li>`,
  )}</ul>`}
${pagination(v.pagination, c)}`;
  return { title: t('collectivities.title'), breadcrumbs: [{ href: paths.collectivities(), label: t('collectivities.title') }], body };
}
