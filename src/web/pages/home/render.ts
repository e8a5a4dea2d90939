/** The home page's HTML. */
import { html } from '../../html.js';
import { bySideHeading, countedLabel, countryLabel } from '../../i18n/codes.js';
import { editionLabel, formatNumber, label, tn } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths, withQuery } from '../../paths.js';
import { mapSection } from '../../maps/map.js';
import { distinctNames, domainText, source, sentence, printedWords, partnershipAndProjectCounts } from '../../render/parts.js';
import type { HomeView } from './data.js';

export function renderHome(v: HomeView, c: RenderContext): RenderedPage {
  const { t, locale } = c;
  const f = v.figures;
  const figure = (value: number, caption: string, href: string, details: ReturnType<typeof html>) =>
    html`<li class="figure"><a href="${href}"><span class="value">${value}</span> <span class="caption">${caption}</span></a>${details}</li>`;
  // each detail a count in words ("83 terminés"), or a place and its count ("Maroc : 120")
  const sub = (items: [string, string][]) => html`<ul class="figure-details">${items.map(([text, href]) => html`<li><a href="${href}">${text}</a></li>`)}</ul>`;
  const n = (count: number) => formatNumber(locale, count);
  const figures = html`<ul class="figures">
${figure(
  f.partnerships.total,
  t('home.figures.partnerships'),
  paths.partnerships(),
  sub([
    [countedLabel(locale, 'tier', 'full', f.partnerships.full), withQuery(paths.partnerships(), { tier: 'full' })],
    [countedLabel(locale, 'tier', 'brief', f.partnerships.brief), paths.brief()],
  ]),
)}
${figure(
  f.collectivities.total,
  t('home.figures.collectivities'),
  paths.collectivities(),
  sub(
    Object.entries(f.collectivities.byCountry).map(
      ([country, count]) => [c.t('common.labelled', { label: countryLabel(locale, country), text: n(count) }), withQuery(paths.collectivities(), { country })] as [string, string],
    ),
  ),
)}
${figure(
  f.projects.total,
  t('home.figures.projects'),
  paths.projects(),
  sub(
    (['ongoing', 'completed', 'planned', 'other'] as const)
      .filter((s) => f.projects[s] > 0)
      .map((s) => [countedLabel(locale, 'status', s, f.projects[s]), withQuery(paths.projects(), { status: s })] as [string, string]),
  ),
)}
${figure(f.padProjects, t('home.figures.pad'), withQuery(paths.projects(), { pad: 'oui' }), html``)}
</ul>`;
  const counts = (d: { partnershipCount: number; projectCount: number }) =>
    partnershipAndProjectCounts(d, c);
  const domains = html`<ul class="tree columns">${v.domains.map(
    (d) => html`<li><a href="${d.href}">${domainText(d, c)}</a> <span class="muted">(${counts(d)})</span>${
      d.children.length === 0
        ? ''
        : html`<ul>${d.children.map((child) => html`<li><a href="${child.href}">${domainText(child, c)}</a> <span class="muted">(${child.partnershipCount})</span></li>`)}</ul>`
    }</li>`,
  )}</ul>`;
  // the short name ("Agadir"), with the kind when two share it ("Agadir (préfecture)")
  const side = (items: HomeView['home']) => {
    const names = distinctNames(
      items.map((item) => item.collectivity),
      c,
    );
    return html`<ul class="columns compact">${items.map(
      (item, i) => html`<li><a href="${item.collectivity.href}">${printedWords(names[i]!)}</a> <span class="muted">(${item.partnershipCount})</span></li>`,
    )}</ul>`;
  };
  const kinds = html`<ul class="columns compact">${v.kinds.map(
    (k) => html`<li><a href="${k.href}">${label(locale, 'kind', k.kind)} (${countryLabel(locale, k.country)})</a> <span class="muted">(${k.count})</span></li>`,
  )}</ul>`;
  const names = (codes: readonly string[]) => codes.map((code) => countryLabel(locale, code)).join(' – ');
  const [home = '', ...partners] = v.directory.countries;
  const others =
    v.directories.length === 0
      ? ''
      : html`<section aria-labelledby="directories"><h2 id="directories">${t('home.directories')}</h2><ul>${v.directories.map(
          (d) => html`<li><a href="${d.href}">${source(d.title, c)}</a> <span class="muted">(${names(d.countries)}${d.edition === undefined ? '' : `, ${editionLabel(locale, d.edition)}`})</span></li>`,
        )}</ul><p><a href="${paths.directories()}">${t('home.directories.all')}</a> · <a href="${paths.searchAll()}">${t('searchAll.form')}</a></p></section>`;
  const body = html`<h1>${source(v.directory.title, c)}</h1>
<p class="lead">${sentence(c, 'home.intro', {
    countries: names(v.directory.countries),
    partnerships: tn(locale, 'common.partnerships', f.partnerships.total),
    projects: tn(locale, 'common.projects', f.projects.total),
    title: source(v.directory.title, c),
    edition: editionLabel(locale, v.directory.edition ?? ''),
  })}</p>
<section aria-labelledby="figures"><h2 id="figures">${t('home.figures')}</h2>${figures}</section>
<section aria-labelledby="carte"><h2 id="carte">${t('home.map')}</h2>${mapSection(v.map, c, { id: 'carte-partenariats', title: t('home.map.title', { countries: names(v.directory.countries) }), description: t('home.map.description', { countries: names(v.directory.countries), home: names([home]), partners: names(partners) }), csvHref: `${paths.statistics()}/carte.csv` })}</section>
<section aria-labelledby="by-domain"><h2 id="by-domain">${t('home.byDomain')}</h2>${domains}</section>
<section aria-labelledby="by-partner"><h2 id="by-partner">${bySideHeading(locale, v.directory.countries.slice(1))}</h2>${side(v.partner)}</section>
<section aria-labelledby="by-home"><h2 id="by-home">${bySideHeading(locale, v.directory.countries.slice(0, 1))}</h2>${side(v.home)}</section>
<section aria-labelledby="by-kind"><h2 id="by-kind">${t('home.byKind')}</h2>${kinds}</section>
${others}
<section aria-labelledby="more"><h2 id="more">${t('home.more')}</h2><ul>
<li><a href="${paths.statistics()}">${t('home.more.statistics')}</a></li>
<li><a href="${paths.pad()}">${t('home.more.pad')}</a></li>
<li><a href="${paths.synthesis()}">${t('home.more.synthesis')}</a></li>
<li><a href="${paths.brief()}">${t('home.more.brief')}</a></li>
<li><a href="${paths.report()}">${t('home.more.report')}</a></li>
<li><a href="${paths.openapi()}">${t('home.more.api')}</a></li>
</ul></section>`;
  return { title: t('home.title'), breadcrumbs: [], body };
}
