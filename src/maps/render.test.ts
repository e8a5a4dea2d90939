import { describe, expect, it } from 'vitest';
import { read2008 } from '../stats/testing.js';
import { chunks, heaviestPairs, mapDataFromDocument } from './data.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { countryShape, neighbours, type Box } from './geodata.js';
import { renderBaseMap, renderMap, type MapInput, type MapTableRow } from './render.js';
import { assertWellFormedXml } from './testing.js';

const doc = read2008().document;
const data = mapDataFromDocument(doc, { href: (id) => `/collectivites/${id}` });
const input = (country: MapInput['country'], width?: number): MapInput => ({
  country,
  points: data.points,
  links: data.links,
  title: 'Partenariats franco-marocains',
  description: 'Chaque cercle est une collectivité.',
  ...(width ? { width } : {}),
});
const row = (table: MapTableRow[], id: string) => {
  const r = table.find((x) => x.id === id);
  if (!r) throw new Error(`${id} not drawn`);
  return r;
};

describe('map data of the 2008 directory', () => {
  it('has every party located, weighted by its partnerships, and a link per French–Moroccan pair', () => {
    expect(data.unlocated).toEqual([]);
    const parties = new Set(doc.partnerships.flatMap((p) => p.parties.map((x) => x.collectivityId)));
    expect(data.points.map((p) => p.id).sort()).toEqual([...parties].sort());
    const marrakech = doc.partnerships.filter((p) => p.parties.some((x) => x.collectivityId === 'ma-commune-marrakech')).length;
    expect(data.points.find((p) => p.id === 'ma-commune-marrakech')!.weight).toBe(marrakech);
    expect(data.links.length).toBeGreaterThanOrEqual(doc.partnerships.length);
    expect(data.links.every((l) => l.from.startsWith('fr-') && l.to.startsWith('ma-'))).toBe(true);
  });

  it('keeps the heaviest pairs of counts, and how many there were', () => {
    const weights = new Map(data.points.map((p) => [p.id, p.weight]));
    const pairs = new Map(data.links.map((l) => [`${l.from}\u0000${l.to}`, l.weight]));
    const kept = heaviestPairs({ weights, pairs }, 10);
    expect(kept.pairs.size).toBe(10);
    expect(kept.pairTotal).toBe(pairs.size);
    const lightestKept = Math.min(...kept.pairs.values());
    expect([...pairs.values()].filter((w) => w > lightestKept).length).toBeLessThanOrEqual(10);
    expect(heaviestPairs(kept, 5).pairTotal).toBe(pairs.size); // trimming again keeps the first total
    expect(heaviestPairs({ weights, pairs }, pairs.size)).toEqual({ weights, pairs });
  });

  it('keeps to a selection of partnerships', () => {
    const some = mapDataFromDocument(doc, { partnershipIds: ['tours-marrakech'], href: (id) => `/c/${id}` });
    const p = doc.partnerships.find((x) => x.id === 'tours-marrakech');
    expect(p).toBeDefined();
    expect(some.points.map((x) => x.id).sort()).toEqual(p!.parties.map((x) => x.collectivityId).sort());
    expect(some.points.every((x) => x.weight === 1)).toBe(true);
    expect(mapDataFromDocument(doc, { partnershipIds: [], href: String }).points).toEqual([]);
  });

  it('cuts a large selection into statements of at most 5000 ids', () => {
    expect(chunks(undefined)).toEqual([undefined]);
    expect(chunks([])).toEqual([]);
    const ids = Array.from({ length: 12001 }, (_, i) => `p${i}`);
    expect(chunks(ids).map((c) => c!.length)).toEqual([5000, 5000, 2001]);
  });
});

describe('renderMap', () => {
  it('draws both countries with every point, well-formed, with its text alternative', () => {
    const map = renderMap(input('both'));
    assertWellFormedXml(map.svg);
    expect(map.omitted).toEqual([]);
    expect(map.table).toHaveLength(data.points.length);
    expect(map.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" id="[\w-]+" class="repertoire-map" viewBox="0 0 600 \d+"/);
    expect(map.svg).toContain('<title id="');
    expect(map.svg).toContain('<desc id="');
    expect(map.svg).toMatch(/aria-labelledby="([\w-]+)-title" aria-describedby="\1-desc"/);
    expect(map.svg).toContain('Sahara occidental');
    // one focusable link per point, each with its tooltip
    expect(map.svg.match(/<a href="[^"]+" tabindex="0"><title>[^<]+<\/title><circle /g)).toHaveLength(data.points.length);
    expect(map.svg).not.toContain(' style=');
    expect(map.svg).toContain('<a href="/collectivites/ma-commune-marrakech" tabindex="0"><title>Marrakech — ');
    // the focus style is scoped to this SVG
    const id = /id="([\w-]+)"/.exec(map.svg)![1]!;
    expect(map.svg).toMatch(new RegExp(`<style>#${id}\\{[^<]*#${id} a:focus circle`));
    // links between partners across the sea
    expect((map.svg.match(/<path d="M[\d.]+ [\d.]+Q/g) ?? []).length).toBe(data.links.length);
  });

  it('puts the cities where they are', () => {
    for (const country of ['both', 'FR', 'MA'] as const) {
      const { table, width, height } = renderMap(input(country, 360));
      for (const r of table) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.x).toBeLessThanOrEqual(width);
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeLessThanOrEqual(height);
      }
      if (country !== 'FR') {
        expect(row(table, 'ma-commune-oujda').x).toBeGreaterThan(row(table, 'ma-commune-fes').x); // east
        expect(row(table, 'ma-commune-agadir').y).toBeGreaterThan(row(table, 'ma-commune-marrakech').y); // south (y down)
      }
      if (country !== 'MA') {
        const strasbourg = row(table, 'fr-commune-strasbourg');
        const bordeaux = row(table, 'fr-commune-bordeaux');
        expect(strasbourg.x).toBeGreaterThan(bordeaux.x);
        expect(strasbourg.y).toBeLessThan(bordeaux.y);
        expect(row(table, 'fr-commune-ajaccio').x).toBeGreaterThan(row(table, 'fr-commune-marseille').x); // Corsica is drawn
      }
      if (country === 'both') expect(row(table, 'fr-commune-paris').y).toBeLessThan(row(table, 'ma-commune-rabat').y);
    }
  });

  it('keeps to its country on a one-country map, and says what it left out', () => {
    const fr = renderMap(input('FR'));
    expect(fr.table.every((r) => r.country === 'FR')).toBe(true);
    expect(fr.omitted.filter((o) => o.reason === 'other-country')).toHaveLength(data.points.filter((p) => p.country === 'MA').length);
    expect(fr.svg).not.toContain('Q'); // no links
    expect(fr.svg).not.toContain('Sahara');
    const ma = renderMap(input('MA'));
    expect(ma.table.every((r) => r.country === 'MA')).toBe(true);
  });

  it('sizes points by area: radius on a square-root scale of the weight', () => {
    const points = [1, 4, 16].map((w, i) => ({ id: `p${i}`, label: `P${i}`, href: `/p${i}`, lat: 46 + i, lon: 2, weight: w, country: 'FR' }));
    const { table } = renderMap({ country: 'FR', points, title: 't', description: 'd' });
    const r = (id: string) => row(table, id).r;
    expect(r('p2') / r('p1')).toBeCloseTo(2, 1);
    expect(r('p1') / r('p0')).toBeCloseTo(2, 1);
    expect(table.map((x) => x.id)).toEqual(['p2', 'p1', 'p0']); // heaviest first
  });

  it('spreads points that fall on the same spot', () => {
    const same = ['a', 'b', 'c'].map((id) => ({ id, label: id, href: `/${id}`, lat: 45.75, lon: 4.85, weight: 1, country: 'FR' }));
    const { table } = renderMap({ country: 'FR', points: same, title: 't', description: 'd' });
    const spots = new Set(table.map((r) => `${r.x},${r.y}`));
    expect(spots.size).toBe(3);
  });

  it('escapes every text it writes', () => {
    const evil = '<script>alert("x")</script> & \'co\'';
    const map = renderMap({
      country: 'both',
      points: [{ id: 'x', label: evil, href: '/c?a=1&b="2"', lat: 48.85, lon: 2.35, weight: 2, country: 'FR' }],
      title: evil,
      description: evil,
      legendTitle: evil,
    });
    assertWellFormedXml(map.svg);
    expect(map.svg).not.toContain('<script>');
    expect(map.svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(map.svg).toContain('href="/c?a=1&amp;b=&quot;2&quot;"');
    expect(map.table[0]!.label).toBe(evil); // the table holds plain text: the page escapes it
  });

  it('draws at most the heaviest links asked for, and says so', () => {
    const map = renderMap({ ...input('both'), maxLinks: 5 });
    expect(map.links).toEqual({ drawn: 5, total: data.links.length });
    expect(map.svg.match(/<path d="M[\d.]+ [\d.]+Q/g)).toHaveLength(5);
    expect(map.svg).toContain(`Seuls les 5 liens les plus forts sur ${data.links.length} sont tracés.`);
  });

  it('is deterministic, and an id given is used', () => {
    expect(renderMap(input('both')).svg).toBe(renderMap(input('both')).svg);
    const a = renderMap({ ...input('FR'), id: 'carte 1' });
    expect(a.svg).toContain('id="carte-1"');
    expect(a.svg).toContain('#carte-1 a:focus');
  });

  it('reads at 360 px: everything scales with the width', () => {
    const small = renderMap(input('MA', 360));
    const large = renderMap(input('MA', 720));
    expect(large.height / small.height).toBeCloseTo(2, 1);
    expect(row(large.table, 'ma-commune-rabat').r / row(small.table, 'ma-commune-rabat').r).toBeCloseTo(2, 1);
  });

  it("draws France's régions of 2008 (and départements on its own map) and Morocco's régions, none in the Western Sahara", () => {
    const count = (svg: string, kind: string) => (svg.match(new RegExp(`<path class="boundary-${kind}" d="M`, 'g')) ?? []).length;
    const fr = renderMap(input('FR')).svg;
    expect(count(fr, 'region')).toBe(1);
    expect(count(fr, 'departement')).toBe(1);
    const ma = renderMap(input('MA')).svg;
    expect(count(ma, 'region')).toBe(1);
    expect(count(ma, 'departement')).toBe(0);
    const both = renderMap(input('both')).svg;
    expect(count(both, 'region')).toBe(2);
    expect(count(both, 'departement')).toBe(0);
    // clipped to the outline; the lines' ends are inside the country (no limit drawn in the hatched territory)
    expect(ma).toMatch(/<path class="boundary-region" d="[^"]+"[^>]*clip-path="url\(#[\w-]+-ma\)"/);
    const morocco = countryShape(defaultProfiles().of('MA'));
    for (const line of morocco.regions!.geometry.coordinates) for (const [, lat] of line) expect(lat).toBeGreaterThan(defaultProfiles().of('MA').outline!.disputed!.southOf - 0.05);
    // the 22 régions of 2008: Limousin's limits are drawn, Aquitaine–Limousin apart from Gironde–Landes
    const france = countryShape(defaultProfiles().of('FR'));
    const lines = france.regions!.geometry.coordinates.length + france.departements!.geometry.coordinates.length;
    expect(lines).toBeGreaterThan(150);
    assertWellFormedXml(both);
  });

  it('draws as neighbours the countries around France and Morocco only, not the directory’s own', () => {
    const area: Box = [[-19, 19.5], [14, 53.5]];
    const names = neighbours(new Set(['250', '504', '732']), area).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Spain', 'Portugal', 'Algeria', 'Italy', 'Germany', 'United Kingdom']));
    expect(names).not.toContain('Brazil');
    expect(names).not.toContain('Japan');
    expect(names).not.toContain('France');
  });

  it('draws the outlines of a France–Senegal directory from the profiles', () => {
    const points = [
      { id: 'fr-lyon', label: 'Lyon', href: '/l', lat: 45.76, lon: 4.84, weight: 2, country: 'FR' },
      { id: 'sn-thies', label: 'Thiès', href: '/t', lat: 14.79, lon: -16.93, weight: 1, country: 'SN' },
    ];
    const map = renderMap({ country: 'both', countries: ['FR', 'SN'], points, links: [{ from: 'fr-lyon', to: 'sn-thies', weight: 1 }], title: 't', description: 'd' });
    assertWellFormedXml(map.svg);
    expect(map.svg).toMatch(/<clipPath id="[\w-]+-fr"><path d="M[^"]+"\/>/);
    expect(map.svg).toMatch(/<clipPath id="[\w-]+-sn"><path d="M[^"]+"\/>/);
    expect(map.svg).not.toContain('-sahara');
    expect(map.svg).toContain('>Sénégal</text>');
    expect(map.table.map((r) => r.id).sort()).toEqual(['fr-lyon', 'sn-thies']);
    expect(map.links).toEqual({ drawn: 1, total: 1 });
    const lyon = row(map.table, 'fr-lyon');
    const thies = row(map.table, 'sn-thies');
    expect(thies.y).toBeGreaterThan(lyon.y); // south
    expect(thies.x).toBeLessThan(lyon.x); // west
    expect(map.svg).toContain('fill="#b8322a"'); // the partner's colour
    const senegal = renderMap({ country: 'SN', countries: ['FR', 'SN'], points, title: 't', description: 'd' });
    expect(senegal.table.map((r) => r.id)).toEqual(['sn-thies']);
    expect(senegal.omitted).toEqual([{ id: 'fr-lyon', reason: 'other-country' }]);
  });

  it('can leave its base map to an image of its own: the same layers, drawn once, and a map of points alone', () => {
    const inline = renderMap(input('both'));
    const linked = renderMap({ ...input('both'), baseHref: '/fond.svg?v=1' });
    const base = renderBaseMap('both');
    assertWellFormedXml(linked.svg);
    assertWellFormedXml(base);
    expect(linked.svg).toContain(`<image href="/fond.svg?v=1" width="${inline.width}" height="${inline.height}" aria-hidden="true"/>`);
    expect(linked.svg).not.toContain('boundary-region');
    expect(base).toContain(`viewBox="0 0 ${inline.width} ${inline.height}"`);
    expect(base.match(/<path class="boundary-region"/g)).toHaveLength(2);
    expect(renderBaseMap('both')).toBe(base);
    // what the image carries is what the inline map draws, but for the ids of its hatch and clip paths
    const layer = (svg: string, prefix: string) => svg.slice(svg.indexOf('<defs>'), svg.indexOf('</g>') + 4).replaceAll(prefix, 'ID');
    expect(layer(base, 'base-')).toBe(layer(inline.svg, `${/id="([\w-]+)"/.exec(inline.svg)![1]}-`));
    expect(linked.table).toEqual(inline.table);
    expect(linked.svg.length).toBeLessThan(inline.svg.length - 80_000);
  });

  it("rings the page's own collectivity and draws it on top", () => {
    const points = data.points.map((p) => (p.id === 'ma-commune-marrakech' ? { ...p, current: true } : p));
    const map = renderMap({ ...input('both'), points });
    assertWellFormedXml(map.svg);
    expect(map.svg.match(/class="current" aria-current="page"/g)).toHaveLength(1);
    const last = map.svg.lastIndexOf('<a href=');
    expect(map.svg.slice(last)).toMatch(/^<a href="\/collectivites\/ma-commune-marrakech" tabindex="0" class="current" aria-current="page"><title>Marrakech — /);
    expect(row(map.table, 'ma-commune-marrakech').current).toBe(true);
    expect(map.svg).not.toContain(' style=');
  });

  it('skips points without a position', () => {
    const map = renderMap({ country: 'FR', points: [{ id: 'n', label: 'N', href: '/n', lat: Number.NaN, lon: 2, weight: 1, country: 'FR' }], title: 't', description: 'd' });
    expect(map.omitted).toEqual([{ id: 'n', reason: 'no-position' }]);
    assertWellFormedXml(map.svg);
  });
});
