/** Partner-search notices' HTML: the list with its filter (domain, words), one notice, and a collectivity page's section. */
import { memberPaths } from '../../auth/paths.js';
import { html, join, type SafeHtml } from '../../html.js';
import { countryLabel } from '../../i18n/codes.js';
import { formatList, formatPartialDate, label, tn } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { collectivityLink, domainLink, paragraphs, printed, section } from '../../render/parts.js';
import type { CollectivityNotices, NoticePageView, NoticesView, NoticeView } from './data.js';

/** "une commune, France, région Provence-Alpes-Côte d'Azur", in the page's words. */
export function sought(n: NoticeView, c: RenderContext): string {
  const { seeks } = n;
  return formatList(c.locale, [seeks.kind === undefined ? c.t('notices.anyKind') : label(c.locale, 'kind', seeks.kind), countryLabel(c.locale, seeks.country), seeks.region].filter((x): x is string => x !== undefined));
}

export function noticeFacts(n: NoticeView, c: RenderContext): SafeHtml {
  const { t } = c;
  return html`<dl class="facts">
<div><dt>${t('notices.by')}</dt><dd>${collectivityLink(n.collectivity)}</dd></div>
<div><dt>${t('notices.seeks')}</dt><dd>${sought(n, c)}</dd></div>
<div><dt>${t('notices.domains')}</dt><dd>${n.seeks.domains.length === 0 ? t('notices.anyDomain') : join(n.seeks.domains.map(domainLink), ', ')}</dd></div>
<div><dt>${t('notices.until')}</dt><dd>${formatPartialDate(c.locale, n.until)}</dd></div>
</dl>`;
}

/** A notice in a list: who seeks what, a link to read and answer it. */
export function noticeItem(n: NoticeView, c: RenderContext): SafeHtml {
  const { t } = c;
  const excerpt = n.description.length > 240 ? `${n.description.slice(0, 240)}…` : n.description;
  return html`<li class="notice-item"><h3><a href="${n.href}">${t('notices.item.title', { name: n.collectivity.shortName ?? n.collectivity.name, sought: sought(n, c) })}</a></h3>
<p dir="auto">${excerpt}</p>
<p class="muted">${n.seeks.domains.length === 0 ? t('notices.anyDomain') : formatList(c.locale, n.seeks.domains.map((d) => d.label))} · ${t('notices.untilShort', { date: formatPartialDate(c.locale, n.until) })}</p></li>`;
}

export function renderNotices(v: NoticesView, c: RenderContext): RenderedPage {
  const { t } = c;
  const member = c.member;
  const form = html`<form class="notices-filter" method="get" action="${paths.notices()}" role="search" aria-label="${t('notices.filter.label')}">
<p><label for="annonces-domaine">${t('notices.filter.domain')}</label>
<select id="annonces-domaine" name="domain"><option value="">${t('notices.filter.allDomains')}</option>${v.domains.map(
    (d) => html`<option value="${d.code}"${d.selected ? html` selected` : ''}${d.printedLabel === undefined ? printed(c) : ''}>${d.depth > 0 ? '\u00a0\u00a0– ' : ''}${d.label}</option>`,
  )}</select></p>
<p><label for="annonces-mots">${t('notices.filter.words')}</label> <input type="search" id="annonces-mots" name="q" value="${v.q ?? ''}"></p>
<p><button type="submit">${t('notices.filter.submit')}</button></p>
</form>`;
  const publish =
    member !== undefined && (member.role === 'contributor' || member.role === 'editor' || member.role === 'admin')
      ? html`<p><a href="${memberPaths.noticePublish()}">${t('notices.publish')}</a></p>`
      : html`<p class="muted">${t('notices.publish.who')}</p>`;
  const body = html`<section class="notices-page">
<h1>${t('notices.title')}</h1>
<p>${t('notices.intro')}</p>
${publish}
${form}
<h2>${tn(c.locale, 'notices.count', v.notices.length)}</h2>
${v.notices.length === 0 ? html`<p>${t('notices.none')}</p>` : html`<ul class="notice-list">${v.notices.map((n) => noticeItem(n, c))}</ul>`}
<p><a href="${paths.coverage()}">${t('notices.coverage')}</a></p>
</section>`;
  return { title: t('notices.title'), breadcrumbs: [{ href: paths.notices(), label: t('notices.title') }], body };
}

export function renderNotice(v: NoticePageView, c: RenderContext): RenderedPage {
  const { t } = c;
  const n = v.notice;
  const title = t('notices.item.title', { name: n.collectivity.shortName ?? n.collectivity.name, sought: sought(n, c) });
  const body = html`<article class="partner-notice">
<h1>${title}</h1>
${noticeFacts(n, c)}
${section(t('notices.description'), html`<div dir="auto">${paragraphs(n.description)}</div>`)}
<section><h2>${t('notices.answer')}</h2><p>${t('notices.answer.how')}</p><p><a class="button" href="${memberPaths.noticeAnswer(n.id)}">${t('notices.answer.link')}</a></p></section>
</article>`;
  return { title, breadcrumbs: [{ href: paths.notices(), label: t('notices.title') }, { href: n.href, label: n.collectivity.shortName ?? n.collectivity.name }], body };
}

/** A collectivity page's section: its own notices, and those looking for a collectivity like it. */
export function collectivityNoticesSection(v: CollectivityNotices, c: RenderContext): SafeHtml {
  const { t } = c;
  if (v.own.length === 0 && v.matching.length === 0) return html``;
  return section(
    t('notices.section'),
    html`${v.own.length === 0 ? '' : html`<h3>${t('notices.section.own')}</h3><ul class="notice-list">${v.own.map((n) => noticeItem(n, c))}</ul>`}
${v.matching.length === 0 ? '' : html`<h3>${t('notices.section.matching')}</h3><ul class="notice-list">${v.matching.map((n) => noticeItem(n, c))}</ul>`}
<p><a href="${paths.notices()}">${t('notices.all')}</a></p>`,
    'annonces',
  );
}
