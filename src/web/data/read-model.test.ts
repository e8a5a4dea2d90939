/**
 * The site's read model on every engine: the counts, lists and coordination read in SQL agree
 * with the same things computed from the whole document, on the 2008 directory.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../cli/import-file.js';
import { BUNDLED_DIRECTORY } from '../../cli/commands/setup.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { loadDocument } from '../../store/load-document.js';
import { ENGINES, openEngineStore, type Engine } from '../../test-support/engines.js';
import { samePartners, sameRegion } from './coordination.js';
import { readSiteDirectory, type Directory } from './directory.js';
import { codesUnder } from './domains.js';
import { FiguresKeeper, PROJECT_STATUSES, projectTotal } from './figures.js';
import { partnershipIdsIn, partnershipIdsPage, projectIdsIn, projectIdsPage } from './lists.js';

const quiet = { write: () => true };

async function openSite(engine: Engine) {
  const store = await openEngineStore(engine);
  await importFile(store.db, BUNDLED_DIRECTORY, quiet);
  const dir = await readSiteDirectory(store.db);
  return { db: store.db, dir, doc: await loadDocument(store.db, dir.id) };
}

const projectsOf = (doc: RepertoireDocument) => doc.partnerships.flatMap((p) => (p.projects ?? []).map((project) => ({ ...project, partnershipId: p.id })));

describe.each(ENGINES)('the read model on %s', (engine) => {
  it('counts what the document holds', async () => {
    const { dir, doc } = await openSite(engine);
    const figures = await dir.figures();
    const projects = projectsOf(doc);
    expect(figures.partnerships).toEqual({
      total: doc.partnerships.length,
      full: doc.partnerships.filter((p) => p.tier === 'full').length,
      brief: doc.partnerships.filter((p) => p.tier === 'brief').length,
    });
    for (const status of PROJECT_STATUSES) {
      expect(projectTotal(figures, { status })).toBe(projects.filter((p) => p.status === status).length);
      expect(projectTotal(figures, { status, pad: true })).toBe(projects.filter((p) => p.status === status && p.padCofinanced === true).length);
    }
    for (const c of doc.collectivities) {
      const own = doc.partnerships.filter((p) => p.parties.some((party) => party.collectivityId === c.id));
      const counts = figures.byCollectivity.get(c.id) ?? { partnerships: 0, projects: 0 };
      expect(counts, c.id).toEqual({ partnerships: own.length, projects: own.reduce((n, p) => n + (p.projects?.length ?? 0), 0) });
    }
    for (const domain of doc.domains) {
      const codes = new Set(codesUnder(dir, domain.code));
      const filed = (list?: string[]) => (list ?? []).some((code) => codes.has(code));
      const counts = figures.byDomain.get(domain.code) ?? { partnerships: 0, projects: 0 };
      expect(counts, domain.code).toEqual({ partnerships: doc.partnerships.filter((p) => filed(p.domains)).length, projects: projects.filter((p) => filed(p.domains)).length });
    }
  });

  it('keeps its figures in the store for a restarted server, until the store changes', async () => {
    const { db, dir } = await openSite(engine);
    const figures = await dir.figures();
    const cache = db.withTables<{ figures_snapshots: { directory_id: string; stamp: string; body: string } }>();
    const kept = () => cache.selectFrom('figures_snapshots').select(['stamp', 'body']).where('directory_id', '=', dir.id).executeTakeFirstOrThrow();
    expect((await kept()).stamp).toBe(dir.stamp);
    // a new keeper (a restarted server) reads the stored body, not a count: altered here to tell them apart
    const altered = JSON.parse((await kept()).body) as { partnerships: { total: number } };
    altered.partnerships.total = 999_999;
    await cache.updateTable('figures_snapshots').set({ body: JSON.stringify(altered) }).where('directory_id', '=', dir.id).execute();
    expect((await new FiguresKeeper(db).get(dir.id, dir.stamp)).partnerships.total).toBe(999_999);
    // another version of the store is counted again, and kept in its place
    expect(await new FiguresKeeper(db).get(dir.id, `${dir.stamp}+1`)).toEqual(figures);
    expect((await kept()).stamp).toBe(`${dir.stamp}+1`);
    // so is a body it cannot read
    await cache.updateTable('figures_snapshots').set({ body: '{"partnerships":1}' }).where('directory_id', '=', dir.id).execute();
    expect(await new FiguresKeeper(db).get(dir.id, `${dir.stamp}+1`)).toEqual(figures);
  });

  it('lists records in the book’s order, a page at a time', async () => {
    const { db, dir, doc } = await openSite(engine);
    const projects = projectsOf(doc);
    expect(await partnershipIdsPage(db, dir.id, {}, { offset: 0, limit: 1000 })).toEqual(doc.partnerships.map((p) => p.id));
    expect(await partnershipIdsPage(db, dir.id, { tier: 'brief' }, { offset: 1, limit: 2 })).toEqual(
      doc.partnerships.filter((p) => p.tier === 'brief').slice(1, 3).map((p) => p.id),
    );
    expect(await projectIdsPage(db, dir.id, {}, { offset: 0, limit: 1000 })).toEqual(projects.map((p) => p.id));
    expect(await projectIdsPage(db, dir.id, { status: 'completed', pad: true }, { offset: 0, limit: 1000 })).toEqual(
      projects.filter((p) => p.status === 'completed' && p.padCofinanced === true).map((p) => p.id),
    );
    for (const c of doc.collectivities) {
      const ids = doc.partnerships.filter((p) => p.parties.some((party) => party.collectivityId === c.id)).map((p) => p.id);
      expect(await dir.partnershipIdsOf(c.id)).toEqual(ids);
      const except = ids[0] ?? 'none';
      const others = ids.filter((id) => id !== except).sort();
      expect(await dir.otherPartnershipsOf(c.id, except, 2)).toEqual({ ids: others.slice(0, 2), total: others.length });
    }
    for (const domain of doc.domains) {
      const codes = codesUnder(dir, domain.code);
      const filed = (list?: string[]) => (list ?? []).some((code) => codes.includes(code));
      expect(await partnershipIdsIn(db, dir.id, codes, 1000)).toEqual(doc.partnerships.filter((p) => filed(p.domains)).map((p) => p.id));
      expect(await projectIdsIn(db, dir.id, codes, 3)).toEqual(projects.filter((p) => filed(p.domains)).slice(0, 3).map((p) => p.id));
    }
  });

  it('reads records by id as the document has them, and nothing for an unknown id', async () => {
    const { dir, doc } = await openSite(engine);
    const project = projectsOf(doc)[10]!;
    expect((await dir.project(project.id))?.title).toBe(project.title);
    expect((await dir.projectsOf(project.partnershipId)).map((p) => p.id)).toEqual(doc.partnerships.find((p) => p.id === project.partnershipId)!.projects!.map((p) => p.id));
    const ids = doc.partnerships.map((p) => p.id).reverse();
    expect((await dir.partnerships(ids)).map((p) => p.id)).toEqual(ids);
    expect(await dir.partnership('no-such-partnership')).toBeUndefined();
    expect(await dir.project('no-such-project')).toBeUndefined();
  });

  it('gives every partnership’s line as its record has it, in the order asked', async () => {
    const { dir, doc } = await openSite(engine);
    const ids = [...doc.partnerships.map((p) => p.id).reverse(), 'no-such-partnership'];
    const records = await dir.partnerships(ids);
    expect(await dir.partnershipLines(ids)).toEqual(
      records.map((p) =>
        JSON.parse(
          JSON.stringify({
            id: p.id,
            tier: p.tier,
            parties: p.parties.map((party) => ({ collectivityId: party.collectivityId, country: party.country })),
            legalFramework: p.legalFramework,
            dateText: p.dateText,
            signedDate: p.signedDate,
            domains: p.domains ?? [],
          }),
        ) as unknown,
      ),
    );
  });

  it('gives every partnership’s project heads as its records have them', async () => {
    const { dir, doc } = await openSite(engine);
    const ids = [...doc.partnerships.map((p) => p.id), 'no-such-partnership'];
    const heads = await dir.projectHeadsOf(ids);
    const records = await dir.projectsOfMany(ids);
    expect([...heads.keys()]).toEqual(ids);
    for (const id of ids) {
      expect(heads.get(id), id).toEqual(
        records.get(id)!.map((p) => {
          const { id: projectId, partnershipId, title, status, padCofinanced, periodText, startDate, endDate } = p;
          return JSON.parse(JSON.stringify({ id: projectId, partnershipId, title, status, padCofinanced, periodText, startDate, endDate, domains: p.domains ?? [] })) as unknown;
        }),
      );
    }
    expect([...heads.values()].flat().length).toBe(projectsOf(doc).length);
    expect([...heads.values()].flat().some((p) => p.domains.length > 1)).toBe(true);
  });
});

describe.runIf(ENGINES.length > 1)('the engines agree', () => {
  it('on the coordination views of every collectivity', async () => {
    const sites = await Promise.all(ENGINES.map(openSite));
    const coordination = async ({ db, dir }: { db: (typeof sites)[number]['db']; dir: Directory }) =>
      Promise.all(
        dir.collectivities.map(async (c) => {
          const ids = await dir.partnershipIdsOf(c.id);
          const own = await dir.partnerships(ids);
          const codes = new Set(own.flatMap((p) => p.domains ?? []));
          return { partners: await samePartners(db, dir, c, own), region: await sameRegion(db, dir, c, codes) };
        }),
      );
    const [sqlite, postgres] = await Promise.all(sites.map(coordination));
    expect(postgres).toEqual(sqlite);
    expect(sqlite!.some((c) => c.region.some((d) => d.others.length > 0))).toBe(true);
  });
});
