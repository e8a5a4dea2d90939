/**
 * The boundaries the maps are drawn from: Natural Earth's Admin 0 countries at 1:50m (public
 * domain), as packaged by `world-atlas` (TopoJSON, ISC). Read once, on first use.
 *
 * - France: metropolitan France with Corsica; the overseas départements that Natural Earth puts
 *   in the same MultiPolygon (Guyane, Réunion, Antilles, Mayotte) are left out.
 * - Morocco: Natural Earth's default view draws de facto lines: its "Morocco" runs south to
 *   21° N (the land west of the berm) and its "W. Sahara" (ISO 3166 numeric 732) is the strip east
 *   of the berm. The maps draw Morocco's outline as Natural Earth does, and hatch the whole of the
 *   Western Sahara (both pieces south of 27°40′ N) with its limit with Morocco dashed: a territory
 *   whose status is disputed (on the UN's list of non-self-governing territories). No side taken.
 * - Inner boundaries (`data/geo/admin1.json`, built by scripts/build-admin1.ts from Natural Earth's
 *   Admin 1 at 1:10m, public domain): France's départements and its 22 régions of 2008, Morocco's
 *   sixteen régions of 1997–2015, as lines; none inside the hatched Western Sahara.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import topojson from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export const COUNTRY_IDS = { FR: '250', MA: '504', EH: '732' } as const;

/**
 * The Western Sahara's limit with Morocco: the parallel 27°40′ N, from the Atlantic to the
 * tripoint with Algeria at 8°40′ W.
 */
export const SAHARA_NORTH = 27 + 40 / 60;
export const SAHARA_EAST = -(8 + 40 / 60);

/** [[west, south], [east, north]] in degrees */
export type Box = [[number, number], [number, number]];

/** Metropolitan France with Corsica (Natural Earth puts the overseas départements in the same feature). */
const METROPOLE: Box = [
  [-6, 41],
  [10, 52],
];

export interface GeoData {
  france: Feature<MultiPolygon>;
  morocco: Feature<Polygon | MultiPolygon>;
  westernSahara: Feature<Polygon | MultiPolygon>;
  /** the other countries that enter the mapped area, with their bounding boxes, to draw as context */
  others: { id: string; name: string; feature: Feature<Geometry>; box: Box }[];
  /** the Western Sahara as a whole: everything of Morocco and W. Sahara south of 27°40′ N (a clip shape) */
  saharaArea: Feature<Polygon>;
  /** the parallel 27°40′ N from the Atlantic to Algeria: the limit drawn dashed */
  saharaLimit: Feature<LineString>;
  /** limits between the régions of 2008 (metropolitan France) */
  franceRegions: Feature<MultiLineString>;
  /** limits between départements of the same région */
  franceDepartements: Feature<MultiLineString>;
  /** limits between Morocco's régions of 1997–2015, north of 27°40′ N */
  moroccoRegions: Feature<MultiLineString>;
}

/**
 * The part of the world the maps show: France, Morocco and what surrounds them (every map's frame
 * lies within it, see render.ts). Other countries are kept only where they enter it: the whole
 * world's outlines held 7 MB of the server's heap for the few a map draws.
 */
export const MAPPED_AREA: Box = [
  [-19, 19.5],
  [14, 53.5],
];

const require = createRequire(import.meta.url);
let cached: GeoData | undefined;

type Countries = GeometryCollection<{ name: string }>;

export function geoData(): GeoData {
  cached ??= load();
  return cached;
}

function load(): GeoData {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: Countries }>;
  const countries = topology.objects.countries;
  const byId = (id: string) => {
    const g = countries.geometries.find((x) => x.id === id);
    if (!g) throw new Error(`world-atlas: no country ${id}`);
    return topojson.feature(topology, g as GeometryObject<{ name: string }>) as Feature<Polygon | MultiPolygon, { name: string }>;
  };

  const franceAll = byId(COUNTRY_IDS.FR);
  const polygons = franceAll.geometry.type === 'MultiPolygon' ? franceAll.geometry.coordinates : [franceAll.geometry.coordinates];
  const metropolitan = polygons.filter((p) => inside(geoBounds({ type: 'Polygon', coordinates: p }), METROPOLE));
  const france: Feature<MultiPolygon> = { type: 'Feature', properties: { name: 'France' }, geometry: { type: 'MultiPolygon', coordinates: metropolitan } };

  const others = countries.geometries
    .filter((g) => g.id !== COUNTRY_IDS.FR && g.id !== COUNTRY_IDS.MA && g.id !== COUNTRY_IDS.EH && g.type !== null)
    .map((g) => {
      const feature = topojson.feature(topology, g as GeometryObject<{ name: string }>) as Feature<Geometry, { name: string }>;
      return { id: String(g.id), name: feature.properties.name, feature, box: geoBounds(feature) as Box };
    })
    .filter((other) => overlaps(other.box, MAPPED_AREA));

  // edges of d3 polygons are great circles: the parallel is followed in small steps
  const parallel: [number, number][] = [];
  for (let lon = -20; lon < SAHARA_EAST; lon += 0.25) parallel.push([lon, SAHARA_NORTH]);
  parallel.push([SAHARA_EAST, SAHARA_NORTH]);
  const saharaArea: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    // clockwise on the sphere: the small area south of the parallel
    geometry: { type: 'Polygon', coordinates: [[[-20, 19], ...parallel, [SAHARA_EAST, 19], [-20, 19]]] },
  };
  const saharaLimit: Feature<LineString> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates: parallel.filter(([lon]) => lon >= -13.1) },
  };
  const admin1 = JSON.parse(readFileSync(new URL('../../data/geo/admin1.json', import.meta.url), 'utf8')) as Admin1File;
  const lines = (coordinates: [number, number][][]): Feature<MultiLineString> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates } });
  return {
    france,
    morocco: byId(COUNTRY_IDS.MA),
    westernSahara: byId(COUNTRY_IDS.EH),
    others,
    saharaArea,
    saharaLimit,
    franceRegions: lines(admin1.FR.regions),
    franceDepartements: lines(admin1.FR.departements),
    moroccoRegions: lines(admin1.MA.regions),
  };
}

interface Admin1File {
  FR: { regions: [number, number][][]; departements: [number, number][][] };
  MA: { regions: [number, number][][] };
}

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
