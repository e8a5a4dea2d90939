/**
 * Reading collectivity names: "Ville d'Aix-en-Provence" is a French commune whose place is
 * Aix-en-Provence; "Communes urbaines de Marrakech et de Meknès" names two Moroccan communes.
 * The kind and the place together identify a collectivity across the whole book.
 *
 * The words are the book's French; which kind a word names where it depends on the country (a
 * "Ville" is a French commune but a Moroccan commune urbaine, a "Conseil régional" Morocco's
 * 'region-ma') comes from the country's profile: its kind of that level and the kind's name prefix.
 */
import { defaultProfiles, type KindLevel, type Profiles } from '../../profiles/profiles.js';
import { key, memoised } from './text.js';

export interface NamedCollectivity {
  /** the name as it should be shown: "Commune urbaine d'Oujda" */
  readonly name: string;
  readonly place: string;
  readonly kind: string;
  readonly country: string;
}

interface KindRule {
  readonly pattern: RegExp;
  /** the kind, or the level whose kind the country's profile names (the country of the side the name stands on) */
  readonly kind: string | { level: KindLevel; fallback: string };
  /** the official prefix used to rebuild a singular name from a plural heading (the profile's kind's, when it has one) */
  readonly prefix: string;
}

const OF = String.raw`(?:\s+(?:de\s+la|de\s+l['’]\s*|des|du|de|d['’]\s*)\s*|\s+)`;

/** Ordered: the first matching prefix decides. */
const KINDS: readonly KindRule[] = [
  { pattern: new RegExp(`^communes?\\s+urbaines?${OF}`, 'i'), kind: 'commune-urbaine', prefix: 'Commune urbaine' },
  { pattern: new RegExp(`^communes?\\s+rurales?${OF}`, 'i'), kind: 'commune-rurale', prefix: 'Commune rurale' },
  { pattern: new RegExp(`^communaut[ée]\\s+urbaine${OF}`, 'i'), kind: 'communaute-urbaine', prefix: 'Communauté urbaine' },
  { pattern: new RegExp(`^(?:conseil\\s+g[ée]n[ée]ral|CG)${OF}`, 'i'), kind: 'departement', prefix: 'Conseil général' },
  { pattern: new RegExp(`^(?:conseil\\s+r[ée]gional|CR|r[ée]gion)${OF}`, 'i'), kind: { level: 'regional', fallback: 'region' }, prefix: 'Conseil régional' },
  { pattern: new RegExp(`^(?:conseil\\s+provincial|province)${OF}`, 'i'), kind: 'province', prefix: 'Province' },
  { pattern: new RegExp(`^(?:conseil\\s+pr[ée]fectoral|pr[ée]fecture)${OF}`, 'i'), kind: 'prefecture', prefix: 'Préfecture' },
  { pattern: new RegExp(`^cercle${OF}`, 'i'), kind: 'cercle', prefix: 'Cercle' },
  { pattern: new RegExp(`^(?:ville|mairie|municipalit[ée](?:\\s+de\\s+la\\s+ville)?|h[ôo]tel\\s+de\\s+ville)${OF}`, 'i'), kind: { level: 'municipal', fallback: 'commune' }, prefix: 'Ville' },
];

/** A rule's kind and name prefix for a country. */
function kindFor(rule: KindRule, country: string, profiles: Profiles): { kind: string; prefix: string } {
  if (typeof rule.kind === 'string') return { kind: rule.kind, prefix: rule.prefix };
  const k = profiles.kindOfLevel(country, rule.kind.level);
  return { kind: k?.code ?? rule.kind.fallback, prefix: k?.namePrefix ?? rule.prefix };
}

/** Does this line start like the name of a collectivity (a heading or a synthesis pair side)? */
export function looksLikeCollectivityName(text: string): boolean {
  return /^(ville\s+(de|d['’]|et)|communaut[ée]\s+urbaine|communes?\s+(urbaines?|rurales?)|conseil\s+(g[ée]n[ée]ral|r[ée]gional)|province\s+(de|d['’])|pr[ée]fecture\s+(de|d['’])|cercle\s+de)/i.test(text.trim());
}

/** The same collectivity in the same kind group: Moroccan communes are one whether printed "urbaine" or "rurale" (the profiles' `group`). */
export function kindGroup(kind: string, profiles: Profiles = defaultProfiles()): string {
  return profiles.kindGroup(kind);
}

/**
 * Reads one heading naming one or more collectivities of one country.
 * "Ville et Communauté urbaine de Lyon" → Ville de Lyon + Communauté urbaine de Lyon;
 * "Communes urbaines de Rabat, Meknès, Marrakech et Fès" → four communes.
 */
export function readCollectivityNames(text: string, country: string, profiles: Profiles = defaultProfiles()): NamedCollectivity[] {
  const clean = text.replace(/\s+/g, ' ').replace(/[.;]+$/, '').trim();
  const villeEt = /^ville\s+et\s+(communaut[ée]\s+urbaine\s+(?:de\s+|d['’]\s*))(.+)$/i.exec(clean);
  if (villeEt) {
    const place = villeEt[2]!.trim();
    const commune = kindFor(KINDS[KINDS.length - 1]!, country, profiles);
    return [make(`${commune.prefix} ${of(place)}`, place, commune.kind, country), make(`Communauté urbaine ${of(place)}`, place, 'communaute-urbaine', country)];
  }
  const dash = clean.split(/\s+-\s+(?=\p{Lu})/u);
  if (dash.length > 1) return dash.flatMap((part) => readCollectivityNames(part, country, profiles));
  for (const rule of KINDS) {
    const m = rule.pattern.exec(clean);
    if (!m) continue;
    // "Ville de La Rochelle": a capital article belongs to the name, unlike "de la Seine-Saint-Denis".
    const article = /\s(La|Le|Les|L['’])\s*$/.exec(m[0]);
    const rest = clean.slice(article ? m[0].length - article[0].length + 1 : m[0].length).trim();
    const { kind, prefix } = kindFor(rule, country, profiles);
    const plural = /^(communes|communaut[ée]s)\s/i.test(clean);
    if (!plural) return [make(normaliseName(clean, prefix, rest), rest, kind, country)];
    return splitPlaces(rest).map((place) => make(`${prefix} ${of(place)}`, place, kind, country));
  }
  return [];
}

/** "Rabat, Meknès, Marrakech et Fès" / "Marrakech et de Meknès" → places. */
function splitPlaces(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+et\s+/)
    .map((p) => p.replace(/^(de\s+la|de\s+l['’]|des|du|de|d['’])\s*/i, '').trim())
    .filter(Boolean);
}

/** "Mairie de Safi" → "Commune urbaine de Safi"; headings keep their own spelling. */
function normaliseName(text: string, prefix: string, place: string): string {
  if (/^(mairie|municipalit|h[ôo]tel de ville|r[ée]gion\s|CG\s|CR\s)/i.test(text)) return `${prefix} ${of(place)}`;
  return text;
}

/** French elision: "de Oujda" → "d'Oujda". */
export function of(place: string): string {
  return /^[aeiouyàâéèêîïôûh]/i.test(place) && !/^h[aâ]/i.test(place) ? `d'${place}` : `de ${place}`;
}

function make(name: string, place: string, kind: string, country: string): NamedCollectivity {
  return { name: name.replace(/d['’]\s+/g, "d'"), place: cleanPlace(place), kind, country };
}

/** "l'Oriental" → "Oriental", "la Seine-Saint-Denis" → "Seine-Saint-Denis". */
function cleanPlace(place: string): string {
  return place.replace(/^(la|l['’]|le|les)\s+|^l['’]\s*/, '').replace(/\s+/g, ' ').trim();
}

/** A comparison key for a place: "Tadla Azilal" = "Tadla-Azilal", "El Jadida" = "El Jedida"; asked for the same few hundred names thousands of times by every matcher. */
export const placeKey: (place: string) => string = memoised(foldPlace);

function foldPlace(place: string): string {
  const k = key(place).replace(/\b(de|du|des|la|le|les|l|d)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return PLACE_ALIASES[k] ?? k;
}

/** Spellings of one place met in the book; the value is the key used for identity. */
const PLACE_ALIASES: Record<string, string> = {
  'el jadida': 'el jedida',
  'souss mass draa': 'souss massa draa',
  'sous massa draa': 'souss massa draa',
  paca: 'provence alpes cote azur',
  'region paca': 'provence alpes cote azur',
  'seine st denis': 'seine saint denis',
  'rabat sale zemmour zaer': 'rabat sale zemmour zaer',
  'ville nantes metropole': 'nantes metropole',
  figuiq: 'figuig',
};
