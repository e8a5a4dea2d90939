import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../geo/gazetteer.js';
import { validateDocument } from '../model/validate.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { loadStats } from '../stats/load.js';
import { loadDocument } from '../store/load-document.js';
import { openTempStore } from '../test-support/temp-store.js';
import { inCountry } from './countries.js';
import { synthesize, synthDirectoryId, type Row, type SynthOptions } from './generate.js';
import { writeSynthetic } from './write.js';

function rowsOf(options: SynthOptions): Record<string, Row[]> {
  const rows: Record<string, Row[]> = {};
  synthesize(options, (table, row) => (rows[table] ??= []).push(row));
  return rows;
}

describe('synthetic directories of any pair of countries', () => {
  it('France – Senegal: a valid directory of real Senegalese places, kinds of the profile, amounts in francs CFA', async () => {
    const store = await openTempStore();
    const written = writeSynthetic(store.path, { partnerships: 300, seed: 4, countries: ['FR', 'SN'] });
    expect(written.directoryId).toBe('synthetique-fr-sn-300-s4');
    const doc = validateDocument(await loadDocument(store.db, written.directoryId));
    expect(doc.directory.title).toBe('Répertoire synthétique des partenariats France – Sénégal (300 partenariats, graine 4)');
    expect(doc.directory.countries).toEqual(['FR', 'SN']);
    expect(doc.partnerships).toHaveLength(300);

    expect(new Set(doc.collectivities.map((c) => c.country))).toEqual(new Set(['FR', 'SN']));
    const senegalese = doc.collectivities.filter((c) => c.country === 'SN');
    expect(senegalese.length).toBeGreaterThan(20);
    const profile = defaultProfiles().of('SN');
    const kinds = new Set(profile.kinds.map((k) => k.code));
    expect(senegalese.filter((c) => !kinds.has(c.kind)).map((c) => `${c.id} ${c.kind}`)).toEqual([]);
    const regions = new Set(profile.divisions.units.map((u) => u.name));
    expect(senegalese.filter((c) => !regions.has(c.region ?? '')).map((c) => `${c.id} ${c.region}`)).toEqual([]);
    // every municipality is a real place of the gazetteer, where the gazetteer has it
    const gazetteer = defaultGazetteer();
    const municipal = senegalese.filter((c) => profile.kinds.find((k) => k.code === c.kind)?.level === 'municipal');
    expect(municipal.length).toBeGreaterThan(20);
    const misplaced = municipal.filter((c) => {
      const places = gazetteer.places('SN', c.shortName ?? c.name).places;
      return !places.some((p) => Math.abs(p.lat - c.location!.lat) < 1e-4 && Math.abs(p.lon - c.location!.lon) < 1e-4);
    });
    expect(misplaced.map((c) => `${c.id} ${JSON.stringify(c.location)}`)).toEqual([]);
    // Senegal lies within 12–17° N, 11–18° W
    expect(senegalese.filter((c) => !(c.location && c.location.lat > 12 && c.location.lat < 17 && c.location.lon > -18 && c.location.lon < -11)).map((c) => c.id)).toEqual([]);
    // a regional council per region that has places
    expect(senegalese.filter((c) => c.kind === 'region').length).toBeGreaterThan(10);

    // every partnership between a French and a Senegalese collectivity
    const country = new Map(doc.collectivities.map((c) => [c.id, c.country]));
    for (const p of doc.partnerships) {
      expect(country.get(p.parties[0]!.collectivityId!)).toBe('FR');
      expect(p.parties.slice(1).map((party) => country.get(party.collectivityId!))).toEqual(p.parties.slice(1).map(() => 'SN'));
    }

    // francs CFA at the fixed parity: whole thousands of euros, converted at 655.957
    const projects = doc.partnerships.flatMap((p) => p.projects ?? []);
    const inXof = projects.filter((p) => p.totalCost?.currency === 'XOF');
    expect(inXof.length).toBeGreaterThan(projects.length / 5);
    for (const p of inXof) {
      const euros = p.totalCost!.amount! / 655.957;
      expect(Math.abs(euros - Math.round(euros / 1000) * 1000)).toBeLessThan(0.01);
    }
    expect(new Set(projects.map((p) => p.totalCost?.currency))).toEqual(new Set(['EUR', 'XOF']));
    // the statistics convert them at the profile's parity
    const stats = await loadStats(store.db, { directoryId: written.directoryId });
    expect(stats.rate.perEur.XOF).toBe(655.957);
    const xof = stats.projectCosts.total.byCurrency.find((c) => c.currency === 'XOF')!;
    expect(xof.count).toBe(inXof.length);
    expect(xof.eur).toBeCloseTo(xof.amount / 655.957, 0);
    expect(stats.projectCosts.total.convertedEur).toBeGreaterThan(0);
    // Senegal has no programme of its own like the PAD Maroc
    expect(projects.filter((p) => p.padCofinanced).length).toBe(0);
    // no Moroccan words where Senegal is meant, and no word of the vocabulary left unfilled
    const text = JSON.stringify(doc);
    expect(text.match(/Maroc|marocain|PAD|douar|médina|INDH|\{[a-z-]+\}/g)).toBeNull();
    expect(text).toMatch(/des villages/);
  });

  it('France – Germany: euros on both sides, German places of each Land', () => {
    const rows = rowsOf({ partnerships: 200, seed: 1, countries: ['FR', 'DE'], projectsPerPartnership: 2 });
    expect(rows.directories![0]!.id).toBe('synthetique-fr-de-200-s1');
    const german = rows.collectivities!.filter((r) => r.country === 'DE');
    expect(german.length).toBeGreaterThan(40);
    expect(german.filter((r) => r.lat === null)).toEqual([]);
    expect(new Set(rows.funding_lines!.map((r) => r.currency))).toEqual(new Set(['EUR']));
    expect(new Set(rows.collectivities!.map((r) => r.country))).toEqual(new Set(['FR', 'DE']));
  });

  it('France – Italy: places in the provinces the profile lists under GeoNames admin2 codes', () => {
    const rows = rowsOf({ partnerships: 100, seed: 1, countries: ['FR', 'IT'], projectsPerPartnership: 0 });
    const italian = rows.collectivities!.filter((r) => r.country === 'IT');
    const provinces = new Set(defaultProfiles().of('IT').divisions.units.map((u) => u.name));
    expect(italian.filter((r) => r.kind === 'commune').length).toBeGreaterThanOrEqual(40);
    expect(italian.filter((r) => !provinces.has(String(r.region)) || r.lat === null).map((r) => r.id)).toEqual([]);
  });

  it('France – Tunisia and Senegal: two partner countries, each partnership with one of them', () => {
    const rows = rowsOf({ partnerships: 400, seed: 2, countries: ['FR', 'TN', 'SN'], projectsPerPartnership: 2 });
    expect(rows.directories![0]!.id).toBe('synthetique-fr-tn-sn-400-s2');
    expect(rows.directories![0]!.title).toMatch(/France – Tunisie, Sénégal/);
    expect(rows.directories![0]!.countries).toBe('["FR","TN","SN"]');
    const country = new Map(rows.collectivities!.map((r) => [r.id, r.country]));
    const byPartnership = new Map<string, Set<unknown>>();
    for (const party of rows.partnership_parties!) {
      if (party.position === 0) continue;
      const set = byPartnership.get(String(party.partnership_id)) ?? new Set();
      set.add(country.get(party.collectivity_id));
      byPartnership.set(String(party.partnership_id), set);
    }
    const partners = [...byPartnership.values()];
    expect(partners.every((s) => s.size === 1)).toBe(true);
    const tn = partners.filter((s) => s.has('TN')).length;
    expect(tn).toBeGreaterThan(120);
    expect(400 - tn).toBeGreaterThan(120);
    // the Tunisian dinar has no reference rate in its generated profile: its amounts stay in euros
    expect(new Set(rows.funding_lines!.map((r) => r.currency))).toEqual(new Set(['EUR', 'XOF']));
  });

  it('the same seed gives the same directory for any pair; the ids name the countries', () => {
    const hash = (o: SynthOptions) => JSON.stringify(rowsOf(o).collectivities);
    const o = { partnerships: 100, seed: 9, countries: ['FR', 'SN'], projectsPerPartnership: 0 };
    expect(hash(o)).toBe(hash(o));
    expect(hash({ ...o, seed: 10 })).not.toBe(hash(o));
    expect(synthDirectoryId({ partnerships: 1000, seed: 1, countries: ['FR', 'SN'] })).toBe('synthetique-fr-sn-1000-s1');
  });

  it('say where in a country as French does', () => {
    expect(['France', 'Maroc', 'Sénégal', 'Tunisie', 'Allemagne', 'Mexique', 'Iran', 'Comores'].map(inCountry)).toEqual([
      'en France',
      'au Maroc',
      'au Sénégal',
      'en Tunisie',
      'en Allemagne',
      'au Mexique',
      'en Iran',
      'aux Comores',
    ]);
  });
});
