/**
 * What the statistics are made of: counts and sums by group, as SQL returns them
 * (`aggregateStats` in `queries.ts`, the one place they are counted; the census's are kept in its
 * snapshot, `snapshot.ts`); `buildStats` turns them into the view model.
 */
import type { EditorialClaim, ImportIssue } from '../model/report.js';
import type { FunderCollectivity } from './funders.js';

export interface MoneyRow {
  currency: string;
  approximate: boolean;
  amount: number;
  count: number;
}

export interface Aggregates {
  directoryId: string | null;
  filtered: boolean;
  partnerships: number;
  /** decade ('1980') or 'unknown' → partnerships */
  byDecade: Map<string, number>;
  /** `${country}\u0000${kind}` → partnerships with a party of that kind on that side */
  byKind: Map<string, number>;
  /** domain code → partnerships with that exact domain */
  partnershipDomains: Map<string, number>;
  /** top domain code → partnerships with it or a sub-domain */
  partnershipFamilies: Map<string, number>;
  projects: number;
  byStatus: Map<string, number>;
  projectDomains: Map<string, number>;
  projectFamilies: Map<string, number>;
  /** partnership budgets, by the country of their collectivity ('' when none) */
  budgets: (MoneyRow & { country: string })[];
  projectCosts: MoneyRow[];
  projectsWithCost: number;
  /** funding lines grouped by funder text and collectivity; amounts null for lines without one */
  funding: { funder: string; collectivityId: string | null; funderId: string | null; currency: string | null; approximate: boolean; amount: number; count: number }[];
  pad: {
    count: number;
    costs: MoneyRow[];
    /** the PAD projects' funding lines, as `funding` (the PAD's are picked by funder group) */
    funding: Aggregates['funding'];
    rows: PadProject[];
  };
  domains: { code: string; label: string; parent: string | null }[];
  collectivities: FunderCollectivity[];
  reportIssues: ImportIssue[];
  /** the editorials' claims of the directory's latest import; none for a selection (a claim is about the whole census) */
  claims: EditorialClaim[];
}

export interface PadProject {
  projectId: string;
  partnershipId: string;
  title: string;
  status: string;
  partners: { name: string; role: string | null; collectivityId: string | null }[];
  totalCost: { amount: number; currency: string; approximate: boolean } | null;
  funding: { funder: string; collectivityId: string | null; funderId: string | null; amount: number | null; currency: string | null; approximate: boolean }[];
}

/** Aggregates of nothing: what a count starts from. */
export function emptyAggregates(directoryId: string | null, filtered: boolean): Aggregates {
  return {
    directoryId,
    filtered,
    partnerships: 0,
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
    domains: [],
    collectivities: [],
    reportIssues: [],
    claims: [],
  };
}

export function add<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The decade of a partial date ('1987-05' → '1980'), or 'unknown'. */
export function decadeOf(date: string | null | undefined): string {
  return date && /^\d{4}/.test(date) ? `${date.slice(0, 3)}0` : 'unknown';
}
