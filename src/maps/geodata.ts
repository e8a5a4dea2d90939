/**
 * The boundaries the maps are drawn from: Natural Earth's Admin 0 countries at 1:50m (public
 * domain), as packaged by `world-atlas` (TopoJSON, ISC), read once, on first use. Which outline is
 * a country's, and what is drawn with it, is its profile's (src/profiles/, `outline`):
 *
 * - `keep`: only the parts inside a box (France: metropolitan France with Corsica; the overseas
 *   départements Natural Earth puts in the same MultiPolygon are left out).
 * - `disputed`: a territory whose status is disputed, hatched, its limit with the country dashed.
 *   Morocco's profile: Natural Earth's default view draws de facto lines, its "Morocco" running
 *   south to 21° N (the land west of the berm) and its "W. Sahara" (ISO 3166 numeric 732) being the
 *   strip east of the berm; the maps draw Morocco's outline as Natural Earth does, and hatch the
 *   whole of the Western Sahara (both pieces south of 27°40′ N) with its limit with Morocco dashed:
 *   a territory on the UN's list of non-self-governing territories. No side taken.
 * - `innerBoundaries`: lines of `data/geo/admin1.json` (built by scripts/build-admin1.ts from
 *   Natural Earth's Admin 1 at 1:10m, public domain): France's départements and its 22 régions of
 *   2008, Morocco's sixteen régions of 1997–2015; none inside a hatched territory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import topojson from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { CountryProfile } from '../profiles/profiles.js';

/** [[west, south], [east, north]] in degrees */
export type Box = [[number, number], [number, number]];

/** A country as a map draws it. */
export interface CountryShape {
  code: string;
  /** its world-atlas ids: the outline's and the disputed territory's (left out of the neighbours) */
  ids: string[];
  outline: Feature<Polygon | MultiPolygon>;
  disputed?: {
    feature: Feature<Polygon | MultiPolygon>;
    /** the whole territory: everything of the country and of the outline south of the limit (a clip shape) */
    area: Feature<Polygon>;
    /** the limit with the country, drawn dashed */
    limit: Feature<LineString>;
    note: string;
  };
  /** limits between the units of its top level of divisions */
  regions?: Feature<MultiLineString>;
  /** limits between units of the next level inside one of the top level */
  departements?: Feature<MultiLineString>;
}

const require = createRequire(import.meta.url);
type Countries = GeometryCollection<{ name: string }>;
let topology: Topology<{ countries: Countries }> | undefined;
let admin1: Admin1File | undefined;
const shapes = new Map<string, CountryShape>();

function world(): Topology<{ countries: Countries }> {
  topology ??= JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: Countries }>;
  return topology;
}

function feature(id: string): Feature<Polygon | MultiPolygon, { name: string }> {
  const t = world();
  const g = t.objects.countries.geometries.find((x) => x.id === id);
  if (!g) throw new Error(`world-atlas: no country ${id}`);
  return topojson.feature(t, g as GeometryObject<{ name: string }>) as Feature<Polygon | MultiPolygon, { name: string }>;
}

/** A country's shapes, from its profile's outline (an error when the profile has none). */
export function countryShape(profile: CountryProfile): CountryShape {
  const hit = shapes.get(profile.code);
  if (hit) return hit;
  const outline = profile.outline;
  if (!outline) throw new Error(`${profile.code}: no outline in its profile`);
  let shape = feature(outline.worldAtlasId);
  if (outline.keep) {
    const polygons = shape.geometry.type === 'MultiPolygon' ? shape.geometry.coordinates : [shape.geometry.coordinates];
    const kept = polygons.filter((p) => inside(geoBounds({ type: 'Polygon', coordinates: p }), outline.keep!));
    shape = { type: 'Feature', properties: shape.properties, geometry: { type: 'MultiPolygon', coordinates: kept } };
  }
  const out: CountryShape = { code: profile.code, ids: [outline.worldAtlasId], outline: shape };
  if (outline.disputed) {
    const { southOf, eastLimit } = outline.disputed;
    // edges of d3 polygons are great circles: the parallel is followed in small steps
    const parallel: [number, number][] = [];
    for (let lon = -20; lon < eastLimit; lon += 0.25) parallel.push([lon, southOf]);
    parallel.push([eastLimit, southOf]);
    out.ids.push(outline.disputed.worldAtlasId);
    out.disputed = {
      feature: feature(outline.disputed.worldAtlasId),
      // clockwise on the sphere: the small area south of the parallel
      area: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-20, 19], ...parallel, [eastLimit, 19], [-20, 19]]] } },
      limit: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: parallel.filter(([lon]) => lon >= -13.1) } },
      note: outline.disputed.note,
    };
  }
  if (outline.innerBoundaries) {
    admin1 ??= JSON.parse(readFileSync(new URL('../../data/geo/admin1.json', import.meta.url), 'utf8')) as Admin1File;
    const lines = admin1[outline.innerBoundaries];
    const multi = (coordinates: [number, number][][]): Feature<MultiLineString> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates } });
    if (lines?.regions) out.regions = multi(lines.regions);
    if (lines?.departements) out.departements = multi(lines.departements);
  }
  shapes.set(profile.code, out);
  return out;
}

/**
 * The countries other than `exclude` (world-atlas ids) whose bounding box meets `extent`, in
 * world-atlas's order: the neighbours a map draws in grey. Computed per frame (the base maps are
 * kept): the whole world's outlines as features held 7 MB of the server's heap.
 */
export function neighbours(exclude: ReadonlySet<string>, extent: Box): { id: string; name: string; feature: Feature<Geometry> }[] {
  const t = world();
  return t.objects.countries.geometries
    .filter((g) => g.type !== null && !exclude.has(String(g.id)))
    .map((g) => ({ g, feature: topojson.feature(t, g as GeometryObject<{ name: string }>) as Feature<Geometry, { name: string }> }))
    .filter(({ feature: f }) => overlaps(geoBounds(f) as Box, extent))
    .map(({ g, feature: f }) => ({ id: String(g.id), name: f.properties.name, feature: f }));
}

type Admin1File = Record<string, { regions?: [number, number][][]; departements?: [number, number][][] }>;

function inside(b: Box, box: Box): boolean {
  return b[0][0] >= box[0][0] && b[1][0] <= box[1][0] && b[0][1] >= box[0][1] && b[1][1] <= box[1][1];
}

/** Whether two boxes overlap (boxes crossing the antimeridian, west > east, count as the whole world). */
export function overlaps(a: Box, b: Box): boolean {
  if (a[0][0] > a[1][0] || b[0][0] > b[1][0]) return a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
}

export function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
