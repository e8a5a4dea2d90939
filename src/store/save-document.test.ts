import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { RepertoireError } from '../errors.js';
import { loadFixture } from '../model/fixtures/index.js';
import type { ImportReport } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { ENGINES, openEngineStore, type Engine } from '../test-support/engines.js';
import { latestImportReport, listImportReports } from './import-reports.js';
import { loadDocument } from './load-document.js';
import { saveDocument } from './save-document.js';
import { listSources } from './sources.js';
import { countRows } from './summary.js';

const RECORDS = 11; // the fixture: directory, 3 domains, 3 collectivities, 2 partnerships, 2 projects

const report = (document: string): ImportReport => ({
  document,
  format: 'json',
  importedAt: '2026-01-01T00:00:00.000Z',
  counts: { partnerships: 2 },
  unplaced: [],
  inconsistencies: [{ kind: 'date', message: 'two dates', lines: [3, 4] }],
  warnings: [],
});

describe.each(ENGINES)('saveDocument / loadDocument on %s', (engine) => {
  it('gives back exactly the document it saved', async () => {
    const { db } = await openEngineStore(engine);
    const counts = await saveDocument(db, loadFixture());
    expect(counts).toEqual({ created: RECORDS, updated: 0, unchanged: 0, removed: 0 });
    const loaded = await loadDocument(db);
    expect(loaded).toEqual(loadFixture());
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(loadFixture()));
  });

  it('changes nothing when the same document is saved again', async () => {
    const { db } = await openEngineStore(engine);
    await saveDocument(db, loadFixture());
    const rows = await countRows(db);
    expect(await saveDocument(db, loadFixture())).toEqual({ created: 0, updated: 0, unchanged: RECORDS, removed: 0 });
    expect(await countRows(db)).toEqual(rows);
  });

  it('creates, updates and removes records by their stable ids', async () => {
    const { db } = await openEngineStore(engine);
    await saveDocument(db, loadFixture());
    const doc = loadFixture();
    doc.partnerships[0]!.projects![1]!.status = 'ongoing'; // updated project
    doc.partnerships.pop(); // removed partnership
    doc.collectivities.pop(); // its Moroccan party, now unused: removed
    doc.domains.push({ code: 'eau', label: 'Eau' }); // created domain
    doc.partnerships[0]!.contacts!.reverse(); // updated partnership (list order)
    expect(await saveDocument(db, doc)).toEqual({ created: 1, updated: 2, unchanged: 7, removed: 2 });
    expect(await loadDocument(db)).toEqual(doc);
  });

  it('moves a project to another partnership', async () => {
    const { db } = await openEngineStore(engine);
    await saveDocument(db, loadFixture());
    const doc = loadFixture();
    const [aix, brief] = doc.partnerships;
    brief!.projects = aix!.projects!.splice(0, 1);
    expect(await saveDocument(db, doc)).toMatchObject({ created: 0, removed: 0 });
    expect(await loadDocument(db)).toEqual(doc);
  });

  it('refuses a partnership with an unknown party, and keeps the previous content', async () => {
    const { db } = await openEngineStore(engine);
    await saveDocument(db, loadFixture());
    const rows = await countRows(db);
    const doc = loadFixture();
    doc.partnerships[0]!.parties[1]!.collectivityId = 'ma-nowhere';
    doc.collectivities[0]!.name = 'Changed';

    const attempt = saveDocument(db, doc);
    await expect(attempt).rejects.toThrow(RepertoireError);
    await expect(attempt).rejects.toThrow('partnerships[0].parties[1].collectivityId: unknown collectivity "ma-nowhere"');
    expect(await loadDocument(db)).toEqual(loadFixture());
    expect(await countRows(db)).toEqual(rows);
  });

  it('rolls back every write when the database fails half-way', async () => {
    const { db } = await openEngineStore(engine);
    await saveDocument(db, loadFixture());
    // Projects are written after domains and collectivities: make the database refuse one.
    await refuseProject(db, engine, 'refused');
    const doc = loadFixture();
    doc.domains.push({ code: 'eau', label: 'Eau' });
    doc.collectivities[0]!.name = 'Changed';
    doc.partnerships[1]!.projects = [{ id: 'refused', title: 'Refused', status: 'planned' }];

    const attempt = saveDocument(db, doc, { report: report('x.json') });
    await expect(attempt).rejects.toMatchObject({ code: 'store', message: expect.stringContaining('refused by test') });
    expect(await loadDocument(db)).toEqual(loadFixture());
    expect(await listImportReports(db)).toEqual([]);
  });

  it('keeps provenance and the import report, in the same transaction', async () => {
    const { db } = await openEngineStore(engine);
    const sources = [
      { recordType: 'collectivity' as const, recordId: 'ma-region-oriental', document: 'd.txt', lines: [5, 6] as [number, number] },
      { recordType: 'partnership' as const, recordId: 'aix-en-provence-oriental', document: 'd.txt', lines: [7, 9] as [number, number] },
    ];
    await saveDocument(db, loadFixture(), { sources, report: report('d.txt') });
    expect(await listSources(db, 'franco-marocain-2008')).toEqual(sources);
    expect(await latestImportReport(db)).toMatchObject({
      directoryId: 'franco-marocain-2008',
      report: report('d.txt'),
      changes: { created: RECORDS },
    });

    // Saved without provenance: kept, except for records that are gone.
    const doc = loadFixture();
    doc.partnerships.pop();
    doc.collectivities.pop();
    await saveDocument(db, doc, { report: report('again.json') });
    expect(await listSources(db, 'franco-marocain-2008')).toEqual([]);
    expect((await listImportReports(db)).map((r) => r.report.document)).toEqual(['again.json', 'd.txt']);
  });

  it('stores a directory without an id under a derived key, and gives it back without one', async () => {
    const { db } = await openEngineStore(engine);
    const doc: RepertoireDocument = {
      format: 'repertoire',
      version: 1,
      directory: { title: 'Répertoire franco-marocain', countries: ['FR', 'MA'], edition: '2008-07' },
      domains: [],
      collectivities: [],
      partnerships: [],
    };
    await saveDocument(db, doc);
    expect(await loadDocument(db)).toEqual(doc);
    expect(await loadDocument(db, 'repertoire-franco-marocain-2008-07')).toEqual(doc);
  });

  it('drops empty lists: they say nothing an absent list does not', async () => {
    const { db } = await openEngineStore(engine);
    const doc = loadFixture();
    Object.assign(doc.partnerships[1]!, { projects: [], notes: [] });
    Object.assign(doc.collectivities[2]!, { phones: [] });
    await saveDocument(db, doc);
    expect(await loadDocument(db)).toEqual(loadFixture());
  });

  it('keeps directories apart, and asks which one when there are several', async () => {
    const { db } = await openEngineStore(engine);
    const other = loadFixture();
    other.directory.id = 'other-edition';
    await saveDocument(db, loadFixture());
    await saveDocument(db, other);
    await expect(loadDocument(db)).rejects.toMatchObject({ code: 'usage' });
    expect(await loadDocument(db, 'other-edition')).toEqual(other);
    other.partnerships.pop();
    await saveDocument(db, other);
    expect(await loadDocument(db, 'franco-marocain-2008')).toEqual(loadFixture());
  });
});

/** A trigger that makes the database itself refuse one project, in each engine's SQL. */
async function refuseProject(db: Parameters<typeof saveDocument>[0], engine: Engine, id: string): Promise<void> {
  if (engine === 'sqlite') {
    await sql`CREATE TRIGGER refuse BEFORE INSERT ON projects WHEN NEW.id = ${sql.lit(id)} BEGIN SELECT RAISE(ABORT, 'refused by test'); END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.id = ${sql.lit(id)} THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER refuse BEFORE INSERT ON projects FOR EACH ROW EXECUTE FUNCTION refuse()`.execute(db);
}
