import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../geo/gazetteer.js';
import { loadProfiles } from './profiles.js';

const DATA = fileURLToPath(new URL('../../data/profiles/', import.meta.url));
const profiles = loadProfiles();

/** A copy of the packaged profiles with one file changed. */
function broken(file: string, change: (json: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  cpSync(DATA, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  change(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

describe('loading', () => {
  it('names the file and the field of a broken curated profile', () => {
    const dir = broken('MA/profile.json', (j) => ((j.currency as Record<string, unknown>).perEur = 'onze'));
    expect(() => loadProfiles(dir)).toThrow(/MA\/profile\.json: currency\.perEur: /);
    const levels = broken('FR/divisions.json', (j) => ((j.units as Record<string, unknown>[])[0]!.level = 'canton'));
    expect(() => loadProfiles(levels)).toThrow(/FR\/divisions\.json: units\.0\.level: "canton" is not one of the levels/);
    const places = broken('FR/places.json', (j) => ((j.places as Record<string, string>).lyon = 'Rhône'));
    expect(() => loadProfiles(places)).toThrow(/FR\/places\.json: places\.lyon: "Rhône" is not a unit/);
    const kinds = broken('MA/divisions.json', (j) => ((j.levels as Record<string, unknown>[])[0]!.kind = 'wilaya'));
    expect(() => loadProfiles(kinds)).toThrow(/MA\/divisions\.json: levels\.0\.kind: "wilaya"/);
  });

  it('refuses a country no data knows', () => {
    expect(() => profiles.of('QQ')).toThrow(/No country profile for “QQ”/);
    expect(profiles.find('QQ')).toBeUndefined();
  });
});

describe('curated profiles: France and Morocco as in 2008', () => {
  it('has the kinds, with Morocco’s regional kind still "region-ma"', () => {
    expect(profiles.of('FR').curated).toBe(true);
    expect(profiles.kindOfLevel('FR', 'regional')?.code).toBe('region');
    expect(profiles.kindOfLevel('MA', 'regional')?.code).toBe('region-ma');
    expect(profiles.kindOfLevel('FR', 'municipal')?.code).toBe('commune');
    expect(profiles.kindOfLevel('MA', 'municipal')?.code).toBe('commune-urbaine');
    expect(profiles.kindGroup('commune-rurale')).toBe('commune');
    expect(profiles.kindGroup('region-ma')).toBe('region');
    expect(profiles.kindGroup('province')).toBe('province');
  });

  it('has the divisions of 2008: 22 régions and 96 départements, 16 Moroccan régions', () => {
    const fr = profiles.of('FR').divisions;
    expect(fr.year).toBe(2008);
    expect(fr.units.filter((u) => u.level === 'region')).toHaveLength(22);
    expect(fr.units.filter((u) => u.level === 'departement')).toHaveLength(96);
    expect(fr.units.find((u) => u.code === '34')).toMatchObject({ name: 'Hérault', seat: 'Montpellier', parent: 'languedoc-roussillon' });
    const ma = profiles.of('MA').divisions;
    expect(ma.units).toHaveLength(16);
    expect(ma.units.find((u) => u.name === 'Oriental')).toMatchObject({ seat: 'Oujda', geonames: { admin1: ['02'] } });
    expect(profiles.of('MA').gazetteerCountries).toEqual(['MA', 'EH']);
  });

  it('finds a place’s région as regions.ts did', () => {
    expect(profiles.regionOf('FR', 'Aix-en-Provence')).toBe("Provence-Alpes-Côte d'Azur");
    expect(profiles.regionOf('FR', 'bretagne')).toBe('Bretagne');
    expect(profiles.regionOf('MA', 'Fès')).toBe('Fès-Boulemane');
    expect(profiles.regionOf('MA', 'Tadla Azilal')).toBe('Tadla-Azilal');
    expect(profiles.regionOf('MA', 'Paris')).toBeUndefined();
    const languedoc = profiles.unitNamed('FR', 'region', 'Languedoc-Roussillon')!;
    expect(profiles.geonamesOf('FR', languedoc)?.admin2).toEqual(['11', '30', '34', '48', '66']);
  });

  it('has the currencies with their reference rates', () => {
    expect(profiles.of('FR').currency).toEqual({ code: 'EUR', perEur: 1 });
    expect(profiles.of('MA').currency).toMatchObject({ code: 'MAD', perEur: 11.4, year: 2008 });
    expect(profiles.of('MA').currency.source).toMatch(/^Moyenne annuelle 2008, taux croisé/);
  });
});

describe('generated profiles', () => {
  const gazetteer = defaultGazetteer();
  const cases = [
    { code: 'SN', fr: 'Sénégal', currency: 'XOF', division: 'Dakar', place: 'Thiès', outline: '686' },
    { code: 'ML', fr: 'Mali', currency: 'XOF', division: 'Kayes', place: 'Bamako', outline: '466' },
    { code: 'TN', fr: 'Tunisie', currency: 'TND', division: 'Sfax', place: 'Sousse', outline: '788' },
    { code: 'CZ', fr: 'Tchéquie', currency: 'CZK', division: 'Olomoucký', place: 'Brno', outline: '203' },
    { code: 'DE', fr: 'Allemagne', currency: 'EUR', division: 'Bayern', place: 'Leipzig', outline: '276' },
  ];
  for (const c of cases) {
    it(`${c.code}: names, kinds, divisions, places, outline, currency`, () => {
      const p = profiles.of(c.code);
      expect(p.curated).toBe(false);
      expect(p.names.fr).toBe(c.fr);
      expect(p.names.ar).toMatch(/\p{Script=Arabic}/u);
      expect(p.kinds.map((k) => k.level)).toEqual(['municipal', 'regional']);
      expect(p.divisions.units.length).toBeGreaterThan(3);
      expect(p.divisions.units.some((u) => u.name.includes(c.division))).toBe(true);
      expect(p.outline?.worldAtlasId).toBe(c.outline);
      expect(p.currency.code).toBe(c.currency);
      expect(gazetteer.city(c.code, c.place)).toMatchObject({ how: 'gazetteer' });
    });
  }

  it('generates a valid profile for every country of the world data', () => {
    const world = JSON.parse(readFileSync(join(DATA, 'world.json'), 'utf8')) as { countries: Record<string, unknown> };
    const codes = Object.keys(world.countries);
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) {
      const p = profiles.of(code);
      expect(p.code).toBe(code);
      expect(p.names.fr.length, code).toBeGreaterThan(1);
      expect(p.kinds.some((k) => k.level === 'regional'), code).toBe(true);
    }
    expect(codes.filter((code) => profiles.of(code).outline === undefined).length).toBeLessThan(10);
  });

  it('converts only the currencies tied to the euro', () => {
    expect(profiles.of('SN').currency).toMatchObject({ perEur: 655.957, source: expect.stringMatching(/BCEAO/) });
    expect(profiles.of('DE').currency.perEur).toBe(1);
    expect(profiles.of('TN').currency.perEur).toBeUndefined();
  });

  it('puts a place in its first-level division through GeoNames', () => {
    const thies = gazetteer.places('SN', 'Thiès').places[0]!;
    const unit = profiles.of('SN').divisions.units.find((u) => u.geonames?.admin1?.includes(thies.admin1));
    expect(unit?.name).toBe('Thiès');
  });
});

describe('regionOf (the place → région tables of 2008)', () => {
  it.each([
    ['FR', 'Aix-en-Provence', "Provence-Alpes-Côte d'Azur"],
    ['FR', 'Seine-Saint-Denis', 'Île-de-France'],
    ['FR', 'Rhône-Alpes', 'Rhône-Alpes'],
    ['FR', 'Nord-Pas de Calais', 'Nord-Pas-de-Calais'],
    ['MA', 'Marrakech', 'Marrakech-Tensift-Al Haouz'],
    ['MA', 'Souss Massa Drâa', 'Souss-Massa-Drâa'],
    ['MA', 'Rabat Salé Zemmour Zaer', 'Rabat-Salé-Zemmour-Zaër'],
    ['MA', 'Souk El Khémis', 'Souss-Massa-Drâa'],
    ['SN', 'Ziguinchor', 'Ziguinchor'],
  ])('%s %s → %s', (country, place, region) => expect(profiles.regionOf(country, place)).toBe(region));

  it('knows no region of an unknown place', () => expect(profiles.regionOf('FR', 'Atlantis')).toBeUndefined());
});
