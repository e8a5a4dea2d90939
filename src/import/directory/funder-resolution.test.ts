/**
 * Funders are entities (issue 17): on the 2008 directory every funding line points to a funder of
 * the registry or to a collectivity, but for the names the registry lacks; phrases that are not
 * funders become the project's funding notes; the import report says how many funders,
 * collectivities and contacts the print names and how many records they are.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../model/report.js';
import type { Funding, Project, RepertoireDocument } from '../../model/schema.js';
import { defaultFunders, loadFunders } from '../../profiles/funders.js';
import { funderCore } from './funder-resolution.js';
import { readDirectory } from './index.js';
import { SEED_COUNTRIES, seedText } from './testing.js';

describe('funders of the 2008 directory', () => {
  let doc: RepertoireDocument;
  let report: ImportReport;
  let projects: Project[];
  let lines: Funding[];
  beforeAll(() => {
    ({ document: doc, report } = readDirectory(seedText(), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES }));
    projects = doc.partnerships.flatMap((p) => p.projects ?? []);
    lines = projects.flatMap((p) => p.funding ?? []);
  });

  it('points every funding line to a funder, but one the print names by its kind alone', () => {
    // 148 lines were read; 18 were phrases, not funders (notes); two lines that joined funders are
    // three, and a note gives one more (the INDH): 132 lines, 131 with their funder. Before funders
    // were split out of phrases: 130 lines, 127 with their funder, the other three joined names.
    expect(lines).toHaveLength(132);
    expect(lines.filter((f) => f.funderId || f.funderCollectivityId)).toHaveLength(131);
    const unresolved = lines.filter((f) => !f.funderId && !f.funderCollectivityId).map((f) => f.funder).sort();
    // Caudebec-lès-Elbeuf ⇄ Souk El Khémis: no party is a conseil général, and the print does not say which
    expect(unresolved).toEqual(['Conseil général']);
    const registry = defaultFunders();
    for (const f of lines.filter((l) => l.funderId)) expect(registry.get(f.funderId!), f.funder).toBeDefined();
    const idsOf = (printed: string) => new Set(lines.filter((f) => f.funder === printed).map((f) => f.funderId ?? f.funderCollectivityId));
    expect([...idsOf('MAE'), ...idsOf('Cofinancement MAE'), ...idsOf('Cofinancement MAE en 2006')]).toEqual(['fr-mae', 'fr-mae', 'fr-mae']);
    expect(new Set(['PAD', 'PAD Maroc', 'Cofinancement PAD', 'Cofinancement du PAD Maroc'].flatMap((n) => [...idsOf(n)]))).toEqual(new Set(['pad-maroc']));
    expect(new Set(['Région Midi-Pyrénées', 'Région Midi Pyrénées'].flatMap((n) => [...idsOf(n)]))).toEqual(new Set(['fr-region-midi-pyrenees']));
  });

  it('splits out the funders a phrase joins or a note names, the sentence kept as the line’s text (issue 17)', () => {
    const of = (id: string) => projects.find((p) => p.id === id)!;
    const funders = (id: string) => (of(id).funding ?? []).map((f) => [f.funder, f.funderId ?? f.funderCollectivityId]);
    expect(funders('seine-saint-denis-figuig-informatisation-et-mise-en-reseau-des-services-de')).toEqual([
      ['Conseil général', 'fr-departement-seine-saint-denis'],
      ['MAE', 'fr-mae'],
    ]);
    expect(of('seine-saint-denis-figuig-informatisation-et-mise-en-reseau-des-services-de').funding![1]!.text).toBe('Cofinancement Conseil général et MAE (au titre des NTIC)');
    // "Les villes participantes au projet" are no one funder: the sentence stays a note
    expect(funders('strasbourg-fes-culture-et-gestion-du-patrimoine')).toEqual([['Commission Européenne', 'union-europeenne']]);
    expect(of('strasbourg-fes-culture-et-gestion-du-patrimoine').fundingText).toContain('Les villes participantes au projet : Fès');
    const indh = of('nord-pas-de-calais-doukkala-abda-programme-d-action-dans-les-domaines-de-l');
    expect(indh.funding?.find((f) => f.funderId === 'ma-etat-indh')).toMatchObject({ funder: 'INDH', text: 'Au Maroc : INDH, associations locales.' });
    expect(indh.fundingText ?? '').not.toContain('INDH');
    // a wish that names a funder is no funding: "sollicitation PAD-Maroc envisagée", "PAD Maroc (demande en cours)"
    expect(funders('nord-pas-de-calais-doukkala-abda-gestion-integree-du-littoral')).toEqual([]);
    expect(funders('la-rochelle-essaouira-bibliotheque-municipale-d-essaouira').map(([, id]) => id)).not.toContain('pad-maroc');
  });

  it('finds the funders a sentence names, acronyms in capitals only', () => {
    const registry = defaultFunders();
    const ids = (sentence: string) => registry.mentions(sentence).map((m) => [m.printed, m.funder.id]);
    expect(ids('Au Maroc : INDH, associations locales.')).toEqual([['INDH', 'ma-etat-indh']]);
    expect(ids("avec le soutien du MAE et de l'union europeenne")).toEqual([['MAE', 'fr-mae'], ['union europeenne', 'union-europeenne']]);
    expect(ids('ce projet, pad ou mae en minuscules')).toEqual([]);
  });

  it('resolves "Financement du partenaire français / marocain" to that party', () => {
    const franche = doc.partnerships.find((p) => p.id === 'franche-comte-ouarzazate')!.projects!.flatMap((p) => p.funding ?? []);
    expect(franche.find((f) => f.funder === 'Financement du partenaire français')?.funderCollectivityId).toBe('fr-region-franche-comte');
    expect(franche.find((f) => f.funder === 'Financement du partenaire marocain')?.funderCollectivityId).toBe('ma-province-ouarzazate');
  });

  it('keeps wishes, conditions and contributions told in words as funding notes, never as funders', () => {
    const funders = lines.map((f) => f.funder);
    for (const phrase of ['Elle ne peut excéder', 'don de livres', 'équipe de bibliothécaires', 'opérateur', 'Au Maroc', 'Cofinancement souhaité', 'Partenaires', 'sur le volet création du service municipal', 'Cofinancement recherché pour les années à venir', 'Cofinancement à définir']) {
      expect(funders, phrase).not.toContain(phrase);
    }
    const notes = projects.map((p) => p.fundingText ?? '').join('\n');
    for (const phrase of ['Elle ne peut excéder 50% du budget total prévisionnel.', 'don de livres', 'Cofinancement souhaité : Ministère marocain de l\'Artisanat', 'Cofinancement du PAD Maroc (demande en cours)']) expect(notes).toContain(phrase);
  });

  it('says in the import report how many funders, collectivities and contacts before and after resolution', () => {
    const counts = Object.fromEntries(Object.entries(report.counts).filter(([k]) => k.startsWith('resolution.')));
    expect(counts).toEqual({
      // 91 printed names ("MAE", "Cofinancement MAE en 2006"…) are 63 funders, 1 of them unresolved
      // (before the split: 63, 3 of them unresolved — the joined names); 18 phrases became notes;
      // 4 lines split out (Conseil général and MAE, Commission Européenne, the INDH of a note)
      'resolution.funders.printed': 91,
      'resolution.funders.resolved': 63,
      'resolution.funders.unresolved': 1,
      'resolution.funders.notes': 18,
      'resolution.funders.split': 4,
      // 84 spellings of collectivities ("Ville de Lyon", "Ville de Lyon (Grand Lyon)"…) are 81 collectivities
      'resolution.collectivities.printed': 84,
      'resolution.collectivities.resolved': 81,
      // 196 contacts printed, 171 persons (Mme Deya BENJELLOUN is in four entries)
      'resolution.contacts.printed': 196,
      'resolution.contacts.resolved': 171,
    });
  });
});

describe('the funder registry', () => {
  it('reads its files, resolves by folded words, and names the file and field of a bad entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'funders-'));
    mkdirSync(join(dir, 'profiles', 'SN'), { recursive: true });
    writeFileSync(join(dir, 'funders.json'), JSON.stringify({ funders: [{ id: 'ue', name: 'Union européenne', kind: 'international', aliases: ['UE'] }] }));
    writeFileSync(join(dir, 'profiles', 'SN', 'funders.json'), JSON.stringify({ partyPhrases: ['partenaire sénégalais'], funders: [{ id: 'sn-adm', name: 'Agence de développement municipal', kind: 'agency', aliases: ['ADM'] }] }));
    const registry = loadFunders(dir);
    expect(registry.resolve('union europeenne')?.id).toBe('ue');
    expect(registry.resolve('ADM')).toMatchObject({ id: 'sn-adm', countries: ['SN'], kind: 'agency' });
    expect(registry.partyCountry('Financement du partenaire sénégalais')).toBe('SN');
    writeFileSync(join(dir, 'funders.json'), JSON.stringify({ funders: [{ id: 'ue', name: 'Union européenne', kind: 'charity', aliases: [] }] }));
    expect(() => loadFunders(dir)).toThrow(/funders\.json: funders\.0\.kind/);
  });

  it('takes a printed name down to what names the funder', () => {
    expect(funderCore('Cofinancement du PAD Maroc (demande en cours)')).toBe('PAD Maroc');
    expect(funderCore('Cofinancement MAE en 2006')).toBe('MAE');
    expect(funderCore('Cofinancement PAD de')).toBe('PAD');
    expect(funderCore('Financement du partenaire français')).toBe('partenaire français');
  });
});
