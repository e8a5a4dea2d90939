/**
 * The statistics over the store: every count and sum is a GROUP BY in SQL (plain Kysely, the same
 * on SQLite and PostgreSQL), so what crosses to JavaScript is one row per group, whatever the
 * census's size. A selection (search results: partnership ids) is applied in chunks of 5000 ids;
 * every aggregate here is additive over disjoint sets of partnerships, so the chunks' rows add up.
 * Only the PAD table lists records, up to `padLimit`.
 */
import { sql, type Kysely } from 'kysely';
import { chunks } from '../maps/data.js';
import { ImportReport } from '../model/report.js';
import { decodeJson } from '../store/codec.js';
import type { Database } from '../store/tables.js';
import { add, emptyAggregates, type Aggregates, type MoneyRow } from './aggregates.js';
import { padProjects } from './pad.js';
import type { Profiles } from '../profiles/profiles.js';
import type { ReferenceRates } from './money.js';

export interface StatsOptions {
  /** only these partnerships (the current search results); the whole census when absent */
  partnershipIds?: Iterable<string>;
  /**
   * with `partnershipIds`: only these of their projects (a search's project results); each
   * selected partnership's every project when absent
   */
  projectIds?: Iterable<string>;
  /** default: the rates of the directory's countries' profiles (`referenceRates`) */
  rates?: ReferenceRates;
  /** the country profiles the default rates come from (default: the packaged ones) */
  profiles?: Profiles;
  /** the most PAD projects to list (default 1000; counts and totals are always of all) */
  padLimit?: number;
  /**
   * only the sums over the partnerships (and the PAD rows): not the directory's domains,
   * collectivities and report, which a kept snapshot's delta (`kept.ts`) does not need
   */
  countsOnly?: boolean;
}

export interface StoreStatsOptions extends StatsOptions {
  /** the directory (edition); every directory in the store when absent */
  directoryId?: string;
}

type Db = Kysely<Database>;
const n = (value: number | string | null | undefined) => Number(value ?? 0);
const flag = (value: number | boolean | null) => value === true || value === 1;

/** Every count and sum of the statistics, in SQL: the one way they are computed. */
export async function aggregateStats(db: Db, options: StoreStatsOptions = {}): Promise<Aggregates> {
  const dir = options.directoryId;
  const agg = emptyAggregates(dir ?? null, options.partnershipIds !== undefined);
  const budgets = new Sums<{ country: string }>();
  const costs = new Sums();
  const padCosts = new Sums();
  const funding = new FundingSums();
  const padFunding = new FundingSums();
  const padLimit = options.padLimit ?? 1000;
  const padIds: string[] = [];
  const projectIds = options.projectIds === undefined ? undefined : [...new Set(options.projectIds)];
  // no project found: every project aggregate is empty (and `IN ()` is no SQL)
  const anyProject = projectIds === undefined || projectIds.length > 0;

  for (const chunk of chunks(options.partnershipIds)) {
    const scoped = <Q extends Scopable>(q: Q, dirColumn: string, idColumn: string): Q => scope(q, dir, dirColumn, chunk, idColumn);
    // a project's lists, narrowed by their project ids (an indexed lookup per selected project) rather
    // than through a join on projects, which SQLite would drive from the whole list table
    const selectedProjects = () => {
      let q = db.selectFrom('projects').select('id').where('partnership_id', 'in', chunk!);
      if (dir !== undefined) q = q.where('directory_id', '=', dir);
      if (projectIds !== undefined) q = q.where('id', 'in', projectIds);
      return q;
    };
    const projectScoped = <Q extends Scopable>(q: Q, dirColumn: string, projectColumn: string): Q => {
      const out = scope(q, dir, dirColumn, undefined, projectColumn);
      return chunk === undefined ? out : (out.where as unknown as (c: string, o: string, v: unknown) => Q).call(out, projectColumn, 'in', selectedProjects());
    };

    // partnerships by decade of signature
    const decade = sql<string | null>`substr(signed_date, 1, 3)`;
    for (const r of await scoped(db.selectFrom('partnerships').select([decade.as('d'), (eb) => eb.fn.countAll<number | string>().as('n')]), 'directory_id', 'id')
      .groupBy(decade)
      .execute()) {
      add(agg.byDecade, r.d && /^\d{3}$/.test(r.d) ? `${r.d}0` : 'unknown', n(r.n));
      agg.partnerships += n(r.n);
    }

    // A partnership's lists are read from the (selected) partnerships: CROSS JOIN keeps that order on
    // SQLite, whose planner would otherwise scan the directory's whole list by the covering index
    // that serves GROUP BY (migration 0003), for a selection of a thousand.
    const parties = () =>
      db
        .selectFrom('partnerships as s')
        .crossJoin('partnership_parties as pp')
        .whereRef('pp.directory_id', '=', 's.directory_id')
        .whereRef('pp.partnership_id', '=', 's.id');
    const domainsOf = () =>
      db
        .selectFrom('partnerships as s')
        .crossJoin('partnership_domains as x')
        .whereRef('x.directory_id', '=', 's.directory_id')
        .whereRef('x.partnership_id', '=', 's.id');

    // by kind of collectivity on each side
    const kinds = parties()
      .innerJoin('collectivities as c', (j) => j.onRef('c.directory_id', '=', 'pp.directory_id').onRef('c.id', '=', 'pp.collectivity_id'))
      .select(['pp.country', 'c.kind', (eb) => eb.fn.count<number | string>('pp.partnership_id').distinct().as('n')])
      .groupBy(['pp.country', 'c.kind']);
    for (const r of await scoped(kinds, 's.directory_id', 's.id').execute()) add(agg.byKind, `${r.country}\u0000${r.kind}`, n(r.n));

    // partnerships by domain, and by domain family (a domain with its sub-domains, each partnership once)
    const pDomains = domainsOf()
      .select(['x.domain_code', (eb) => eb.fn.count<number | string>('x.partnership_id').distinct().as('n')])
      .groupBy('x.domain_code');
    for (const r of await scoped(pDomains, 's.directory_id', 's.id').execute()) add(agg.partnershipDomains, r.domain_code, n(r.n));
    const family = sql<string>`coalesce(d.parent, d.code)`;
    const pFamilies = domainsOf()
      .innerJoin('domains as d', (j) => j.onRef('d.directory_id', '=', 'x.directory_id').onRef('d.code', '=', 'x.domain_code'))
      .select([family.as('top'), (eb) => eb.fn.count<number | string>('x.partnership_id').distinct().as('n')])
      .groupBy(family);
    for (const r of await scoped(pFamilies, 's.directory_id', 's.id').execute()) add(agg.partnershipFamilies, r.top, n(r.n));

    // budgets, by the country of the collectivity they are of
    const budgetRows = db
      .selectFrom('partnership_budgets as b')
      .leftJoin('collectivities as c', (j) => j.onRef('c.directory_id', '=', 'b.directory_id').onRef('c.id', '=', 'b.collectivity_id'))
      .where('b.amount', 'is not', null)
      .select(['c.country', 'b.currency', 'b.approximate', (eb) => eb.fn.sum<number | string>('b.amount').as('amount'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['c.country', 'b.currency', 'b.approximate']);
    for (const r of await scoped(budgetRows, 'b.directory_id', 'b.partnership_id').execute()) {
      budgets.add(r.currency ?? '', flag(r.approximate), n(r.amount), n(r.n), { country: r.country ?? '' });
    }

    if (!anyProject) continue;
    // projects: one pass gives statuses, costs and the PAD's count and costs
    let projects = db
      .selectFrom('projects')
      .select([
        'status',
        'pad_cofinanced',
        'total_cost_currency',
        'total_cost_approximate',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.count<number | string>('total_cost_amount').as('costs'),
        (eb) => eb.fn.sum<number | string | null>('total_cost_amount').as('amount'),
      ])
      .groupBy(['status', 'pad_cofinanced', 'total_cost_currency', 'total_cost_approximate']);
    if (projectIds !== undefined) projects = projects.where('id', 'in', projectIds);
    for (const r of await scoped(projects, 'directory_id', 'partnership_id').execute()) {
      const count = n(r.n);
      agg.projects += count;
      add(agg.byStatus, r.status, count);
      const pad = flag(r.pad_cofinanced);
      if (pad) agg.pad.count += count;
      if (r.total_cost_currency !== null && n(r.costs) > 0) {
        agg.projectsWithCost += n(r.costs);
        costs.add(r.total_cost_currency, flag(r.total_cost_approximate), n(r.amount), n(r.costs));
        if (pad) padCosts.add(r.total_cost_currency, flag(r.total_cost_approximate), n(r.amount), n(r.costs));
      }
    }

    // projects by domain and domain family
    const prDomains = db
      .selectFrom('project_domains as x')
      .select(['x.domain_code', (eb) => eb.fn.count<number | string>('x.project_id').distinct().as('n')])
      .groupBy('x.domain_code');
    for (const r of await projectScoped(prDomains, 'x.directory_id', 'x.project_id').execute()) add(agg.projectDomains, r.domain_code, n(r.n));
    const prFamilies = db
      .selectFrom('project_domains as x')
      .innerJoin('domains as d', (j) => j.onRef('d.directory_id', '=', 'x.directory_id').onRef('d.code', '=', 'x.domain_code'))
      .select([family.as('top'), (eb) => eb.fn.count<number | string>('x.project_id').distinct().as('n')])
      .groupBy(family);
    for (const r of await projectScoped(prFamilies, 'x.directory_id', 'x.project_id').execute()) add(agg.projectFamilies, r.top, n(r.n));

    // funding lines by funder as printed (grouped into funders in JavaScript: few distinct names)
    const lines = db
      .selectFrom('funding_lines as f')
      .innerJoin('projects as p', (j) => j.onRef('p.directory_id', '=', 'f.directory_id').onRef('p.id', '=', 'f.project_id'))
      .select([
        'f.funder',
        'f.funder_collectivity_id',
        'f.funder_id',
        'f.currency',
        'f.approximate',
        'p.pad_cofinanced',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.sum<number | string | null>('f.amount').as('amount'),
      ])
      .groupBy(['f.funder', 'f.funder_collectivity_id', 'f.funder_id', 'f.currency', 'f.approximate', 'p.pad_cofinanced']);
    for (const r of await projectScoped(lines, 'f.directory_id', 'f.project_id').execute()) {
      const row = { funder: r.funder, collectivityId: r.funder_collectivity_id, funderId: r.funder_id, currency: r.currency, approximate: flag(r.approximate), amount: n(r.amount), count: n(r.n) };
      funding.add(row);
      if (flag(r.pad_cofinanced)) padFunding.add(row);
    }

    // the PAD projects' ids, in the directory's order, for the table
    if (padIds.length < padLimit) {
      let pads = db
        .selectFrom('projects as p')
        .innerJoin('partnerships as s', (j) => j.onRef('s.directory_id', '=', 'p.directory_id').onRef('s.id', '=', 'p.partnership_id'))
        .where('p.pad_cofinanced', '=', 1)
        .select(['p.id'])
        .orderBy('s.position')
        // ties (a partnership created after a removal may take a position again) by id: one order, counted or kept
        .orderBy('s.id')
        .orderBy('p.position')
        .orderBy('p.id')
        .limit(padLimit - padIds.length);
      if (projectIds !== undefined) pads = pads.where('p.id', 'in', projectIds);
      for (const r of await scoped(pads, 'p.directory_id', 'p.partnership_id').execute()) padIds.push(r.id);
    }
  }

  agg.budgets = budgets.rows();
  agg.projectCosts = costs.rows();
  agg.pad.costs = padCosts.rows();
  agg.funding = funding.rows();
  agg.pad.funding = padFunding.rows();
  agg.pad.rows = await padProjects(db, dir, padIds);
  if (options.countsOnly) return agg;

  return { ...agg, ...(await directoryLists(db, dir, agg.filtered)) };
}

/** What the statistics list of the directory besides their sums: its domains, its collectivities, its latest report's issues and (of the whole census) claims. */
async function directoryLists(db: Db, dir: string | undefined, filtered: boolean): Promise<Pick<Aggregates, 'domains' | 'collectivities' | 'reportIssues' | 'claims'>> {
  let collectivities = db.selectFrom('collectivities').select(['id', 'name', 'short_name', 'country', 'kind']).orderBy('directory_id').orderBy('position');
  if (dir !== undefined) collectivities = collectivities.where('directory_id', '=', dir);
  const [domains, rows, report] = await Promise.all([domainList(db, dir), collectivities.execute(), latestReport(db, dir)]);
  return {
    domains,
    collectivities: rows.map((c) => ({ id: c.id, name: c.name, shortName: c.short_name, country: c.country, kind: c.kind })),
    reportIssues: report?.inconsistencies ?? [],
    claims: filtered ? [] : (report?.claims ?? []),
  };
}

async function latestReport(db: Db, dir: string | undefined): Promise<ImportReport | undefined> {
  let query = db.selectFrom('import_reports').select(['report']).orderBy('id', 'desc').limit(1);
  if (dir !== undefined) query = query.where('directory_id', '=', dir);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const report = ImportReport.safeParse(decodeJson(row.report));
  return report.success ? report.data : undefined;
}

/** The directory's domains, in its order (each code once across directories). */
export async function domainList(db: Db, dir: string | undefined): Promise<Aggregates['domains']> {
  let domains = db.selectFrom('domains').select(['code', 'label', 'parent']).orderBy('directory_id').orderBy('position');
  if (dir !== undefined) domains = domains.where('directory_id', '=', dir);
  const seen = new Set<string>();
  const out: Aggregates['domains'] = [];
  for (const d of await domains.execute()) {
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    out.push({ code: d.code, label: d.label, parent: d.parent });
  }
  return out;
}

/** A query that can be narrowed with `where(column, op, value)` (any select query builder). */
interface Scopable {
  where(column: never, op: never, value: never): unknown;
}

/** The query narrowed to the directory and to a chunk of the selection. */
function scope<Q extends Scopable>(q: Q, dir: string | undefined, dirColumn: string, chunk: string[] | undefined, idColumn: string): Q {
  const where = (query: Q, column: string, op: string, value: unknown) => (query.where as unknown as (c: string, o: string, v: unknown) => Q).call(query, column, op, value);
  let out = q;
  if (dir !== undefined) out = where(out, dirColumn, '=', dir);
  if (chunk !== undefined) out = where(out, idColumn, 'in', chunk);
  return out;
}

class Sums<X extends Record<string, string> = Record<never, string>> {
  private readonly groups = new Map<string, MoneyRow & X>();

  add(currency: string, approximate: boolean, amount: number, count: number, extra?: X): void {
    const key = `${currency}\u0000${approximate}\u0000${JSON.stringify(extra ?? {})}`;
    const row = this.groups.get(key) ?? ({ currency, approximate, amount: 0, count: 0, ...(extra ?? {}) } as MoneyRow & X);
    row.amount += amount;
    row.count += count;
    this.groups.set(key, row);
  }

  rows(): (MoneyRow & X)[] {
    return [...this.groups.values()];
  }
}

class FundingSums {
  private readonly groups = new Map<string, Aggregates['funding'][number]>();

  add(r: Aggregates['funding'][number]): void {
    const key = `${r.funder}\u0000${r.collectivityId ?? ''}\u0000${r.funderId ?? ''}\u0000${r.currency ?? ''}\u0000${r.approximate}`;
    const row = this.groups.get(key) ?? { ...r, amount: 0, count: 0 };
    row.amount += r.amount;
    row.count += r.count;
    this.groups.set(key, row);
  }

  rows(): Aggregates['funding'] {
    return [...this.groups.values()];
  }
}
