/**
 * The statistics' side of the search index's tallies (search/tally.ts): what each partnership and
 * project document counts for, made when the index is built, and the aggregates read back from a
 * search's sums. They count what `aggregateStats` (queries.ts) counts, record by record: its
 * GROUP BYs over a selection are sums over the selection's records, so the statistics of a search
 * are the sum of its documents' tallies. A test holds the two to the same figures.
 *
 * Keys are JSON arrays whose first item says what they count:
 * - counts: P (a partnership), d decade, k country kind, x its domain, y its domain's family;
 *   J (a project), s status, A (of the PAD), w (with a cost), u its domain, v its domain's family;
 * - amounts: b budget (country, currency, approximate), c cost and C a PAD project's (currency,
 *   approximate), f funding line and F a PAD project's (funder, collectivity, funder id, currency, approximate).
 * A PAD project's rank is its place in the directory's order (the PAD table's).
 */
import type { Kysely } from 'kysely';
import type { SearchTables } from '../search/tables.js';
import { TallyWriter, type DocumentTally, type TallyRow } from '../search/tally.js';
import type { SearchTally } from '../search/types.js';
import type { Database } from '../store/tables.js';
import { add, emptyAggregates, type Aggregates } from './aggregates.js';
import { applyAggregates } from './delta.js';
import { padOrder, padProjects } from './pad.js';
import { aggregateStats } from './queries.js';
import { censusSnapshot } from './snapshot.js';

type Db = Kysely<Database & SearchTables>;

/** Documents read per round: the rows of a round (a project's funding lines among them) stay a few megabytes. */
const DOCS_PER_ROUND = 20_000;

const flag = (value: number | boolean | null) => value === true || value === 1;
const key = (...parts: (string | boolean | null)[]) => JSON.stringify(parts);

/** The tallies of a directory's partnership and project documents, as the index just written numbers them. */
export async function makeTallies(db: Db, directoryId: string, size: number): Promise<TallyRow[]> {
  const writer = new TallyWriter(size);
  for (let first = 0; first < size; first += DOCS_PER_ROUND) await tallyRound(db, directoryId, first, Math.min(size, first + DOCS_PER_ROUND), writer);
  const pads = await db
    .selectFrom('projects as p')
    .innerJoin('partnerships as s', (j) => j.onRef('s.directory_id', '=', 'p.directory_id').onRef('s.id', '=', 'p.partnership_id'))
    .innerJoin('search_docs as d', (j) => j.onRef('d.directory_id', '=', 'p.directory_id').onRef('d.record_id', '=', 'p.id'))
    .where('p.directory_id', '=', directoryId)
    .where('d.type', '=', 'project')
    .where('p.pad_cofinanced', '=', 1)
    .select('d.doc')
    // the PAD table's order (queries.ts)
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('p.position')
    .orderBy('p.id')
    .execute();
  pads.forEach((row, rank) => writer.setRank(Number(row.doc), rank));
  return writer.rows();
}

async function tallyRound(db: Db, directoryId: string, first: number, end: number, writer: TallyWriter): Promise<void> {
  const docs = () => db.selectFrom('search_docs as d').where('d.directory_id', '=', directoryId).where('d.doc', '>=', first).where('d.doc', '<', end);
  const tallies = new Map<number, { counts: string[]; amounts: [string, number][] }>();
  const of = (doc: number | string) => {
    let t = tallies.get(Number(doc));
    if (t === undefined) tallies.set(Number(doc), (t = { counts: [], amounts: [] }));
    return t;
  };
  for (const r of await docs().select(['d.doc', 'd.type']).execute()) {
    if (r.type === 'collectivity') writer.setKind(Number(r.doc), 'collectivity');
  }

  // partnerships: decade, kinds of their parties by country, domains, budgets
  const partnerships = docs().where('d.type', '=', 'partnership');
  for (const r of await partnerships
    .innerJoin('partnerships as s', (j) => j.onRef('s.directory_id', '=', 'd.directory_id').onRef('s.id', '=', 'd.record_id'))
    .select(['d.doc', 's.signed_date'])
    .execute()) {
    writer.setKind(Number(r.doc), 'partnership');
    const decade = r.signed_date === null ? '' : r.signed_date.slice(0, 3);
    of(r.doc).counts.push(key('P'), key('d', /^\d{3}$/.test(decade) ? `${decade}0` : 'unknown'));
  }
  for (const r of await partnerships
    .innerJoin('partnership_parties as pp', (j) => j.onRef('pp.directory_id', '=', 'd.directory_id').onRef('pp.partnership_id', '=', 'd.record_id'))
    .innerJoin('collectivities as c', (j) => j.onRef('c.directory_id', '=', 'pp.directory_id').onRef('c.id', '=', 'pp.collectivity_id'))
    .select(['d.doc', 'pp.country', 'c.kind'])
    .execute()) {
    of(r.doc).counts.push(key('k', r.country, r.kind));
  }
  for (const r of await partnerships
    .innerJoin('partnership_domains as x', (j) => j.onRef('x.directory_id', '=', 'd.directory_id').onRef('x.partnership_id', '=', 'd.record_id'))
    .leftJoin('domains as dm', (j) => j.onRef('dm.directory_id', '=', 'x.directory_id').onRef('dm.code', '=', 'x.domain_code'))
    .select(['d.doc', 'x.domain_code', 'dm.code', 'dm.parent'])
    .execute()) {
    const counts = of(r.doc).counts;
    counts.push(key('x', r.domain_code));
    if (r.code !== null) counts.push(key('y', r.parent ?? r.code));
  }
  for (const r of await partnerships
    .innerJoin('partnership_budgets as b', (j) => j.onRef('b.directory_id', '=', 'd.directory_id').onRef('b.partnership_id', '=', 'd.record_id'))
    .leftJoin('collectivities as c', (j) => j.onRef('c.directory_id', '=', 'b.directory_id').onRef('c.id', '=', 'b.collectivity_id'))
    .where('b.amount', 'is not', null)
    .select(['d.doc', 'c.country', 'b.currency', 'b.approximate', 'b.amount'])
    .execute()) {
    of(r.doc).amounts.push([key('b', r.country ?? '', r.currency ?? '', flag(r.approximate)), Number(r.amount)]);
  }

  // projects: status, the PAD, cost, domains, funding lines
  const projects = docs().where('d.type', '=', 'project');
  const pad = new Set<number>();
  for (const r of await projects
    .innerJoin('projects as p', (j) => j.onRef('p.directory_id', '=', 'd.directory_id').onRef('p.id', '=', 'd.record_id'))
    .leftJoin('search_docs as pd', (j) => j.onRef('pd.directory_id', '=', 'p.directory_id').onRef('pd.record_id', '=', 'p.partnership_id').on('pd.type', '=', 'partnership'))
    .select(['d.doc', 'pd.doc as parent', 'p.status', 'p.pad_cofinanced', 'p.total_cost_currency', 'p.total_cost_approximate', 'p.total_cost_amount'])
    .execute()) {
    const doc = Number(r.doc);
    writer.setKind(doc, 'project', r.parent === null ? undefined : Number(r.parent));
    const t = of(doc);
    t.counts.push(key('J'), key('s', r.status));
    if (flag(r.pad_cofinanced)) {
      pad.add(doc);
      t.counts.push(key('A'));
    }
    if (r.total_cost_currency !== null && r.total_cost_amount !== null) {
      const approximate = flag(r.total_cost_approximate);
      t.counts.push(key('w'));
      t.amounts.push([key('c', r.total_cost_currency, approximate), Number(r.total_cost_amount)]);
      if (pad.has(doc)) t.amounts.push([key('C', r.total_cost_currency, approximate), Number(r.total_cost_amount)]);
    }
  }
  for (const r of await projects
    .innerJoin('project_domains as x', (j) => j.onRef('x.directory_id', '=', 'd.directory_id').onRef('x.project_id', '=', 'd.record_id'))
    .leftJoin('domains as dm', (j) => j.onRef('dm.directory_id', '=', 'x.directory_id').onRef('dm.code', '=', 'x.domain_code'))
    .select(['d.doc', 'x.domain_code', 'dm.code', 'dm.parent'])
    .execute()) {
    const counts = of(r.doc).counts;
    counts.push(key('u', r.domain_code));
    if (r.code !== null) counts.push(key('v', r.parent ?? r.code));
  }
  for (const r of await projects
    .innerJoin('funding_lines as f', (j) => j.onRef('f.directory_id', '=', 'd.directory_id').onRef('f.project_id', '=', 'd.record_id'))
    .select(['d.doc', 'f.funder', 'f.funder_collectivity_id', 'f.funder_id', 'f.currency', 'f.approximate', 'f.amount'])
    .execute()) {
    const line = [r.funder, r.funder_collectivity_id, r.funder_id, r.currency, flag(r.approximate)] as const;
    const amount = r.amount === null ? 0 : Number(r.amount);
    const t = of(r.doc);
    t.amounts.push([key('f', ...line), amount]);
    if (pad.has(Number(r.doc))) t.amounts.push([key('F', ...line), amount]);
  }
  for (const [doc, t] of tallies) writer.add(doc, t satisfies DocumentTally);
}

/**
 * The aggregates a search's sums stand for (its partnerships found or whose project was found,
 * its projects found): the counts and amounts only; the lists (domains, collectivities, PAD rows)
 * are the caller's.
 */
export function aggregatesOfTally(tally: Pick<SearchTally, 'counts' | 'amounts'>, directoryId: string): Aggregates {
  const agg = emptyAggregates(directoryId, true);
  for (const [text, n] of Object.entries(tally.counts)) {
    const [tag, a, b] = JSON.parse(text) as [string, string, string];
    if (tag === 'P') agg.partnerships += n;
    else if (tag === 'd') add(agg.byDecade, a, n);
    else if (tag === 'k') add(agg.byKind, `${a}\u0000${b}`, n);
    else if (tag === 'x') add(agg.partnershipDomains, a, n);
    else if (tag === 'y') add(agg.partnershipFamilies, a, n);
    else if (tag === 'J') agg.projects += n;
    else if (tag === 's') add(agg.byStatus, a, n);
    else if (tag === 'A') agg.pad.count += n;
    else if (tag === 'w') agg.projectsWithCost += n;
    else if (tag === 'u') add(agg.projectDomains, a, n);
    else if (tag === 'v') add(agg.projectFamilies, a, n);
  }
  for (const [text, count, amount] of tally.amounts) {
    const parts = JSON.parse(text) as [string, ...(string | boolean | null)[]];
    const tag = parts[0];
    if (tag === 'b') {
      const [, country, currency, approximate] = parts as [string, string, string, boolean];
      agg.budgets.push({ country, currency, approximate, amount, count });
    } else if (tag === 'c' || tag === 'C') {
      const [, currency, approximate] = parts as [string, string, boolean];
      (tag === 'c' ? agg.projectCosts : agg.pad.costs).push({ currency, approximate, amount, count });
    } else if (tag === 'f' || tag === 'F') {
      const [, funder, collectivityId, funderId, currency, approximate] = parts as [string, string, string | null, string | null, string | null, boolean];
      (tag === 'f' ? agg.funding : agg.pad.funding).push({ funder, collectivityId, funderId, currency, approximate, amount, count });
    }
  }
  return agg;
}

/**
 * The aggregates of a search's results from its tally: its sums; the records re-made since the
 * index was built counted in the store (a few, `aggregateStats`); the PAD rows of the first
 * `padLimit` PAD projects; the directory's lists.
 */
export async function talliedAggregates(db: Kysely<Database>, directoryId: string, tally: SearchTally, padLimit: number): Promise<Aggregates> {
  const none = emptyAggregates(directoryId, true);
  let agg = aggregatesOfTally(tally, directoryId);
  let padIds = tally.ranked;
  const { partnerships, projects } = tally.changed;
  if (partnerships.length > 0) {
    // the partnership figures only: no project of theirs is counted here
    agg = applyAggregates(agg, none, await aggregateStats(db, { directoryId, partnershipIds: partnerships, projectIds: [], countsOnly: true, padLimit: 0 }));
  }
  if (projects.length > 0) {
    const parents = await db.selectFrom('projects').select('partnership_id').where('directory_id', '=', directoryId).where('id', 'in', projects).execute();
    const counted = await aggregateStats(db, { directoryId, partnershipIds: [...new Set(parents.map((r) => r.partnership_id))], projectIds: projects, countsOnly: true, padLimit });
    agg = applyAggregates(agg, none, projectFigures(counted));
    const changedPad = counted.pad.rows.map((r) => r.projectId);
    if (changedPad.length > 0) padIds = (await padOrder(db, directoryId).where('p.id', 'in', [...padIds, ...changedPad]).limit(padLimit).execute()).map((r) => r.id);
  }
  const [rows, snapshot] = await Promise.all([padProjects(db, directoryId, padIds.slice(0, padLimit)), censusSnapshot(db, directoryId)]);
  // the directory's lists as its census snapshot keeps them: shared, so that what is built from them once serves every search
  const { domains, collectivities, reportIssues } = snapshot.aggregates;
  return { ...agg, pad: { ...agg.pad, rows }, domains, collectivities, reportIssues, claims: [] };
}

/** Only the figures of the projects: those of their partnerships are counted from the partnerships found. */
function projectFigures(agg: Aggregates): Aggregates {
  return { ...agg, partnerships: 0, byDecade: new Map(), byKind: new Map(), partnershipDomains: new Map(), partnershipFamilies: new Map(), budgets: [] };
}
