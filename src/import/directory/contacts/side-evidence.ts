/**
 * What a person's or an institution's own lines say of the side they belong to, as weighted
 * votes. Strongest first: the person is the executive named in the entry heading; a label names
 * the party; the role names a party; phone country codes and e-mail domains; the address.
 */
import { countriesOfOffice, countryEndingText, domainCountry, phoneCountry, type DirectoryCountries } from '../countries.js';
import { key } from '../text.js';
import type { PartyRef } from '../types.js';
import { joinParts } from './line-text.js';
import { familyOf, partiesInDomain, partiesMentionedIn, partiesOfFamilyIn } from './party-names.js';
import type { InstitutionDraft, PersonDraft, SideHint } from './types.js';

export interface Vote {
  /** a vote for one party, or … */
  party?: PartyRef;
  /** … for every party of a country */
  country?: string;
  weight: number;
}

const WEIGHT = {
  executive: 100,
  executiveSurname: 60,
  hint: 60,
  roleNamesParty: 40,
  phone: 30,
  partnerDomain: 30,
  officeWording: 25,
  homeDomain: 20,
  domainNamesParty: 20,
  addressNamesPlace: 20,
  family: 5,
} as const;

/** Mail hosts used on both shores: their country says nothing (Deya BENJELLOUN writes from yahoo.fr). */
const WEBMAIL = /(?:^|\.)(?:yahoo|hotmail|gmail|caramail|msn|live|aol|outlook|voila|laposte)\./i;

export function personEvidence(person: PersonDraft, parties: readonly PartyRef[], countries: DirectoryCountries): Vote[] {
  const role = joinParts(person.roleParts);
  const votes: Vote[] = [...executiveVotes(person.name, parties), ...hintVotes(person.group.hint)];
  for (const text of [role, person.organization]) {
    if (!text) continue;
    for (const party of partiesMentionedIn(text, parties)) votes.push({ party, weight: WEIGHT.roleNamesParty });
    votes.push(...familyVotes(text, parties), ...countriesOfOffice(text, countries).map((country) => ({ country, weight: WEIGHT.officeWording })));
  }
  votes.push(...coordinateVotes(person, parties, countries));
  return votes;
}

export function institutionEvidence(institution: InstitutionDraft, parties: readonly PartyRef[], countries: DirectoryCountries): Vote[] {
  const votes: Vote[] = [...hintVotes(institution.hint), ...coordinateVotes(institution, parties, countries)];
  for (const website of institution.websites) votes.push(...domainVotes(website.replace(/^https?:\/\//, ''), parties, countries));
  if (institution.opener) {
    const family = familyOf(institution.opener);
    for (const party of parties) if (family && familyOf(party.name) === family) votes.push({ party, weight: WEIGHT.family });
  }
  return votes;
}

function hintVotes(hint: SideHint | undefined): Vote[] {
  if (hint?.party) return [{ party: hint.party, weight: WEIGHT.hint }];
  if (hint?.country) return [{ country: hint.country, weight: WEIGHT.hint }];
  return [];
}

/** "Omar EL JAZOULI" is "Omar El Jazouli", "Abou Bakr BELKORA" is "Aboubakr Belkora". */
const HONORIFIC_WORDS = new Set(['m', 'mm', 'mr', 'mme', 'mlle', 'melle', 'monsieur', 'madame', 'mademoiselle']);

function nameWords(name: string): string[] {
  return key(name)
    .split(' ')
    .filter((w) => w && !HONORIFIC_WORDS.has(w));
}

function executiveVotes(name: string, parties: readonly PartyRef[]): Vote[] {
  const words = nameWords(name);
  const surname = name.split(/\s+/).filter((w) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
  const surnameWords = key(surname.join(' ')).split(' ').filter(Boolean);
  const votes: Vote[] = [];
  for (const party of parties) {
    if (!party.executiveName) continue;
    const exec = nameWords(party.executiveName);
    const sorted = (w: string[]) => [...w].sort().join('');
    if (words.join('') === exec.join('') || sorted(words) === sorted(exec)) votes.push({ party, weight: WEIGHT.executive });
    else if (surnameWords.join('').length >= 4 && surnameWords.every((w) => exec.includes(w))) votes.push({ party, weight: WEIGHT.executiveSurname });
  }
  return votes;
}

/**
 * "Vice-président de la CU" names the one party that is a communauté urbaine; "Adjoint au Maire"
 * only narrows the choice to communes, which matters when one side has two parties (Lyon).
 */
function familyVotes(text: string, parties: readonly PartyRef[]): Vote[] {
  const named = partiesOfFamilyIn(text, parties);
  if (named.length === 0 || named.length === parties.length) return [];
  const unique = named.length === 1 && familyOf(named[0]!.name) !== 'commune';
  return named.map((party) => ({ party, weight: unique ? WEIGHT.roleNamesParty : WEIGHT.family }));
}

interface HasCoordinates {
  addressParts: readonly string[];
  phones: readonly string[];
  faxes: readonly string[];
  emails: readonly string[];
}

function coordinateVotes(holder: HasCoordinates, parties: readonly PartyRef[], countries: DirectoryCountries): Vote[] {
  const votes: Vote[] = [];
  const dialled = new Set([...holder.phones, ...holder.faxes].map((phone) => phoneCountry(phone, countries)).filter((c): c is string => c !== undefined));
  for (const country of dialled) votes.push({ country, weight: WEIGHT.phone });
  for (const email of holder.emails) votes.push(...domainVotes(email.slice(email.indexOf('@') + 1), parties, countries));
  const address = holder.addressParts.join(', ');
  if (address) {
    for (const party of partiesMentionedIn(address, parties)) votes.push({ party, weight: WEIGHT.addressNamesPlace });
    const country = countryEndingText(address, countries);
    if (country) votes.push({ country, weight: WEIGHT.addressNamesPlace });
  }
  return votes;
}

/**
 * A domain's country (unless a webmail) and the parties its name spells. A home-country domain
 * says less: home-country providers (wanadoo.fr) served partner-side writers too.
 */
function domainVotes(domain: string, parties: readonly PartyRef[], countries: DirectoryCountries): Vote[] {
  const host = domain.toLowerCase().replace(/\/.*$/, '');
  if (WEBMAIL.test(host)) return [];
  const votes: Vote[] = partiesInDomain(host.replace(/\.[a-z]+$/, ''), parties).map((party) => ({ party, weight: WEIGHT.domainNamesParty }));
  const country = domainCountry(host, countries);
  if (country) votes.push({ country, weight: country === countries.home ? WEIGHT.homeDomain : WEIGHT.partnerDomain });
  return votes;
}
