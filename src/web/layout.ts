/** The one layout: header with the search box and the navigation, breadcrumbs, main, footer. */
import { accountBar, memberStylesheet, recordTools } from './auth/header.js';
import { CATALOGUE_PATH, JSON_LD } from './catalogue/data.js';
import { html, type SafeHtml } from './html.js';
import { direction, LANGUAGE_NAMES, LOCALES, t as translate, type Locale } from './i18n/index.js';
import { inLocale } from './language.js';
import type { RenderContext, RenderedPage } from './page.js';
import type { Link } from './pages/common.js';
import { jsonTwin, paths } from './paths.js';
import { printedWords, sentence, source } from './render/parts.js';

export interface Colophon {
  title: string;
  publishers: string;
  edition: string;
}

export function layout(page: RenderedPage, context: RenderContext, colophon?: Colophon, options: { twin?: boolean } = {}): SafeHtml {
  const { t, locale } = context;
  const crumbs: Link[] = [{ href: paths.home(), label: t('nav.home') }, ...page.breadcrumbs];
  const nav: Link[] = [
    { href: paths.partnerships(), label: t('nav.partnerships') },
    { href: paths.collectivities(), label: t('nav.collectivities') },
    { href: paths.projects(), label: t('nav.projects') },
    { href: paths.domains(), label: t('nav.domains') },
    { href: paths.synthesis(), label: t('nav.synthesis') },
    { href: paths.brief(), label: t('nav.brief') },
    { href: paths.report(), label: t('nav.report') },
    { href: paths.statistics(), label: t('nav.statistics') },
    { href: paths.pad(), label: t('nav.pad') },
  ];
  const twin = options.twin !== false ? jsonTwin(context.url) : undefined;
  const suggested = context.suggested;
  return html`<!doctype html>
<html lang="${locale}" dir="${direction(locale as Locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} — ${t('site.name')}</title>
<link rel="icon" href="${paths.asset('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${paths.asset('site.css')}">
${memberStylesheet(page, context)}
${twin && html`<link rel="alternate" type="application/json" href="${twin}">`}
<link rel="alternate" type="${JSON_LD}" href="${CATALOGUE_PATH}" title="${t('catalogue.title')}">
${LOCALES.map((other) => html`<link rel="alternate" hreflang="${other}" href="${inLocale(context.url, other)}">`)}
<link rel="alternate" hreflang="x-default" href="${inLocale(context.url, 'fr')}">
<script src="${paths.asset('site.js')}" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('site.skip')}</a>
<header class="site-header">
${suggested && html`<p class="language-notice" lang="${suggested}" dir="${direction(suggested)}"><a href="${inLocale(context.url, suggested)}" hreflang="${suggested}">${translate(suggested, 'language.suggest')}</a></p>`}
<div class="wrap header-row">
<p class="brand"><a href="${paths.home()}">${t('site.name')}</a> <span class="tagline">${t('site.tagline')}</span></p>
<form class="site-search" role="search" aria-label="${t('search.site')}" action="${paths.search()}" method="get">
<label for="site-q" class="visually-hidden">${t('search.label')}</label>
<input id="site-q" name="q" type="search" value="${context.searchText}" placeholder="${t('search.placeholder')}" maxlength="500">
<button type="submit">${t('search.submit')}</button>
</form>
</div>
<nav class="site-nav wrap" aria-label="${t('nav.label')}"><ul>${nav.map(
    (link) => html`<li><a href="${link.href}"${isCurrent(link.href, context.url) ? html` aria-current="page"` : ''}>${link.label}</a></li>`,
  )}</ul></nav>
${languageSwitch(context)}
${accountBar(context)}
</header>
${crumbs.length > 1 ? html`<nav class="breadcrumbs wrap" aria-label="${t('breadcrumbs.label')}"><ol>${crumbs.map((crumb, i) =>
      i === crumbs.length - 1
        ? html`<li><span aria-current="page">${crumb.printed ? printedWords(crumb.label) : crumb.label}</span></li>`
        : html`<li><a href="${crumb.href}">${crumb.printed ? printedWords(crumb.label) : crumb.label}</a></li>`,
    )}</ol></nav>` : ''}
<main id="main" class="wrap">
${recordTools(context)}
${page.body}
</main>
<footer class="site-footer">
<div class="wrap">
${colophon && html`<p>${sentence(context, 'site.footer', { ...colophon, title: source(colophon.title, context), publishers: source(colophon.publishers, context) })}</p>`}
<p>${twin && html`<a href="${twin}">${t('site.footer.json')}</a> · `}<a href="${paths.openapi()}">${t('site.footer.api')}</a></p>
</div>
</footer>
</body>
</html>
`;
}

/** The same page, with its query, in each of the site's languages: each named in itself. */
function languageSwitch(context: RenderContext): SafeHtml {
  return html`<nav class="languages wrap" aria-label="${context.t('language.label')}"><ul>${LOCALES.map((other) =>
    other === context.locale
      ? html`<li><span aria-current="true" lang="${other}">${LANGUAGE_NAMES[other]}</span></li>`
      : html`<li><a href="${inLocale(context.url, other)}" hreflang="${other}" lang="${other}">${LANGUAGE_NAMES[other]}</a></li>`,
  )}</ul></nav>`;
}

function isCurrent(href: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === href || path.startsWith(`${href}/`);
}
