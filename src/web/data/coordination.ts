/**
 * Who else works with the same partners, and who else works on the same domains in the same
 * region: the coordination view of a collectivity's page. Read from the store with a few
 * indexed queries, whatever the directory's size; long lists are cut (the page says so).
 */
import { sql, type Kysely } from 'kysely';
import type { Collectivity, Domain } from '../../model/schema.js';
import { foldKey as fold } from '../../text/fold.js';
import { groupBy } from '../../store/records/columns.js';
import { chunks } from '../../store/records/writer.js';
import { Lru } from '../../lru.js';
import type { Database } from '../../store/tables.js';
import type { PlacedProject, PublicPartnership } from './records.js';

/**
 * What coordination reads of a snapshot (directory.ts's Directory, not imported: it warms these
 * lists). The object stands for its version of the store: what is read is kept with it.
 */
export interface Snapshot {
  readonly id: string;
  readonly domain: ReadonlyMap<string, Domain>;
  readonly domains: readonly Domain[];
  readonly childDomains: ReadonlyMap<string, readonly Domain[]>;
  readonly collectivities: readonly Collectivity[];
  readonly collectivity: ReadonlyMap<string, Collectivity>;
}

/** Partnerships of the same region searched for common domains (the first, in the book's order). */
export const REGION_CANDIDATES = 500;
/** Entries listed per partner and per domain (with their total): a large directory's page stays readable. */
export const COORDINATION_SHOWN = 20;
/** Partnerships named per collectivity in the "same partner" lists. */
const PARTNERSHIPS_NAMED = 5;

/** What coordination needs of a partnership: who is party to it (its record, or a list's line of it). */
export interface PartiesOf {
  parties: readonly { collectivityId: string; country: string }[];
}

/** The collectivities on the other side of a partnership from `collectivity` (by country). */
export function counterpartsIn(partnership: PartiesOf, collectivity: Pick<Collectivity, 'id' | 'country'>): string[] {
  return unique(partnership.parties.filter((p) => p.country !== collectivity.country).map((p) => p.collectivityId));
}

export interface SamePartner {
  partnerId: string;
  /** collectivities of the same country as the page's, also partners of `partnerId`, with those partnerships (the first COORDINATION_SHOWN) */
  others: { collectivityId: string; partnershipIds: string[] }[];
  /** how many there are */
  othersTotal: number;
}

/** A partner's collectivities of one country (the first COORDINATION_SHOWN + 1, in the book's order), and how many: one's page leaves itself out. */
type PartnersOfCountry = { others: { collectivityId: string; partnershipIds: string[] }[]; total: number };

/**
 * Per snapshot (`dir`, a new one with each version of the store): each partner's collectivities of
 * a country, read once. They do not depend on the page: the partners most often named (a capital
 * city in thousands of partnerships) are those of most pages, and each took a window over all of
 * their partnerships' parties, tens to hundreds of milliseconds, for every page naming them.
 */
const partnersOfCountry = new WeakMap<object, Lru<string, Promise<PartnersOfCountry>>>();
/** Partners kept per snapshot: a few hundred bytes each. */
const PARTNERS_KEPT = 4096;

/** For each partner of `collectivity` (from its partnerships `own`; the first COORDINATION_SHOWN): the others of its side working with that partner. */
export async function samePartners(
  db: Kysely<Database>,
  dir: Pick<Snapshot, 'id'>,
  collectivity: Collectivity,
  own: readonly PartiesOf[],
): Promise<{ partnerIds: string[]; samePartners: SamePartner[] }> {
  const partnerIds = unique(own.flatMap((p) => counterpartsIn(p, collectivity)));
  // the first partners only: a commune with thousands of partnerships had a hundred sections
  const result = await Promise.all(
    partnerIds.slice(0, COORDINATION_SHOWN).map(async (partnerId) => {
      const { others, total } = await partnersOf(db, dir, partnerId, collectivity.country);
      const without = others.filter((o) => o.collectivityId !== collectivity.id);
      // the page's collectivity is counted: among those read, or after them when they were cut
      const counted = without.length < others.length || others.length > COORDINATION_SHOWN;
      return { partnerId, others: without.slice(0, COORDINATION_SHOWN), othersTotal: total - (counted ? 1 : 0) };
    }),
  );
  return { partnerIds, samePartners: result };
}

/** `partnerId`'s collectivities of `country`, kept with the snapshot. */
function partnersOf(db: Kysely<Database>, dir: Pick<Snapshot, 'id'>, partnerId: string, country: string): Promise<PartnersOfCountry> {
  const cache = partnersOfCountry.get(dir) ?? new Lru(PARTNERS_KEPT);
  partnersOfCountry.set(dir, cache);
  const key = `${partnerId}\u0000${country}`;
  const found = cache.get(key);
  if (found !== undefined) return found;
  const read = othersWith(db, dir.id, country, partnerId);
  cache.set(key, read);
  read.catch(() => cache.delete(key));
  return read;
}

/**
 * Reads ahead, in turn, what the pages of `dir`'s collectivities share: every region's
 * partnerships, and the collectivities of each other country of the partners in `hubs` (the most
 * connected first: those most pages name). The server's warm-up.
 */
export async function warmCoordination(db: Kysely<Database>, dir: Pick<Snapshot, 'id' | 'collectivities' | 'collectivity'>, hubs: readonly string[]): Promise<void> {
  const byRegion = new Map<string, { country: string; region: string; members: string[] }>();
  for (const c of dir.collectivities) {
    if (c.region === undefined) continue;
    const key = `${c.country}\u0000${c.region}`;
    const entry = byRegion.get(key) ?? { country: c.country, region: c.region, members: [] };
    entry.members.push(c.id);
    byRegion.set(key, entry);
  }
  for (const { country, region, members } of byRegion.values()) if (members.length > 1) await regionPartnerships(db, dir, country, region, members);
  const countries = unique(dir.collectivities.map((c) => c.country));
  for (const hub of hubs) {
    const c = dir.collectivity.get(hub);
    if (c === undefined) continue;
    for (const country of countries) if (country !== c.country) await partnersOf(db, dir, hub, country);
    // a hub is often most of its region's partnerships: its own reading of them
    const members = c.region === undefined ? undefined : byRegion.get(`${c.country}\u0000${c.region}`)?.members;
    if (members !== undefined && members.length > 1) await regionCandidates(db, dir, c, members);
  }
}

/**
 * The collectivities of `country` party to partnerships with `partnerId`, in the book's order of
 * their first such partnership, each with its first PARTNERSHIPS_NAMED of them; the first
 * COORDINATION_SHOWN + 1 only, and how many there are. The parties are read through the partner's
 * index (one row per party of the country: 4 458 for the most connected partner of the 100 000
 * partnerships' bench, in a third of the time a ranking window in SQL took) and ranked here.
 */
async function othersWith(db: Kysely<Database>, directoryId: string, country: string, partnerId: string): Promise<PartnersOfCountry> {
  const rows = await db
    .selectFrom('partnership_parties as partner')
    .crossJoin('partnerships as s')
    .crossJoin('partnership_parties as other')
    .whereRef('s.directory_id', '=', 'partner.directory_id')
    .whereRef('s.id', '=', 'partner.partnership_id')
    .whereRef('other.directory_id', '=', 'partner.directory_id')
    .whereRef('other.partnership_id', '=', 'partner.partnership_id')
    .where('partner.directory_id', '=', directoryId)
    .where('partner.collectivity_id', '=', partnerId)
    .where('other.country', '=', country)
    .select(['other.collectivity_id as collectivityId', 'other.partnership_id as partnershipId', 's.position as partnershipPosition', 'other.position as partyPosition'])
    .execute();
  return firstOthers(rows.map((r) => ({ ...r, partnershipPosition: Number(r.partnershipPosition), partyPosition: Number(r.partyPosition) })));
}

/** A party of a partnership with the partner, and where it stands in the book. */
interface PartyPlace {
  collectivityId: string;
  partnershipId: string;
  partnershipPosition: number;
  partyPosition: number;
}

/**
 * The collectivities of the parties, in the book's order of their first partnership (then of their
 * place in it), each with its first PARTNERSHIPS_NAMED partnerships; the first COORDINATION_SHOWN + 1,
 * and how many there are. A party named twice in a partnership counts once.
 */
function firstOthers(parties: readonly PartyPlace[]): PartnersOfCountry {
  const inOrder = [...parties].sort(
    (a, b) =>
      a.partnershipPosition - b.partnershipPosition ||
      (a.partnershipId < b.partnershipId ? -1 : a.partnershipId > b.partnershipId ? 1 : 0) ||
      a.partyPosition - b.partyPosition,
  );
  const named = new Map<string, string[]>(); // in the order of their first partnership
  for (const party of inOrder) {
    const partnerships = named.get(party.collectivityId);
    if (partnerships === undefined) named.set(party.collectivityId, [party.partnershipId]);
    else if (partnerships.length < PARTNERSHIPS_NAMED && !partnerships.includes(party.partnershipId)) partnerships.push(party.partnershipId);
  }
  const others = [...named].slice(0, COORDINATION_SHOWN + 1).map(([collectivityId, partnershipIds]) => ({ collectivityId, partnershipIds }));
  return { others, total: named.size };
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
export function sameDomainCodes(dir: Pick<Snapshot, 'domain' | 'domains' | 'childDomains'>, code: string): Set<string> {
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
  dir: Pick<Snapshot, 'id' | 'domain' | 'domains' | 'childDomains' | 'collectivities'>,
  collectivity: Collectivity,
  codes: ReadonlySet<string>,
): Promise<SameRegionDomain[]> {
  const region = collectivity.region;
  if (region === undefined || codes.size === 0) return [];
  const members = dir.collectivities.filter((c) => c.region === region && c.country === collectivity.country).map((c) => c.id);
  if (!members.some((id) => id !== collectivity.id)) return dir.domains.filter((d) => codes.has(d.code)).map((d) => ({ code: d.code, others: [], othersTotal: 0 }));

  const { candidates, filed } = await regionCandidates(db, dir, collectivity, members);

  return dir.domains
    .filter((d) => codes.has(d.code))
    .map(({ code }) => {
      const same = sameDomainCodes(dir, code);
      const others = candidates.filter((c) => filedUnder(filed.get(c.partnershipId), same));
      return { code, others: others.slice(0, COORDINATION_SHOWN), othersTotal: others.length };
    });
}

/**
 * The partnerships of the others of `collectivity`'s region (`members`, itself included), the
 * first REGION_CANDIDATES: from the region's, read once for all its collectivities' pages, its
 * own left out; for a collectivity party to most of its region's first partnerships (a capital
 * city), its own reading, kept with the snapshot too.
 */
async function regionCandidates(
  db: Kysely<Database>,
  dir: Pick<Snapshot, 'id'>,
  collectivity: Collectivity,
  members: readonly string[],
): Promise<Pick<RegionPartnerships, 'candidates' | 'filed'>> {
  const read = await regionPartnerships(db, dir, collectivity.country, collectivity.region ?? '', members);
  const candidates = read.candidates.filter((c) => !c.collectivityIds.includes(collectivity.id));
  if (candidates.length >= REGION_CANDIDATES || !read.cut) return { candidates: candidates.slice(0, REGION_CANDIDATES), filed: read.filed };
  const cache = ownReadings.get(dir) ?? new Lru(REGIONS_KEPT);
  ownReadings.set(dir, cache);
  if (cache.get(collectivity.id) !== undefined) return cache.get(collectivity.id)!;
  const reading = (async () => {
    const own = await candidatesOf(db, dir.id, members.filter((id) => id !== collectivity.id), collectivity.id, REGION_CANDIDATES);
    return { candidates: own, filed: await domainsFiled(db, dir.id, own.map((c) => c.partnershipId)) };
  })();
  cache.set(collectivity.id, reading);
  reading.catch(() => cache.delete(collectivity.id));
  return reading;
}

/** Per snapshot: the readings of those collectivities (a few per region). */
const ownReadings = new WeakMap<object, Lru<string, Promise<Pick<RegionPartnerships, 'candidates' | 'filed'>>>>();

/** A region's collectivities' first partnerships, in the book's order, each with those of them party to it; whether there are more; their domain codes. */
type RegionPartnerships = { candidates: { partnershipId: string; collectivityIds: string[] }[]; cut: boolean; filed: Map<string, Set<string>> };

/**
 * Per snapshot: each region's partnerships, read once. Every page of a region's collectivities
 * looked for the same partnerships but its own (a window over every party of the region's
 * collectivities, then the domains of 500 partnerships: 100 to 300 ms each time at 1 000 000
 * projects). Twice REGION_CANDIDATES are kept, so that after a page leaves its own out there
 * remain enough, but for the region's largest (read apart).
 */
const regions = new WeakMap<object, Lru<string, Promise<RegionPartnerships>>>();
const REGIONS_KEPT = 256;

function regionPartnerships(
  db: Kysely<Database>,
  dir: Pick<Snapshot, 'id'>,
  country: string,
  region: string,
  members: readonly string[],
): Promise<RegionPartnerships> {
  const cache = regions.get(dir) ?? new Lru(REGIONS_KEPT);
  regions.set(dir, cache);
  const key = `${country}\u0000${region}`;
  const found = cache.get(key);
  if (found !== undefined) return found;
  const read = (async () => {
    const limit = 2 * REGION_CANDIDATES;
    const candidates = await candidatesOf(db, dir.id, members, undefined, limit);
    return { candidates, cut: candidates.length >= limit, filed: await domainsFiled(db, dir.id, candidates.map((c) => c.partnershipId)) };
  })();
  cache.set(key, read);
  read.catch(() => cache.delete(key));
  return read;
}

/**
 * The first `limit` partnerships, in the book's order, that any of `members` is party to but not
 * `without`, each with those of `members` party to it. Cut in SQL: a region's communes are party
 * to thousands, which crossed to the serving thread to be cut here (a GROUP BY … LIMIT made
 * SQLite's planner scan every party of the directory).
 */
async function candidatesOf(
  db: Kysely<Database>,
  directoryId: string,
  members: readonly string[],
  without: string | undefined,
  limit: number,
): Promise<{ partnershipId: string; collectivityIds: string[] }[]> {
  if (members.length === 0) return [];
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
    .where('party.directory_id', '=', directoryId)
    .where('party.collectivity_id', 'in', members)
    .$if(without !== undefined, (q) =>
      q.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('partnership_parties as own')
              .select('own.partnership_id')
              .whereRef('own.directory_id', '=', 'party.directory_id')
              .whereRef('own.partnership_id', '=', 'party.partnership_id')
              .where('own.collectivity_id', '=', without!),
          ),
        ),
      ),
    );
  const parties = await db
    .selectFrom(ranked.as('ranked'))
    .select(['partnership_id', 'collectivity_id'])
    .where('candidate', '<=', limit)
    .orderBy('partnership_position')
    .orderBy('party_position')
    .execute();
  return [...groupBy(parties, (row) => row.partnership_id, (row) => row.collectivity_id)].map(([partnershipId, ids]) => ({ partnershipId, collectivityIds: unique(ids) }));
}

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
