/**
 * The ids behind the site's lists, a page at a time, in the book's order (partnerships by their
 * position, projects by their partnership's then their own). The pages then read just those
 * records (see records.ts); the totals come from the figures (figures.ts).
 */
import type { Kysely } from 'kysely';
import type { Project } from '../../model/schema.js';
import { decodeFlag, orUndefined, present } from '../../store/codec.js';
import { groupBy } from '../../store/records/columns.js';
import { readProjectDomains } from '../../store/records/project.js';
import { CHUNK, chunks } from '../../store/records/writer.js';
import type { Database } from '../../store/tables.js';
import type { ProjectStatusName } from './figures.js';

export interface Window {
  offset: number;
  limit: number;
}

export async function partnershipIdsPage(
  db: Kysely<Database>,
  directoryId: string,
  filter: { tier?: 'full' | 'brief' },
  window: Window,
): Promise<string[]> {
  const rows = await db
    .selectFrom('partnerships')
    .select('id')
    .where('directory_id', '=', directoryId)
    .$if(filter.tier !== undefined, (q) => q.where('tier', '=', filter.tier!))
    .orderBy('position')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return rows.map((row) => row.id);
}

export async function projectIdsPage(
  db: Kysely<Database>,
  directoryId: string,
  filter: { status?: ProjectStatusName; pad?: boolean },
  window: Window,
): Promise<string[]> {
  const rows = await projectsInBookOrder(db, directoryId)
    .$if(filter.status !== undefined, (q) => q.where('projects.status', '=', filter.status!))
    .$if(filter.pad === true, (q) => q.where('projects.pad_cofinanced', '=', 1))
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The directory's project ids, by their partnership's position then their own: the book's order.
 * A CROSS JOIN, which SQLite takes as "partnerships first": it walks them in the order of their
 * position index and stops at the page, where an inner join read and sorted every project (2.5 s
 * for the first page of 1 000 000). PostgreSQL plans it as the join it is.
 */
function projectsInBookOrder(db: Kysely<Database>, directoryId: string) {
  return db
    .selectFrom('partnerships')
    .crossJoin('projects')
    .whereRef('projects.partnership_id', '=', 'partnerships.id')
    .whereRef('projects.directory_id', '=', 'partnerships.directory_id')
    .select('projects.id')
    .where('partnerships.directory_id', '=', directoryId)
    .orderBy('partnerships.position')
    .orderBy('projects.position');
}

/** The partnerships a collectivity is party to, in the book's order. */
export async function partnershipIdsOf(db: Kysely<Database>, directoryId: string, collectivityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partnership_parties as party')
    .innerJoin('partnerships', (join) => join.onRef('partnerships.id', '=', 'party.partnership_id').onRef('partnerships.directory_id', '=', 'party.directory_id'))
    .select(['partnerships.id', 'partnerships.position'])
    .distinct()
    .where('party.directory_id', '=', directoryId)
    .where('party.collectivity_id', '=', collectivityId)
    .orderBy('partnerships.position')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * A collectivity's other partnerships than `exceptId`: the first `limit` by id (the slugs of the
 * parties' names, so nearly by name), and how many there are. Both read the parties' index
 * alone: a partnership page stays fast beside a collectivity with thousands of partnerships,
 * where the book's order would read each of them.
 */
export async function otherPartnershipsOf(
  db: Kysely<Database>,
  directoryId: string,
  collectivityId: string,
  exceptId: string,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const others = db
    .selectFrom('partnership_parties')
    .where('directory_id', '=', directoryId)
    .where('collectivity_id', '=', collectivityId)
    .where('partnership_id', '<>', exceptId);
  const [rows, count] = await Promise.all([
    others.select('partnership_id').distinct().orderBy('partnership_id').limit(limit).execute(),
    others.select((eb) => eb.fn.count<number>('partnership_id').distinct().as('n')).executeTakeFirst(),
  ]);
  return { ids: rows.map((row) => row.partnership_id), total: Number(count?.n ?? 0) };
}

/** Partnerships filed under any of `codes`, in the book's order (the first `limit`). */
export async function partnershipIdsIn(db: Kysely<Database>, directoryId: string, codes: readonly string[], limit: number): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('partnerships')
    .select('id')
    .where('directory_id', '=', directoryId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('partnership_domains as filed')
          .select('filed.partnership_id')
          .whereRef('filed.partnership_id', '=', 'partnerships.id')
          .where('filed.directory_id', '=', directoryId)
          .where('filed.domain_code', 'in', codes),
      ),
    )
    .orderBy('position')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Projects filed under any of `codes`, in the book's order (the first `limit`). */
export async function projectIdsIn(db: Kysely<Database>, directoryId: string, codes: readonly string[], limit: number): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await projectsInBookOrder(db, directoryId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_domains as filed')
          .select('filed.project_id')
          .whereRef('filed.project_id', '=', 'projects.id')
          .where('filed.directory_id', '=', directoryId)
          .where('filed.domain_code', 'in', codes),
      ),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** How many projects each partnership has. */
export async function projectCounts(db: Kysely<Database>, directoryId: string, partnershipIds: readonly string[]): Promise<Map<string, number>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('projects')
    .select(['partnership_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('directory_id', '=', directoryId)
    .where('partnership_id', 'in', partnershipIds)
    .groupBy('partnership_id')
    .execute();
  return new Map(rows.map((row) => [row.partnership_id, Number(row.n)]));
}

/** The parties of some partnerships (enough for their titles), by partnership id. */
export async function partiesOf(
  db: Kysely<Database>,
  directoryId: string,
  partnershipIds: readonly string[],
): Promise<Map<string, { collectivityId: string; country: string }[]>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('partnership_parties')
    .select(['partnership_id', 'collectivity_id', 'country'])
    .where('directory_id', '=', directoryId)
    .where('partnership_id', 'in', partnershipIds)
    .orderBy('partnership_id')
    .orderBy('position')
    .execute();
  return groupBy(rows, (row) => row.partnership_id, (row) => ({ collectivityId: row.collectivity_id, country: row.country }));
}

/** What a link to a partnership needs (its tier, its parties), for lists of them. */
export interface PartnershipHead {
  id: string;
  tier: 'full' | 'brief';
  parties: { collectivityId: string; country: string }[];
}

/** The heads of the partnerships of `ids` that exist, in the order of `ids`; far cheaper than the records. */
export async function partnershipHeads(db: Kysely<Database>, directoryId: string, ids: readonly string[]): Promise<PartnershipHead[]> {
  if (ids.length === 0) return [];
  if (ids.length > CHUNK) return (await Promise.all(chunks(ids).map((slice) => partnershipHeads(db, directoryId, slice)))).flat();
  const [rows, parties] = await Promise.all([
    db.selectFrom('partnerships').select(['id', 'tier']).where('directory_id', '=', directoryId).where('id', 'in', ids).execute(),
    partiesOf(db, directoryId, ids),
  ]);
  const tiers = new Map(rows.map((row) => [row.id, row.tier as PartnershipHead['tier']]));
  return ids.flatMap((id) => {
    const tier = tiers.get(id);
    return tier === undefined ? [] : [{ id, tier, parties: parties.get(id) ?? [] }];
  });
}

/** What a line of a collectivity's list of partnerships needs: its head, its framework and date, its domains. */
export interface PartnershipLine extends PartnershipHead {
  legalFramework?: string;
  dateText?: string;
  signedDate?: string;
  domains: string[];
}

/**
 * The lines of the partnerships of `ids` that exist, in the order of `ids`. A collectivity's page
 * lists a hundred: their whole records (contacts, budgets, history, each made public) took most
 * of the page's reading on the serving thread. `redact` is the snapshot's, as for the records' text.
 */
export async function partnershipLines(db: Kysely<Database>, directoryId: string, ids: readonly string[], redact: (text: string) => string): Promise<PartnershipLine[]> {
  if (ids.length === 0) return [];
  if (ids.length > CHUNK) return (await Promise.all(chunks(ids).map((slice) => partnershipLines(db, directoryId, slice, redact)))).flat();
  const [rows, parties, domains] = await Promise.all([
    db
      .selectFrom('partnerships')
      .select(['id', 'tier', 'legal_framework', 'date_text', 'signed_date'])
      .where('directory_id', '=', directoryId)
      .where('id', 'in', ids)
      .execute(),
    partiesOf(db, directoryId, ids),
    db
      .selectFrom('partnership_domains')
      .select(['partnership_id', 'domain_code'])
      .where('directory_id', '=', directoryId)
      .where('partnership_id', 'in', ids)
      .orderBy('partnership_id')
      .orderBy('position')
      .execute(),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const domainsOf = groupBy(domains, (row) => row.partnership_id, (row) => row.domain_code);
  const text = (value: string | null) => (value === null ? undefined : redact(value));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (row === undefined) return [];
    return [
      present({
        id,
        tier: row.tier as PartnershipHead['tier'],
        parties: parties.get(id) ?? [],
        legalFramework: text(row.legal_framework),
        dateText: text(row.date_text),
        signedDate: orUndefined(row.signed_date),
        domains: domainsOf.get(id) ?? [],
      }),
    ];
  });
}

/** What a project's link and its domains need: far lighter than the record (no texts, partners or funding lines). */
export interface ProjectHead {
  id: string;
  partnershipId: string;
  title: string;
  status: Project['status'];
  padCofinanced?: boolean;
  periodText?: string;
  startDate?: string;
  endDate?: string;
  domains: string[];
}

/**
 * The projects of partnerships as heads, by partnership, each list in the book's order. A
 * collectivity's page lists a thousand projects by title: reading the whole records allocated
 * several MB a page. `redact` is the snapshot's, as for the records' text (titles are free text).
 */
export async function projectHeadsOf(
  db: Kysely<Database>,
  directoryId: string,
  partnershipIds: readonly string[],
  redact: (text: string) => string,
): Promise<Map<string, ProjectHead[]>> {
  const heads = new Map<string, ProjectHead[]>(partnershipIds.map((id) => [id, []]));
  for (const slice of chunks([...heads.keys()])) {
    const rows = await db
      .selectFrom('projects')
      .select(['id', 'partnership_id', 'title', 'status', 'pad_cofinanced', 'period_text', 'start_date', 'end_date'])
      .where('directory_id', '=', directoryId)
      .where('partnership_id', 'in', slice)
      .orderBy('partnership_id')
      .orderBy('position')
      .execute();
    // by the projects' ids, not joined to them: on sampled statistics SQLite would scan every domain row of the directory
    const domainsOf = await readProjectDomains(db, directoryId, rows.map((row) => row.id));
    for (const row of rows) {
      heads.get(row.partnership_id)!.push(
        present({
          id: row.id,
          partnershipId: row.partnership_id,
          title: redact(row.title),
          status: row.status as Project['status'],
          padCofinanced: decodeFlag(row.pad_cofinanced),
          periodText: orUndefined(row.period_text),
          startDate: orUndefined(row.start_date),
          endDate: orUndefined(row.end_date),
          domains: domainsOf.get(row.id) ?? [],
        }),
      );
    }
  }
  return heads;
}
