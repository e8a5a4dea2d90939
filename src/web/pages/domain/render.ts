/** The domain page's HTML, and the domains list's. */
import { html } from '../../html.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { pagination, partnershipLink, projectItem, section, domainText, labelled, partnershipAndProjectCounts } from '../../render/parts.js';
import type { DomainsView, DomainView } from './data.js';
import type { Link } from '../common.js';

function countsText(d: { partnershipCount: number; projectCount: number }, c: RenderContext): string {
  return partnershipAndProjectCounts(d, c);
}

export function renderDomain(v: DomainView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<article class="domain">
<header class="page-header">${v.parent ? html`<p class="kicker"><a href="${v.parent.href}">${domainText(v.parent, c)}</a></p>` : ''}<h1>${domainText(v.domain, c)}</h1></header>
${v.parent ? html`<p>${labelled(c, t('domain.parent'), html`<a href="${v.parent.href}">${domainText(v.parent, c)}</a>`)}</p>` : ''}
${section(
  t('domain.children'),
  v.children.length === 0
    ? undefined
    : html`<ul>${v.children.map((child) => html`<li><a href="${child.href}">${domainText(child, c)}</a> <span class="muted">(${countsText(child, c)})</span></li>`)}</ul>`,
)}
${section(
  `${t('domain.partnerships')} (${v.partnershipTotal})`,
  v.partnerships.length === 0
    ? html`<p>${t('common.empty')}</p>`
    : html`<ul>${v.partnerships.map((p) => html`<li>${partnershipLink(p)}</li>`)}</ul>${more(v.partnerships.length, v.partnershipTotal, v.searchHref, c)}`,
)}
${section(
  `${t('domain.projects')} (${v.projectTotal})`,
  v.projects.length === 0
    ? html`<p>${t('common.empty')}</p>`
    : html`<ul class="projects">${v.projects.map((p) => html`${projectItem(p, c)}`)}</ul>${more(v.projects.length, v.projectTotal, v.searchHref, c)}`,
)}
</article>`;
  const crumbs: Link[] = [{ href: paths.domains(), label: t('nav.domains') }];
  if (v.parent) crumbs.push({ href: v.parent.href, label: v.parent.label, printed: v.parent.printedLabel === undefined });
  crumbs.push({ href: v.domain.href, label: v.domain.label, printed: v.domain.printedLabel === undefined });
  return { title: v.domain.label, breadcrumbs: crumbs, body };
}

export function renderDomains(v: DomainsView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<h1>${t('domains.title')}</h1><p>${t('domains.intro')}</p>
<ul class="tree">${v.domains.map(
    (d) => html`<li><a href="${d.href}">${domainText(d, c)}</a> <span class="muted">(${countsText(d, c)})</span>${
      d.children.length === 0
        ? ''
        : html`<ul>${d.children.map((child) => html`<li><a href="${child.href}">${domainText(child, c)}</a> <span class="muted">(${countsText(child, c)})</span></li>`)}</ul>`
    }</li>`,
  )}</ul>
${pagination(v.pagination, c)}`;
  return { title: t('domains.title'), breadcrumbs: [{ href: paths.domains(), label: t('domains.title') }], body };
}

/** "100 shown of 4 512. See the complete list" under a list cut short. */
function more(shown: number, total: number, href: string, c: RenderContext) {
  return total > shown ? html`<p class="muted">${c.t('list.shown', { shown, total })} <a href="${href}">${c.t('list.all')}</a></p>` : '';
}
