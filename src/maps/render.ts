/**
 * Maps of a directory's countries, one of them or all together, drawn on the server as SVG with
 * d3-geo. The countries are the directory's (home first); what is drawn of each is its profile's.
 *
 * - Projections: conformal conics (the family of France's own Lambert-93), ONE map for all the
 *   countries, so that a line from a home city to its partner is a line on one plane. The frames
 *   of France, of Morocco and of both are reviewed (data/profiles/maps.json: France with standard
 *   parallels 44° and 49° on the 3° E meridian; Morocco with 27° and 34° on 7° W; both with 30°
 *   and 46° on 3° W); any other country or set gets parallels at a sixth and five sixths of its
 *   latitudes, on its middle meridian.
 * - Boundaries: see `geodata.ts` (Natural Earth: countries at 1:50m; France's régions of 2008
 *   and, on its own map, its départements; Morocco's régions of 1997–2015; the Western Sahara
 *   hatched, its line with Morocco dashed). Neighbouring countries are drawn in grey.
 * - Points: one per collectivity, an `<a href>` (focusable, with a `<title>`: its label and count;
 *   a label in another language than the map's is alone there, marked, the count its `<desc>`), its AREA
 *   proportional to its weight (number of partnerships: radius on a square-root scale). Points
 *   that fall on the same spot (a city and its région's capital) are spread on a small ring.
 * - Sizes are relative to the width (`viewBox`), so the map reads the same at 360 px and 900 px.
 * - Output is deterministic: same input, same bytes. The base map's paths are computed once per
 *   country and width, then reused.
 *
 * The SVG's root is a `role="group"` labelled by its `<title>` and described by its `<desc>`:
 * ARIA's `img` role makes its children presentational, which would hide the points' links from
 * assistive technology (and fails axe's nested-interactive rule). The same data comes back as
 * `table`, for the page to print beside the map.
 * Size: one SVG drawing (frames, cached base maps, points, links, legend) whose parts share the frame and the unit `u`; the boundaries and their data are already apart in geodata.ts.
 */
import { geoBounds, geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature } from 'geojson';
import { Lru } from '../lru.js';
import { defaultProfiles, type MapFrame, type Profiles } from '../profiles/profiles.js';
import { collection, countryShape, neighbours, type Box, type CountryShape } from './geodata.js';
import { escapeXml, formatNumber, num, safeId, stableId } from './svg.js';

/** one of the countries (its code), or 'both': all of them on one map */
export type MapCountry = 'both' | (string & {});

export interface MapPoint {
  id: string;
  label: string;
  href: string;
  lat: number;
  lon: number;
  /** number of partnerships: the point's area is proportional to it */
  weight: number;
  /** the collectivity's country (ISO 3166-1 alpha-2) */
  country: string;
  /** the page's own collectivity: drawn on top, ringed, its link of class "current" */
  current?: boolean;
  /** the label's language when it is not the map's (the directory's own name on a map in another language): its tooltip is then the label alone, marked, and the count its description */
  labelLang?: string;
}

export interface MapLink {
  from: string;
  to: string;
  weight: number;
}

export interface MapInput {
  country: MapCountry;
  /** the directory's countries, home first (default: the curated profiles' countries) */
  countries?: readonly string[];
  /** where the countries' outlines, names and frames come from (default: the packaged profiles) */
  profiles?: Profiles;
  points: readonly MapPoint[];
  /** drawn on the map of both countries, between points of different countries */
  links?: readonly MapLink[];
  title: string;
  description: string;
  /** the language of the map's words (its title, description, tooltips, legend), on the SVG's root: a map stands alone too (the book, a download) */
  lang?: string;
  /** width in SVG units (default 600); the height follows from the projection */
  width?: number;
  /** the SVG element's id (default: derived from the country and title); needed twice on one page */
  id?: string;
  /** the text after a point's label in its tooltip (default: "3 partenariats") */
  weightText?: (weight: number) => string;
  /** the legend's heading (default "Partenariats") */
  legendTitle?: string;
  /** the sources' credit, printed small in a bottom corner (default: Natural Earth and GeoNames, as their licences ask); '' for none */
  credit?: string;
  /** the most links drawn, heaviest first (default 400): beyond, lines only blacken the sea */
  maxLinks?: number;
  /** how many links there are in all, when the caller gave only the heaviest (for the description) */
  linkTotal?: number;
  /** a country's name in the legend, from its code (default: its profile's French name) */
  countryName?: (code: string) => string;
  /** the sentence saying that only the heaviest links are drawn (default: French) */
  linksCut?: (drawn: number, total: number) => string;
  /** the legend's numbers (default: French) */
  number?: (value: number) => string;
  /** appended to the description when a disputed territory (the Western Sahara) is on the map (default: its profile's note) */
  westernSaharaNote?: string;
  /**
   * Where the base map (`renderBaseMap` of the same country and width) is served: the map then
   * shows it as an image instead of carrying its 90 KB of paths, and browsers keep it between
   * pages. By default the base map is inline (a document that stands alone: the book).
   */
  baseHref?: string;
}

export interface MapTableRow {
  id: string;
  label: string;
  href: string;
  country: string;
  weight: number;
  lat: number;
  lon: number;
  /** where the point is drawn, in the SVG's coordinates (viewBox units, y downwards) */
  x: number;
  y: number;
  r: number;
  current?: boolean;
  labelLang?: string;
}

export interface RenderedMap {
  svg: string;
  /** links drawn / links given that could be drawn (both ends on the map, different countries) */
  links: { drawn: number; total: number };
  /** the drawn points, heaviest first */
  table: MapTableRow[];
  width: number;
  height: number;
  /** points not drawn: another country's, or no usable position */
  omitted: { id: string; reason: 'other-country' | 'no-position' | 'outside' }[];
}

export const DEFAULT_WIDTH = 600;
export const DEFAULT_CREDIT = 'Fond : Natural Earth · positions : GeoNames (CC BY 4.0)';

const COLORS = {
  sea: '#e8f1f7',
  land: '#e2e2de',
  landStroke: '#b4b4ae',
  primary: '#f7f3ea',
  primaryStroke: '#5d5d58',
  sahara: '#efeadf',
  region: '#a9a59b',
  departement: '#dcd7cc',
  home: '#1d5fa6',
  partner: '#b8322a',
  link: '#4a4a4a',
  current: '#111',
  text: '#3c3c3a',
};

interface Frame {
  /** geographic extent of the map, for choosing context countries */
  extent: Box;
  projection: () => GeoProjection;
  /** the countries drawn, home first */
  primary: string[];
  /** the bottom corner the legend goes in (the emptier one) */
  legend: 'left' | 'right';
  labels: { text: string; lat: number; lon: number; italic?: boolean }[];
  /** the key of its base map (with the width) */
  key: string;
}

interface BaseMap {
  width: number;
  height: number;
  projection: GeoProjection;
  context: string;
  countries: { shape: CountryShape; outline: string; regions?: string; departements?: string; disputed?: { outline: string; area: string; limit: string } }[];
}

/** The frame of a map: the reviewed one of its countries, or one computed from their outlines. */
function frameOf(country: MapCountry, countries: readonly string[], profiles: Profiles): Frame {
  const primary = country === 'both' ? [...countries] : [country];
  const key = primary.join('+');
  const reviewed: MapFrame | undefined = profiles.mapFrame(primary);
  if (reviewed) {
    const { extent, parallels, rotate, legend, labels } = reviewed;
    return { extent, projection: () => geoConicConformal().parallels(parallels).rotate(rotate), primary, legend, labels, key };
  }
  const shapes = primary.map((c) => countryShape(profiles.of(c)));
  const [[w, s], [e, n]] = geoBounds(collection(shapes.flatMap((x) => [x.outline, ...(x.disputed ? [x.disputed.feature] : [])]))) as Box;
  const [dx, dy] = [Math.max(2, (e - w) * 0.25), Math.max(2, (n - s) * 0.25)];
  const extent: Box = [[w - dx, s - dy], [e + dx, n + dy]];
  const parallels: [number, number] = [s + (n - s) / 6, n - (n - s) / 6];
  return { extent, projection: () => geoConicConformal().parallels(parallels).rotate([-(w + e) / 2, 0]), primary, legend: 'right', labels: [], key };
}

/** the base maps drawn, by frame and width (the most recent few: a site may draw any set of countries) */
const baseMaps = new Lru<string, BaseMap>(32);

/** The projected base map of a frame at a width: computed once, then reused. */
function baseMap(country: MapCountry, frame: Frame, countries: readonly string[], profiles: Profiles, width: number): BaseMap {
  // the directory's countries too: they are left out of the neighbours
  const key = `${frame.key}|${countries.join('+')}:${width}`;
  const hit = baseMaps.get(key);
  if (hit) return hit;
  const shapes = frame.primary.map((c) => countryShape(profiles.of(c)));
  const u = width / DEFAULT_WIDTH;
  const pad = 10 * u;
  const fitted: Feature[] = shapes.flatMap((x) => [x.outline, ...(x.disputed ? [x.disputed.feature] : [])]);
  const projection = frame.projection().fitWidth(width - 2 * pad, collection(fitted));
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(collection(fitted));
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad - x0, ty + pad - y0]);
  const height = Math.ceil(y1 - y0 + 2 * pad);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(1);
  const d = (f: Parameters<typeof path>[0]) => path(f) ?? '';
  // the directory's other countries are not neighbours: drawn only on the maps that are theirs
  const own = new Set(countries.flatMap((c) => (profiles.find(c)?.outline ? countryShape(profiles.of(c)).ids : [])));
  const context = neighbours(own, frame.extent)
    .map((o) => d(o.feature))
    .join('');
  const base: BaseMap = {
    width,
    height,
    projection,
    context,
    countries: shapes.map((shape) => ({
      shape,
      outline: d(shape.outline),
      ...(shape.regions ? { regions: d(shape.regions) } : {}),
      // the next level on a country's own map only: on a map of several they would be a grey wash
      ...(shape.departements && country !== 'both' ? { departements: d(shape.departements) } : {}),
      ...(shape.disputed ? { disputed: { outline: d(shape.disputed.feature), area: d(shape.disputed.area), limit: d(shape.disputed.limit) } } : {}),
    })),
  };
  baseMaps.set(key, base);
  return base;
}

/** The directory's countries: given, or the curated profiles' (the 2008 directory's). */
function countriesOf(input: Pick<MapInput, 'countries'>, profiles: Profiles): readonly string[] {
  return input.countries ?? profiles.curatedCodes();
}

export function renderMap(input: MapInput): RenderedMap {
  const width = Math.max(200, Math.round(input.width ?? DEFAULT_WIDTH));
  const profiles = input.profiles ?? defaultProfiles();
  const countries = countriesOf(input, profiles);
  const home = countries[0];
  const frame = frameOf(input.country, countries, profiles);
  const base = baseMap(input.country, frame, countries, profiles, width);
  const { height, projection } = base;
  const u = width / DEFAULT_WIDTH;
  const id = safeId(input.id ?? stableId('map', `${input.country}\u0000${input.title}`));
  const weightText = input.weightText ?? ((w: number) => `${formatNumber(w)} partenariat${w > 1 ? 's' : ''}`);

  // points: keep the map's countries' points with a usable position
  const omitted: RenderedMap['omitted'] = [];
  const placed: MapTableRow[] = [];
  for (const p of input.points) {
    if (!frame.primary.includes(p.country)) {
      omitted.push({ id: p.id, reason: 'other-country' });
      continue;
    }
    const xy = Number.isFinite(p.lat) && Number.isFinite(p.lon) ? projection([p.lon, p.lat]) : null;
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) {
      omitted.push({ id: p.id, reason: 'no-position' });
      continue;
    }
    if (xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height) {
      omitted.push({ id: p.id, reason: 'outside' });
      continue;
    }
    placed.push({
      id: p.id,
      label: p.label,
      href: p.href,
      country: p.country,
      weight: Math.max(0, p.weight),
      lat: p.lat,
      lon: p.lon,
      x: xy[0],
      y: xy[1],
      r: 0,
      ...(p.current === true ? { current: true } : {}),
      ...(p.labelLang !== undefined && p.labelLang !== input.lang ? { labelLang: p.labelLang } : {}),
    });
  }
  const maxWeight = Math.max(1, ...placed.map((p) => p.weight));
  const rMax = 13 * u;
  const rMin = 2.5 * u;
  const radius = (w: number) => Math.max(rMin, rMax * Math.sqrt(w / maxWeight));
  for (const p of placed) p.r = radius(p.weight);
  spreadCoincident(placed, u);
  for (const p of placed) {
    p.x = Number(num(p.x));
    p.y = Number(num(p.y));
    p.r = Number(num(p.r, 2));
  }
  placed.sort((a, b) => b.weight - a.weight || compareText(a.label, b.label) || compareText(a.id, b.id));

  // links: between points of different countries, on the map of both
  const byId = new Map(placed.map((p) => [p.id, p]));
  const links =
    input.country === 'both'
      ? (input.links ?? [])
          .map((l) => ({ l, a: byId.get(l.from), b: byId.get(l.to) }))
          .filter((x): x is { l: MapLink; a: MapTableRow; b: MapTableRow } => x.a !== undefined && x.b !== undefined && x.a.country !== x.b.country && x.l.weight > 0)
          .sort((x, y) => y.l.weight - x.l.weight || compareText(x.l.from, y.l.from) || compareText(x.l.to, y.l.to))
      : [];
  const linksDrawn = links.slice(0, Math.max(0, input.maxLinks ?? 400));
  const maxLink = links.length > 0 ? links[0]!.l.weight : 1;

  const out: string[] = [];
  const allLinks = Math.max(links.length, input.linkTotal ?? 0);
  const cutText = input.linksCut ?? ((drawn: number, total: number) => `Seuls les ${formatNumber(drawn)} liens les plus forts sur ${formatNumber(total)} sont tracés.`);
  const cut = linksDrawn.length < allLinks ? ` ${cutText(linksDrawn.length, allLinks)}` : '';
  const disputed = base.countries.find((c) => c.shape.disputed)?.shape.disputed;
  const description = input.description + cut + (disputed !== undefined ? ` ${input.westernSaharaNote ?? disputed.note}` : '');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="repertoire-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group"${input.lang === undefined ? '' : ` lang="${escapeXml(input.lang)}"`} aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    `<style>#${id}{max-width:100%;height:auto}#${id} a{cursor:pointer}#${id} a:focus{outline:none}#${id} a:focus circle,#${id} a:hover circle{stroke:#111;stroke-width:${num(2.5 * u, 2)}px;fill-opacity:1}#${id} a:focus-visible circle{stroke:#111;stroke-width:${num(3 * u, 2)}px}</style>`,
  );
  if (input.baseHref === undefined) out.push(...baseLayer(frame, base, id, u));
  else out.push(`<image href="${escapeXml(input.baseHref)}" width="${width}" height="${height}" aria-hidden="true"/>`);

  if (linksDrawn.length > 0) {
    out.push(`<g aria-hidden="true" fill="none" stroke="${COLORS.link}" stroke-opacity="0.3" stroke-linecap="round">`);
    for (const { l, a, b } of linksDrawn) {
      const [from, to] = a.country === home ? [a, b] : [b, a];
      const mx = (from.x + to.x) / 2;
      const my = (from.y + to.y) / 2;
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      // a gentle curve, always bowing the same way, so that lines between nearby pairs stay apart
      const cx = mx + dy * 0.12;
      const cy = my - dx * 0.12;
      const w = 0.5 * u + 2.5 * u * Math.sqrt(l.weight / maxLink);
      out.push(`<path d="M${num(from.x)} ${num(from.y)}Q${num(cx)} ${num(cy)} ${num(to.x)} ${num(to.y)}" stroke-width="${num(w, 2)}"/>`);
    }
    out.push('</g>');
  }

  out.push(`<g stroke="#fff" stroke-width="${num(0.8 * u, 2)}" fill-opacity="0.85">`);
  // the page's own collectivity last, so that it is drawn over its neighbours
  for (const p of [...placed.filter((q) => q.current !== true), ...placed.filter((q) => q.current === true)]) {
    // a label in another language than the map's is marked so: alone in the title, the count in the description
    const text =
      p.labelLang === undefined ? `<title>${escapeXml(`${p.label} — ${weightText(p.weight)}`)}</title>` : `<title lang="${escapeXml(p.labelLang)}">${escapeXml(p.label)}</title><desc>${escapeXml(weightText(p.weight))}</desc>`;
    const fill = p.country === home ? COLORS.home : COLORS.partner;
    if (p.current === true) {
      out.push(
        `<a href="${escapeXml(p.href)}" tabindex="0" class="current" aria-current="page">${text}<circle cx="${p.x}" cy="${p.y}" r="${num(p.r + 3.5 * u, 2)}" fill="none" stroke="${COLORS.current}" stroke-width="${num(2 * u, 2)}"/><circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="${fill}" fill-opacity="1"/></a>`,
      );
    } else out.push(`<a href="${escapeXml(p.href)}" tabindex="0">${text}<circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="${fill}"/></a>`);
  }
  out.push('</g>');

  const colours = input.country === 'both' ? countries.map((c, i) => ({ colour: i === 0 ? COLORS.home : COLORS.partner, text: input.countryName?.(c) ?? profiles.find(c)?.names.fr ?? c })) : [];
  out.push(legend(input, placed, maxWeight, radius, u, width, height, frame.legend, colours));
  const credit = input.credit ?? DEFAULT_CREDIT;
  if (credit !== '') {
    const left = frame.legend === 'right';
    out.push(
      `<text x="${num(left ? 4 * u : width - 4 * u)}" y="${num(height - 4 * u)}" text-anchor="${left ? 'start' : 'end'}" font-size="${num(8 * u, 2)}" fill="#666">${escapeXml(credit)}</text>`,
    );
  }
  out.push('</svg>');
  return { svg: out.join(''), table: placed, links: { drawn: linksDrawn.length, total: links.length }, width, height, omitted };
}

/**
 * The base map's layer: sea, neighbouring countries, the countries with their inner boundaries
 * (clipped to their outline) and the Western Sahara hatched, then the place labels. `id`
 * prefixes the ids it defines (the hatch, the clip paths).
 */
function baseLayer(frame: Frame, base: BaseMap, id: string, u: number): string[] {
  const { width, height, projection } = base;
  const out: string[] = [
    `<defs><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="${num(6 * u, 2)}" height="${num(6 * u, 2)}" patternTransform="rotate(45)"><rect width="${num(6 * u, 2)}" height="${num(6 * u, 2)}" fill="${COLORS.sahara}"/><line x1="0" y1="0" x2="0" y2="${num(6 * u, 2)}" stroke="#c9bfa9" stroke-width="${num(1.4 * u, 2)}"/></pattern></defs>`,
    `<g aria-hidden="true">`,
    `<rect width="${width}" height="${height}" fill="${COLORS.sea}"/>`,
    `<path d="${base.context}" fill="${COLORS.land}" stroke="${COLORS.landStroke}" stroke-width="${num(0.6 * u, 2)}" stroke-linejoin="round"/>`,
  ];
  const primaryStyle = `stroke="${COLORS.primaryStroke}" stroke-width="${num(0.9 * u, 2)}" stroke-linejoin="round"`;
  // inner boundaries (1:10m) clipped to the country's outline (1:50m), so that no end strays across it
  const inner = (d: string | undefined, kind: 'region' | 'departement', clip: string) =>
    d
      ? `<path class="boundary-${kind}" d="${d}" fill="none" stroke="${kind === 'region' ? COLORS.region : COLORS.departement}" stroke-width="${num((kind === 'region' ? 0.7 : 0.4) * u, 2)}" stroke-linejoin="round" clip-path="url(#${id}-${clip})"/>`
      : '';
  for (const c of base.countries) {
    const clip = c.shape.code.toLowerCase();
    if (c.disputed === undefined) {
      out.push(
        `<clipPath id="${id}-${clip}"><path d="${c.outline}"/></clipPath>`,
        `<path d="${c.outline}" fill="${COLORS.primary}"/>`,
        inner(c.departements, 'departement', clip),
        inner(c.regions, 'region', clip),
      );
      out.push(`<path d="${c.outline}" fill="none" ${primaryStyle}/>`);
    } else {
      // the disputed territory hatched: the country's part south of the limit, and the other outline
      out.push(
        `<clipPath id="${id}-sahara"><path d="${c.disputed.area}"/></clipPath>`,
        `<clipPath id="${id}-${clip}"><path d="${c.outline}"/></clipPath>`,
        `<path d="${c.outline}" fill="${COLORS.primary}"/>`,
        `<path d="${c.outline}" fill="url(#${id}-hatch)" clip-path="url(#${id}-sahara)"/>`,
        `<path d="${c.disputed.outline}" fill="url(#${id}-hatch)"/>`,
        inner(c.departements, 'departement', clip),
        inner(c.regions, 'region', clip),
        `<path d="${c.outline}" fill="none" ${primaryStyle}/>`,
        `<path d="${c.disputed.limit}" fill="none" stroke="${COLORS.primaryStroke}" stroke-width="${num(1.1 * u, 2)}" stroke-dasharray="${num(4 * u, 2)} ${num(3 * u, 2)}"/>`,
      );
    }
  }
  for (const label of frame.labels) {
    const xy = projection([label.lon, label.lat]);
    if (!xy) continue;
    out.push(
      `<text x="${num(xy[0])}" y="${num(xy[1])}" text-anchor="middle" font-size="${num(12 * u, 2)}" fill="${COLORS.text}"${label.italic ? ' font-style="italic"' : ' font-weight="600"'}>${escapeXml(label.text)}</text>`,
    );
  }
  out.push('</g>');
  return out;
}

/** The base map alone, as an SVG document: what `MapInput.baseHref` points to. Deterministic. */
export function renderBaseMap(country: MapCountry, width = DEFAULT_WIDTH, options: Pick<MapInput, 'countries' | 'profiles'> = {}): string {
  const w = Math.max(200, Math.round(width));
  const profiles = options.profiles ?? defaultProfiles();
  const countries = countriesOf(options, profiles);
  const frame = frameOf(country, countries, profiles);
  const base = baseMap(country, frame, countries, profiles, w);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${base.height}" width="${w}" height="${base.height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    ...baseLayer(frame, base, 'base', w / DEFAULT_WIDTH),
    '</svg>',
  ].join('');
}

/** In a bottom corner: what a circle's size means, and, on the map of all the countries, their colours. */
function legend(
  input: MapInput,
  placed: readonly MapTableRow[],
  maxWeight: number,
  radius: (w: number) => number,
  u: number,
  width: number,
  height: number,
  corner: 'left' | 'right',
  colours: readonly { colour: string; text: string }[],
): string {
  if (placed.length === 0) return '';
  const sizes = maxWeight > 1 ? [maxWeight, 1] : [1];
  const fs = 11 * u;
  const rBig = radius(sizes[0]!);
  const lineH = Math.max(2 * rBig + 4 * u, fs * 1.6);
  const rows = sizes.length + colours.length;
  const boxW = 150 * u;
  const boxH = fs * 1.8 + rows * Math.max(fs * 1.6, 2 * radius(1) + 6 * u) + (lineH - fs * 1.6);
  const x0 = corner === 'left' ? 6 * u : width - boxW - 6 * u;
  const y0 = height - boxH - 6 * u;
  const out: string[] = [`<g aria-hidden="true" font-size="${num(fs, 2)}" fill="${COLORS.text}">`];
  out.push(`<rect x="${num(x0)}" y="${num(y0)}" width="${num(boxW)}" height="${num(boxH)}" rx="${num(3 * u)}" fill="#fff" fill-opacity="0.85" stroke="${COLORS.landStroke}" stroke-width="${num(0.5 * u, 2)}"/>`);
  let y = y0 + fs * 1.4;
  out.push(`<text x="${num(x0 + 6 * u)}" y="${num(y)}" font-weight="600">${escapeXml(input.legendTitle ?? 'Partenariats')}</text>`);
  y += fs * 0.6;
  const cx = x0 + 6 * u + rBig;
  for (const w of sizes) {
    const r = radius(w);
    const h = w === sizes[0] ? lineH : Math.max(fs * 1.6, 2 * r + 6 * u);
    const cy = y + h / 2;
    out.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r, 2)}" fill="#888" fill-opacity="0.5" stroke="#fff"/>`);
    out.push(`<text x="${num(cx + rBig + 6 * u)}" y="${num(cy + fs * 0.35)}">${escapeXml((input.number ?? formatNumber)(w))}</text>`);
    y += h;
  }
  for (const { colour, text } of colours) {
    const h = Math.max(fs * 1.6, 2 * radius(1) + 6 * u);
    const cy = y + h / 2;
    out.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(5 * u, 2)}" fill="${colour}"/>`);
    out.push(`<text x="${num(cx + rBig + 6 * u)}" y="${num(cy + fs * 0.35)}">${escapeXml(text)}</text>`);
    y += h;
  }
  out.push('</g>');
  return out.join('');
}

/** Points on (nearly) the same spot are spread on a small ring around it, in id order. */
function spreadCoincident(points: MapTableRow[], u: number): void {
  const cell = 1.5 * u;
  const groups = new Map<string, MapTableRow[]>();
  for (const p of [...points].sort((a, b) => compareText(a.id, b.id))) {
    const key = `${Math.round(p.x / cell)}:${Math.round(p.y / cell)}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const cx = group[0]!.x;
    const cy = group[0]!.y;
    const ring = Math.max(...group.map((q) => q.r)) * 0.75 + 1.5 * u;
    group.forEach((q, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / group.length;
      q.x = cx + ring * Math.cos(angle);
      q.y = cy + ring * Math.sin(angle);
    });
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
