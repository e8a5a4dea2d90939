/**
 * The directory's two countries as the reader needs them: which is home (the first printed in
 * every heading) and which the partner, and what in a printed line says a person or a place is of
 * one of them — the country's name, its telephone calling code, its web domains, its titles of
 * office. All of it comes from the country profiles (docs/profiles.md), none from code.
 */
import { RepertoireError } from '../../errors.js';
import type { Profiles } from '../../profiles/profiles.js';
import { key } from './text.js';

/** What a printed line may carry of one country. */
export interface CountryEvidence {
  readonly code: string;
  /** the country's name as a comparison key ("maroc"): "Contact au Maroc", "… - Oujda - Maroc" */
  readonly name: string;
  /** digits dialled after + or 00 ("212") */
  readonly callingCode?: string;
  /** the digits of a number printed without its calling code */
  readonly nationalPhone?: RegExp;
  /** "ma", "fr" */
  readonly webDomains: readonly string[];
  /** its titles of office, matched on a comparison key; undefined when the profile names none */
  readonly offices?: RegExp;
}

export interface DirectoryCountries {
  readonly home: string;
  readonly partner: string;
  /** the profiles the countries were read from: the kinds of their collectivities, their regions */
  readonly profiles: Profiles;
  /** home first */
  readonly evidence: readonly [CountryEvidence, CountryEvidence];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function evidenceOf(code: string, profiles: Profiles): CountryEvidence {
  const profile = profiles.of(code);
  const offices = (profile.offices ?? []).map((o) => key(o)).filter(Boolean);
  return {
    code,
    name: key(profile.names.fr),
    ...(profile.phone ? { callingCode: profile.phone.callingCode } : {}),
    ...(profile.phone?.national ? { nationalPhone: new RegExp(profile.phone.national, 'u') } : {}),
    webDomains: profile.webDomains ?? [],
    ...(offices.length ? { offices: new RegExp(`\\b(?:${offices.map(escape).join('|')})\\b`) } : {}),
  };
}

/**
 * The reader's view of `countries` (home first, then partner). A list that is not two distinct
 * codes of known countries is a usage error, said in a sentence.
 */
export function directoryCountries(countries: readonly string[], profiles: Profiles): DirectoryCountries {
  const [home, partner] = countries;
  if (countries.length !== 2 || !home || !partner || home === partner) {
    throw new RepertoireError('usage', `a directory text is read with two different countries, home first (e.g. FR,SN); got “${countries.join(',')}”`);
  }
  for (const code of countries) {
    if (!/^[A-Z]{2}$/.test(code) || !profiles.has(code)) throw new RepertoireError('usage', `“${code}” is not a country code known to the profiles (ISO 3166-1 alpha-2, in capitals: FR, SN)`);
  }
  return { home, partner, profiles, evidence: [evidenceOf(home, profiles), evidenceOf(partner, profiles)] };
}

/** The country whose name a place or label text is, exactly ("France", "Maroc"). */
export function countryNamedBy(text: string, countries: DirectoryCountries): string | undefined {
  const k = key(text);
  return countries.evidence.find((c) => c.name === k)?.code;
}

/** The country a text ends with ("… - Oujda - Maroc"). */
export function countryEndingText(text: string, countries: DirectoryCountries): string | undefined {
  const k = key(text);
  return countries.evidence.find((c) => k === c.name || k.endsWith(` ${c.name}`))?.code;
}

/**
 * The country a text mentions anywhere ("Partenaires au Maroc", "En France"); the partner is
 * looked for first, as the book's sub-headings name the partner country beside home-side places.
 */
export function countryMentionedIn(text: string, countries: DirectoryCountries): string | undefined {
  const k = key(text);
  const [home, partner] = countries.evidence;
  return [partner, home].find((c) => k.includes(c.name))?.code;
}

/** The country a telephone number dials: its calling code after + or 00, else its national form. */
export function phoneCountry(phone: string, countries: DirectoryCountries): string | undefined {
  const digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  const international = /^(?:\+|00)(\d+)/.exec(digits)?.[1];
  if (international !== undefined) {
    // the longest code that fits: +1 and +1268 are different countries
    const fits = countries.evidence.filter((c) => c.callingCode && international.startsWith(c.callingCode));
    return fits.sort((a, b) => b.callingCode!.length - a.callingCode!.length)[0]?.code;
  }
  return countries.evidence.find((c) => c.nationalPhone?.test(digits))?.code;
}

/** The country of a host by its top-level domain ("menara.ma"). */
export function domainCountry(host: string, countries: DirectoryCountries): string | undefined {
  const tld = /\.([a-z]+)$/.exec(host.toLowerCase())?.[1];
  return tld ? countries.evidence.find((c) => c.webDomains.includes(tld))?.code : undefined;
}

/** The countries whose titles of office a text uses ("Adjoint au Maire", "Pacha"). */
export function countriesOfOffice(text: string, countries: DirectoryCountries): string[] {
  const k = key(text);
  return countries.evidence.filter((c) => c.offices?.test(k)).map((c) => c.code);
}
