/**
 * The maps' base layers (sea, countries, boundaries: 90 KB of paths) served as images of their
 * own, so that a page with a map carries only its points and browsers keep the base between
 * pages. Each URL names its content's digest: the base changes only with the code or the
 * geodata, and is then cached for good.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { RepertoireError } from '../../errors.js';
import { Lru } from '../../lru.js';
import { renderBaseMap, type MapCountry } from '../../maps/render.js';
import { defaultProfiles } from '../../profiles/profiles.js';
import { paths } from '../paths.js';

/**
 * A base map's file: `both.svg`, `FR.svg`, `MA.svg` for the curated countries' directory (the
 * 2008 one: the names the site always had); `both.FR-SN.svg`, `SN.FR-SN.svg` for a directory of
 * other countries (home first).
 */
function fileOf(country: MapCountry, countries: readonly string[] | undefined): string {
  const own = countries === undefined || countries.join('-') === defaultProfiles().curatedCodes().join('-');
  return own ? `${country}.svg` : `${country}.${countries.join('-')}.svg`;
}

const FILE = /^(both|[A-Z]{2})(?:\.([A-Z]{2}(?:-[A-Z]{2})+))?\.svg$/;

/** Drawn when first asked for, then kept (the most recent few: any set of countries may be asked for). */
const drawn = new Lru<string, { svg: Buffer; digest: string }>(32);

function draw(country: MapCountry, countries: readonly string[] | undefined): { svg: Buffer; digest: string } {
  const file = fileOf(country, countries);
  let kept = drawn.get(file);
  if (kept === undefined) {
    const svg = Buffer.from(renderBaseMap(country, undefined, countries ? { countries } : {}), 'utf8');
    kept = { svg, digest: createHash('sha256').update(svg).digest('base64url').slice(0, 12) };
    drawn.set(file, kept);
  }
  return kept;
}

/** Where the base of a map is served (one country's, or 'both': all the directory's countries), versioned by its content. */
export function baseMapHref(country: MapCountry, countries?: readonly string[]): string {
  return `${paths.baseMap(fileOf(country, countries))}?v=${draw(country, countries).digest}`;
}

/** `/cartes/fond-<file>`: for good when asked with its version, for an hour without. */
export function registerBaseMaps(app: FastifyInstance): void {
  app.get(paths.baseMap(':file'), async (request, reply) => {
    const file = (request.params as { file?: string }).file ?? '';
    const match = FILE.exec(file);
    const profiles = defaultProfiles();
    const countries = match?.[2]?.split('-') ?? profiles.curatedCodes();
    const country = match?.[1];
    const known = country !== undefined && countries.every((c) => profiles.find(c)?.outline !== undefined) && (country === 'both' || countries.includes(country));
    if (!known) throw new RepertoireError('not-found', `no base map "${file.slice(0, 100)}"`, 404);
    const { svg, digest } = draw(country, match?.[2] === undefined ? undefined : countries);
    const version = (request.query as { v?: unknown } | undefined)?.v;
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('etag', `"${digest}"`)
      .header('cache-control', version === digest ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
      .send(svg);
  });
}
