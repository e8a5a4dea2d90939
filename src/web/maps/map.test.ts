/** The map section: the SVG without inline style, its table, the unlocated list, text from data escaped. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadCollectivityMapCounts, loadMapCounts, mapDataFromDocument } from '../../maps/data.js';
import { renderBaseMap } from '../../maps/render.js';
import { assertWellFormedXml } from '../../maps/testing.js';
import { DIRECTORY_2008_ID, read2008, save2008 } from '../../stats/testing.js';
import { ENGINES, openEngineStore } from '../../test-support/engines.js';
import { renderContext } from '../testing.js';
import { paths } from '../paths.js';
import { readSiteDirectory } from '../data/directory.js';
import { baseMapHref, registerBaseMaps } from './base.js';
import { MAP_POINTS, loadMapView, mapSection, withoutInlineStyle, type MapView } from './map.js';

const c = renderContext();

const view: MapView = {
  points: [
    { id: 'fr-commune-tours', label: 'Tours <b>&', href: '/collectivites/fr-commune-tours', lat: 47.39, lon: 0.69, weight: 3, country: 'FR', current: true },
    { id: 'ma-commune-marrakech', label: 'Marrakech', href: '/collectivites/ma-commune-marrakech', lat: 31.63, lon: -8, weight: 2, country: 'MA' },
  ],
  links: [{ from: 'fr-commune-tours', to: 'ma-commune-marrakech', weight: 2 }],
  unlocated: [{ id: 'ma-commune-x', name: 'Ville <script>alert(1)</script>', href: '/collectivites/ma-commune-x' }],
};

describe('mapSection', () => {
  const out = mapSection(view, c, { id: 'carte-test', title: 'Essai', description: 'Une carte', csvHref: '/statistiques/carte.csv' }).value;

  it('draws the SVG without its inline style, well-formed, every point a link', () => {
    const svg = out.slice(out.indexOf('<svg'), out.indexOf('</svg>') + 6);
    expect(svg).not.toContain('<style');
    assertWellFormedXml(svg);
    // the page's own collectivity is ringed and marked as the current page
    expect(svg).toContain('<a href="/collectivites/fr-commune-tours" tabindex="0" class="current" aria-current="page"><title>Tours &lt;b&gt;&amp; — 3 partenariats</title>');
    expect(svg).toContain('<title>Marrakech — 2 partenariats</title>');
  });

  it('follows it with its data as a table, the current collectivity marked, and the unlocated escaped', () => {
    expect(out).toContain('class="map-table"');
    expect(out).toContain('<tr class="current"><th scope="row"><a href="/collectivites/fr-commune-tours">Tours &lt;b&gt;&amp;</a>');
    expect(out).toContain('Collectivités non placées sur la carte (position inconnue) : 1.');
    expect(out).toContain('Ville &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toContain('<script>');
    expect(out).toContain('href="/statistiques/carte.csv"');
  });

  it('says how many links there are in all when the view carries only the heaviest', () => {
    const cut = mapSection({ ...view, linkTotal: 12_345 }, c, { id: 'carte-cut', title: 'Essai', description: 'Une carte' }).value;
    expect(cut).toMatch(/12\s345/);
    expect(cut).toMatch(/Seuls les 1 liens les plus forts sur 12\s345 sont tracés\./);
  });

  it('draws a section once for the same view and options (the home map at every request), again when they differ', () => {
    const again = mapSection({ ...view, points: view.points.map((p) => ({ ...p })) }, c, { id: 'carte-test', title: 'Essai', description: 'Une carte', csvHref: '/statistiques/carte.csv' });
    expect(again).toBe(mapSection(view, c, { id: 'carte-test', title: 'Essai', description: 'Une carte', csvHref: '/statistiques/carte.csv' }));
    expect(again.value).toBe(out);
    const other = mapSection({ ...view, points: view.points.map((p) => ({ ...p, weight: p.weight + 1 })) }, c, { id: 'carte-test', title: 'Essai', description: 'Une carte' });
    expect(other.value).not.toBe(out);
    expect(other.value).toContain('— 4 partenariats');
  });

  it('draws the heaviest MAP_POINTS points of a large census, and the page\'s own collectivity, and says so', () => {
    const many: MapView = {
      points: Array.from({ length: MAP_POINTS + 100 }, (_, i) => ({
        id: `c${String(i).padStart(4, '0')}`,
        label: `C${i}`,
        href: `/collectivites/c${i}`,
        lat: 31 + (i % 50) / 10,
        lon: -8 + (i % 40) / 10,
        weight: i + 1,
        country: 'MA',
        ...(i === 0 ? { current: true } : {}),
      })),
      links: [],
      unlocated: [],
    };
    const drawn = mapSection(many, c, { id: 'carte-grande', title: 'Grande', description: 'd' }).value;
    expect(drawn.match(/<title>C\d+ — /g)?.length).toBe(MAP_POINTS); // each point's tooltip
    expect(drawn.match(/<tr[ >]/g)?.length).toBe(MAP_POINTS + 1); // and a header row
    expect(drawn).toContain('aria-current="page"');
    expect(drawn).toContain('/collectivites/c599"'); // the heaviest
    expect(drawn).not.toContain('/collectivites/c1"');
    expect(drawn).toMatch(/Les 500 collectivités aux partenariats les plus nombreux sont placées sur la carte et dans son tableau, sur 600/);
  });

  it('says so when there is nothing to place', () => {
    expect(mapSection({ points: [], links: [], unlocated: [] }, c, { id: 'x', title: 'x', description: 'x' }).value).toContain('Aucune collectivité');
  });

  it('shows its base map as an image the site serves, named by its content', async () => {
    const href = /<image href="([^"]+)"/.exec(out)?.[1] ?? '';
    expect(href).toBe(baseMapHref('both'));
    const app = Fastify();
    registerBaseMaps(app);
    const served = await app.inject(href.replaceAll('&amp;', '&'));
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.body).toBe(renderBaseMap('both'));
    expect((await app.inject(paths.baseMap('MA.svg'))).headers['cache-control']).toBe('public, max-age=3600');
    expect((await app.inject(paths.baseMap('XX.svg'))).statusCode).toBe(404);
    await app.close();
  });

  it('draws and serves the base map of a directory of other countries, with both outlines', async () => {
    const senegal: MapView = {
      points: [
        { id: 'fr-commune-tours', label: 'Tours', href: '/t', lat: 47.39, lon: 0.69, weight: 1, country: 'FR' },
        { id: 'sn-commune-thies', label: 'Thiès', href: '/s', lat: 14.79, lon: -16.93, weight: 1, country: 'SN' },
      ],
      links: [{ from: 'fr-commune-tours', to: 'sn-commune-thies', weight: 1 }],
      unlocated: [],
      countries: ['FR', 'SN'],
    };
    const section = mapSection(senegal, c, { id: 'carte-sn', title: 'Essai', description: 'Une carte' }).value;
    const href = /<image href="([^"]+)"/.exec(section)?.[1] ?? '';
    expect(href).toBe(baseMapHref('both', ['FR', 'SN']));
    expect(href).toMatch(/fond-both\.FR-SN\.svg\?v=/);
    expect(section).toContain('<td>Sénégal</td>');
    const app = Fastify();
    registerBaseMaps(app);
    const served = await app.inject(href.replaceAll('&amp;', '&'));
    expect(served.statusCode).toBe(200);
    expect(served.body).toBe(renderBaseMap('both', undefined, { countries: ['FR', 'SN'] }));
    expect(served.body).toMatch(/<clipPath id="base-sn"><path d="M/);
    expect(served.body).toMatch(/<clipPath id="base-fr"><path d="M/);
    expect((await app.inject(paths.baseMap('SN.FR-SN.svg'))).statusCode).toBe(200);
    expect((await app.inject(paths.baseMap('ML.FR-SN.svg'))).statusCode).toBe(404);
    expect((await app.inject(paths.baseMap('both.FR-QQ.svg'))).statusCode).toBe(404);
    await app.close();
  });

  it('withoutInlineStyle removes every style element and nothing else', () => {
    expect(withoutInlineStyle('<svg><style>#a{x:1}</style><g/><style>b{}</style></svg>')).toBe('<svg><g/></svg>');
  });
});

const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

describe.each(ENGINES)('loadMapView (%s)', (engine) => {
  it('maps the whole directory, a collectivity (highlighted) or a list of partnerships from SQL aggregates', async () => {
    const store = await openEngineStore(engine);
    await save2008(store.db);
    const doc = read2008().document;
    const weights = (v: { points: { id: string; weight: number }[] }) => Object.fromEntries(v.points.map((p) => [p.id, p.weight]));
    const all = await loadMapView(store.db, DIRECTORY_2008_ID, { kind: 'directory' });
    const expected = mapDataFromDocument(doc, { href: (id) => `/collectivites/${id}` });
    expect(weights(all)).toEqual(weights(expected));
    expect(all.links).toEqual(expected.links);
    expect(all.unlocated).toEqual([]);
    expect(all.countries).toEqual(['FR', 'MA']); // the directory's, home first: the outlines the map draws
    expect(all.points.find((p) => p.id === 'ma-commune-marrakech')?.href).toBe('/collectivites/ma-commune-marrakech');
    expect(await loadMapView(store.db, DIRECTORY_2008_ID, { kind: 'directory' })).toBe(all); // kept for the store's version

    const own = doc.partnerships.filter((p) => p.parties.some((x) => x.collectivityId === 'ma-commune-marrakech'));
    const one = await loadMapView(store.db, DIRECTORY_2008_ID, { kind: 'collectivity', id: 'ma-commune-marrakech' });
    expect(weights(one)).toEqual(weights(mapDataFromDocument(doc, { partnershipIds: own.map((p) => p.id), href: String })));
    expect(one.links).toEqual(mapDataFromDocument(doc, { partnershipIds: own.map((p) => p.id), href: (id) => `/collectivites/${id}` }).links);
    expect(one.points.filter((p) => p.current === true).map((p) => p.id)).toEqual(['ma-commune-marrakech']);
    // the page passes its directory snapshot, whose collectivities are the places: the same map, the store not read for them
    expect(await loadMapView(store.db, await readSiteDirectory(store.db, DIRECTORY_2008_ID), { kind: 'collectivity', id: 'ma-commune-marrakech' })).toEqual(one);
    // a collectivity's counts read through its index are those of its partnerships' ids, for every one
    for (const c of doc.collectivities) {
      const ids = doc.partnerships.filter((p) => p.parties.some((x) => x.collectivityId === c.id)).map((p) => p.id);
      const [byIndex, byIds] = await Promise.all([loadCollectivityMapCounts(store.db, DIRECTORY_2008_ID, c.id), loadMapCounts(store.db, { directoryId: DIRECTORY_2008_ID, partnershipIds: ids })]);
      expect({ id: c.id, weights: sorted(byIndex.weights), pairs: sorted(byIndex.pairs) }).toEqual({ id: c.id, weights: sorted(byIds.weights), pairs: sorted(byIds.pairs) });
    }

    const ids = doc.partnerships.filter((_, i) => i % 4 === 0).map((p) => p.id);
    const some = await loadMapView(store.db, DIRECTORY_2008_ID, { kind: 'partnerships', ids });
    expect(weights(some)).toEqual(weights(mapDataFromDocument(doc, { partnershipIds: ids, href: String })));
    expect(some.points.some((p) => p.current === true)).toBe(false);
    expect(await loadMapView(store.db, DIRECTORY_2008_ID, { kind: 'partnerships', ids: [] })).toEqual({ points: [], links: [], unlocated: [], countries: ['FR', 'MA'] });
  });
});
