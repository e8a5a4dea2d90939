/** The partnership page's HTML. */
import { html, join } from '../../html.js';
import { label, tn } from '../../i18n/index.js';
import { countryLabel } from '../../i18n/codes.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { recordPdfLink } from '../../record-pdf/link.js';
import { bulletList, collectivityLink, dataTable, domainList, facts, money, paragraphs, printed, source, whenInFull, partnershipLink, projectList, section, sentence, sourceLine, partnershipTitle } from '../../render/parts.js';
import type { PartnershipView } from './data.js';

export function renderPartnership(v: PartnershipView, c: RenderContext): RenderedPage {
  const { t } = c;
  const tierCrumb = v.tier === 'brief' ? { href: paths.brief(), label: t('nav.brief') } : { href: paths.partnerships(), label: t('nav.partnerships') };
  const parties = html`<ul class="parties">${v.parties.map(
    (party) => html`<li class="party side-${party.side}">
<p class="party-name">${collectivityLink(party.collectivity)} <span class="muted">${countryLabel(c.locale, party.country)} · ${label(c.locale, 'kind', party.collectivity.kind)}</span></p>
${facts([
  [t('partnership.executive'), party.executive && source([party.executive.name, party.executive.title].filter(Boolean).join(', '), c)],
  [
    t('collectivity.population'),
    party.population === undefined
      ? undefined
      : t(party.populationYear === undefined ? 'common.inhabitants' : 'common.inhabitants.year', {
          population: party.population,
          year: String(party.populationYear ?? ''),
        }),
  ],
])}
</li>`,
  )}</ul>`;

  const framework = facts([
    [t('partnership.section'), v.section && source(v.section, c)],
    [t('partnership.framework'), (v.legalFramework && source(v.legalFramework, c)) ?? (v.frameworkKind && label(c.locale, 'framework', v.frameworkKind))],
    [t('partnership.date'), whenInFull(v.dateText, [v.signedDate], c)],
  ]);

  const budgets =
    v.budgets.length === 0
      ? undefined
      : dataTable(
          t('partnership.budgets'),
          [
            { label: t('partnership.budget.who') },
            { label: t('partnership.budget.period') },
            { label: t('partnership.budget.amount'), num: true },
            { label: t('partnership.budget.text') },
          ],
          v.budgets.map((b) => [b.collectivity ? collectivityLink(b.collectivity) : t('common.none'), b.period === undefined ? '' : source(b.period, c), money(b.amount, c), b.text === undefined ? '' : source(b.text, c)]),
        );

  const contacts =
    v.contacts.length === 0
      ? undefined
      : html`${v.contactsRestricted ? html`<p class="notice">${t('partnership.contacts.restricted')}</p>` : ''}<ul class="contacts">${v.contacts.map(
          (contact) => html`<li><p><span${printed(c)}><strong>${contact.name}</strong>${contact.role ? html`, ${contact.role}` : ''}</span>${
            contact.collectivity ? html` — ${collectivityLink(contact.collectivity)}` : ''
          }</p>${contact.organization ? html`<p>${sentence(c, 'partnership.contact.organization', { organization: source(contact.organization, c) })}</p>` : ''}${
            contact.restricted
              ? ''
              : facts([
                  [t('collectivity.address'), contact.address],
                  [t('collectivity.phones'), contact.phones?.join(' ; ')],
                  [t('collectivity.faxes'), contact.faxes?.join(' ; ')],
                  [t('collectivity.emails'), contact.emails && join(contact.emails.map((e) => html`<a href="mailto:${e}">${e}</a>`), ' ; ')],
                ])
          }</li>`,
        )}</ul>`;

  const neighbours = html`<ul class="neighbours">${v.neighbours.map(
    (n) => html`<li>${collectivityLink(n.collectivity)} : ${
      n.partnerships.length === 0
        ? t('partnership.neighbours.none')
        : html`<ul>${n.partnerships.map((p) => html`<li>${partnershipLink(p)}</li>`)}</ul>${
            n.total > n.partnerships.length ? html`<p class="muted">${t('list.shown', { shown: n.partnerships.length, total: n.total })} <a href="${n.collectivity.href}">${t('list.all')}</a></p>` : ''
          }`
    }</li>`,
  )}</ul>`;

  const body = html`<article class="partnership">
<header class="page-header"><p class="kicker">${label(c.locale, 'tier', v.tier)}</p><h1>${partnershipTitle(v.title)}</h1></header>
${recordPdfLink(paths.partnership(v.id), c)}
${section(t('partnership.parties'), parties, 'parties')}
${framework}
${section(t('partnership.history'), v.history === undefined ? undefined : paragraphs(v.history, c))}
${section(
  t('partnership.domains'),
  v.domains.length === 0 && v.domainsText === undefined
    ? undefined
    : html`${domainList(v.domains)}${v.domainsText ? html`<p class="muted">${sentence(c, 'partnership.domainsText', { text: source(v.domainsText, c) })}</p>` : ''}`,
)}
${v.tier === 'full' ? section(`${t('partnership.projects')} (${tn(c.locale, 'common.projects', v.projects.length)})`, v.projects.length === 0 ? html`<p>${t('partnership.noProjects')}</p>` : projectList(v.projects, c), 'projets') : ''}
${section(t('partnership.budgets'), budgets)}
${section(t('partnership.humanResources'), bulletList(v.humanResources, c))}
${section(t('partnership.otherPartnerships'), bulletList(v.otherPartnerships, c))}
${section(t('partnership.contacts'), contacts, 'contacts')}
${section(t('partnership.notes'), bulletList(v.notes, c))}
${section(t('partnership.neighbours'), neighbours, 'voisins')}
${sourceLine(v.source, c, v.section)}
</article>`;
  return { title: v.title, breadcrumbs: [tierCrumb, { href: paths.partnership(v.id), label: v.title, printed: true }], body };
}
