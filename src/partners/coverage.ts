/**
 * The map of gaps: the divisions of each country of a directory (its profile's levels: régions,
 * and départements where the profile has them) and, for each, the collectivities of the
 * directory there and how many of them are party to a partnership (of a domain, when one is
 * chosen; of a kind, when one is chosen). A division none of whose collectivities works with
 * anyone is a gap. Countries are data: any profile's divisions serve.
 */
import type { Gazetteer } from '../geo/gazetteer.js';
import type { Collectivity } from '../model/schema.js';
import { placeKey, type Profiles } from '../profiles/profiles.js';

export interface CoverageUnit {
  country: string;
  /** the level's code in the profile (region, departement…) and the kind of its collectivities */
  level: string;
  levelKind: string;
  code: string;
  name: string;
  parent?: string | undefined;
  seat?: string | undefined;
}

export interface CoverageRow extends CoverageUnit {
  /** the collectivities of the directory there (of the kind chosen) */
  collectivityIds: string[];
  /** those party to a partnership (of the domain chosen) */
  activeIds: string[];
  /** their partnerships, counted per party */
  partnerships: number;
}

/** Every division of the countries, top level first, in the profiles' order. */
export function unitsOf(profiles: Profiles, countries: readonly string[]): CoverageUnit[] {
  return countries.flatMap((country) => {
    const profile = profiles.find(country);
    if (profile === undefined) return [];
    return profile.divisions.levels.flatMap((level) =>
      profile.divisions.units
        .filter((u) => u.level === level.code)
        .map((u) => ({ country, level: level.code, levelKind: level.kind, code: u.code, name: u.name, parent: u.parent, seat: u.seat })),
    );
  });
}

/**
 * Where collectivities lie, by unit code: their région (the record's `region`), and below it the
 * unit they are (a département council) or the one whose GeoNames admin codes their place carries
 * (a commune: by name, among the départements of its région; unplaced when the gazetteer knows no
 * single one). The units' lookups are built once: a census of thousands of collectivities asks.
 */
export function placer(
  profiles: Profiles,
  gazetteer: Pick<Gazetteer, 'places'>,
  units: readonly CoverageUnit[],
): (c: Pick<Collectivity, 'country' | 'kind' | 'name' | 'shortName' | 'region'>) => string[] {
  const tops = new Map<string, CoverageUnit>();
  const children = new Map<string, CoverageUnit[]>();
  for (const u of units) {
    if (u.parent === undefined) tops.set(`${u.country}\u0000${placeKey(u.name)}`, u);
    else children.set(`${u.country}\u0000${u.parent}`, [...(children.get(`${u.country}\u0000${u.parent}`) ?? []), u]);
  }
  const admin2 = new Map<string, Map<string, string>>();
  const admin2Of = (country: string, parent: string): Map<string, string> => {
    const key = `${country}\u0000${parent}`;
    let codes = admin2.get(key);
    if (codes === undefined) {
      codes = new Map();
      const all = new Map((profiles.find(country)?.divisions.units ?? []).map((u) => [u.code, u]));
      for (const child of children.get(key) ?? []) for (const code of all.get(child.code)?.geonames?.admin2 ?? []) codes.set(code, child.code);
      admin2.set(key, codes);
    }
    return codes;
  };
  return (c) => {
    const top = c.region === undefined ? undefined : tops.get(`${c.country}\u0000${placeKey(c.region)}`);
    if (top === undefined) return [];
    const below = children.get(`${c.country}\u0000${top.code}`) ?? [];
    if (below.length === 0) return [top.code];
    const name = c.shortName ?? c.name;
    const itself = below.find((u) => u.levelKind === c.kind && placeKey(u.name) === placeKey(name));
    if (itself !== undefined) return [top.code, itself.code];
    if (profiles.kind(c.country, c.kind)?.level !== 'municipal') return [top.code];
    const codes = admin2Of(c.country, top.code);
    const found = new Set(gazetteer.places(c.country, name).places.flatMap((p) => (codes.has(p.admin2) ? [codes.get(p.admin2)!] : [])));
    return found.size === 1 ? [top.code, ...found] : [top.code];
  };
}

/** The rows of the map of gaps. `placed`: each collectivity's unit codes; `partnerships`: partnerships per collectivity (of the domain chosen). */
export function coverageRows(
  units: readonly CoverageUnit[],
  collectivities: readonly Pick<Collectivity, 'id' | 'country' | 'kind'>[],
  placed: ReadonlyMap<string, readonly string[]>,
  partnerships: ReadonlyMap<string, number>,
  kind?: string,
): CoverageRow[] {
  const rows = new Map<string, CoverageRow>(units.map((u) => [`${u.country}\u0000${u.code}`, { ...u, collectivityIds: [], activeIds: [], partnerships: 0 }]));
  for (const c of collectivities) {
    if (kind !== undefined && c.kind !== kind) continue;
    const n = partnerships.get(c.id) ?? 0;
    for (const code of placed.get(c.id) ?? []) {
      const row = rows.get(`${c.country}\u0000${code}`);
      if (row === undefined) continue;
      row.collectivityIds.push(c.id);
      if (n > 0) {
        row.activeIds.push(c.id);
        row.partnerships += n;
      }
    }
  }
  return [...rows.values()];
}
