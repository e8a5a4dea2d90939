/**
 * Which party a line names. Institution lines print a kind and a place ("Ville d' Ajaccio",
 * "Municipalité de la Ville de Rabat", "Hôtel de Ville de Fès", "Conseil régional PACA",
 * "Commune urbaine de Souk Sebt Ouled Nemma") or the place alone ("Souk El Khémis"); places are
 * compared by the directory's `placeKey` (case, accents, hyphens, apostrophes, "de/la" ignored).
 */
import { placeKey } from '../names.js';
import { key } from '../text.js';
import type { PartyRef } from '../types.js';
import { compactKey } from './line-text.js';

/** Lines that start like an organisation: a collectivity, a wilaya, a seat. */
const ORGANISATION_LINE =
  /^(?:villes?|communes?|mairie|municipalite|conseils?|communaute|province|prefecture|wilayi?a|siege|region|cercle|hotel de (?:ville|region) (?:de|d|du))(?: |$)/;

const PREFIX =
  /^(?:ville et |villes et )?(?:communes? urbaines?|communes? rurales?|communes?|villes?|mairie|municipalite(?: de la ville)?|hotel de ville|hotel de region|hotel du departement|conseil general|conseil regional|conseil provincial|conseil prefectoral|communaute urbaine|cu|province|prefecture|region|cercle)(?: (?:de la|de l|du|des|de|d|la|l))? /;

/** The kinds of collectivity, as words in a line and as the names of parties. */
const FAMILIES: ReadonlyArray<readonly [family: string, pattern: RegExp]> = [
  ['communaute-urbaine', /(?:^| )(?:communaute urbaine|cu|metropole)(?: |$)/],
  ['departement', /(?:^| )(?:conseil general|departement|hotel du departement)(?: |$)/],
  ['region', /(?:^| )(?:conseil regional|region|regional)(?: |$)/],
  ['province', /(?:^| )(?:province|provincial)(?: |$)/],
  ['prefecture', /(?:^| )(?:prefecture|prefectoral)(?: |$)/],
  ['commune', /(?:^| )(?:ville|mairie|municipalite|commune|communes|maire|hotel de ville)(?: |$)/],
];

export function isOrganisationLine(text: string): boolean {
  return ORGANISATION_LINE.test(key(text));
}

function stripPrefixes(k: string): string {
  let out = k;
  for (let i = 0; i < 3 && PREFIX.test(`${out} `); i++) out = `${out} `.replace(PREFIX, '').trim();
  return out;
}

/** "Provence Alpes Côte d'Azur" → "paca": regions are printed by their initials. */
function initials(k: string): string | undefined {
  const words = k.split(' ').filter((w) => w.length > 1);
  return words.length >= 3 ? words.map((w) => w[0]).join('') : undefined;
}

const keysOf = new WeakMap<PartyRef, string[]>();

/** Every comparison key of a party's place, most specific first (computed once per party). */
function partyKeys(party: PartyRef): string[] {
  const known = keysOf.get(party);
  if (known) return known;
  const places = [party.shortName, ...party.aliases, party.name].map((n) => placeKey(stripPrefixes(key(n))));
  const keys = [...new Set(places.flatMap((p) => [p, initials(p) ?? '']).filter((k) => k.length >= 2))];
  keysOf.set(party, keys);
  return keys;
}

/** The kind family of a collectivity, from its name ("Communauté urbaine de Lyon" → communaute-urbaine). */
export function familyOf(text: string): string | undefined {
  const k = key(text);
  return FAMILIES.find(([, pattern]) => pattern.test(k))?.[0];
}

/** Parties of the family a line's wording points to ("Vice-président de la CU", "Adjoint au Maire"). */
export function partiesOfFamilyIn(text: string, parties: readonly PartyRef[]): PartyRef[] {
  const k = key(text);
  const families = FAMILIES.filter(([, pattern]) => pattern.test(k)).map(([f]) => f);
  return parties.filter((p) => families.includes(familyOf(p.name) ?? ''));
}

/** The party an institution line names, or undefined. */
export function partyNamedBy(text: string, parties: readonly PartyRef[]): PartyRef | undefined {
  const k = key(text);
  const organisation = ORGANISATION_LINE.test(k);
  const core = placeKey(stripPrefixes(k));
  if (core.length < 2) return undefined;
  const hits = parties.filter((p) =>
    partyKeys(p).some((pk) => core === pk || (organisation && core.startsWith(`${pk} `))),
  );
  if (hits.length <= 1) return hits[0];
  const family = familyOf(text);
  return hits.find((p) => familyOf(p.name) === family) ?? hits[0];
}

/** Parties whose place a free text mentions as whole words ("Président de la commune urbaine de Meknès"). */
export function partiesMentionedIn(text: string, parties: readonly PartyRef[]): PartyRef[] {
  const words = ` ${placeKey(key(text))} `;
  return parties.filter((p) => partyKeys(p).some((pk) => pk.length >= 3 && words.includes(` ${pk} `)));
}

/** Parties whose place a domain spells ("mairie-aixenprovence.fr", "ville-figuig.info", "regionpaca.fr"). */
export function partiesInDomain(domain: string, parties: readonly PartyRef[]): PartyRef[] {
  const compact = compactKey(domain);
  return parties.filter((p) => partyKeys(p).some((pk) => pk.replace(/ /g, '').length >= 4 && compact.includes(pk.replace(/ /g, ''))));
}
