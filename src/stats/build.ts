/** From aggregates to the view model: orders, euros, the editorials' claims checked (codes: the web layer labels them). */
import { distinctDomainLabels } from '../model/domain-labels.js';
import type { Aggregates, MoneyRow } from './aggregates.js';
import { FunderNames } from './funders.js';
import {
  CensusStats,
  STATUS_ORDER,
  type CountRow,
  type DomainRow,
  type FunderRow,
  type PadRow,
} from './model.js';
import { cents, toEur, totalOf, type ReferenceRates } from './money.js';

export interface BuildOptions {
  rates: ReferenceRates;
  /** the most PAD rows to list (default 1000) */
  padLimit?: number;
}

/**
 * The funders' grouping per list of collectivities: a census snapshot's list is shared by every
 * statistics built from it (the whole directory's, each search's), and folding its names took
 * 45 ms of each search's statistics at 6 876 collectivities.
 */
const funderNames = new WeakMap<Aggregates['collectivities'], FunderNames>();

export function buildStats(agg: Aggregates, options: BuildOptions): CensusStats {
  const { rates } = options;
  let funders = funderNames.get(agg.collectivities);
  if (funders === undefined) funderNames.set(agg.collectivities, (funders = new FunderNames(agg.collectivities)));
  const domains = distinctDomainLabels(agg.domains);
  const domainLabel = new Map(domains.map((d) => [d.code, d]));

  const decades = [...agg.byDecade].sort(([a], [b]) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a < b ? -1 : 1));
  const decadeRows: CountRow[] = decades.map(([key, count]) => ({ key, count }));

  const sides = new Map<string, CountRow[]>();
  for (const [key, count] of agg.byKind) {
    const [country, kind] = key.split('\u0000') as [string, string];
    const rows = sides.get(country) ?? [];
    rows.push({ key: kind, count });
    sides.set(country, rows);
  }

  const stats: CensusStats = {
    scope: { directoryId: agg.directoryId, filtered: agg.filtered, partnerships: agg.partnerships, projects: agg.projects },
    rate: { base: 'EUR', perEur: { ...rates.perEur }, year: rates.year, source: rates.source },
    partnershipsByDecade: { rows: decadeRows, claim: decadesClaim(agg) },
    partnershipsByKind: [...sides]
      .sort(([a], [b]) => countryOrder(a) - countryOrder(b) || (a < b ? -1 : 1))
      .map(([country, rows]) => ({ country, rows: rows.sort(byCountThenKey) })),
    partnershipsByDomain: domainRows(agg.partnershipDomains, agg.partnershipFamilies, domains, domainLabel),
    projectsByStatus: [...agg.byStatus]
      .sort(([a], [b]) => statusOrder(a) - statusOrder(b) || (a < b ? -1 : 1))
      .map(([key, count]) => ({ key, count })),
    projectsByDomain: domainRows(agg.projectDomains, agg.projectFamilies, domains, domainLabel),
    budgets: {
      total: totalOf(agg.budgets, rates),
      bySide: [...new Set(agg.budgets.map((b) => b.country))]
        .sort((a, b) => countryOrder(a) - countryOrder(b) || (a < b ? -1 : 1))
        .map((country) => ({ country, total: totalOf(agg.budgets.filter((b) => b.country === country), rates) })),
    },
    projectCosts: { total: totalOf(agg.projectCosts, rates), withCost: agg.projectsWithCost, withoutCost: agg.projects - agg.projectsWithCost },
    funders: funderRows(agg.funding, funders, rates),
    funderKinds: funderKindRows(agg.funding, funders, rates),
    pad: padSection(agg, funders, options),
  };
  return CensusStats.parse(stats);
}

/**
 * The editorial's claim on the decades, checked: it holds when the first dated partnership is of
 * the decade it names first, and each decade it names has more partnerships than the one before.
 * None when the directory's text made no such claim, or for a selection (the claim is about the
 * whole census, and a search's results would only seem to contradict it).
 */
function decadesClaim(agg: Aggregates): CensusStats['partnershipsByDecade']['claim'] {
  const claim = agg.claims.find((c) => c.kind === 'decades');
  if (claim === undefined) return null;
  const n = (d: string) => agg.byDecade.get(d) ?? 0;
  const dated = [...agg.byDecade].filter(([d, c]) => d !== 'unknown' && c > 0).map(([d]) => d).sort();
  const firstDecade = dated[0] ?? null;
  const agrees = firstDecade === claim.decades[0] && claim.decades.every((d, i) => i === 0 || n(d) > n(claim.decades[i - 1]!));
  const counts = claim.decades.map((key) => ({ key, count: n(key) }));
  return { text: claim.text, firstDecade, agrees, counts, undated: n('unknown') };
}

function domainRows(
  exact: Map<string, number>,
  families: Map<string, number>,
  domains: Aggregates['domains'],
  byCode: Map<string, Aggregates['domains'][number]>,
): DomainRow[] {
  const rows: DomainRow[] = [];
  const known = new Set(domains.map((d) => d.code));
  // the taxonomy's order: each domain, then its sub-domains
  for (const d of domains.filter((x) => x.parent === null)) {
    const count = families.get(d.code) ?? 0;
    if (count > 0) rows.push({ code: d.code, label: d.label, parent: null, count });
    for (const s of domains.filter((x) => x.parent === d.code)) {
      const c = exact.get(s.code) ?? 0;
      if (c > 0) rows.push({ code: s.code, label: s.label, parent: d.code, count: c });
    }
  }
  for (const [code, count] of [...exact].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!known.has(code) && count > 0) rows.push({ code, label: byCode.get(code)?.label ?? code, parent: null, count });
  }
  return rows;
}

function funderRows(funding: Aggregates['funding'], names: FunderNames, rates: ReferenceRates): FunderRow[] {
  const groups = new Map<string, { funder: string; collectivityId: string | null; kind: string; lines: number; withAmount: number; money: MoneyRow[] }>();
  for (const f of funding) {
    const g = names.group(f.funder, f.collectivityId, f.funderId);
    const row = groups.get(g.key) ?? { funder: g.label, collectivityId: g.collectivityId, kind: g.kind, lines: 0, withAmount: 0, money: [] };
    row.lines += f.count;
    if (f.currency !== null) {
      row.withAmount += f.count;
      row.money.push({ currency: f.currency, approximate: f.approximate, amount: f.amount, count: f.count });
    }
    groups.set(g.key, row);
  }
  return [...groups]
    .map(([key, g]) => ({ key, funder: g.funder, collectivityId: g.collectivityId, kind: g.kind, lines: g.lines, linesWithAmount: g.withAmount, total: totalOf(g.money, rates) }))
    .sort((a, b) => b.total.eur - a.total.eur || b.lines - a.lines || (a.funder < b.funder ? -1 : a.funder > b.funder ? 1 : 0));
}

/** The funders' lines and money by kind of funder (ministries, programmes, collectivities…), most money first. */
function funderKindRows(funding: Aggregates['funding'], names: FunderNames, rates: ReferenceRates): CensusStats['funderKinds'] {
  const kinds = new Map<string, { funders: Set<string>; lines: number; money: MoneyRow[] }>();
  for (const f of funding) {
    const g = names.group(f.funder, f.collectivityId, f.funderId);
    const row = kinds.get(g.kind) ?? { funders: new Set<string>(), lines: 0, money: [] };
    row.funders.add(g.key);
    row.lines += f.count;
    if (f.currency !== null) row.money.push({ currency: f.currency, approximate: f.approximate, amount: f.amount, count: f.count });
    kinds.set(g.kind, row);
  }
  return [...kinds]
    .map(([kind, k]) => ({ kind, funders: k.funders.size, lines: k.lines, total: totalOf(k.money, rates) }))
    .sort((a, b) => b.total.eur - a.total.eur || b.lines - a.lines || (a.kind < b.kind ? -1 : 1));
}

function padSection(agg: Aggregates, names: FunderNames, options: BuildOptions): CensusStats['pad'] {
  const { rates } = options;
  const limit = options.padLimit ?? 1000;
  const isPad = (funder: string, collectivityId: string | null, funderId: string | null) => names.group(funder, collectivityId, funderId).pad;
  const amount = (a: { amount: number; currency: string; approximate: boolean }) => {
    const eur = toEur(a.amount, a.currency, rates);
    return { amount: a.amount, currency: a.currency, approximate: a.approximate, eur: eur === undefined ? null : cents(eur) };
  };
  const rows: PadRow[] = agg.pad.rows.slice(0, limit).map((p) => {
    const padMoney = new Map<string, { amount: number; currency: string; approximate: boolean }>();
    for (const f of p.funding) {
      if (f.amount === null || f.currency === null || !isPad(f.funder, f.collectivityId, f.funderId)) continue;
      const m = padMoney.get(f.currency) ?? { amount: 0, currency: f.currency, approximate: false };
      m.amount += f.amount;
      m.approximate ||= f.approximate;
      padMoney.set(f.currency, m);
    }
    const padAmounts = [...padMoney.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)).map(amount);
    const padEur = padAmounts.length > 0 && padAmounts.every((a) => a.eur !== null) ? cents(padAmounts.reduce((s, a) => s + a.eur!, 0)) : null;
    const party = (role: string) => p.partners.filter((x) => x.role === role).map((x) => ({ name: x.name, collectivityId: x.collectivityId }));
    return {
      projectId: p.projectId,
      partnershipId: p.partnershipId,
      title: p.title,
      status: p.status,
      maitreOuvrage: party('maitre-ouvrage'),
      assistant: party('assistant-maitre-ouvrage'),
      totalCost: p.totalCost ? amount(p.totalCost) : null,
      padAmounts,
      padEur,
    };
  });
  const padFunding = agg.pad.funding.filter((f) => f.currency !== null && isPad(f.funder, f.collectivityId, f.funderId));
  const statements = agg.reportIssues
    .filter((i) => i.kind === 'pad-count-differs')
    .map((i) => {
      const stated = /states (\d+)/.exec(i.message);
      return { line: i.line ?? null, stated: stated ? Number(stated[1]) : null, message: i.message };
    });
  return {
    count: agg.pad.count,
    rows,
    truncated: agg.pad.rows.length > limit || agg.pad.count > rows.length,
    totalCost: totalOf(agg.pad.costs, rates),
    padTotal: totalOf(
      padFunding.map((f) => ({ currency: f.currency!, approximate: f.approximate, amount: f.amount, count: f.count })),
      rates,
    ),
    statements,
  };
}

function byCountThenKey(a: CountRow, b: CountRow): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Countries by code, the unsaid ('') last; the web page puts the directory's own first, home first (`sideOrder`). */
function countryOrder(country: string): number {
  return country === '' ? 1 : 0;
}

function statusOrder(status: string): number {
  const i = STATUS_ORDER.indexOf(status);
  return i < 0 ? STATUS_ORDER.length : i;
}
