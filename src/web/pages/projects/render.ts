/** The projects list's HTML. */
import { html } from '../../html.js';
import { label } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths, withQuery } from '../../paths.js';
import { padBadge, pagination, partnershipLink, statusBadge, when, source } from '../../render/parts.js';
import { filterBar } from '../partnerships/render.js';
import type { ProjectsView } from './data.js';

export function renderProjects(v: ProjectsView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<h1>${t('projects.title')}</h1>
<p>${t('projects.intro', { count: v.pagination.total })}</p>
${filterBar(t('projects.filter.status'), v.statuses, withQuery(paths.projects(), { pad: v.pad ? 'oui' : undefined }), (value) => label(c.locale, 'status', value), c)}
<div class="filter"><span class="label">${t('common.label', { label: t('projects.filter.pad') })}</span> <ul class="chips"><li>${
    v.pad
      ? html`<a href="${v.padHref}" aria-current="true">✓ ${t('projects.filter.padOnly')} (${v.padCount})</a>`
      : html`<a href="${v.padHref}">${t('projects.filter.padOnly')} (${v.padCount})</a>`
  }</li></ul></div>
${v.items.length === 0 ? html`<p>${t('common.empty')}</p>` : html`<ul class="cards">${v.items.map(
    (p) => html`<li class="card"><h2 class="card-title"><a href="${p.href}">${source(p.title, c)}</a></h2><p>${statusBadge(p.status, c)}${
      p.padCofinanced ? html` ${padBadge(c)}` : ''
    }${p.period || p.startDate ? html` <span class="muted">${when(p.period, [p.startDate, p.endDate], c)}</span>` : ''}</p><p class="muted">${partnershipLink(p.partnership)}</p></li>`,
  )}</ul>`}
${pagination(v.pagination, c)}`;
  return { title: t('projects.title'), breadcrumbs: [{ href: paths.projects(), label: t('projects.title') }], body };
}
