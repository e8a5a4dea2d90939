/**
 * Whether a point lies in the country a row names: world-atlas's outlines (1:110m, ISO numeric
 * ids: coarse, and quick enough to ask for every row of a large table), read when first asked. Only a clear disagreement counts — the point inside another
 * country and nothing of the named one within half a degree — so that a border town drawn on
 * the wrong side of a coarse outline, or a port in the sea, is not flagged.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import topojson from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { alpha2Code, numericCode } from './countries.js';

const require = createRequire(import.meta.url);
type Shape = { id: string; feature: Feature<Polygon | MultiPolygon>; box: [[number, number], [number, number]] };

export class CountryOutlines {
  private shapes: Shape[] | undefined;
  /** answers by country and point: a register names the same collectivity, at the same point, row after row */
  private readonly answers = new Map<string, string | undefined>();

  /** The numeric id of the country the point lies in, by the outlines (undefined: none, the sea). */
  private containing(lon: number, lat: number): Shape | undefined {
    for (const shape of this.all()) {
      const [[w, s], [e, n]] = shape.box;
      const inBox = lat >= s && lat <= n && (w <= e ? lon >= w && lon <= e : lon >= w || lon <= e);
      if (inBox && geoContains(shape.feature, [lon, lat])) return shape;
    }
    return undefined;
  }

  /**
   * The ISO code of the other country the point clearly lies in, when it is not in (or
   * near) `alpha2`; undefined when they agree or when the outlines cannot say.
   */
  disagreement(lat: number, lon: number, alpha2: string): string | undefined {
    const key = `${alpha2}:${lat}:${lon}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.find(lat, lon, alpha2);
    if (this.answers.size >= 100_000) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  private find(lat: number, lon: number, alpha2: string): string | undefined {
    const id = numericCode(alpha2);
    const named = id === undefined ? undefined : this.all().find((s) => s.id === id);
    if (named === undefined) return undefined;
    if (geoContains(named.feature, [lon, lat])) return undefined;
    const other = this.containing(lon, lat);
    if (other === undefined) return undefined;
    for (let k = 0; k < 8; k += 1) {
      const angle = (k * Math.PI) / 4;
      if (geoContains(named.feature, [lon + 0.5 * Math.cos(angle), lat + 0.5 * Math.sin(angle)])) return undefined;
    }
    return alpha2Code(other.id) ?? other.id;
  }

  private all(): Shape[] {
    if (this.shapes) return this.shapes;
    const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
    this.shapes = topology.objects.countries.geometries
      .filter((g) => g.id !== undefined && (g.type === 'Polygon' || g.type === 'MultiPolygon'))
      .map((g) => {
        const feature = topojson.feature(topology, g as GeometryObject) as Feature<Polygon | MultiPolygon>;
        return { id: String(g.id), feature, box: geoBounds(feature) };
      });
    return this.shapes;
  }
}
