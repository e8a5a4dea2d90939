/**
 * Where a synthetic collectivity is, from the packaged gazetteer (`src/geo`), so that maps of a
 * synthetic census look like the real one's: a real place name is placed as the real directory's
 * collectivities are (`locate`: the GeoNames point, or the seat of a département, région,
 * province); an invented commune ("Montagny-sur-Lot") is put on a real GeoNames place within
 * 30 km of its département's or province's seat, chosen by a hash of its id (so the generator's
 * random sequence, and everything else it writes, stays the same).
 */
import { defaultGazetteer, loadGeoNamesPlaces, loadWorldPlaces, type Gazetteer, type Place } from '../geo/gazetteer.js';
import type { Profiles } from '../profiles/profiles.js';

export interface SynthPlace {
  id: string;
  country: string;
  kind: string;
  name: string;
  short: string;
  region: string | null;
  /** for an invented name: the département or province it was drawn in */
  near?: { kind: string; name: string };
  /** already placed by its side (a gazetteer place it was drawn from) */
  at?: { lat: number; lon: number };
}

const RADIUS_KM = 30;

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return 6371 * Math.hypot(x, y);
}

/** FNV-1a: a stable number from a text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export interface SynthLocator {
  locate(c: SynthPlace): { lat: number; lon: number } | undefined;
}

/**
 * A locator for one directory: the gazetteer's places read once per country it is asked about
 * (the packaged subset's countries from it, any other from the world file).
 */
export function synthLocator(profiles: Profiles, gazetteer: Gazetteer = defaultGazetteer()): SynthLocator {
  let byCountry: Map<string, Place[]> | undefined;
  const around = new Map<string, Place[]>();
  const placesOf = (country: string): Place[] => {
    if (byCountry === undefined) {
      byCountry = new Map();
      for (const p of loadGeoNamesPlaces()) {
        const list = byCountry.get(p.country);
        if (list) list.push(p);
        else byCountry.set(p.country, [p]);
      }
    }
    let list = byCountry.get(country);
    if (list === undefined) {
      list = loadWorldPlaces([country]);
      byCountry.set(country, list);
    }
    return list;
  };
  return {
    locate(c) {
      if (c.at) return { lat: round(c.at.lat), lon: round(c.at.lon) };
      const region = c.region ?? undefined;
      if (c.near === undefined) {
        const at = gazetteer.locate({ country: c.country, kind: c.kind, shortName: c.short, name: c.name, region });
        if (at) return { lat: at.lat, lon: at.lon };
      }
      const regional = profiles.kindOfLevel(c.country, 'regional')?.code ?? 'region';
      const seat =
        (c.near && gazetteer.locate({ country: c.country, kind: c.near.kind, shortName: c.near.name, name: c.near.name, region })) ??
        (region === undefined ? undefined : gazetteer.locate({ country: c.country, kind: regional, shortName: region, name: region, region }));
      if (!seat) return undefined;
      const key = `${c.country}:${round(seat.lat)}:${round(seat.lon)}`;
      let nearby = around.get(key);
      if (nearby === undefined) {
        nearby = placesOf(c.country).filter((p) => km(p, seat) <= RADIUS_KM);
        around.set(key, nearby);
      }
      const pick = nearby.length > 0 ? nearby[hash(c.id) % nearby.length]! : seat;
      return { lat: round(pick.lat), lon: round(pick.lon) };
    },
  };
}
