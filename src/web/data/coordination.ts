/**
 * Who else works with the same partners, and who else works on the same domains in the same
 * region: the coordination view of a collectivity's page. Read from the store with a few
 * indexed queries, whatever the directory's size; long lists are cut (the page says so).
 */
import { sql, type Kysely } from 'kysely';
import type { Collectivity } from '../../model/schema.js';
import { foldKey as fold } from '../../text/fold.js';
import { groupBy } from '../../store/records/columns.js';
import { chunks } from '../../store/records/writer.js';
import type { Database } from '../../store/tables.js';
import type { Directory } from './directory.js';
import type { PlacedProject, PublicPartnership } from './records.js';

/** Partnerships of the same region searched for common domains (the first, in the book's order). */
export const REGION_CANDIDATES = 500;
/** Entries listed per partner and per domain (with their total): a large directory's page stays readable. */
export const COORDINATION_SHOWN = 20;
/** Partnerships named per collectivity in the "same partner" lists. */
const PARTNERSHIPS_NAMED = 5;

/** The collectivities on the other side of a partnership from `collectivity` (by country). */
export function counterpartsIn(partnership: Pick<PublicPartnership, 'parties'>, collectivity: Pick<Collectivity, 'id' | 'country'>): string[] {
  return unique(partnership.parties.filter((p) => p.country !== collectivity.country).map((p) => p.collectivityId));
}

export interface SamePartner {
  partnerId: string;
  /** collectivities of the same country as the page's, also partners of `partnerId`, with those partnerships (the first COORDINATION_SHOWN) */
  others: { collectivityId: string; partnershipIds: string[] }[];
  /** how many there are */
  othersTotal: number;
}

/** For each partner of `collectivity` (from its partnerships `own`; the first COORDINATION_SHOWN): the others of its side working with that partner. */
export async function samePartners(
  db: Kysely<Database>,
  directoryId: string,
  collectivity: Collectivity,
  own: readonly PublicPartnership[],
): Promise<{ partnerIds: string[]; samePartners: SamePartner[] }> {
  const partnerIds = unique(own.flatMap((p) => counterpartsIn(p, collectivity)));
  // the first partners only (a query each): a commune with thousands of partnerships had a hundred sections
  const result = await Promise.all(partnerIds.slice(0, COORDINATION_SHOWN).map((partnerId) => othersWith(db, directoryId, collectivity, partnerId)));
  return { partnerIds, samePartners: result };
}

/**
 * The collectivities of `collectivity`'s side also party to partnerships with `partnerId`, in the
 * book's order of their first such partnership, each with its first PARTNERSHIPS_NAMED of them;
 * the first COORDINATION_SHOWN only, and how many there are. Counted and cut in SQL: a partner of
 * hundreds of partnerships gave thousands of rows, which crossed to the serving thread to be cut.
 */
async function othersWith(db: Kysely<Database>, directoryId: string, collectivity: Collectivity, partnerId: string): Promise<SamePartner> {
  // each (collectivity, partnership) once, at its first place in the book's order
  const pairs = db
    .selectFrom('partnership_parties as partner')
    .innerJoin('partnership_parties as other', (join) =>
      join.onRef('other.partnership_id', '=', 'partner.partnership_id').onRef('other.directory_id', '=', 'partner.directory_id'),
    )
    .innerJoin('partnerships', (join) => join.onRef('partnerships.id', '=', 'partner.partnership_id').onRef('partnerships.directory_id', '=', 'partner.directory_id'))
    .select((eb) => [
      'other.collectivity_id',
      'other.partnership_id',
      'partnerships.position as partnership_position',
      'other.position as party_position',
      sql<number>`row_number() over (partition by ${eb.ref('other.collectivity_id')}, ${eb.ref('other.partnership_id')} order by ${eb.ref('other.position')})`.as('seen'),
    ])
    .where('partner.directory_id', '=', directoryId)
    .where('partner.collectivity_id', '=', partnerId)
    .where('other.country', '=', collectivity.country)
    .where('other.collectivity_id', '!=', collectivity.id);
  // each collectivity's partnerships numbered, and where it first appears
  const numbered = db
    .selectFrom(pairs.as('pairs'))
    .select((eb) => [
      'collectivity_id',
      'partnership_id',
      'partnership_position',
      'party_position',
      sql<number>`row_number() over (partition by ${eb.ref('collectivity_id')} order by ${eb.ref('partnership_position')}, ${eb.ref('party_position')})`.as('nth'),
      sql<number>`first_value(${eb.ref('partnership_position')}) over (partition by ${eb.ref('collectivity_id')} order by ${eb.ref('partnership_position')}, ${eb.ref('party_position')})`.as('first_partnership'),
      sql<number>`first_value(${eb.ref('party_position')}) over (partition by ${eb.ref('collectivity_id')} order by ${eb.ref('partnership_position')}, ${eb.ref('party_position')})`.as('first_party'),
    ])
    .where('seen', '=', 1);
  const ranked = db
    .selectFrom(numbered.as('numbered'))
    .select((eb) => [
      'collectivity_id',
      'partnership_id',
      'nth',
      sql<number>`dense_rank() over (order by ${eb.ref('first_partnership')}, ${eb.ref('first_party')}, ${eb.ref('collectivity_id')})`.as('rank'),
      sql<number>`sum(case when ${eb.ref('nth')} = 1 then 1 else 0 end) over ()`.as('total'),
    ]);
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .select(['collectivity_id', 'partnership_id', 'total'])
    .where('rank', '<=', COORDINATION_SHOWN)
    .where('nth', '<=', PARTNERSHIPS_NAMED)
    .orderBy('rank')
    .orderBy('nth')
    .execute();
  const others = groupBy(rows, (row) => row.collectivity_id, (row) => row.partnership_id);
  return {
    partnerId,
    others: [...others].map(([collectivityId, partnershipIds]) => ({ collectivityId, partnershipIds })),
    othersTotal: Number(rows[0]?.total ?? 0),
  };
}

/** Domain codes of a partnership and of its projects. */
export function domainsOfPartnership(partnership: Pick<PublicPartnership, 'domains'>, projects: readonly Pick<PlacedProject, 'domains'>[]): Set<string> {
  const codes = new Set(partnership.domains ?? []);
  for (const project of projects) for (const code of project.domains ?? []) codes.add(code);
  return codes;
}

/**
 * The codes that count as "the same domain" as `code`: itself, its sub-domains, and the domains
 * printed with the same label elsewhere in the tree ("Eau & assainissement" is both urban
 * development and environment), "Autres" excepted.
 */
export function sameDomainCodes(dir: Pick<Directory, 'domain' | 'domains' | 'childDomains'>, code: string): Set<string> {
  const domain = dir.domain.get(code);
  const codes = new Set([code, ...(dir.childDomains.get(code) ?? []).map((d) => d.code)]);
  if (domain !== undefined && fold(domain.label) !== 'autres') {
    for (const other of dir.domains) if (fold(other.label) === fold(domain.label)) codes.add(other.code);
  }
  return codes;
}

export interface SameRegionDomain {
  code: string;
  /** partnerships of others in the same region, with the collectivities of that region in them (the first COORDINATION_SHOWN) */
  others: { partnershipId: string; collectivityIds: string[] }[];
  othersTotal: number;
}

/**
 * For each domain of `collectivity`'s work (`codes`, in the taxonomy's order): the partnerships
 * of other collectivities of its side and region filed under the same domain (partnership or
 * project), with those collectivities.
 */
export async function sameRegion(
  db: Kysely<Database>,
  dir: Pick<Directory, 'id' | 'domain' | 'domains' | 'childDomains' | 'collectivities'>,
  collectivity: Collectivity,
  codes: ReadonlySet<string>,
): Promise<SameRegionDomain[]> {
  const region = collectivity.region;
  if (region === undefined || codes.size === 0) return [];
  const neighbours = dir.collectivities.filter((c) => c.region === region && c.country === collectivity.country && c.id !== collectivity.id).map((c) => c.id);
  if (neighbours.length === 0) return dir.domains.filter((d) => codes.has(d.code)).map((d) => ({ code: d.code, others: [], othersTotal: 0 }));

  // the parties of the first REGION_CANDIDATES partnerships of the neighbours (not the collectivity's
  // own), cut in SQL: a region's communes are party to thousands, which crossed to the serving
  // thread to be cut here (a GROUP BY … LIMIT made SQLite's planner scan every party of the directory)
  const ranked = db
    .selectFrom('partnership_parties as party')
    .innerJoin('partnerships', (join) => join.onRef('partnerships.id', '=', 'party.partnership_id').onRef('partnerships.directory_id', '=', 'party.directory_id'))
    .select((eb) => [
      'party.partnership_id',
      'party.collectivity_id',
      'partnerships.position as partnership_position',
      'party.position as party_position',
      sql<number>`dense_rank() over (order by ${eb.ref('partnerships.position')})`.as('candidate'),
    ])
    .where('party.directory_id', '=', dir.id)
    .where('party.collectivity_id', 'in', neighbours)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('partnership_parties as own')
            .select('own.partnership_id')
            .whereRef('own.directory_id', '=', 'party.directory_id')
            .whereRef('own.partnership_id', '=', 'party.partnership_id')
            .where('own.collectivity_id', '=', collectivity.id),
        ),
      ),
    );
  const parties = await db
    .selectFrom(ranked.as('ranked'))
    .select(['partnership_id', 'collectivity_id'])
    .where('candidate', '<=', REGION_CANDIDATES)
    .orderBy('partnership_position')
    .orderBy('party_position')
    .execute();
  const regionParties = new Map([...groupBy(parties, (row) => row.partnership_id, (row) => row.collectivity_id)].map(([id, ids]) => [id, unique(ids)]));
  const candidates = [...regionParties.keys()];
  const filed = await domainsFiled(db, dir.id, candidates);

  return dir.domains
    .filter((d) => codes.has(d.code))
    .map(({ code }) => {
      const same = sameDomainCodes(dir, code);
      const others = candidates
        .filter((id) => filedUnder(filed.get(id), same))
        .map((partnershipId) => ({ partnershipId, collectivityIds: regionParties.get(partnershipId) ?? [] }));
      return { code, others: others.slice(0, COORDINATION_SHOWN), othersTotal: others.length };
    });
}

/** The domain codes each partnership is filed under, itself or through its projects. */
/**
 * Ids per statement when reading the domains of many partnerships: with a hundred ids or more,
 * SQLite's planner (on sampled statistics) scanned a whole directory's filings through the domain
 * index — 120 ms for 500 candidates at 100 000 partnerships — instead of seeking each id.
 */
const DOMAIN_LOOKUPS = 50;

async function domainsFiled(db: Kysely<Database>, directoryId: string, partnershipIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const filed = new Map<string, Set<string>>();
  const rows = await Promise.all(
    chunks(partnershipIds, DOMAIN_LOOKUPS).flatMap((ids) => [
      db
        .selectFrom('partnership_domains')
        .select(['partnership_id', 'domain_code'])
        .where('directory_id', '=', directoryId)
        .where('partnership_id', 'in', ids)
        .execute(),
      db
        .selectFrom('projects')
        .innerJoin('project_domains', (join) => join.onRef('project_domains.project_id', '=', 'projects.id').onRef('project_domains.directory_id', '=', 'projects.directory_id'))
        .select(['projects.partnership_id', 'project_domains.domain_code'])
        .distinct()
        .where('projects.directory_id', '=', directoryId)
        .where('projects.partnership_id', 'in', ids)
        .execute(),
    ]),
  );
  for (const row of rows.flat()) {
    const codes = filed.get(row.partnership_id) ?? new Set<string>();
    codes.add(row.domain_code);
    filed.set(row.partnership_id, codes);
  }
  return filed;
}

/** Whether any of a partnership's domain codes is one of `codes` (no copy: 500 candidates × every domain of the page). */
function filedUnder(filed: ReadonlySet<string> | undefined, codes: ReadonlySet<string>): boolean {
  if (filed !== undefined) for (const code of filed) if (codes.has(code)) return true;
  return false;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
