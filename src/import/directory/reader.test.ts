/**
 * The whole 2008 directory, read as a user of the census would check it: the examples of the
 * book, its sections, its shared collectivities, its PAD projects and its own inconsistencies.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Partnership, Project, RepertoireDocument } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import { readDirectory, type ReadResult } from './index.js';
import { SEED_COUNTRIES, seedText } from './testing.js';

let result: ReadResult;
let doc: RepertoireDocument;
const partnership = (id: string): Partnership => {
  const p = doc.partnerships.find((x) => x.id === id);
  if (!p) throw new Error(`no partnership ${id}`);
  return p;
};
const collectivity = (id: string) => doc.collectivities.find((c) => c.id === id)!;
const projects = (): Project[] => doc.partnerships.flatMap((p) => p.projects ?? []);

beforeAll(() => {
  result = readDirectory(seedText(), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES, now: new Date('2026-01-01T00:00:00Z') });
  doc = result.document;
});

describe('the 2008 directory', () => {
  it('is valid against the interchange schema', () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schema/repertoire.schema.json', import.meta.url)), 'utf8'));
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('holds the four sections of the Sommaire and the five other partnerships', () => {
    const bySection = (s: string) => doc.partnerships.filter((p) => p.section === s).length;
    // Marseille's one entry holds four partnerships: 26 entries, 29 partnerships.
    expect(bySection('Villes')).toBe(29);
    expect(bySection('Communautés urbaines')).toBe(2);
    expect(bySection('Conseils généraux')).toBe(5);
    expect(bySection('Conseils régionaux')).toBe(9);
    const brief = doc.partnerships.filter((p) => p.tier === 'brief');
    expect(brief.map((p) => p.id)).toEqual(['clichy-la-garenne-agadir', 'maubeuge-ouarzazate', 'montpellier-fes', 'saint-germain-en-laye-temara', 'woippy-sale']);
    expect(result.report.inconsistencies.filter((i) => i.kind.startsWith('sommaire-entry') || i.kind === 'entry-not-in-sommaire')).toEqual([]);
  });

  it('reads Aix-en-Provence ⇄ Oujda as printed', () => {
    const p = partnership('aix-en-provence-oujda');
    expect(p.parties.map((x) => x.collectivityId)).toEqual(['fr-commune-aix-en-provence', 'ma-commune-oujda']);
    expect(p.legalFramework).toBe('Convention cadre de coopération décentralisée');
    expect(p.frameworkKind).toBe('convention');
    expect(p.dateText).toBe('Votée le 26 mars 1998, signée le 29 avril 1998 à Oujda');
    expect(p.signedDate).toBe('1998-03-26');
    expect(collectivity('fr-commune-aix-en-provence')).toMatchObject({ population: 150000, executive: { name: 'Maryse Joissains-Masini', title: "Maire d'Aix-en-Provence" } });
    expect(collectivity('ma-commune-oujda').population).toBe(500000);
    const pdu = p.projects![0]!;
    expect(pdu).toMatchObject({ status: 'ongoing', padCofinanced: true, startDate: '2007-07-09', durationMonths: 24, totalCost: { amount: 2032800, currency: 'MAD' } });
    expect(pdu.title).toBe("Assistance à maîtrise d'ouvrage pour l'élaboration du plan de déplacements urbains de la commune urbaine d'Oujda");
    expect(pdu.funding!.map((f) => [f.funder, f.amount?.amount, f.amount?.currency])).toEqual([
      ['Cofinancement PAD', 994690, 'MAD'],
      ['Aix-en-Provence', 816560, 'MAD'],
      ['Oujda', 221640, 'MAD'],
    ]);
    expect(pdu.partners!.filter((x) => x.role !== 'partner').map((x) => [x.role, x.collectivityId])).toEqual([
      ['maitre-ouvrage', 'ma-commune-oujda'],
      ['assistant-maitre-ouvrage', 'fr-commune-aix-en-provence'],
    ]);
    expect(p.budgets!.map((b) => [b.collectivityId, b.amount.amount, b.amount.currency, b.amount.approximate ?? false])).toEqual([
      ['fr-commune-aix-en-provence', 200000, 'EUR', false],
      ['ma-commune-oujda', 15000, 'EUR', true],
    ]);
    expect(p.domains).toContain('developpement-urbain-transports');
    expect(p.source).toMatchObject({ document: 'repertoire-franco-marocain-2008.txt', page: 9 });
  });

  it('reads Marseille as four partnerships, each with its own framework and date', () => {
    const ids = ['marseille-rabat', 'marseille-meknes', 'marseille-marrakech', 'marseille-fes'];
    const read = ids.map((id) => partnership(id));
    expect(read.map((p) => p.signedDate)).toEqual(['1989', '1998', '2002-03-21', undefined]);
    expect(read.map((p) => p.frameworkKind)).toEqual(['accord', 'declaration', 'accord', 'accord']);
    expect(new Set(read.map((p) => p.legalFramework)).size).toBe(4);
    // What the entry says of all four (its international department) belongs to each.
    for (const p of read) expect(p.humanResources).toContain('Direction des Relations internationales : 5 cadres.');
  });

  it('reads Bourgogne as one partnership with two Moroccan parties, and Lyon with two French ones', () => {
    expect(partnership('bourgogne-marrakech-meknes').parties.map((p) => p.collectivityId)).toEqual(['fr-region-bourgogne', 'ma-commune-marrakech', 'ma-commune-meknes']);
    expect(partnership('lyon-rabat').parties.map((p) => p.collectivityId)).toEqual(['fr-commune-lyon', 'fr-communaute-urbaine-lyon', 'ma-commune-rabat']);
  });

  it('keeps one record per real collectivity', () => {
    const partiesOf = (id: string) => doc.partnerships.filter((p) => p.parties.some((x) => x.collectivityId === id)).map((p) => p.id);
    expect(partiesOf('ma-commune-marrakech')).toEqual(['ajaccio-marrakech', 'clermont-ferrand-marrakech', 'marseille-marrakech', 'tours-marrakech', 'bourgogne-marrakech-meknes']);
    expect(collectivity('ma-region-tadla-azilal').aliases).toContain('Conseil régional de Tadla Azilal');
    expect(collectivity('ma-commune-agadir')).toBeDefined();
    expect(collectivity('ma-prefecture-agadir')).toBeDefined();
    expect(doc.collectivities.filter((c) => !c.region).map((c) => c.id)).toEqual([]);
    expect(collectivity('ma-commune-agadir').region).toBe('Souss-Massa-Drâa');
    // Every collectivity is located, and the map's geometry holds: Oujda east of Fès, Agadir south of Marrakech.
    expect(doc.collectivities.filter((c) => !c.location).map((c) => c.id)).toEqual([]);
    expect(collectivity('ma-commune-oujda').location!.lon).toBeGreaterThan(collectivity('ma-commune-fes').location!.lon);
    expect(collectivity('ma-commune-agadir').location!.lat).toBeLessThan(collectivity('ma-commune-marrakech').location!.lat);
    const ids = doc.collectivities.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds the twelve PAD projects', () => {
    const pad = projects().filter((p) => p.padCofinanced);
    expect(pad).toHaveLength(12);
    // Every PAD project has its Moroccan maître d'ouvrage and French assistant.
    for (const p of pad) expect(p.partners?.map((x) => x.role)).toEqual(expect.arrayContaining(['maitre-ouvrage', 'assistant-maitre-ouvrage']));
  });

  it('reads the synthesis as a two-level taxonomy', () => {
    const urbain = doc.domains.find((d) => d.label === 'Développement urbain')!;
    expect(doc.domains.filter((d) => d.parent === urbain.code).map((d) => d.label)).toEqual(['Aménagement', 'Transports', 'Eau & assainissement', 'Propreté']);
    expect(partnership('marseille-fes').domains).toEqual(['developpement-urbain-transports', 'culture-soutien-aux-lieux-et-evenements-culturels']);
  });

  it('has no two domains with one label (issue 17): water is one domain, each "Autres" named by its parent', () => {
    const labels = doc.domains.map((d) => foldKey(d.label));
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
    expect(doc.domains).toHaveLength(33);
    const water = doc.domains.find((d) => d.code === 'developpement-urbain-eau-assainissement')!;
    expect(water.aliases).toEqual(['environnement-eau-assainissement']);
    // the Hérault's water, printed under Environnement, is filed under the one water domain
    expect(partnership('herault-souss-massa-draa').domains).toContain('developpement-urbain-eau-assainissement');
    expect(doc.domains.filter((d) => d.label.startsWith('Autres (')).map((d) => d.label)).toEqual([
      'Autres (Développement économique)',
      'Autres (Environnement)',
      'Autres (Développement social)',
      'Autres (Culture)',
    ]);
  });

  it('reports the book’s own inconsistencies', () => {
    const messages = result.report.inconsistencies.map((i) => `${i.kind}: ${i.message}`).join('\n');
    expect(messages).toMatch(/synthesis-name-differs: .*Commune rurale de Souk El Khémis/);
    expect(messages).toMatch(/synthesis-name-differs: .*Tifle/);
    expect(messages).toMatch(/synthesis-pair-without-partner: .*Seine-Saint-Denis/);
    expect(messages).toMatch(/pad-count-differs: an editorial states 11 .* 12/);
    expect(messages).toMatch(/funding-does-not-add-up: .*2032890 MAD.*2032800 MAD/);
    expect(messages).toMatch(/population-differs: Commune urbaine de Meknès/);
    expect(result.report.warnings.filter((w) => w.kind === 'unlocated' || w.kind === 'unknown-region')).toEqual([]);
  });

  it('reads the contacts on the right side, and the collectivities’ coordinates', () => {
    const aix = partnership('aix-en-provence-oujda').contacts!;
    expect(aix.map((c) => [c.name, c.kind, c.collectivityId])).toEqual([
      ['Bruno GENZANA', 'elected', 'fr-commune-aix-en-provence'],
      ['Michèle COUËTMEUR', 'staff', 'fr-commune-aix-en-provence'],
      ['Noureddine ZERZOURI', 'elected', 'ma-commune-oujda'],
      ['Mohammed MOUHIB', 'staff', 'ma-commune-oujda'],
    ]);
    expect(aix[1]).toMatchObject({ emails: ['couetmeurm@mairie-aixenprovence.fr'], phones: ['+ 33 (0)4.42.91.99.30'], faxes: ['+ 33 (0)4.42.91.94.92'] });
    expect(collectivity('ma-commune-oujda')).toMatchObject({ emails: ['cu-oujda@menara.ma'], address: 'Boulevard Mohammed V, Oujda' });
    // Nearly every e-mail printed in the book lands on a contact or a collectivity.
    const printed = new Set((seedText().match(/[\p{L}\p{N}_.+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu) ?? []).map((e) => e.toLowerCase()));
    const read = new Set([...doc.collectivities.flatMap((c) => c.emails ?? []), ...doc.partnerships.flatMap((p) => (p.contacts ?? []).flatMap((c) => c.emails ?? []))].map((e) => e.toLowerCase()));
    const missing = [...printed].filter((e) => !read.has(e));
    expect(missing.length / printed.size).toBeLessThan(0.1);
  });

  it('keeps every record’s source lines', () => {
    for (const p of doc.partnerships) expect(p.source?.lines?.[0]).toBeGreaterThan(0);
    for (const p of projects()) expect(p.source?.lines?.[1]).toBeGreaterThanOrEqual(p.source!.lines![0]!);
    const covered = new Set(result.sources.filter((s) => s.recordType === 'collectivity').map((s) => s.recordId));
    for (const c of doc.collectivities) expect(covered.has(c.id), c.id).toBe(true);
  });

  it('reads the same document to the same records', () => {
    const again = readDirectory(seedText(), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES });
    expect(again.document).toEqual(doc);
  });
});
