import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { assertWellFormedXml } from '../maps/testing.js';
import { saveDocument } from '../store/save-document.js';
import { openStore, type Store } from '../store/db.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { FORMULA_PAYLOADS } from '../test-support/formula-payloads.js';
import { buildStats } from './build.js';
import { barChart, countBars, domainBars, niceTicks } from './charts.js';
import { STATS_TABLES, statsCsv, toCsv } from './csv.js';
import { FunderNames } from './funders.js';
import { CensusStats } from './model.js';
import { loadProfiles } from '../profiles/profiles.js';
import { referenceRates, totalOf } from './money.js';

/** Today's rates of a France–Morocco directory, from the profiles. */
const RATES_2008 = referenceRates(loadProfiles(), ['FR', 'MA']);
import { loadStats } from './load.js';
import { aggregateStats } from './queries.js';
import { censusSnapshot } from './snapshot.js';
import { DIRECTORY_2008_ID, read2008, save2008 } from './testing.js';
// the web layer's labels of the codes (a test may reach above its layer): what the page and its CSVs print
import { claimVerdict, padComparison, statsLabels } from '../web/pages/statistics/parts.js';

const labels = statsLabels('fr');

const read = read2008();
const doc = read.document;
// the statistics are counted one way, in SQL: here over a SQLite store holding the 2008 directory;
// the expectations below are counted from the reader's document, independently
let stats: CensusStats;
let store: Store;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'repertoire-stats-'));
  store = await openStore(loadConfig({ DATABASE_URL: join(folder, 'store.db') }));
  await save2008(store.db);
  stats = await loadStats(store.db, { directoryId: DIRECTORY_2008_ID });
}, 60_000);
afterAll(async () => {
  await store?.close();
  rmSync(folder, { recursive: true, force: true });
});
const load = (options: Parameters<typeof loadStats>[1] = {}) => loadStats(store.db, { directoryId: DIRECTORY_2008_ID, ...options });
const projects = doc.partnerships.flatMap((p) => (p.projects ?? []).map((x) => ({ ...x, partnershipId: p.id })));
const tally = <T>(items: T[]) => items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<T, number>());

describe('statistics of the 2008 directory', () => {
  it('counts partnerships by decade, and checks the editorial: first in the 1980s, more in the 1990s and 2000s', () => {
    const decades = tally(doc.partnerships.map((p) => (p.signedDate ? `${p.signedDate.slice(0, 3)}0` : 'unknown')));
    expect(Object.fromEntries(stats.partnershipsByDecade.rows.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(decades));
    expect(stats.partnershipsByDecade.rows.map((r) => r.key)).toEqual(['1980', '1990', '2000', 'unknown']);
    // the claim is the editorial's own sentence, read from the text (not a constant of the code)
    expect(stats.partnershipsByDecade.claim?.text).toMatch(/^Conclues pour les premiers dans les années 1980, les partenariats de coopération décentralisée franco-marocains se sont multipliés dans les années 1990 et 2000/);
    expect(stats.partnershipsByDecade.claim).toMatchObject({ firstDecade: '1980', agrees: true });
    expect(stats.partnershipsByDecade.claim).toMatchObject({ counts: [{ key: '1980', count: 3 }, { key: '1990', count: 11 }, { key: '2000', count: 31 }], undated: 5 });
    // the page's sentence, from those counts and the catalogue
    expect(claimVerdict('fr', stats.partnershipsByDecade.claim!)).toMatch(/^Les données concordent : 3 dans les années 1980, 11 dans les années 1990, 31 dans les années 2000 ; 5 sans date/);
  });

  it('counts partnerships by kind of collectivity on each side', () => {
    const kind = new Map(doc.collectivities.map((c) => [c.id, c.kind]));
    for (const side of stats.partnershipsByKind) {
      for (const row of side.rows) {
        const expected = doc.partnerships.filter((p) => p.parties.some((x) => x.country === side.country && kind.get(x.collectivityId) === row.key)).length;
        expect(row.count, `${side.country} ${row.key}`).toBe(expected);
      }
    }
    expect(stats.partnershipsByKind.map((s) => s.country)).toEqual(['FR', 'MA']);
    expect(stats.partnershipsByKind[0]!.rows[0]).toEqual({ key: 'commune', count: 35 });
  });

  it('counts partnerships and projects by domain, a domain counting its sub-domains once per record', () => {
    const parent = new Map(doc.domains.map((d) => [d.code, d.parent ?? d.code]));
    for (const row of stats.partnershipsByDomain) {
      const expected = doc.partnerships.filter((p) => (p.domains ?? []).some((c) => (row.parent === null ? parent.get(c) === row.code : c === row.code))).length;
      expect(row.count, row.code).toBe(expected);
    }
    for (const row of stats.projectsByDomain) {
      const expected = projects.filter((p) => (p.domains ?? []).some((c) => (row.parent === null ? parent.get(c) === row.code : c === row.code))).length;
      expect(row.count, row.code).toBe(expected);
    }
    expect(stats.partnershipsByDomain.find((r) => r.code === 'education-et-jeunesse')!.count).toBe(22);
  });

  it('shows each domain under a label of its own (issue 17: "Eau & assainissement" is printed under two parents, "Autres" under four)', () => {
    const labels = stats.projectsByDomain.map((d) => d.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((l) => l.startsWith('Eau & assainissement'))).toEqual(['Eau & assainissement']);
    expect(labels.filter((l) => l.startsWith('Autres')).every((l) => /^Autres \(/.test(l))).toBe(true);
  });

  it('counts projects by status', () => {
    expect(stats.scope).toEqual({ directoryId: DIRECTORY_2008_ID, filtered: false, partnerships: 50, projects: 197 }); // 197: two partners of a list (Stains, PACA) were read as projects until issue 17
    expect(stats.projectsByStatus).toEqual([
      { key: 'ongoing', count: 101 }, // 101: Stains and PACA each lose an ongoing "project" that was a partner (issue 17)
      { key: 'completed', count: 83 },
      { key: 'planned', count: 13 },
    ]);
  });

  it('adds up money in euros at the stated 2008 rate, approximate amounts marked', () => {
    expect(stats.rate.perEur.MAD).toBe(11.4);
    expect(stats.rate.source).toMatch(/2008/);
    const costs = projects.flatMap((p) => (p.totalCost ? [p.totalCost] : []));
    const eur = costs.reduce((s, m) => s + (m.currency === 'EUR' ? m.amount : m.amount / 11.4), 0);
    expect(stats.projectCosts.total.eur).toBeCloseTo(eur, 2);
    expect(stats.projectCosts.total.count).toBe(costs.length);
    expect(stats.projectCosts.withCost + stats.projectCosts.withoutCost).toBe(197);
    const approx = costs.filter((m) => m.approximate).reduce((s, m) => s + (m.currency === 'EUR' ? m.amount : m.amount / 11.4), 0);
    expect(stats.projectCosts.total.approximateEur).toBeCloseTo(approx, 2);
    const budgets = doc.partnerships.flatMap((p) => p.budgets ?? []);
    expect(stats.budgets.total.count).toBe(budgets.length);
    expect(stats.budgets.total.byCurrency.find((c) => c.currency === 'MAD')!.amount).toBe(budgets.filter((b) => b.amount.currency === 'MAD').reduce((s, b) => s + b.amount.amount, 0));
    expect(stats.budgets.bySide.reduce((s, x) => s + x.total.count, 0)).toBe(budgets.length);
  });

  it('groups funders by entity: every PAD spelling under the PAD, MAE under its ministry, collectivities by their record (issue 17)', () => {
    const lines = projects.flatMap((p) => p.funding ?? []);
    const pad = stats.funders.find((f) => f.key === 'f:pad-maroc')!;
    expect(pad.lines).toBe(lines.filter((f) => /\bPAD\b/.test(f.funder)).length);
    expect(pad.lines).toBe(11); // "Cofinancement PAD" ×7, "PAD", "PAD Maroc", "Cofinancement PAD de", "Cofinancement du PAD Maroc"
    expect(pad.kind).toBe('programme');
    expect(stats.funders[0]!.key).toBe('f:pad-maroc'); // the largest
    const mae = stats.funders.find((f) => f.key === 'f:fr-mae')!;
    expect(mae.lines).toBe(13); // "MAE" ×8, "Cofinancement MAE" ×2, "Cofinancement MAE en 2006" ×2, and split out of "Cofinancement Conseil général et MAE"
    // a funder named in a note is counted by its entity too: the INDH of "Au Maroc : INDH, associations locales."
    expect(stats.funders.find((f) => f.key === 'f:ma-etat-indh')!.lines).toBeGreaterThan(0);
    expect(mae.kind).toBe('ministry');
    const midi = stats.funders.find((f) => f.collectivityId === 'fr-region-midi-pyrenees')!;
    expect(midi.lines).toBe(6); // "Région Midi-Pyrénées" and "Région Midi Pyrénées"
    expect(midi.kind).toBe('collectivity');
    // Phrases that are not funders are no longer funding lines: no group holds them.
    for (const phrase of ['Elle ne peut excéder', 'don de livres', 'équipe de bibliothécaires', 'opérateur', 'Au Maroc', 'Cofinancement souhaité', 'Partenaires', 'sur le volet création du service municipal']) {
      expect(stats.funders.map((f) => f.funder), phrase).not.toContain(phrase);
    }
    // Three lines the reader left unresolved (the desk lists them); the statistics' text rules still
    // place two ("Conseil général et MAE" with the MAE, "Commission Européenne ; …" with the EU).
    expect(stats.funders.filter((f) => f.kind === 'unresolved').map((f) => f.funder)).toEqual(['Conseil général']);
    expect(stats.funderKinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['programme', 'ministry', 'collectivity', 'association', 'company']));
    expect(stats.funderKinds.reduce((n, k) => n + k.lines, 0)).toBe(lines.length);
    // Stores imported before funders were resolved group by the printed name, as before.
    const names = new FunderNames(doc.collectivities);
    expect(names.group('Cofinancement PAD').key).toBe('p:PAD');
    expect(names.group('Cofinancement du PAD Maroc (demande en cours)').pad).toBe(true);
    expect(names.group('Cofinancement MAE en 2006').key).toBe('p:MAE');
    expect(names.group('Cofinancement PACA').collectivityId).toBe('fr-region-provence-alpes-cote-d-azur');
    expect(names.group('Aquitaine').collectivityId).toBe('fr-region-aquitaine');
    expect(names.group('don de livres').kind).toBe('unresolved');
    expect(names.group('Cofinancement MAE', null, 'fr-mae')).toMatchObject({ key: 'f:fr-mae', kind: 'ministry' });
  });

  it('lists the PAD projects with their maître d’ouvrage and French assistant, and compares with the editorials', async () => {
    const pad = projects.filter((p) => p.padCofinanced);
    expect(stats.pad.count).toBe(pad.length);
    expect(stats.pad.count).toBe(12);
    expect(stats.pad.rows.map((r) => r.projectId)).toEqual(pad.map((p) => p.id));
    for (const row of stats.pad.rows) {
      expect(row.maitreOuvrage.length, row.projectId).toBeGreaterThan(0);
      expect(row.assistant.length, row.projectId).toBeGreaterThan(0);
    }
    const oujda = stats.pad.rows.find((r) => r.maitreOuvrage.some((x) => x.collectivityId === 'ma-commune-oujda'))!;
    expect(oujda.totalCost).toMatchObject({ amount: 2032800, currency: 'MAD' });
    expect(oujda.totalCost!.eur).toBeCloseTo(2032800 / 11.4, 2);
    expect(oujda.padAmounts).toEqual([{ amount: 994690, currency: 'MAD', approximate: false, eur: expect.closeTo(994690 / 11.4, 2) }]);
    expect(stats.pad.statements).toEqual([{ line: 130, stated: 11, message: expect.stringContaining('11') }]);
    expect(padComparison('fr', stats.pad, false)).toMatch(/^12 projets cofinancés par le PAD dans les fiches ; un éditorial en annonce 11 : le rapport d’import signale l’écart\.$/);
    expect((await load({ padLimit: 3 })).pad).toMatchObject({ count: 12, truncated: true });
  });

  it('computes the statistics of a selection with the same code', async () => {
    const ids = ['tours-marrakech', 'lyon-rabat'].filter((id) => doc.partnerships.some((p) => p.id === id));
    expect(ids.length).toBe(2);
    const some = await load({ partnershipIds: ids });
    expect(some.scope).toMatchObject({ filtered: true, partnerships: 2 });
    expect(some.scope.projects).toBe(projects.filter((p) => ids.includes(p.partnershipId)).length);
    expect(padComparison('fr', some.pad, some.scope.filtered)).toMatch(/dans cette sélection/);
    expect((await load({ partnershipIds: [] })).scope).toMatchObject({ partnerships: 0, projects: 0 });
  });

  it('is a valid view model, with a CSV per table', () => {
    expect(CensusStats.parse(JSON.parse(JSON.stringify(stats)))).toEqual(stats);
    for (const table of STATS_TABLES) {
      const csv = statsCsv(stats, table, labels);
      expect(csv.endsWith('\r\n'), table).toBe(true);
      expect(csv.split('\r\n').length, table).toBeGreaterThan(2);
    }
    // the exports' dialect: BOM, ";", decimal comma (French Excel opens it by a double click)
    expect(statsCsv(stats, 'partenariats-par-decennie', labels)).toBe('\uFEFFcode;libellé;nombre\r\n1980;Années 1980;3\r\n1990;Années 1990;11\r\n2000;Années 2000;31\r\nunknown;Date inconnue;5\r\n');
    expect(statsCsv(stats, 'projets-pad', labels).split('\r\n')).toHaveLength(14);
    expect(toCsv(['a', 'b'], [['x;"y"', '=1+1'], [null, 2.5]])).toBe('\uFEFFa;b\r\n"x;""y""";\'=1+1\r\n;2,5\r\n');
  });

  it("writes OWASP's formula payloads as guarded text, numbers as numbers", () => {
    for (const payload of FORMULA_PAYLOADS) {
      const guarded = `'${payload}`;
      const cell = /[;"\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
      expect(toCsv(['financeur', 'EUR'], [[payload, -3]]), JSON.stringify(payload)).toBe(`\uFEFFfinanceur;EUR\r\n${cell};-3\r\n`);
    }
  });

  it('takes the rates from the directory’s countries’ profiles', async () => {
    expect(RATES_2008).toEqual({
      perEur: { EUR: 1, MAD: 11.4 },
      year: 2008,
      source:
        'Moyenne annuelle 2008, taux croisé : 7,750 MAD pour 1 USD (FMI, International Financial Statistics, moyenne de période ; Banque mondiale PA.NUS.FCRF) × 1,4708 USD pour 1 EUR (BCE, taux de référence, moyenne 2008) = 11,40 MAD pour 1 EUR.',
    });
    expect(stats.rate).toMatchObject(RATES_2008);
    const senegal = referenceRates(loadProfiles(), ['FR', 'SN']);
    expect(senegal).toMatchObject({ perEur: { EUR: 1, XOF: 655.957 }, year: 1999, source: expect.stringContaining('BCEAO') });
    const t = totalOf([{ currency: 'XOF', approximate: false, amount: 655957, count: 1 }, { currency: 'TND', approximate: false, amount: 10, count: 1 }], referenceRates(loadProfiles(), ['SN', 'TN']));
    expect(t.eur).toBe(1000);
    expect(t.byCurrency).toEqual([
      { currency: 'TND', amount: 10, count: 1, eur: null },
      { currency: 'XOF', amount: 655957, count: 1, eur: 1000 },
    ]);
  });

  it('converts at the rate it is given', async () => {
    const t = totalOf([{ currency: 'MAD', approximate: true, amount: 1140, count: 1 }, { currency: 'XOF', approximate: false, amount: 5, count: 1 }], RATES_2008);
    expect(t).toMatchObject({ eur: 100, approximateEur: 100, convertedEur: 100, count: 2, approximateCount: 1 });
    expect(t.byCurrency).toEqual([
      { currency: 'MAD', amount: 1140, count: 1, eur: 100 },
      { currency: 'XOF', amount: 5, count: 1, eur: null },
    ]);
    const other = await load({ rates: { perEur: { EUR: 1, MAD: 10 }, year: 2008, source: 'test' } });
    expect(other.rate.perEur.MAD).toBe(10);
    expect(other.projectCosts.total.convertedEur).toBeGreaterThan(stats.projectCosts.total.convertedEur);
  });
});

describe.each(ENGINES)('statistics from the store (%s)', (engine) => {
  it('are the same on either engine, for the census and for a selection', async () => {
    const other = await openEngineStore(engine);
    await save2008(other.db);
    expect(await loadStats(other.db, { directoryId: DIRECTORY_2008_ID })).toEqual(stats);
    const ids = doc.partnerships.filter((_, i) => i % 3 === 0).map((p) => p.id);
    const some = await loadStats(other.db, { directoryId: DIRECTORY_2008_ID, partnershipIds: ids });
    expect(some).toEqual(await load({ partnershipIds: ids }));
    const selected = doc.partnerships.filter((p) => ids.includes(p.id));
    expect(some.scope).toEqual({ directoryId: DIRECTORY_2008_ID, filtered: true, partnerships: ids.length, projects: selected.reduce((n, p) => n + (p.projects ?? []).length, 0) });
    const decades = tally(selected.map((p) => (p.signedDate ? `${p.signedDate.slice(0, 3)}0` : 'unknown')));
    expect(Object.fromEntries(some.partnershipsByDecade.rows.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(decades));
    expect(some.pad.count).toBe(selected.flatMap((p) => p.projects ?? []).filter((p) => p.padCofinanced).length);
    expect((await loadStats(other.db, { partnershipIds: [] })).scope).toMatchObject({ partnerships: 0, projects: 0, filtered: true });
    // a search's projects only: its project results, of the selected partnerships
    const found = selected.flatMap((p) => p.projects ?? []).filter((_, i) => i % 2 === 0);
    const ofSearch = await loadStats(other.db, { directoryId: DIRECTORY_2008_ID, partnershipIds: ids, projectIds: found.map((p) => p.id) });
    expect(ofSearch).toEqual(await load({ partnershipIds: ids, projectIds: found.map((p) => p.id) }));
    expect(ofSearch.scope).toMatchObject({ partnerships: ids.length, projects: found.length });
    expect(ofSearch.projectsByStatus.reduce((n, r) => n + r.count, 0)).toBe(found.length);
    expect(ofSearch.pad.count).toBe(found.filter((p) => p.padCofinanced).length);
    expect((await loadStats(other.db, { directoryId: DIRECTORY_2008_ID, partnershipIds: ids, projectIds: [] })).scope).toMatchObject({ partnerships: ids.length, projects: 0 });
  });

  it('of the whole census come from a snapshot kept per version of the store, recomputed when it moves', async () => {
    const other = await openEngineStore(engine);
    await save2008(other.db);
    const first = await censusSnapshot(other.db, DIRECTORY_2008_ID);
    // the snapshot holds what the SQL aggregates give, and is stored with the stamp
    expect(buildStats(first.aggregates, { rates: RATES_2008 })).toEqual(buildStats(await aggregateStats(other.db, { directoryId: DIRECTORY_2008_ID }), { rates: RATES_2008 }));
    const rows = await other.db.withTables<{ stats_snapshots: { directory_id: string; stamp: string } }>().selectFrom('stats_snapshots').select(['directory_id', 'stamp']).execute();
    expect(rows).toEqual([{ directory_id: DIRECTORY_2008_ID, stamp: first.stamp }]);
    expect(await censusSnapshot(other.db, DIRECTORY_2008_ID)).toBe(first);
    // an import that removes a partnership moves the stamp: the statistics follow
    const gone = doc.partnerships.find((p) => (p.projects ?? []).length > 0)!;
    await saveDocument(other.db, { ...doc, partnerships: doc.partnerships.filter((p) => p.id !== gone.id) }, { report: read.report });
    const after = await loadStats(other.db, { directoryId: DIRECTORY_2008_ID });
    expect(after.scope.partnerships).toBe(doc.partnerships.length - 1);
    expect(after.scope.projects).toBe(stats.scope.projects - (gone.projects ?? []).length);
    const second = await censusSnapshot(other.db, DIRECTORY_2008_ID);
    expect(second.stamp).not.toBe(first.stamp);
    expect(second.map.weights.size).toBeGreaterThan(0);
  });
});

describe('charts', () => {
  it('draws vertical and horizontal bar charts, well-formed, with their text alternative and table', () => {
    const v = barChart({ title: 'Par décennie', description: 'Partenariats signés.', bars: countBars(stats.partnershipsByDecade.rows, labels.decade), orientation: 'vertical', valueLabel: 'Partenariats' });
    assertWellFormedXml(v.svg);
    expect(v.svg).toMatch(/role="img" aria-labelledby="([\w-]+)-title \1-desc"/);
    expect(v.svg).toContain('Années 1980 : 3 ; Années 1990 : 11 ; Années 2000 : 31 ; Date inconnue : 5.</desc>');
    expect(v.table).toEqual([
      { key: '1980', label: 'Années 1980', value: 3, formatted: '3' },
      { key: '1990', label: 'Années 1990', value: 11, formatted: '11' },
      { key: '2000', label: 'Années 2000', value: 31, formatted: '31' },
      { key: 'unknown', label: 'Date inconnue', value: 5, formatted: '5' },
    ]);
    expect(v.svg.match(/<rect /g)).toHaveLength(4);
    const h = barChart({ title: 'Par domaine', description: 'd', bars: domainBars(stats.partnershipsByDomain), orientation: 'horizontal', width: 360 });
    assertWellFormedXml(h.svg);
    expect(h.svg).toContain('viewBox="0 0 360 ');
    expect(h.table.map((r) => r.key)).toEqual(stats.partnershipsByDomain.filter((r) => r.parent === null).map((r) => r.code));
    expect(barChart({ title: 't', description: 'd', bars: [], orientation: 'horizontal' }).svg).toContain('</svg>');
  });

  it('escapes its text, and is deterministic', () => {
    const evil = '<b>"Tom & Jerry"</b>';
    const input = { title: evil, description: evil, bars: [{ key: 'k', label: evil, value: 2 }], orientation: 'horizontal' as const, valueLabel: evil };
    const c = barChart(input);
    assertWellFormedXml(c.svg);
    expect(c.svg).not.toContain('<b>');
    expect(c.svg).toContain('&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;');
    expect(barChart(input).svg).toBe(c.svg);
  });

  it('chooses round ticks', () => {
    expect(niceTicks(31).ticks).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(3).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1_507_917).ticks).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
    expect(niceTicks(0)).toEqual({ ticks: [0], max: 0 });
  });
});
