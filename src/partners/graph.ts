/**
 * The census as suggestions need it, counted per collectivity: where it is (country, kind grouped,
 * level, region), how many partnerships it is party to, with whom (across the countries), and in
 * which domains. Small whatever the directory's size (a count per collectivity, per pair of
 * partners and per collectivity and domain): read once per version of the store (`graphFromStore`,
 * aggregates in SQL), or built from plain partnerships (`buildGraph`: a document, the leave-one-out
 * evaluation).
 */
import { sql, type Kysely } from 'kysely';
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
  /** collectivity → domain key → partnerships filed under it (the partnership or one of its projects) */
  domains: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** A partnership as the graph counts it. */
export interface GraphPartnership {
  parties: readonly { collectivityId: string; country: string }[];
  /** the keys of its domains and of its projects' */
  domains: Iterable<string>;
}

export function buildGraph(places: ReadonlyMap<string, GraphPlace>, partnerships: Iterable<GraphPartnership>): PartnerGraph {
  const weight = new Map<string, number>();
  const partners = new Map<string, Map<string, number>>();
  const domains = new Map<string, Map<string, number>>();
  for (const p of partnerships) {
    const ids = [...new Map(p.parties.map((party) => [party.collectivityId, party.country]))];
    const keys = new Set(p.domains);
    for (const [id, country] of ids) {
      weight.set(id, (weight.get(id) ?? 0) + 1);
      for (const [other, otherCountry] of ids) if (otherCountry !== country) bump(partners, id, other, 1);
      for (const key of keys) bump(domains, id, key, 1);
    }
  }
  return { places, weight, partners, domains };
}

/**
 * The graph of a directory in the store: three GROUP BY reads (tens of thousands of rows at most
 * at 1 000 000 projects). `domainKey` maps a domain code to its comparison key.
 */
export async function graphFromStore(
  db: Kysely<Database>,
  directoryId: string,
  places: ReadonlyMap<string, GraphPlace>,
  domainKey: (code: string) => string,
): Promise<PartnerGraph> {
  const [weights, pairs, filed] = await Promise.all([
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
    // each partnership's domains, its own and its projects', then counted per party
    db
      .with('filed', (w) =>
        w
          .selectFrom('partnership_domains')
          .select(['partnership_id', 'domain_code'])
          .where('directory_id', '=', directoryId)
          .union(
            w
              .selectFrom('projects')
              .innerJoin('project_domains', (j) => j.onRef('project_domains.directory_id', '=', 'projects.directory_id').onRef('project_domains.project_id', '=', 'projects.id'))
              .select(['projects.partnership_id', 'project_domains.domain_code'])
              .where('projects.directory_id', '=', directoryId),
          ),
      )
      .selectFrom('filed')
      .innerJoin('partnership_parties as party', (j) => j.onRef('party.partnership_id', '=', 'filed.partnership_id'))
      .select(['party.collectivity_id', 'filed.domain_code', sql<number | string>`count(distinct ${sql.ref('filed.partnership_id')})`.as('n')])
      .where('party.directory_id', '=', directoryId)
      .groupBy(['party.collectivity_id', 'filed.domain_code'])
      .execute(),
  ]);
  const partners = new Map<string, Map<string, number>>();
  for (const row of pairs) bump(partners, row.a, row.b, Number(row.n));
  // two codes of one key (a label printed twice in the tree) count the same partnership twice: a count of activity, not of partnerships
  const domains = new Map<string, Map<string, number>>();
  for (const row of filed) bump(domains, row.collectivity_id, domainKey(row.domain_code), Number(row.n));
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
