/**
 * The census as suggestions need it, counted per collectivity: where it is (country, kind grouped,
 * level, region), how many partnerships it is party to, with whom (across the countries), and in
 * which domains. Small whatever the directory's size (a count per collectivity, per pair of
 * partners and per collectivity and domain): read once per version of the store (`graphFromStore`,
 * aggregates in SQL), or built from plain partnerships (`buildGraph`: a document, the leave-one-out
 * evaluation).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

export interface GraphPlace {
  country: string;
  /** the kind, grouped (an urban and a rural commune are communes) */
  kind: string;
  /** the kind's level in its country: municipal, intermediate, regional, grouping */
  level?: string | undefined;
  region?: string | undefined;
}

export interface PartnerGraph {
  places: ReadonlyMap<string, GraphPlace>;
  /** partnerships per collectivity */
  weight: ReadonlyMap<string, number>;
  /** collectivity → its partners in other countries → partnerships together */
  partners: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** collectivity → domain key → its filings under it (its partnerships' and their projects'): how active it is there */
  domains: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** A partnership as the graph counts it. */
export interface GraphPartnership {
  parties: readonly { collectivityId: string; country: string }[];
  /** the keys of its domains and of its projects' (one per filing: as the store counts them) */
  domains: Iterable<string>;
}

export function buildGraph(places: ReadonlyMap<string, GraphPlace>, partnerships: Iterable<GraphPartnership>): PartnerGraph {
  const weight = new Map<string, number>();
  const partners = new Map<string, Map<string, number>>();
  const domains = new Map<string, Map<string, number>>();
  for (const p of partnerships) {
    const ids = [...new Map(p.parties.map((party) => [party.collectivityId, party.country]))];
    const keys = [...p.domains];
    for (const [id, country] of ids) {
      weight.set(id, (weight.get(id) ?? 0) + 1);
      for (const [other, otherCountry] of ids) if (otherCountry !== country) bump(partners, id, other, 1);
      for (const key of keys) bump(domains, id, key, 1);
    }
  }
  return { places, weight, partners, domains };
}

/**
 * The graph of a directory in the store: four GROUP BY reads (tens of thousands of rows at most
 * at 1 000 000 projects, but each reads the whole directory: once per version of the store). `domainKey` maps a domain code to its comparison key.
 */
export async function graphFromStore(
  db: Kysely<Database>,
  directoryId: string,
  places: ReadonlyMap<string, GraphPlace>,
  domainKey: (code: string) => string,
): Promise<PartnerGraph> {
  const [weights, pairs, ownFilings, projectFilings] = await Promise.all([
    db
      .selectFrom('partnership_parties')
      .select(['collectivity_id', (eb) => eb.fn.count<number | string>('partnership_id').distinct().as('n')])
      .where('directory_id', '=', directoryId)
      .groupBy('collectivity_id')
      .execute(),
    db
      .selectFrom('partnership_parties as a')
      .innerJoin('partnership_parties as b', (j) => j.onRef('a.directory_id', '=', 'b.directory_id').onRef('a.partnership_id', '=', 'b.partnership_id'))
      .select(['a.collectivity_id as a', 'b.collectivity_id as b', (eb) => eb.fn.count<number | string>('a.partnership_id').distinct().as('n')])
      .where('a.directory_id', '=', directoryId)
      .whereRef('a.country', '<>', 'b.country')
      .groupBy(['a.collectivity_id', 'b.collectivity_id'])
      .execute(),
    // filings per party and domain: the partnership's own, then its projects' (two plain GROUP BYs:
    // a UNION with COUNT(DISTINCT) of partnerships took seconds at 100 000 projects)
    db
      .selectFrom('partnership_domains as filed')
      .innerJoin('partnership_parties as party', (j) => j.onRef('party.directory_id', '=', 'filed.directory_id').onRef('party.partnership_id', '=', 'filed.partnership_id'))
      .select(['party.collectivity_id', 'filed.domain_code', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('filed.directory_id', '=', directoryId)
      .groupBy(['party.collectivity_id', 'filed.domain_code'])
      .execute(),
    db
      .selectFrom('project_domains as filed')
      .innerJoin('projects', (j) => j.onRef('projects.directory_id', '=', 'filed.directory_id').onRef('projects.id', '=', 'filed.project_id'))
      .innerJoin('partnership_parties as party', (j) => j.onRef('party.directory_id', '=', 'projects.directory_id').onRef('party.partnership_id', '=', 'projects.partnership_id'))
      .select(['party.collectivity_id', 'filed.domain_code', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('filed.directory_id', '=', directoryId)
      .groupBy(['party.collectivity_id', 'filed.domain_code'])
      .execute(),
  ]);
  const partners = new Map<string, Map<string, number>>();
  for (const row of pairs) bump(partners, row.a, row.b, Number(row.n));
  // a count of activity (filings), not of partnerships: a partnership filed under a domain with three of its projects counts four
  const domains = new Map<string, Map<string, number>>();
  for (const row of [...ownFilings, ...projectFilings]) bump(domains, row.collectivity_id, domainKey(row.domain_code), Number(row.n));
  return { places, weight: new Map(weights.map((row) => [row.collectivity_id, Number(row.n)])), partners, domains };
}

function bump(map: Map<string, Map<string, number>>, a: string, b: string, n: number): void {
  let inner = map.get(a);
  if (inner === undefined) {
    inner = new Map();
    map.set(a, inner);
  }
  inner.set(b, (inner.get(b) ?? 0) + n);
}
