/**
 * The maps' base layers (sea, countries, boundaries: 90 KB of paths) served as images of their
 * own, so that a page with a map carries only its points and browsers keep the base between
 * pages. Each URL names its content's digest: the base changes only with the code or the
 * geodata, and is then cached for good.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { RepertoireError } from '../../errors.js';
import { renderBaseMap, type MapCountry } from '../../maps/render.js';
import { paths } from '../paths.js';

const COUNTRIES: readonly MapCountry[] = ['both', 'FR', 'MA'];

/** Drawn when first asked for, then kept: a pure function of the code and the packaged geodata. */
const drawn = new Map<MapCountry, { svg: Buffer; digest: string }>();

function draw(country: MapCountry): { svg: Buffer; digest: string } {
  let kept = drawn.get(country);
  if (kept === undefined) {
    const svg = Buffer.from(renderBaseMap(country), 'utf8');
    kept = { svg, digest: createHash('sha256').update(svg).digest('base64url').slice(0, 12) };
    drawn.set(country, kept);
  }
  return kept;
}

/** Where the base of a country's map is served, versioned by its content. */
export function baseMapHref(country: MapCountry): string {
  return `${paths.baseMap(`${country}.svg`)}?v=${draw(country).digest}`;
}

/** `/cartes/fond-<country>.svg`: for good when asked with its version, for an hour without. */
export function registerBaseMaps(app: FastifyInstance): void {
  app.get(paths.baseMap(':file'), async (request, reply) => {
    const file = (request.params as { file?: string }).file ?? '';
    const country = COUNTRIES.find((c) => file === `${c}.svg`);
    if (country === undefined) throw new RepertoireError('not-found', `no base map "${file.slice(0, 100)}"`, 404);
    const { svg, digest } = draw(country);
    const version = (request.query as { v?: unknown } | undefined)?.v;
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('etag', `"${digest}"`)
      .header('cache-control', version === digest ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
      .send(svg);
  });
}
