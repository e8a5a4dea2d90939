/**
 * Country profiles: everything that depends on a country, as data (docs/profiles.md). France and
 * Morocco are curated in `data/profiles/<CODE>/`; any other country's profile is generated from
 * the packaged world data (`data/profiles/world.json`: world-atlas outline id, currency, Natural
 * Earth's first-level divisions bridged to GeoNames), so that a directory with Senegal or Czechia
 * needs no code.
 *
 * `loadProfiles()` reads the files once and checks them (an error names the file and the field);
 * the `Profiles` it returns is passed to whoever needs a country: the gazetteer, the maps, the
 * statistics' money, the importer.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RepertoireError } from '../errors.js';
import { readDataFile } from './data-file.js';
import { DivisionsFile, type DivisionUnit, type Kind, type KindLevel, type MapFrame, MapsFile, PlacesFile, ProfileFile, WorldFile } from './schema.js';
import { foldKey } from '../text/fold.js';

export type { DivisionUnit, Kind, KindLevel, MapFrame } from './schema.js';

export interface CountryProfile {
  code: string;
  names: { fr: string; en: string; ar: string; frDefinite?: string };
  /** read from data/profiles/<CODE>/ (true) or generated from the world data (false) */
  curated: boolean;
  kinds: readonly Kind[];
  divisions: {
    year: number | null;
    source: string;
    /** top level first */
    levels: readonly { code: string; kind: string }[];
    units: readonly DivisionUnit[];
  };
  currency: { code: string; perEur?: number; year?: number; source?: string };
  outline: ProfileFile['outline'] | undefined;
  /** the codes GeoNames files the country's places under */
  gazetteerCountries: readonly string[];
  /** what in a printed contact says it is of this country (docs/profiles.md) */
  phone?: { callingCode: string; national?: string };
  webDomains?: readonly string[];
  offices?: readonly string[];
}

/** Accent-, case- and punctuation-free comparison key of a place name: the one folding (text/fold.ts). */
export const placeKey = foldKey;

export class Profiles {
  private readonly generated = new Map<string, CountryProfile>();
  private readonly regionKeys = new Map<string, Map<string, string>>();

  constructor(
    private readonly curated: ReadonlyMap<string, { profile: CountryProfile; places: Readonly<Record<string, string>> }>,
    private readonly world: WorldFile,
    private readonly maps: MapsFile = { frames: {} },
  ) {}

  /** The reviewed map frame of a country or of a set of countries (home first), when there is one. */
  mapFrame(countries: readonly string[]): MapFrame | undefined {
    return this.maps.frames[countries.join('+')];
  }

  /** The codes of the curated countries. */
  curatedCodes(): string[] {
    return [...this.curated.keys()].sort();
  }

  has(code: string): boolean {
    return this.curated.has(code) || this.world.countries[code] !== undefined;
  }

  /** A country's profile: its curated one, else one generated from the world data (an error for a code no data knows). */
  of(code: string): CountryProfile {
    const curated = this.curated.get(code)?.profile;
    if (curated) return curated;
    const hit = this.generated.get(code);
    if (hit) return hit;
    const world = this.world.countries[code];
    if (!world) throw new RepertoireError('not-found', `No country profile for “${code}”: not curated in data/profiles/ and not in data/profiles/world.json`);
    const profile = generate(code, world);
    this.generated.set(code, profile);
    return profile;
  }

  /** The profile when there is one (a record's country may be anything a document says). */
  find(code: string): CountryProfile | undefined {
    return this.has(code) ? this.of(code) : undefined;
  }

  kind(country: string, kind: string): Kind | undefined {
    return this.find(country)?.kinds.find((k) => k.code === kind);
  }

  /** The country's kind of a level (its first): the regional kind of Morocco is 'region-ma'. */
  kindOfLevel(country: string, level: KindLevel): Kind | undefined {
    return this.find(country)?.kinds.find((k) => k.level === level);
  }

  /** The kind a kind is one with when telling collectivities apart ('commune-rurale' → 'commune'); the kind itself by default. */
  kindGroup(kind: string): string {
    for (const code of this.curated.keys()) {
      const k = this.curated.get(code)!.profile.kinds.find((x) => x.code === kind);
      if (k?.group) return k.group;
    }
    return kind;
  }

  /** The top-level division a place of a country lies in (a unit of that level is its own): what regions.ts did. */
  regionOf(country: string, place: string): string | undefined {
    const keys = this.regionKeysOf(country);
    return keys?.get(placeKey(place));
  }

  /** The unit of a level whose name is the place (by comparison key). */
  unitNamed(country: string, level: string, name: string): DivisionUnit | undefined {
    const k = placeKey(name);
    return this.find(country)?.divisions.units.find((u) => u.level === level && placeKey(u.name) === k);
  }

  /** The GeoNames admin codes the places of a unit carry (a unit without its own: those of its children). */
  geonamesOf(country: string, unit: DivisionUnit): { admin1?: string[]; admin2?: string[]; otherCountries?: boolean } | undefined {
    if (unit.geonames) return unit.geonames;
    const children = this.find(country)?.divisions.units.filter((u) => u.parent === unit.code && u.geonames) ?? [];
    if (children.length === 0) return undefined;
    const admin1 = children.flatMap((c) => c.geonames!.admin1 ?? []);
    const admin2 = children.flatMap((c) => c.geonames!.admin2 ?? []);
    return { ...(admin1.length ? { admin1 } : {}), ...(admin2.length ? { admin2 } : {}) };
  }

  private regionKeysOf(country: string): Map<string, string> | undefined {
    const hit = this.regionKeys.get(country);
    if (hit) return hit;
    const profile = this.find(country);
    if (!profile) return undefined;
    const top = profile.divisions.levels[0]!.code;
    const keys = new Map<string, string>();
    for (const [k, region] of Object.entries(this.curated.get(country)?.places ?? {})) keys.set(k, region);
    for (const u of profile.divisions.units) if (u.level === top) keys.set(placeKey(u.name), u.name);
    this.regionKeys.set(country, keys);
    return keys;
  }
}

/** Generic kinds of a generated profile: a municipality and the first-level division. */
function generate(code: string, world: WorldFile['countries'][string]): CountryProfile {
  const type = world.divisionType || 'Region';
  return {
    code,
    names: world.names,
    curated: false,
    kinds: [
      { code: 'commune', level: 'municipal', labels: { fr: 'Commune', en: 'Municipality', ar: 'بلدية' } },
      { code: 'region', level: 'regional', labels: { fr: 'Région', en: type, ar: 'جهة' } },
    ],
    divisions: {
      year: null,
      source: 'Natural Earth, Admin 1 – States, Provinces (1:10m)',
      levels: [{ code: 'region', kind: 'region' }],
      units: (world.divisions ?? []).map(([unit, unitName, admin1]) => ({
        code: unit,
        name: unitName,
        level: 'region',
        ...(admin1 ? { geonames: { admin1: [admin1] } } : {}),
      })),
    },
    currency: { code: world.currency ?? 'XXX', ...fixedRate(world.currency) },
    outline: world.outline ? { worldAtlasId: world.outline } : undefined,
    gazetteerCountries: [code],
    // ISO 3166 codes are the country-code top-level domains, but for a few (GB: .uk) that a curated profile would say
    webDomains: [code.toLowerCase()],
  };
}

/**
 * Currencies tied to the euro by treaty: their rate is the fixed parity, whatever the year. Other
 * currencies of generated profiles have no reference rate: their amounts stay unconverted.
 */
function fixedRate(currency: string | undefined): Pick<CountryProfile['currency'], 'perEur' | 'year' | 'source'> {
  if (currency === 'EUR') return { perEur: 1 };
  if (currency === 'XOF' || currency === 'XAF') {
    return { perEur: 655.957, year: 1999, source: 'Parité fixe depuis le 1er janvier 1999 : 655,957 francs CFA pour 1 EUR (BCEAO, BEAC ; Banque de France).' };
  }
  if (currency === 'KMF') return { perEur: 491.96775, year: 1999, source: 'Parité fixe depuis le 1er janvier 1999 : 491,96775 francs comoriens pour 1 EUR (Banque centrale des Comores ; Banque de France).' };
  if (currency === 'XPF') return { perEur: 119.33174, year: 1999, source: 'Parité fixe depuis le 1er janvier 1999 : 119,33174 francs CFP pour 1 EUR (IEOM ; Banque de France).' };
  return {};
}

const DATA = fileURLToPath(new URL('../../data/profiles/', import.meta.url));

/** Reads the curated profiles of a folder (default data/profiles/) and the world data beside them. */
export function loadProfiles(dir: string = DATA): Profiles {
  const curated = new Map<string, { profile: CountryProfile; places: Record<string, string> }>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    const file = readDataFile(join(folder, 'profile.json'), ProfileFile);
    if (file.code !== entry.name) throw new RepertoireError('schema', `${join(folder, 'profile.json')}: code: "${file.code}" in the folder of ${entry.name}`);
    const divisions = readDataFile(join(folder, 'divisions.json'), DivisionsFile);
    const kinds = new Set(file.kinds.map((k) => k.code));
    divisions.levels.forEach((l, i) => {
      if (!kinds.has(l.kind)) throw new RepertoireError('schema', `${join(folder, 'divisions.json')}: levels.${i}.kind: "${l.kind}" is not one of the profile's kinds`);
    });
    const placesPath = join(folder, 'places.json');
    const places = existsSync(placesPath) ? readDataFile(placesPath, PlacesFile).places : {};
    const top = new Set(divisions.units.filter((u) => u.level === divisions.levels[0]!.code).map((u) => u.name));
    for (const [place, region] of Object.entries(places)) {
      if (!top.has(region)) throw new RepertoireError('schema', `${placesPath}: places.${place}: "${region}" is not a unit of the top level of divisions.json`);
    }
    const { $comment: _comment, ...profile } = file;
    const { $comment: _c, ...division } = divisions;
    curated.set(file.code, { profile: { ...profile, curated: true, divisions: division }, places });
  }
  const maps = join(dir, 'maps.json');
  return new Profiles(curated, readDataFile(join(dir, 'world.json'), WorldFile), existsSync(maps) ? readDataFile(maps, MapsFile) : undefined);
}

let shared: Profiles | undefined;

/** The packaged profiles, read on first use and kept: for the CLI and the defaults of the layers above. */
export function defaultProfiles(): Profiles {
  shared ??= loadProfiles();
  return shared;
}
