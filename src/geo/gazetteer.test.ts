import { describe, expect, it } from 'vitest';
import { read2008 } from '../stats/testing.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { Gazetteer, bareName, defaultGazetteer, loadAliasFile, loadOverrideFile, locate, type Located, type Place } from './gazetteer.js';

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('locate on the 2008 directory', () => {
  const doc = read2008().document;
  const located = new Map<string, Located | undefined>(doc.collectivities.map((c) => [c.id, locate(c)]));
  const at = (id: string) => {
    const l = located.get(id);
    if (!l) throw new Error(`${id} is not located`);
    return l;
  };

  it('places every collectivity, none ambiguously, each in its own country', () => {
    expect(doc.collectivities).toHaveLength(81);
    const missing = doc.collectivities.filter((c) => located.get(c.id) === undefined).map((c) => c.id);
    expect(missing).toEqual([]);
    expect(doc.collectivities.filter((c) => located.get(c.id)?.ambiguous).map((c) => c.id)).toEqual([]);
    for (const c of doc.collectivities) {
      const l = at(c.id);
      if (c.country === 'FR') {
        // metropolitan France, Corsica included
        expect(l.lat, c.id).toBeGreaterThan(41.3);
        expect(l.lat, c.id).toBeLessThan(51.1);
        expect(l.lon, c.id).toBeGreaterThan(-5.2);
        expect(l.lon, c.id).toBeLessThan(9.6);
      } else {
        expect(l.lat, c.id).toBeGreaterThan(21);
        expect(l.lat, c.id).toBeLessThan(36);
        expect(l.lon, c.id).toBeGreaterThan(-17.2);
        expect(l.lon, c.id).toBeLessThan(-1);
      }
    }
  });

  it('says how each was placed', () => {
    expect(at('ma-commune-marrakech').how).toBe('alias');
    expect(at('ma-commune-souk-el-khemis')).toMatchObject({ how: 'override', source: expect.stringContaining('Dadès') });
    expect(at('fr-commune-paris').how).toBe('gazetteer');
    expect(at('fr-departement-herault')).toMatchObject({ how: 'seat', place: 'Montpellier' });
  });

  it('puts the cities where they are relative to one another', () => {
    expect(at('ma-commune-oujda').lon).toBeGreaterThan(at('ma-commune-fes').lon); // Oujda east of Fès
    expect(at('ma-commune-agadir').lat).toBeLessThan(at('ma-commune-marrakech').lat); // Agadir south of Marrakech
    const strasbourg = at('fr-commune-strasbourg');
    const bordeaux = at('fr-commune-bordeaux');
    expect(strasbourg.lat).toBeGreaterThan(bordeaux.lat); // north-east of Bordeaux
    expect(strasbourg.lon).toBeGreaterThan(bordeaux.lon);
    const paris = at('fr-commune-paris');
    expect(km(at('fr-commune-saint-denis'), paris)).toBeLessThan(15); // Saint-Denis (93), not La Réunion
    expect(km(at('fr-commune-montreuil'), paris)).toBeLessThan(15); // Montreuil (93), not Montreuil-sur-Mer
    expect(km(at('fr-commune-vienne'), at('fr-commune-lyon'))).toBeLessThan(40); // Vienne (Isère), not Vienna
    expect(km(at('fr-commune-romans'), { lat: 45.04, lon: 5.05 })).toBeLessThan(5); // Romans-sur-Isère
    expect(km(at('ma-commune-souk-sebt'), at('ma-region-tadla-azilal'))).toBeLessThan(60); // Souk Sebt Ouled Nemma, near Béni Mellal
    expect(km(at('ma-commune-souk-el-khemis'), at('ma-commune-ouarzazate'))).toBeLessThan(120);
  });

  it('places institutions at their seat', () => {
    const seats: [string, string][] = [
      ['fr-departement-herault', 'fr-commune-montpellier'],
      ['fr-departement-seine-saint-denis', 'fr-commune-saint-denis'],
      ['fr-departement-loire-atlantique', 'fr-communaute-urbaine-nantes-metropole'],
      ['fr-region-aquitaine', 'fr-commune-bordeaux'],
      ['fr-region-provence-alpes-cote-d-azur', 'fr-commune-marseille'],
      ['ma-region-oriental', 'ma-commune-oujda'],
      ['ma-region-souss-massa-draa', 'ma-commune-agadir'],
      ['ma-province-ouarzazate', 'ma-commune-ouarzazate'],
      ['ma-cercle-tiflet', 'ma-commune-tiflet'],
      ['ma-prefecture-agadir', 'ma-commune-agadir'],
    ];
    for (const [institution, city] of seats) expect(km(at(institution), at(city)), institution).toBeLessThan(10);
    expect(at('fr-departement-isere').place).toBe('Grenoble');
    expect(at('fr-departement-allier').place).toBe('Moulins');
    expect(at('fr-departement-seine-saint-denis').place).toBe('Bobigny');
  });
});

describe('homonyms', () => {
  it('lets the country decide, then the région, then the reviewed preference', () => {
    expect(locate({ country: 'FR', kind: 'commune', name: 'Vienne' })!.lon).toBeGreaterThan(4); // not Vienna (AT)
    expect(locate({ country: 'FR', kind: 'departement', name: 'Conseil général de la Vienne' })!.place).toBe('Poitiers');
    // Montreuil: without a région the reviewed preference (Seine-Saint-Denis); with Nord-Pas-de-Calais, Montreuil-sur-Mer
    expect(locate({ country: 'FR', kind: 'commune', name: 'Montreuil' })!.lat).toBeCloseTo(48.86, 1);
    expect(locate({ country: 'FR', kind: 'commune', name: 'Montreuil', region: 'Nord-Pas-de-Calais' })!.lat).toBeCloseTo(50.46, 1);
    // a région that no place of that name is in: unlocated rather than wrong
    expect(locate({ country: 'FR', kind: 'commune', name: 'Montreuil', region: 'Corse' })).toBeUndefined();
  });

  it('finds Moroccan places GeoNames files under the Western Sahara (EH)', () => {
    const dakhla = locate({ country: 'MA', kind: 'region-ma', name: 'Conseil régional de Oued Ed-Dahab-Lagouira', shortName: 'Oued Ed-Dahab-Lagouira' });
    expect(dakhla).toMatchObject({ how: 'seat', place: 'Dakhla' });
    expect(dakhla!.lat).toBeLessThan(25); // the Dakhla of the Western Sahara, not the quarter of Agadir
    expect(locate({ country: 'MA', kind: 'commune-urbaine', name: 'Commune urbaine de Laâyoune' })!.lat).toBeCloseTo(27.14, 1);
  });

  it('marks a choice no rule made', () => {
    const places: Place[] = [
      { name: 'Bourg', lat: 45, lon: 5, country: 'FR', admin1: '84', admin2: '01' },
      { name: 'Bourg', lat: 44, lon: 0, country: 'FR', admin1: '75', admin2: '33' },
    ];
    const g = new Gazetteer({ places, aliases: { aliases: [], homonyms: [] }, overrides: { places: [] } });
    expect(g.locate({ country: 'FR', kind: 'commune', name: 'Bourg' })).toMatchObject({ lat: 45, ambiguous: 2 });
    expect(g.locate({ country: 'FR', kind: 'commune', name: 'Bourg', region: 'Aquitaine' })).toEqual({ lat: 44, lon: 0, how: 'gazetteer', place: 'Bourg' });
    expect(g.locate({ country: 'MA', kind: 'commune', name: 'Bourg' })).toBeUndefined();
  });
});

describe('the reviewed tables', () => {
  it('has a seat for every département and région of the profiles, and every seat is in the gazetteer, in its division', () => {
    const profiles = defaultProfiles();
    const departements = profiles.of('FR').divisions.units.filter((u) => u.level === 'departement');
    expect(departements).toHaveLength(96);
    const g = defaultGazetteer();
    for (const d of departements) expect(g.city('FR', d.seat!, undefined, { admin2: [d.code] }), d.name).toBeDefined();
    for (const country of ['FR', 'MA']) {
      const regions = profiles.of(country).divisions.units.filter((u) => u.level === 'region');
      expect(regions.length).toBeGreaterThan(15);
      for (const r of regions) expect(g.city(country, r.seat!, r.name), r.name).toBeDefined();
    }
  });

  it('places a generated country’s places, and its first-level divisions by name', () => {
    expect(locate({ country: 'SN', kind: 'commune', name: 'Ville de Saint-Louis' })?.lat).toBeCloseTo(16.0, 0);
    expect(locate({ country: 'SN', kind: 'region', name: 'Région de Thiès', shortName: 'Thiès' })).toMatchObject({ how: 'seat', place: 'Thiès' });
    expect(locate({ country: 'ML', kind: 'commune', name: 'Commune de Ségou', region: 'Ségou' })?.lon).toBeCloseTo(-6.3, 0);
  });

  it('reads the alias and override files, each override with its source', () => {
    expect(loadAliasFile().aliases.length).toBeGreaterThan(5);
    for (const o of loadOverrideFile().places) expect(o.source.length).toBeGreaterThan(40);
  });

  it('strips institutions down to the place name', () => {
    expect(bareName("Conseil général de l'Hérault")).toBe('herault');
    expect(bareName("Commune urbaine d'Imouzzer du Kandar")).toBe('imouzzer du kandar');
    expect(bareName('Conseil régional du Nord-Pas de Calais')).toBe('nord pas de calais');
    expect(bareName('Ville de La Croix Valmer')).toBe('la croix valmer');
  });
});
