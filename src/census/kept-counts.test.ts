/**
 * Kept counts (src/stats/kept.ts): after random edits of every kind of record — saved as the
 * census saves them, each with its audit event, so the store's stamp moves — the census snapshot
 * the pages read is the one kept by the edits (never counted again), and equals a full recount.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { mulberry32 } from '../random.js';
import { recordAudit } from '../accounts/audit.js';
import { heaviestPairs, loadMapCounts } from '../maps/data.js';
import type { RepertoireDocument } from '../model/schema.js';
import type { Aggregates } from '../stats/aggregates.js';
import { heaviestKeptPairs } from '../stats/kept-pairs.js';
import { aggregateStats } from '../stats/queries.js';
import { censusSnapshot, configureRecounts, recountDone, SNAPSHOT_PAD_ROWS, SNAPSHOT_PAIRS, type CensusSnapshot } from '../stats/snapshot.js';
import { DIRECTORY_2008_ID, read2008, save2008 } from '../stats/testing.js';
import { readDocument } from '../store/load-document.js';
import { saveDocument } from '../store/save-document.js';
import { readStamp } from '../store/stamp.js';
import type { Database } from '../store/tables.js';
import { headKey, currentVersions } from '../store/versions.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { inRecordTransaction, saveRecord, type RecordChange } from './records.js';

type Db = Kysely<Database>;
const DIR = DIRECTORY_2008_ID;

/** Seeded draws (mulberry32): the same changes for the same seed. */
function random(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

/** One random change to the directory as it stands: an edit, a creation or a removal. */
function randomChange(doc: RepertoireDocument, rnd: ReturnType<typeof random>, step: number): RecordChange {
  const withProjects = doc.partnerships.filter((p) => (p.projects ?? []).length > 0);
  const codes = doc.domains.map((d) => d.code);
  const p = rnd.pick(doc.partnerships);
  const { projects: _projects, ...entry } = p;
  switch (rnd.int(9)) {
    case 0: // a year and domains
      return { recordType: 'partnership', recordId: p.id, data: { ...entry, signedDate: `${1975 + rnd.int(40)}`, domains: [rnd.pick(codes), rnd.pick(codes)].filter((c, i, all) => all.indexOf(c) === i) } };
    case 1: {
      // a party replaced by another collectivity of the same country, and a budget
      const i = rnd.int(p.parties.length);
      const same = doc.collectivities.filter((c) => c.country === p.parties[i]!.country && !p.parties.some((x) => x.collectivityId === c.id));
      const parties = same.length === 0 ? p.parties : p.parties.map((x, j) => (j === i ? { collectivityId: rnd.pick(same).id, country: x.country } : x));
      const budgets = [{ collectivityId: parties[0]!.collectivityId, amount: { amount: 1000 * (1 + rnd.int(90)) + 0.25, currency: rnd.pick(['EUR', 'MAD']) } }];
      return { recordType: 'partnership', recordId: p.id, data: { ...entry, parties, budgets } };
    }
    case 2: {
      // a project's status, PAD, cost and domains
      const q = rnd.pick(withProjects);
      const project = rnd.pick(q.projects!);
      const data = { ...project, status: rnd.pick(['ongoing', 'completed', 'planned', 'other'] as const), padCofinanced: rnd.next() < 0.5, totalCost: { amount: 500 * rnd.int(1000) + 0.1, currency: 'EUR' }, domains: [rnd.pick(codes)] };
      return { recordType: 'project', recordId: project.id, parentId: q.id, data };
    }
    case 3: {
      // a project created, PAD, with a funding line
      const id = `projet-kept-${step}`;
      return { recordType: 'project', recordId: id, parentId: p.id, data: { id, title: `Projet ${step}`, status: 'planned', padCofinanced: true, funding: [{ funder: 'Fonds kept', amount: { amount: 12.5 * step, currency: 'EUR' } }] } };
    }
    case 4: {
      const q = rnd.pick(withProjects);
      return { recordType: 'project', recordId: rnd.pick(q.projects!).id, parentId: q.id, data: undefined };
    }
    case 5: // a partnership removed, with its projects
      return { recordType: 'partnership', recordId: p.id, data: undefined };
    case 6: {
      const id = `partenariat-kept-${step}`;
      return { recordType: 'partnership', recordId: id, data: { ...entry, id, signedDate: '2001' } };
    }
    case 7: {
      // a collectivity of another kind (counted by kind, and its budgets by country)
      const c = rnd.pick(doc.collectivities);
      const kinds = [...new Set(doc.collectivities.filter((x) => x.country === c.country).map((x) => x.kind))];
      return { recordType: 'collectivity', recordId: c.id, data: { ...c, kind: rnd.pick(kinds), name: `${c.name} (${step})` } };
    }
    default: {
      // a domain under another parent (its partnerships' and projects' families change), or at the top
      const parents = new Set(doc.domains.map((d) => d.parent).filter(Boolean));
      const leaves = doc.domains.filter((d) => !parents.has(d.code));
      const d = rnd.pick(leaves);
      const tops = doc.domains.filter((x) => x.parent === undefined && x.code !== d.code);
      const { parent: _parent, ...rest } = d;
      return { recordType: 'domain', recordId: d.code, data: rnd.next() < 0.3 ? { ...rest, label: `${d.label} ${step}` } : { ...rest, parent: rnd.pick(tops).code } };
    }
  }
}

/** Saves a change as the census does: one transaction with its audit event. */
async function change(db: Db, c: RecordChange): Promise<void> {
  const base = (await currentVersions(db, DIR)).get(headKey(c.recordType, c.recordId))?.version ?? 0;
  await inRecordTransaction(db, DIR, c, base, async (trx) => {
    const saved = await saveRecord(trx, DIR, c, { baseVersion: base, origin: { kind: 'edit', userId: 'kept-test' }, expectNew: base === 0 && c.recordId.includes('-kept-') });
    await recordAudit(trx, { action: 'record.edit', actorId: 'kept-test', directoryId: DIR, subjectType: c.recordType, subjectId: c.recordId, details: { version: saved.version } });
  });
}

/** The snapshot in a comparable form: maps as sorted entries, rows sorted, amounts to the ten-thousandth. */
function comparable(s: Pick<CensusSnapshot, 'aggregates' | 'map'>): unknown {
  const entries = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  const rows = <R extends { amount: number }>(list: R[]) => list.map((r) => ({ ...r, amount: Math.round(r.amount * 10_000) / 10_000 })).map((r) => JSON.stringify(r)).sort();
  const a: Aggregates = s.aggregates;
  return {
    ...a,
    byDecade: entries(a.byDecade),
    byKind: entries(a.byKind),
    partnershipDomains: entries(a.partnershipDomains),
    partnershipFamilies: entries(a.partnershipFamilies),
    byStatus: entries(a.byStatus),
    projectDomains: entries(a.projectDomains),
    projectFamilies: entries(a.projectFamilies),
    budgets: rows(a.budgets),
    projectCosts: rows(a.projectCosts),
    funding: rows(a.funding),
    pad: { ...a.pad, costs: rows(a.pad.costs), funding: rows(a.pad.funding) },
    map: { weights: entries(s.map.weights), pairs: entries(s.map.pairs), pairTotal: s.map.pairTotal },
  };
}

async function recount(db: Db): Promise<unknown> {
  const aggregates = await aggregateStats(db, { directoryId: DIR, padLimit: SNAPSHOT_PAD_ROWS });
  const map = heaviestPairs(await loadMapCounts(db, { directoryId: DIR }), SNAPSHOT_PAIRS);
  return comparable({ aggregates, map });
}

describe.each(ENGINES)('kept counts (%s)', (engine) => {
  it.each([1, 2, 3])('after random changes (seed %i), the kept snapshot equals a full recount, and none was counted', async (seed) => {
    const { db } = await openEngineStore(engine);
    await save2008(db);
    const first = await censusSnapshot(db, DIR);
    const rnd = random(seed);
    for (let step = 1; step <= 20; step += 1) {
      const doc = (await readDocument(db, DIR))!;
      await change(db, randomChange(doc, rnd, step));
      if (step % 10 === 0) {
        const kept = await censusSnapshot(db, DIR);
        // kept by the changes: at the store's new stamp, never counted again (counting sets computedAt)
        expect(kept.stamp).toBe(await readStamp(db));
        expect(kept.computedAt).toBe(first.computedAt);
        expect(comparable(kept)).toEqual(await recount(db));
      }
    }
    // every pair is kept: the heaviest few are those a recount finds
    const all = await loadMapCounts(db, { directoryId: DIR });
    expect([...(await heaviestKeptPairs(db, DIR, 7))]).toEqual([...heaviestPairs(all, 7).pairs]);
    expect((await censusSnapshot(db, DIR)).aggregates).not.toEqual(first.aggregates);
  }, 120_000);

  it('moves a snapshot past the changes it does not count, and recounts a large census in the background after an import', async () => {
    const { db } = await openEngineStore(engine);
    const read = await save2008(db);
    const first = await censusSnapshot(db, DIR);
    await recordAudit(db, { action: 'consent.set', actorId: 'kept-test', directoryId: DIR, subjectType: 'person', subjectId: 'x', details: { publish: true } });
    const moved = await censusSnapshot(db, DIR);
    expect(moved.stamp).not.toBe(first.stamp);
    expect(moved.computedAt).toBe(first.computedAt);
    // an import moves the stamp: a census above the threshold is served stale while it is counted
    configureRecounts({ staleAbove: 0 });
    onTestFinished(() => configureRecounts({ staleAbove: 50_000 }));
    const doc = read2008().document;
    await saveDocument(db, { ...doc, partnerships: doc.partnerships.slice(1) }, { report: read.report });
    const stale = await censusSnapshot(db, DIR);
    expect(stale.stale).toBe(true);
    expect(stale.aggregates.partnerships).toBe(doc.partnerships.length);
    await recountDone(db, DIR);
    const fresh = await censusSnapshot(db, DIR);
    expect(fresh.stale).toBeUndefined();
    expect(fresh.stamp).toBe(await readStamp(db));
    expect(fresh.aggregates.partnerships).toBe(doc.partnerships.length - 1);
    expect(comparable(fresh)).toEqual(await recount(db));
  });
});
