/** The project page's HTML. */
import { html } from '../../html.js';
import { formatPercent, label } from '../../i18n/index.js';
import { countryLabel } from '../../i18n/codes.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import {
  bulletList,
  collectivityLink,
  dataTable,
  domainList,
  facts,
  money,
  padBadge,
  paragraphs,
  sentence,
  source,
  whenInFull,
  partnershipLink,
  section,
  sourceLine,
  statusBadge, labelled
} from '../../render/parts.js';
import type { ProjectView } from './data.js';
import { similarList } from './similar.js';

export function renderProject(v: ProjectView, c: RenderContext): RenderedPage {
  const { t } = c;
  const period = whenInFull(v.periodText, [v.startDate, v.endDate], c);
  const partners =
    v.partners.length === 0
      ? undefined
      : dataTable(
          t('project.partners'),
          [{ label: t('project.partner.name') }, { label: t('project.partner.role') }, { label: t('project.partner.contact') }],
          v.partners.map((p) => [
            html`${p.collectivity ? collectivityLink({ ...p.collectivity, name: p.name }) : source(p.name, c)}${
              p.country ? html` <span class="muted">(${countryLabel(c.locale, p.country)})</span>` : ''
            }`,
            p.role ? label(c.locale, 'role', p.role) : '',
            p.contact === undefined ? '' : source(p.contact, c),
          ]),
        );
  const funding =
    v.totalCost === undefined && v.funding.length === 0 && v.fundingText === undefined
      ? undefined
      : html`${v.totalCost ? html`<p class="total">${labelled(c, t('project.totalCost'), money(v.totalCost, c))}</p>` : ''}${
          v.funding.length === 0
            ? ''
            : dataTable(
                t('project.funding'),
                [
                  { label: t('project.funder') },
                  { label: t('project.amount'), num: true },
                  { label: t('project.share'), num: true },
                  { label: t('project.contribution') },
                  { label: t('project.asPrinted') },
                ],
                v.funding.map((f) => [
                  f.collectivity ? collectivityLink({ ...f.collectivity, name: f.funder }) : source(f.funder, c),
                  f.amount ? money(f.amount, c) : '',
                  f.share === undefined ? '' : formatPercent(c.locale, f.share),
                  f.contribution ? label(c.locale, 'contribution', f.contribution) : '',
                  f.text === undefined ? '' : source(f.text, c),
                ]),
                'funding',
              )
        }${v.fundingText ? html`<p>${sentence(c, 'project.fundingText', { text: source(v.fundingText, c) })}</p>` : ''}`;

  const body = html`<article class="project">
<header class="page-header"><p class="kicker">${partnershipLink(v.partnership)}</p><h1>${source(v.title, c)}</h1>
<p>${statusBadge(v.status, c)}${v.padCofinanced ? html` ${padBadge(c)}` : ''}</p></header>
${facts([
  // the status is the badge above: said once
  [t('project.themes'), v.themes.length === 0 ? undefined : source(v.themes.join(' ; '), c)],
  [t('project.period'), period],
  [t('project.duration'), v.durationMonths === undefined ? undefined : t('project.months', { months: v.durationMonths })],
  [t('project.partnership'), partnershipLink(v.partnership)],
])}
${section(t('project.domains'), v.domains.length === 0 ? undefined : domainList(v.domains))}
${section(t('project.objectives'), bulletList(v.objectives, c))}
${section(t('project.description'), v.description === undefined ? undefined : paragraphs(v.description, c))}
${section(t('project.partners'), partners)}
${section(t('project.funding'), funding)}
${section(t('project.expectedResults'), bulletList(v.expectedResults, c))}
${section(t('project.obtainedResults'), bulletList(v.obtainedResults, c))}
${section(t('project.beneficiaries'), bulletList(v.beneficiaries, c))}
${section(t('project.observations'), v.observations === undefined ? undefined : paragraphs(v.observations, c))}
${section(
  t('partnership.projects'),
  v.siblings.length === 0 ? undefined : html`<ul>${v.siblings.map((s) => html`<li><a href="${s.href}">${source(s.title, c)}</a></li>`)}</ul>`,
)}
${section(t('similar.title'), similarList(v.similar, c), 'projets-comparables')}
${sourceLine(v.source, c)}
</article>`;
  return {
    title: v.title,
    breadcrumbs: [
      { href: paths.partnerships(), label: t('nav.partnerships') },
      { href: v.partnership.href, label: v.partnership.title, printed: true },
      { href: paths.project(v.id), label: v.title, printed: true },
    ],
    body,
  };
}
