/**
 * A kept snapshot's arithmetic: every count and sum of the aggregates (and of the map's weights and
 * pairs) is a sum over partnerships, so the contribution of the partnerships a change touched,
 * counted before it and after it (`aggregateStats` over those few), is taken off and put back.
 * What is not a sum (the PAD rows, the domains and collectivities lists) is handled in `kept.ts`.
 *
 * Pure: the snapshot given is not changed (the pages share it, frozen); a new one is returned.
 */
import type { MapCounts } from '../maps/data.js';
import type { Aggregates, MoneyRow } from './aggregates.js';

type Funding = Aggregates['funding'][number];

/** The sums of `kept` − `before` + `after`; the lists (PAD rows, domains, collectivities, report) stay those of `kept`. */
export function applyAggregates(kept: Aggregates, before: Aggregates, after: Aggregates): Aggregates {
  const counts = (pick: (a: Aggregates) => Map<string, number>) => shifted(pick(kept), pick(before), pick(after));
  const number = (pick: (a: Aggregates) => number) => pick(kept) - pick(before) + pick(after);
  return {
    ...kept,
    partnerships: number((a) => a.partnerships),
    byDecade: counts((a) => a.byDecade),
    byKind: counts((a) => a.byKind),
    partnershipDomains: counts((a) => a.partnershipDomains),
    partnershipFamilies: counts((a) => a.partnershipFamilies),
    projects: number((a) => a.projects),
    byStatus: counts((a) => a.byStatus),
    projectDomains: counts((a) => a.projectDomains),
    projectFamilies: counts((a) => a.projectFamilies),
    budgets: rows(kept.budgets, before.budgets, after.budgets, (r) => `${r.currency}\u0000${r.approximate}\u0000${r.country}`),
    projectCosts: rows(kept.projectCosts, before.projectCosts, after.projectCosts, moneyKey),
    projectsWithCost: number((a) => a.projectsWithCost),
    funding: rows(kept.funding, before.funding, after.funding, fundingKey),
    pad: {
      count: number((a) => a.pad.count),
      costs: rows(kept.pad.costs, before.pad.costs, after.pad.costs, moneyKey),
      funding: rows(kept.pad.funding, before.pad.funding, after.pad.funding, fundingKey),
      rows: kept.pad.rows,
    },
  };
}

/** The map's weights shifted the same way; the pairs' change (pair → partnerships gained or lost), for the kept pairs. */
export function applyWeights(kept: MapCounts, before: MapCounts, after: MapCounts): { weights: Map<string, number>; pairChange: Map<string, number> } {
  return { weights: shifted(kept.weights, before.weights, after.weights), pairChange: shifted(new Map(), before.pairs, after.pairs, true) };
}

/** `kept` − `before` + `after`, key by key; a key down to zero goes (a recount has no row for it), unless `keepZero`. */
function shifted(kept: Map<string, number>, before: Map<string, number>, after: Map<string, number>, keepZero = false): Map<string, number> {
  const out = new Map(kept);
  const move = (key: string, n: number) => {
    const value = (out.get(key) ?? 0) + n;
    if (value === 0 && !keepZero) out.delete(key);
    else out.set(key, value);
  };
  for (const [key, n] of before) move(key, -n);
  for (const [key, n] of after) move(key, n);
  return out;
}

const moneyKey = (r: MoneyRow) => `${r.currency}\u0000${r.approximate}`;
const fundingKey = (r: Funding) => `${r.funder}\u0000${r.collectivityId ?? ''}\u0000${r.funderId ?? ''}\u0000${r.currency ?? ''}\u0000${r.approximate}`;

/**
 * Rows of sums (an amount and a count per group) shifted group by group. A group whose count falls
 * to zero goes; its amount is then zero too, up to rounding, which a sum taken off can leave
 * (amounts are decimals): it is rounded to the cent's hundredth, where the stored amounts end.
 */
function rows<R extends MoneyRow | Funding>(kept: R[], before: R[], after: R[], key: (r: R) => string): R[] {
  const out = new Map(kept.map((r) => [key(r), { ...r }]));
  const move = (r: R, sign: 1 | -1) => {
    const k = key(r);
    const row = out.get(k) ?? ({ ...r, amount: 0, count: 0 } as R);
    row.amount = round(row.amount + sign * r.amount);
    row.count += sign * r.count;
    if (row.count === 0) out.delete(k);
    else out.set(k, row);
  };
  for (const r of before) move(r, -1);
  for (const r of after) move(r, 1);
  return [...out.values()];
}

const round = (amount: number) => Math.round(amount * 10_000) / 10_000;
