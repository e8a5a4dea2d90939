/** The statistics over a document's plain records (an export, an import before saving, a test). */
import type { ImportIssue } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { add, decadeOf, type Aggregates, type MoneyRow } from './aggregates.js';
import { buildStats } from './build.js';
import type { CensusStats } from './model.js';
import { RATES_2008, type ReferenceRates } from './money.js';

export interface StatsOptions {
  /** only these partnerships (the current search results); the whole census when absent */
  partnershipIds?: Iterable<string>;
  /** default: the 2008 annual average (`RATES_2008`) */
  rates?: ReferenceRates;
  /** the most PAD projects to list (default 1000; counts and totals are always of all) */
  padLimit?: number;
}

export function computeStats(
  doc: Pick<RepertoireDocument, 'directory' | 'domains' | 'collectivities' | 'partnerships'>,
  options: StatsOptions & { reportIssues?: ImportIssue[] } = {},
): CensusStats {
  const only = options.partnershipIds === undefined ? undefined : new Set(options.partnershipIds);
  const partnerships = only ? doc.partnerships.filter((p) => only.has(p.id)) : doc.partnerships;
  const kindOf = new Map(doc.collectivities.map((c) => [c.id, c]));
  const parentOf = new Map(doc.domains.map((d) => [d.code, d.parent ?? null]));
  const family = (code: string) => parentOf.get(code) ?? code;

  const agg: Aggregates = {
    directoryId: doc.directory.id ?? null,
    filtered: only !== undefined,
    partnerships: partnerships.length,
    byDecade: new Map(),
    byKind: new Map(),
    partnershipDomains: new Map(),
    partnershipFamilies: new Map(),
    projects: 0,
    byStatus: new Map(),
    projectDomains: new Map(),
    projectFamilies: new Map(),
    budgets: [],
    projectCosts: [],
    projectsWithCost: 0,
    funding: [],
    pad: { count: 0, costs: [], funding: [], rows: [] },
    domains: doc.domains.map((d) => ({ code: d.code, label: d.label, parent: d.parent ?? null })),
    collectivities: doc.collectivities.map((c) => ({ id: c.id, name: c.name, shortName: c.shortName, country: c.country, kind: c.kind })),
    reportIssues: options.reportIssues ?? [],
  };
  const budgets = new Money<{ country: string }>();
  const costs = new Money();
  const padCosts = new Money();
  const funding = new Map<string, Aggregates['funding'][number]>();
  const padFunding = new Map<string, Aggregates['funding'][number]>();
  const addFunding = (into: Map<string, Aggregates['funding'][number]>, f: { funder: string; funderCollectivityId?: string; amount?: { amount: number; currency: string; approximate?: boolean } }) => {
    const currency = f.amount?.currency ?? null;
    const approximate = f.amount?.approximate === true;
    const key = `${f.funder}\u0000${f.funderCollectivityId ?? ''}\u0000${currency ?? ''}\u0000${approximate}`;
    const row = into.get(key) ?? { funder: f.funder, collectivityId: f.funderCollectivityId ?? null, currency, approximate, amount: 0, count: 0 };
    row.count += 1;
    if (f.amount) row.amount += f.amount.amount;
    into.set(key, row);
  };

  for (const p of partnerships) {
    add(agg.byDecade, decadeOf(p.signedDate));
    for (const key of new Set(p.parties.map((x) => `${x.country}\u0000${kindOf.get(x.collectivityId)?.kind ?? 'other'}`))) add(agg.byKind, key);
    for (const code of new Set(p.domains ?? [])) add(agg.partnershipDomains, code);
    for (const top of new Set((p.domains ?? []).map(family))) add(agg.partnershipFamilies, top);
    for (const b of p.budgets ?? []) {
      const country = b.collectivityId ? (kindOf.get(b.collectivityId)?.country ?? '') : '';
      budgets.add(b.amount.currency, b.amount.approximate === true, b.amount.amount, { country });
    }
    for (const project of p.projects ?? []) {
      agg.projects += 1;
      add(agg.byStatus, project.status);
      for (const code of new Set(project.domains ?? [])) add(agg.projectDomains, code);
      for (const top of new Set((project.domains ?? []).map(family))) add(agg.projectFamilies, top);
      if (project.totalCost) {
        agg.projectsWithCost += 1;
        costs.add(project.totalCost.currency, project.totalCost.approximate === true, project.totalCost.amount);
      }
      for (const f of project.funding ?? []) addFunding(funding, f);
      if (project.padCofinanced === true) {
        agg.pad.count += 1;
        if (project.totalCost) padCosts.add(project.totalCost.currency, project.totalCost.approximate === true, project.totalCost.amount);
        for (const f of project.funding ?? []) addFunding(padFunding, f);
        agg.pad.rows.push({
          projectId: project.id,
          partnershipId: p.id,
          title: project.title,
          status: project.status,
          partners: (project.partners ?? []).map((x) => ({ name: x.name, role: x.role ?? null, collectivityId: x.collectivityId ?? null })),
          totalCost: project.totalCost ? { amount: project.totalCost.amount, currency: project.totalCost.currency, approximate: project.totalCost.approximate === true } : null,
          funding: (project.funding ?? []).map((f) => ({
            funder: f.funder,
            collectivityId: f.funderCollectivityId ?? null,
            amount: f.amount?.amount ?? null,
            currency: f.amount?.currency ?? null,
            approximate: f.amount?.approximate === true,
          })),
        });
      }
    }
  }
  agg.budgets = budgets.rows();
  agg.projectCosts = costs.rows();
  agg.pad.costs = padCosts.rows();
  agg.funding = [...funding.values()];
  agg.pad.funding = [...padFunding.values()];
  return buildStats(agg, { rates: options.rates ?? RATES_2008, ...(options.padLimit !== undefined ? { padLimit: options.padLimit } : {}) });
}

/** Sums by currency, approximate flag and extra keys, as SQL's GROUP BY would give them. */
class Money<X extends Record<string, string> = Record<never, string>> {
  private readonly groups = new Map<string, MoneyRow & X>();

  add(currency: string, approximate: boolean, amount: number, extra?: X): void {
    const key = `${currency}\u0000${approximate}\u0000${JSON.stringify(extra ?? {})}`;
    const row = this.groups.get(key) ?? ({ currency, approximate, amount: 0, count: 0, ...(extra ?? {}) } as MoneyRow & X);
    row.amount += amount;
    row.count += 1;
    this.groups.set(key, row);
  }

  rows(): (MoneyRow & X)[] {
    return [...this.groups.values()];
  }
}
