/** The collectivity page's HTML. */
import { defaultLocalNames } from '../../../profiles/names.js';
import { html, join } from '../../html.js';
import { countryLabel, samePartnerHeading } from '../../i18n/codes.js';
import { editionLabel, label, tn } from '../../i18n/index.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths, withQuery } from '../../paths.js';
import { recordPdfLink } from '../../record-pdf/link.js';
import { collectivityLink, collectivityLinks, domainName, domainText, facts, partialDate, partnershipLink, projectItem, section, source, urlLink, when, partnershipTitle, sentence, printedWords, labelled } from '../../render/parts.js';
import { mapSection } from '../../maps/map.js';
import type { CollectivityView } from './data.js';
import { suggestionList } from './suggestions.js';
import { collectivityNoticesSection } from '../notices/render.js';

/** The collectivity's place on OpenStreetMap (the coordinates stay in the link, not in the text). */
function osmLink(location: { lat: number; lon: number }): string {
  const [lat, lon] = [location.lat.toFixed(4), location.lon.toFixed(4)];
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=12/${lat}/${lon}`;
}

export function renderCollectivity(v: CollectivityView, c: RenderContext): RenderedPage {
  const { t } = c;
  const k = v.collectivity;
  const identity = facts([
    [t('collectivity.kind'), html`<a href="${withQuery(paths.collectivities(), { country: k.country, kind: k.kind })}">${label(c.locale, 'kind', k.kind)}</a>`],
    [t('collectivity.country'), countryLabel(c.locale, k.country)],
    // a région under its name in the page's language where one is curated (data/profiles/MA/names.json)
    [t('collectivity.region'), k.region && (defaultLocalNames().region(k.region, c.locale)?.name ?? k.region)],
    [
      t('collectivity.population'),
      k.population === undefined
        ? undefined
        : t(k.populationYear === undefined ? 'common.inhabitants' : 'common.inhabitants.year', { population: k.population, year: String(k.populationYear ?? '') }),
    ],
    [t('collectivity.executive'), k.executive && source([k.executive.name, k.executive.title].filter(Boolean).join(', '), c)],
    [t('collectivity.aliases'), k.aliases.length === 0 ? undefined : k.aliases.join(' ; ')],
  ]);
  const coordinates = facts([
    [t('collectivity.address'), k.address],
    [t('collectivity.phones'), k.phones.length === 0 ? undefined : k.phones.join(' ; ')],
    [t('collectivity.faxes'), k.faxes.length === 0 ? undefined : k.faxes.join(' ; ')],
    [t('collectivity.emails'), k.emails.length === 0 ? undefined : join(k.emails.map((e) => html`<a href="mailto:${e}">${e}</a>`), ' ; ')],
    [t('collectivity.websites'), k.websites.length === 0 ? undefined : join(k.websites.map(urlLink), ' ; ')],
    // the place, not its numbers: the map above shows it, and a link opens it on a full map
    [t('collectivity.location'), k.location && html`<a href="${osmLink(k.location)}">${t('collectivity.location.map')}</a>`],
  ]);
  const partnerships = html`<ul class="partnerships">${v.partnerships.map(
    (p) => html`<li>${partnershipLink(p.partnership)}<span class="muted"> — ${join(
      // a list gives the date in the reader's words ("4 février 2006", not the printed "Signé le 04 février 2006"); the printed words when no date was read
      [p.legalFramework && source(p.legalFramework, c), p.signedDate === undefined ? when(p.dateText, [], c) : partialDate(p.signedDate, c), tn(c.locale, 'common.projects', p.projectCount)].filter((x) => x !== undefined),
      c.t('common.listSeparator'),
    )}</span></li>`,
  )}</ul>`;
  const byDomain = join(
    v.byDomain.map(
      (group) => html`<section class="domain-group"><h3>${group.domain ? html`<a href="${group.domain.href}">${domainName(group.domain)}</a>` : t('collectivity.noDomain')}</h3>${
        group.partnerships.length === 0 ? '' : html`<ul class="partnerships">${group.partnerships.map((p) => html`<li>${partnershipLink(p)}</li>`)}</ul>`
      }${group.projects.length === 0 ? '' : html`<ul class="projects">${group.projects.map((p) => projectItem(p, c))}</ul>`}</section>`,
    ),
  );

  const name = k.shortName ?? k.name;
  const co = v.coordination;
  const shownOf = (shown: number, total: number, href?: string) =>
    total > shown ? html`<p class="muted">${t('list.shown', { shown, total })}${href === undefined ? '' : html` <a href="${href}">${t('list.all')}</a>`}</p>` : '';
  const samePartners = join(
    co.samePartners.map(
      (entry) => html`<section class="same-partner"><h3>${samePartnerHeading(c.locale, k.country, entry.partner.shortName ?? entry.partner.name)}</h3>${
        entry.others.length === 0
          ? html`<p class="muted">${t('collectivity.samePartner.none')}</p>`
          : html`<ul>${entry.others.map((o) => html`<li>${collectivityLink(o.collectivity)} <span class="muted">(${join(o.partnerships.map(partnershipLink), ', ')})</span></li>`)}</ul>${shownOf(entry.others.length, entry.othersTotal, entry.partner.href)}`
      }</section>`,
    ),
  );
  const morePartners = shownOf(co.samePartners.length, co.samePartnersTotal);
  const sameRegion =
    co.region === undefined
      ? html`<p class="muted">${t('collectivity.sameRegion.unknown')}</p>`
      : join(
          co.sameRegion.map(
            (entry) => html`<section class="same-region"><h3>${sentence(c, 'collectivity.sameRegion', { domain: domainText(entry.domain, c), region: source(co.region ?? '', c) })}</h3>${
              entry.others.length === 0
                ? html`<p class="muted">${t('collectivity.sameRegion.none')}</p>`
                : html`<ul>${entry.others.map((o) => html`<li>${labelled(c, collectivityLinks(o.collectivities), partnershipLink(o.partnership))}</li>`)}</ul>${shownOf(entry.others.length, entry.othersTotal)}`
            }</section>`,
          ),
        );
  const coordination = html`<p>${t('collectivity.coordination.intro')}</p>
<section class="partners"><h3>${t('collectivity.partnersOf', { name })}</h3><ul>${co.partners.map((p) => html`<li>${collectivityLink(p)}</li>`)}</ul></section>
${samePartners}${morePartners}
${sameRegion}`;

  // the same collectivity in the store's other directories (other countries, other editions)
  const elsewhere = join(
    v.elsewhere.map(
      (other) => html`<section class="elsewhere"><h3><a href="${other.directory.href}">${source(other.directory.title, c)}</a>${
        other.directory.edition === undefined ? '' : html` <span class="muted">(${editionLabel(c.locale, other.directory.edition)})</span>`
      }</h3><ul>${other.partnerships.map((p) => html`<li><a href="${p.href}">${partnershipTitle(p.title)}</a></li>`)}</ul>${shownOf(other.partnerships.length, other.total)}</section>`,
    ),
  );
  const body = html`<article class="collectivity">
<header class="page-header"><p class="kicker">${label(c.locale, 'kind', k.kind)} · ${countryLabel(c.locale, k.country)}</p><h1>${printedWords(k.name)}</h1>${k.originalName && html`<p class="original-name"><bdi lang="fr">${k.originalName}</bdi></p>`}</header>
${recordPdfLink(paths.collectivity(k.id), c)}
${section(t('collectivity.identity'), identity)}
${section(t('collectivity.coordinates'), coordinates)}
${section(`${t('collectivity.partnerships')} (${v.partnershipTotal})`, html`${partnerships}${v.partnershipTotal > v.partnerships.length ? html`<p class="muted">${t('list.shown', { shown: v.partnerships.length, total: v.partnershipTotal })}</p>` : ''}`, 'partenariats')}
${v.map.points.length > 0 || v.map.unlocated.length > 0 ? section(t('collectivity.map'), mapSection(v.map, c, { id: 'carte-collectivite', title: t('collectivity.map.title', { name: k.shortName ?? k.name }), description: t('collectivity.map.description', { name: k.shortName ?? k.name }) }), 'carte') : ''}
${section(t('collectivity.byDomain'), byDomain, 'domaines')}
${section(t('collectivity.coordination'), coordination, 'coordination')}
${collectivityNoticesSection(v.notices, c)}
${section(t('suggest.title'), suggestionList(v.suggestions, c, v.suggestionsStatus), 'suggestions')}
${v.elsewhere.length === 0 ? '' : section(t('collectivity.elsewhere', { name }), elsewhere, 'ailleurs')}
</article>`;
  return {
    title: k.name,
    breadcrumbs: [
      { href: paths.collectivities(), label: t('nav.collectivities') },
      { href: withQuery(paths.collectivities(), { country: k.country }), label: countryLabel(c.locale, k.country) },
      { href: paths.collectivity(k.id), label: k.name, printed: true },
    ],
    body,
  };
}
