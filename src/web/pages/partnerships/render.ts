/** The partnerships list's HTML, and the brief tier's. */
import { html, join } from '../../html.js';
import { label, tn } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { bulletList, collectivityLinks, pagination, partialDate, source, when, partnershipTitle } from '../../render/parts.js';
import type { FilterOption } from '../common-lists.js';
import type { BriefView, PartnershipsView } from './data.js';

export function filterBar(title: string, options: readonly FilterOption[], allHref: string, labelOf: (value: string) => string, c: RenderContext) {
  const anySelected = options.some((o) => o.selected);
  return html`<div class="filter"><span class="label">${c.t('common.label', { label: title })}</span> <ul class="chips"><li>${
    anySelected ? html`<a href="${allHref}">${c.t('common.filter.all')}</a>` : html`<span aria-current="true">${c.t('common.filter.all')}</span>`
  }</li>${options.map((o) =>
    o.selected
      ? html`<li><span aria-current="true">${labelOf(o.value)} (${o.count})</span></li>`
      : html`<li><a href="${o.href}">${labelOf(o.value)} (${o.count})</a></li>`,
  )}</ul></div>`;
}

type Item = PartnershipsView['items'][number];

function row(p: Item, c: RenderContext) {
  // a list gives the date in the reader's words ("4 février 2006"); the printed words when no date was read
  const date = p.signedDate === undefined ? when(p.dateText, [], c) : partialDate(p.signedDate, c);
  return html`<li class="card"><h2 class="card-title"><a href="${p.partnership.href}">${partnershipTitle(p.partnership.title)}</a></h2>
<p>${collectivityLinks(p.home)} ⇄ ${collectivityLinks(p.partner)}</p>
<p class="muted">${join(
    [p.legalFramework && source(p.legalFramework, c), date, p.partnership.tier === 'full' ? tn(c.locale, 'common.projects', p.projectCount) : label(c.locale, 'tier', 'brief')].filter(
      (x) => x !== undefined,
    ),
    ' · ',
  )}</p></li>`;
}

export function renderPartnerships(v: PartnershipsView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<h1>${t('partnerships.title')}</h1>
<p>${t('partnerships.intro', { count: v.pagination.total })}</p>
${filterBar(t('partnerships.filter.tier'), v.tiers, paths.partnerships(), (value) => label(c.locale, 'tier', value), c)}
<ul class="cards">${v.items.map((p) => row(p, c))}</ul>
${pagination(v.pagination, c)}`;
  return { title: t('partnerships.title'), breadcrumbs: [{ href: paths.partnerships(), label: t('partnerships.title') }], body };
}

export function renderBrief(v: BriefView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<h1>${t('brief.title')}</h1><p>${t('brief.intro')}</p>
<ul class="cards">${v.items.map(
    (p) => html`${row(p, c)}${p.otherPartnerships.length + p.notes.length === 0 ? '' : html`<li class="card-notes">${bulletList([...p.otherPartnerships, ...p.notes], c)}</li>`}`,
  )}</ul>
${pagination(v.pagination, c)}`;
  return {
    title: t('brief.title'),
    breadcrumbs: [
      { href: paths.partnerships(), label: t('nav.partnerships') },
      { href: paths.brief(), label: t('brief.title') },
    ],
    body,
  };
}
