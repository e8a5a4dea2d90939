/**
 * The labels of the codes lower layers carry (kinds of collectivity, project statuses, decades,
 * PAD flags, record types, countries): one label per code, from the catalogue, for every page
 * and table that shows one — search facets and statistics alike.
 */
import { defaultLocalNames } from '../../profiles/names.js';
import { defaultProfiles } from '../../profiles/profiles.js';
import type { IndexWords } from '../../search/build.js';
import { domainWords } from './domain-labels.js';
import { formatNumber, t, phrase, label, pluralOf, LOCALES, type Locale } from './index.js';

/** A kind the catalogue lacks reads as its code made readable ("communaute-de-villes" → "Communaute de villes"). */
export function kindLabel(locale: Locale, kind: string): string {
  return phrase(locale, 'kind', kind) ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');
}

/**
 * A count of a coded value in words, its plural right ("83 terminés", "1 terminé"): the value's
 * label agreeing with its count, from the `<family>.count.<code>` plurals; « Label : n » when the
 * catalogue has none.
 */
export function countedLabel(locale: Locale, family: 'status' | 'tier', code: string, count: number): string {
  const params = { count: formatNumber(locale, count) };
  return (
    phrase(locale, `${family}.count`, `${code}.${pluralOf(locale, count)}`, params) ??
    phrase(locale, `${family}.count`, `${code}.other`, params) ??
    `${label(locale, family, code)} : ${formatNumber(locale, count)}`
  );
}

/** "Ministère", "Programme", "Non identifié": a funder's kind (src/profiles/funders.ts, src/stats/funders.ts). */
export function funderKindLabel(locale: Locale, kind: string): string {
  return label(locale, 'funderKind', kind);
}

export function statusLabel(locale: Locale, status: string): string {
  return label(locale, 'status', status);
}

/** "Années 1990", or "Date inconnue" for `unknown`. */
export function decadeLabel(locale: Locale, decade: string): string {
  return decade === 'unknown' ? t(locale, 'decade.unknown') : t(locale, 'decade.value', { decade });
}

/** A country's name: the catalogue's, else its profile's (any country has one), else its code ('' : not said). */
export function countryLabel(locale: Locale, country: string): string {
  if (country === '') return t(locale, 'country.unknown');
  return phrase(locale, 'country', country) ?? defaultProfiles().find(country)?.names[locale] ?? country;
}

/**
 * The heading of the collectivities of one country: "Collectivité française" where the
 * catalogue has the country's adjective, "Collectivité (Sénégal)" / "Collectivité (SN)" otherwise.
 */
export function collectivityOfCountry(locale: Locale, country: string): string {
  const adjective = phrase(locale, 'country.adjective', country);
  return adjective !== undefined ? t(locale, 'facet.kindOf', { adjective }) : t(locale, 'facet.kindOfCountry', { country: countryLabel(locale, country) });
}

/** A search facet's value, labelled: codes from the catalogue, the data's own names as given (a domain's in the page's language where translated). */
export function facetValueLabel(locale: Locale, facet: string, value: { value: string; label?: string }): string {
  if (value.label !== undefined) return facet === 'domain' ? domainWords(locale, value.label).label : value.label;
  switch (facet) {
    case 'type':
      // the facet counts notices in the plural ("Recherches de partenaires"); a hit is one ("Recherche de partenaire")
      return value.value === 'notice' ? t(locale, 'facet.type.notice') : label(locale, 'searchPage.type', value.value);
    case 'status':
      return statusLabel(locale, value.value);
    case 'pad':
      return label(locale, 'pad.value', value.value);
    case 'decade':
      return decadeLabel(locale, value.value);
    case 'homeKind':
    case 'partnerKind':
      return kindLabel(locale, value.value);
    default:
      return value.value;
  }
}

/**
 * A search facet's heading. The kinds of collectivity are headed by their side's country, from the
 * directory's countries (home first): "Collectivité française" / "Collectivité marocaine" for the
 * France–Morocco directory; a side of several partner countries reads "Collectivité partenaire".
 */
export function facetHeading(locale: Locale, facet: string, countries: readonly string[]): string {
  const side = facet === 'homeKind' ? countries.slice(0, 1) : facet === 'partnerKind' ? countries.slice(1) : [];
  if (side.length === 1) return collectivityOfCountry(locale, side[0]!);
  return label(locale, 'facet', facet);
}

/** The home page's heading of one side's collectivities: "Par collectivité marocaine", from its countries. */
export function bySideHeading(locale: Locale, countries: readonly string[]): string {
  if (countries.length !== 1) return t(locale, 'home.byPartner');
  const country = countries[0]!;
  const adjective = phrase(locale, 'country.adjective', country);
  return adjective !== undefined ? t(locale, 'home.byCountry', { adjective }) : t(locale, 'home.byCountryName', { country: countryLabel(locale, country) });
}

/** "Autres partenaires marocains de Marseille": the other partners, of `country`, of a collectivity named `name`. */
export function samePartnerHeading(locale: Locale, country: string, name: string): string {
  const adjective = phrase(locale, 'country.adjectives', country);
  return adjective !== undefined ? t(locale, 'collectivity.samePartner', { adjective, name }) : t(locale, 'collectivity.samePartner.country', { country: countryLabel(locale, country), name });
}

/**
 * The words the search index finds documents by besides their text: the labels of their codes in
 * every language of the site, `locale`'s first ("Maroc Morocco المغرب", "Terminé Completed منتهٍ"), and
 * the curated names of collectivities in other languages («الجماعة الحضرية لمراكش مراكش»): one index
 * serves the three languages.
 */
export function searchWords(locale: Locale): IndexWords {
  const all = [locale, ...LOCALES.filter((other) => other !== locale)];
  const every = (labelOf: (l: Locale) => string) => [...new Set(all.map(labelOf))].join(' ');
  const names = defaultLocalNames();
  return {
    country: (code) => (code === '' ? '' : every((l) => countryLabel(l, code))),
    kind: (code) => every((l) => kindLabel(l, code)),
    status: (code) => every((l) => statusLabel(l, code)),
    population: (count) => t(locale, 'search.population', { count: formatNumber(locale, count) }),
    names: (id) => names.words(id),
  };
}
