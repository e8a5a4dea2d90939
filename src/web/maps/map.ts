/**
 * The site's maps: a view-model part (`MapView`: points, links, unlocated collectivities) that a
 * page's data function fills from the store (`loadMapView`), and `mapSection`, which
 * draws it with `renderMap` and follows it with its data as a table and the unlocated list.
 *
 * The SVG's inline `<style>` is taken out: the site's CSP allows no inline styles, and site.css
 * carries the same rules for every `.repertoire-map` and `.repertoire-chart`.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { directoryCountries, heaviestBy, loadCollectivityMapCounts, loadMapCounts, loadMapPlaces, mapDataOf, type MapCounts, type MapData, type Place } from '../../maps/data.js';
import { renderMap, type MapCountry, type MapInput } from '../../maps/render.js';
import { censusSnapshot } from '../../stats/snapshot.js';
import type { Database } from '../../store/tables.js';
import type { Directory } from '../data/directory.js';
import { html, raw, type SafeHtml } from '../html.js';
import { countryLabel } from '../i18n/codes.js';
import { DEFAULT_LOCALE, formatNumber, label, tn } from '../i18n/index.js';
import type { RenderContext } from '../page.js';
import { currentLanguage } from '../language.js';
import { namesIn } from '../names.js';
import { paths } from '../paths.js';
import { baseMapHref } from './base.js';
import { scrollTable, printedWords } from '../render/parts.js';

export const MapPointView = z.object({
  id: z.string(),
  label: z.string(),
  href: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** partnerships (of the map's selection) the collectivity is party to */
  weight: z.number().int(),
  country: z.string(),
  /** the page's own collectivity */
  current: z.boolean().optional(),
  /** on a page in another language than the directory's, a label that is the directory's own name (no curated one in the page's language) */
  printed: z.boolean().optional(),
});

export const MapView = z.object({
  points: z.array(MapPointView),
  /** the heaviest links (at most `MAP_LINKS`: the map draws no more) */
  links: z.array(z.object({ from: z.string(), to: z.string(), weight: z.number().int() })),
  /** how many links there are in all, when `links` was cut to the heaviest */
  linkTotal: z.number().int().optional(),
  /** collectivities of the selection that neither the store nor the gazetteer can place */
  unlocated: z.array(z.object({ id: z.string(), name: z.string(), href: z.string() })),
  /** the directory's countries, home first: the outlines drawn (default: the curated profiles' countries) */
  countries: z.array(z.string()).optional(),
});
export type MapView = z.infer<typeof MapView>;

interface Named {
  kind: string;
  name: string;
}

/** Labels that two points share get the kind ("Agadir (préfecture)"), else the full name. */
function distinctLabels(data: MapData, named: (id: string) => Named | undefined): MapData['points'] {
  const kinded = data.points.map((p) => {
    const kind = named(p.id)?.kind;
    const locale = currentLanguage();
    return kind === undefined ? p.label : `${p.label} (${label(locale, 'kind', kind).toLocaleLowerCase(locale)})`;
  });
  const tally = (names: readonly string[]) => names.reduce((m, name) => m.set(name, (m.get(name) ?? 0) + 1), new Map<string, number>());
  const plain = tally(data.points.map((p) => p.label));
  const withKind = tally(kinded);
  return data.points.map((p, i) => {
    if (plain.get(p.label) === 1) return p;
    return { ...p, label: withKind.get(kinded[i]!) === 1 ? kinded[i]! : (named(p.id)?.name ?? p.label) };
  });
}

/** The most links a map view carries: renderMap draws 400 at most, the heaviest (at 1 000 000 projects there are tens of thousands). */
export const MAP_LINKS = 400;

/** `pairTotal`: how many links there are in all, when the counts kept only the heaviest pairs */
function toView(data: MapData, named: (id: string) => Named | undefined, current?: string, pairTotal?: number, countries?: string[]): MapView {
  const linkKey = (l: MapData['links'][number]) => `${l.from}\u0000${l.to}`;
  const heaviest =
    data.links.length <= MAP_LINKS
      ? data.links
      : heaviestBy(data.links, MAP_LINKS, (l) => l.weight, linkKey).sort((a, b) => (linkKey(a) < linkKey(b) ? -1 : linkKey(a) > linkKey(b) ? 1 : 0));
  return {
    points: distinctLabels(data, named).map((p) => ({ ...p, ...(p.id === current ? { current: true } : {}) })),
    links: heaviest,
    ...(heaviest.length < Math.max(data.links.length, pairTotal ?? 0) ? { linkTotal: Math.max(data.links.length, pairTotal ?? 0) } : {}),
    unlocated: data.unlocated.map((u) => ({ ...u, href: paths.collectivity(u.id) })),
    ...(countries && countries.length > 0 ? { countries } : {}),
  };
}

/** What a map shows: the whole directory, one collectivity's partnerships (it highlighted), or a list of partnerships. */
export type MapScope =
  | { kind: 'directory' }
  | { kind: 'collectivity'; id: string }
  | { kind: 'partnerships'; ids: Iterable<string> };

/** The map of a whole directory, per store and version stamp: the snapshot's counts assembled once. */
const wholeMaps = new WeakMap<Kysely<Database>, Map<string, { stamp: string; view: MapView }>>();

/**
 * The map from the store, for pages that hold no directory in memory: counts by SQL aggregates
 * (`loadMapCounts`; for the whole directory, the census snapshot's, so that it costs one indexed
 * read at 1 000 000 projects), then the named collectivities' places: from the directory snapshot
 * when the page passes it (it holds them all), else from the store (`loadMapPlaces`).
 *
 * The older form `loadMapView(db, dir, partnershipIds)` (a directory snapshot and a selection) still works.
 */
export async function loadMapView(db: Kysely<Database>, dir: string | Directory, scope: MapScope): Promise<MapView>;
export async function loadMapView(db: Kysely<Database>, dir: Directory, partnershipIds: Iterable<string>): Promise<MapView>;
export async function loadMapView(db: Kysely<Database>, dir: string | Directory, scope: MapScope | Iterable<string>): Promise<MapView> {
  const directoryId = typeof dir === 'string' ? dir : dir.id;
  const s: MapScope = isScope(scope) ? scope : { kind: 'partnerships', ids: scope };
  if (s.kind === 'directory') {
    const snapshot = await censusSnapshot(db, directoryId);
    let byDirectory = wholeMaps.get(db);
    if (byDirectory === undefined) wholeMaps.set(db, (byDirectory = new Map()));
    // its links are those of the page's language and directory prefix (paths.ts): kept apart for each
    const key = `${directoryId}\u0000${paths.home()}`;
    const kept = byDirectory.get(key);
    if (kept !== undefined && kept.stamp === snapshot.stamp) return kept.view;
    const view = await viewOf(db, dir, snapshot.map);
    byDirectory.set(key, { stamp: snapshot.stamp, view });
    return view;
  }
  if (s.kind === 'collectivity') {
    return viewOf(db, dir, await loadCollectivityMapCounts(db, directoryId, s.id), s.id);
  }
  return viewOf(db, dir, await loadMapCounts(db, { directoryId, partnershipIds: s.ids }));
}

/** The collectivities' places: a directory snapshot holds them all (a hub's map names thousands: a read of the whole table, else). */
async function placesOf(db: Kysely<Database>, dir: string | Directory, ids: Iterable<string>): Promise<Map<string, Place>> {
  if (typeof dir === 'string') return loadMapPlaces(db, dir, ids);
  const places = new Map<string, Place>();
  for (const id of ids) {
    const c = dir.collectivity.get(id);
    if (c !== undefined) places.set(id, c);
  }
  return places;
}

function isScope(scope: MapScope | Iterable<string>): scope is MapScope {
  return typeof (scope as { kind?: unknown }).kind === 'string' && !(Symbol.iterator in (scope as object));
}

async function viewOf(db: Kysely<Database>, dir: string | Directory, counts: MapCounts, current?: string): Promise<MapView> {
  const directoryId = typeof dir === 'string' ? dir : dir.id;
  const places = await placesOf(db, dir, counts.weights.keys());
  // points named in the page's language (an Arabic page's «مراكش»)
  const printed = new Set<string>();
  const label = (c: { id: string; name: string; shortName?: string }) => {
    const names = namesIn(c.id, c.name, c.shortName);
    if (names.originalName === undefined && currentLanguage() !== DEFAULT_LOCALE) printed.add(c.id);
    return names.shortName ?? names.name;
  };
  const data = mapDataOf(counts, (id) => places.get(id), { href: paths.collectivity, label });
  const view = toView(data, (id) => places.get(id), current, counts.pairTotal, await directoryCountries(db, directoryId));
  return { ...view, points: view.points.map((p) => (printed.has(p.id) ? { ...p, printed: true } : p)) };
}

/** The SVG without its inline `<style>` (site.css has the same rules). */
export function withoutInlineStyle(svg: string): string {
  return svg.replace(/<style>[^<]*<\/style>/g, '');
}

export interface MapSectionOptions {
  /** the SVG's id, unique on the page */
  id: string;
  title: string;
  description: string;
  country?: MapCountry;
  /** where the map's data is offered as CSV */
  csvHref?: string;
}

/** Sections already drawn, by a digest of what they are drawn from (the home page's map is the same at every request of a store version). */
const drawn = new Map<string, SafeHtml>();
const DRAWN_KEPT = 16;

/** The map, then its data as a table, then the collectivities it could not place. */
export function mapSection(view: MapView, c: RenderContext, options: MapSectionOptions): SafeHtml {
  const key = createHash('sha1').update(JSON.stringify([c.locale, options, view])).digest('base64');
  const kept = drawn.get(key);
  if (kept !== undefined) {
    drawn.delete(key);
    drawn.set(key, kept);
    return kept;
  }
  const section = drawSection(view, c, options);
  drawn.set(key, section);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  return section;
}

/**
 * The most points a page's map draws (and lists in its table): the heaviest, and the page's own
 * collectivity. A census of 100 000 partnerships has 7 000 partner collectivities: drawn all, the
 * home page weighed 2.3 MB. The JSON twin and the CSV keep them all.
 */
export const MAP_POINTS = 500;

function heaviest(points: MapView['points']): MapView['points'] {
  if (points.length <= MAP_POINTS) return points;
  const kept = heaviestBy(points, MAP_POINTS, (p) => p.weight, (p) => p.id);
  const current = points.find((p) => p.current === true);
  return current === undefined || kept.includes(current) ? kept : [...kept.slice(0, -1), current];
}

/** What a map says besides its points, in the page's language: countries, numbers, the links left out, the credit, a disputed territory. */
export function mapWords(c: RenderContext): Pick<MapInput, 'lang' | 'countryName' | 'number' | 'linksCut' | 'credit' | 'westernSaharaNote'> {
  return {
    lang: c.locale,
    countryName: (code) => countryLabel(c.locale, code),
    number: (value) => formatNumber(c.locale, value),
    linksCut: (drawn, total) => c.t('map.links.cut', { drawn, total }),
    credit: c.t('map.credit'),
    // French keeps the profile's own note, which names the territory
    ...(c.locale === DEFAULT_LOCALE ? {} : { westernSaharaNote: c.t('map.disputed') }),
  };
}

function drawSection(view: MapView, c: RenderContext, options: MapSectionOptions): SafeHtml {
  const { t } = c;
  if (view.points.length === 0 && view.unlocated.length === 0) return html`<p class="muted">${t('map.empty')}</p>`;
  const points = heaviest(view.points);
  const rendered = renderMap({
    country: options.country ?? 'both',
    ...(view.countries ? { countries: view.countries } : {}),
    // the directory's own names marked in their language (the tooltip is then the name alone)
    points: points.map(({ printed, ...p }) => (printed === true ? { ...p, labelLang: DEFAULT_LOCALE } : p)),
    links: view.links,
    ...(view.linkTotal !== undefined ? { linkTotal: view.linkTotal } : {}),
    title: options.title,
    description: options.description,
    id: options.id,
    baseHref: baseMapHref(options.country ?? 'both', view.countries),
    // labelled in the page's language: tooltips and legend
    weightText: (weight) => tn(c.locale, 'common.partnerships', weight),
    legendTitle: t('map.col.partnerships'),
    ...mapWords(c),
  });
  const current = new Set(view.points.filter((p) => p.current === true).map((p) => p.id));
  const country = (code: string) => countryLabel(c.locale, code);
  const rows = rendered.table.map(
    (r) =>
      html`<tr${current.has(r.id) ? html` class="current"` : ''}><th scope="row"><a href="${r.href}">${printedWords(r.label)}</a>${current.has(r.id) ? html` <span class="muted">(${t('map.current')})</span>` : ''}</th><td>${country(r.country)}</td><td class="num">${formatNumber(c.locale, r.weight)}</td></tr>`,
  );
  const table = scrollTable(
    t('map.table', { title: options.title }),
    html`<table class="map-table"><caption>${t('map.table', { title: options.title })}</caption><thead><tr><th scope="col">${t('map.col.collectivity')}</th><th scope="col">${t('map.col.country')}</th><th scope="col" class="num">${t('map.col.partnerships')}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
  const cut = points.length < view.points.length ? html`<p class="muted">${t('map.points.cut', { shown: points.length, total: view.points.length })}</p>` : '';
  const links = rendered.links.total > 0 ? html`<p class="muted">${t('map.links', { drawn: rendered.links.drawn, total: Math.max(rendered.links.total, view.linkTotal ?? 0) })}</p>` : '';
  const unlocated =
    view.unlocated.length === 0
      ? ''
      : html`<p>${t('map.unlocated', { count: view.unlocated.length })}</p><ul class="columns compact map-unlocated">${view.unlocated.map((u) => html`<li><a href="${u.href}">${u.name}</a></li>`)}</ul>`;
  return html`<figure class="map">${raw(withoutInlineStyle(rendered.svg))}<figcaption class="muted">${t('map.caption')}</figcaption></figure>
${cut}${links}
<details class="map-data"><summary>${t('map.data')}</summary>${table}</details>
${options.csvHref !== undefined ? html`<p class="csv"><a href="${options.csvHref}" download>${t('map.csv')}</a></p>` : ''}
${unlocated}`;
}
