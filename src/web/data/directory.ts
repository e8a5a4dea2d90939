/**
 * The site's read model: the stored directory, read once with the store's own loaders, made
 * public (privacy.ts) and indexed for the pages. It is kept in memory and read again when the
 * store changes: every import logs a report, and every other change to the records (an editor's
 * edit or revert, an approved proposal, a consent, an erasure) logs an audit event in the same
 * transaction, so the newest report id, the newest such event and the list of directories make
 * the version stamp, checked with a few indexed reads per request.
 *
 * Two audiences: the public (named people's coordinates cut out, unless they consented to their
 * publication) and signed-in members (everything). Each snapshot is read when first asked for.
 *
 * Pages take a `Directory` snapshot and compute their view models from it; queries the store has
 * no loader for live beside this file and take `db` as first argument.
 */
import type { Kysely } from 'kysely';
import { RepertoireError } from '../../errors.js';
import type { Collectivity, Directory as DirectoryRecord, Domain, Partnership, Project } from '../../model/schema.js';
import { readDocument } from '../../store/load-document.js';
import { listDirectoryIds } from '../../store/records/directory.js';
import { listSources } from '../../store/sources.js';
import type { Database } from '../../store/tables.js';
import { Redactor, type Audience, type PublicContact } from './privacy.js';

export type { Audience };

/** The audit actions that change what the pages show (see src/accounts/audit.ts). */
export const RECORD_CHANGE_ACTIONS = ['record.edit', 'record.revert', 'proposal.approve', 'consent.set', 'person.erase'] as const;

export type PublicPartnership = Omit<Partnership, 'projects' | 'contacts'> & { contacts?: PublicContact[] };
export type PlacedProject = Project & { partnershipId: string };

export interface Directory {
  readonly stamp: string;
  /** who it was made for: the public, or signed-in members (named people's coordinates kept) */
  readonly audience: Audience;
  readonly id: string;
  readonly record: DirectoryRecord;
  readonly domains: readonly Domain[];
  readonly collectivities: readonly Collectivity[];
  readonly partnerships: readonly PublicPartnership[];
  readonly projects: readonly PlacedProject[];
  readonly domain: ReadonlyMap<string, Domain>;
  readonly childDomains: ReadonlyMap<string, readonly Domain[]>;
  readonly collectivity: ReadonlyMap<string, Collectivity>;
  readonly partnership: ReadonlyMap<string, PublicPartnership>;
  readonly project: ReadonlyMap<string, PlacedProject>;
  readonly projectsOf: ReadonlyMap<string, readonly PlacedProject[]>;
  /** partnerships a collectivity is party to, in directory order */
  readonly partnershipsOf: ReadonlyMap<string, readonly PublicPartnership[]>;
  /** the line of the source where each domain's heading was printed (the synthesis) */
  readonly domainLines: ReadonlyMap<string, number>;
  /** cuts named people's coordinates out of text that did not come through the snapshot (reports, search excerpts) */
  readonly redactor: Redactor;
}

/** The newest report id, the newest change to the records and the directories: changes whenever an import, an edit or an approval writes. */
export async function readStamp(db: Kysely<Database>): Promise<string> {
  const [row, change, ids] = await Promise.all([
    db
      .selectFrom('import_reports')
      .select((eb) => eb.fn.max('id').as('latest'))
      .executeTakeFirst(),
    latestRecordChange(db),
    listDirectoryIds(db),
  ]);
  return `${String(row?.latest ?? 0)}|${change}|${ids.join(',')}`;
}

/** Per store: the newest record change found among the audit events up to `upTo`. */
const seenAudit = new WeakMap<Kysely<Database>, { upTo: number; change: number }>();

/** How many of the newest audit events are searched on every request (a transaction may commit a lower id late). */
const RECENT_EVENTS = 1000;

/**
 * The id of the newest audit event that changed the records. The log only grows: the newest
 * events are searched on every request (an indexed range), the older ones once per process (and
 * again if the log shrank: a restore).
 */
async function latestRecordChange(db: Kysely<Database>): Promise<number> {
  const top = Number((await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('top')).executeTakeFirst())?.top ?? 0);
  const windowStart = Math.max(0, top - RECENT_EVENTS);
  const newest = (from: number, to: number) =>
    db
      .selectFrom('audit_events')
      .select('id')
      .where('id', '>', from)
      .where('id', '<=', to)
      .where('action', 'in', [...RECORD_CHANGE_ACTIONS])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
      .then((row) => Number(row?.id ?? 0));
  const recent = await newest(windowStart, top);
  let seen = seenAudit.get(db);
  if (seen === undefined || seen.upTo > top) {
    seen = { upTo: windowStart, change: await newest(0, windowStart) };
  }
  if (seen.upTo < windowStart) seen = { upTo: windowStart, change: Math.max(seen.change, await newest(seen.upTo, windowStart)) };
  seenAudit.set(db, seen);
  return Math.max(recent, seen.change);
}

/** The people who consented to the publication of their coordinates, by person key. */
export async function readConsents(db: Kysely<Database>, directoryId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('consents').select('person_key').where('directory_id', '=', directoryId).where('publish', '=', 1).execute();
  return new Set(rows.map((row) => row.person_key));
}

/** The directory the site shows: the one given, else the one last imported, else the only one. */
export async function chooseDirectoryId(db: Kysely<Database>, preferred?: string): Promise<string> {
  if (preferred !== undefined) return preferred;
  const latest = await db.selectFrom('import_reports').select('directory_id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const ids = await listDirectoryIds(db);
  if (latest !== undefined && ids.includes(latest.directory_id)) return latest.directory_id;
  if (ids[0] !== undefined) return ids[0];
  throw new RepertoireError('not-found', 'the store holds no directory yet: run `repertoire setup` or `repertoire import FILE`', 404);
}

export async function readSiteDirectory(db: Kysely<Database>, preferredId?: string, audience: Audience = 'public'): Promise<Directory> {
  const stamp = await readStamp(db);
  const id = await chooseDirectoryId(db, preferredId);
  const doc = await readDocument(db, id);
  if (doc === undefined) throw new RepertoireError('not-found', `the store holds no directory "${id}"`, 404);
  const sources = await listSources(db, id);
  const consents = audience === 'public' ? await readConsents(db, id) : new Set<string>();
  const redact = new Redactor(doc.partnerships, { audience, consents });

  const collectivities = doc.collectivities.map((c) => redact.collectivity(c));
  const partnerships: PublicPartnership[] = [];
  const projects: PlacedProject[] = [];
  for (const { projects: own, contacts, ...rest } of doc.partnerships) {
    const partnership: PublicPartnership = { ...redact.deep(rest) };
    if (contacts !== undefined) partnership.contacts = contacts.map((c) => redact.contact(c));
    partnerships.push(partnership);
    for (const project of own ?? []) projects.push({ ...redact.project(project), partnershipId: rest.id });
  }

  const childDomains = new Map<string, Domain[]>();
  for (const domain of doc.domains) {
    if (domain.parent !== undefined) push(childDomains, domain.parent, domain);
  }
  const projectsOf = new Map<string, PlacedProject[]>();
  for (const project of projects) push(projectsOf, project.partnershipId, project);
  const partnershipsOf = new Map<string, PublicPartnership[]>();
  for (const partnership of partnerships) {
    for (const collectivityId of new Set(partnership.parties.map((party) => party.collectivityId))) {
      push(partnershipsOf, collectivityId, partnership);
    }
  }
  const domainLines = new Map(
    sources.filter((source) => source.recordType === 'domain').map((source) => [source.recordId, source.lines[0]] as const),
  );

  return {
    stamp,
    audience,
    id,
    record: doc.directory,
    domains: doc.domains,
    collectivities,
    partnerships,
    projects,
    domain: new Map(doc.domains.map((d) => [d.code, d])),
    childDomains,
    collectivity: new Map(collectivities.map((c) => [c.id, c])),
    partnership: new Map(partnerships.map((p) => [p.id, p])),
    project: new Map(projects.map((p) => [p.id, p])),
    projectsOf,
    partnershipsOf,
    domainLines,
    redactor: redact,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The snapshots, read again only when the store's stamp changed; concurrent readers share one load. */
export class DirectoryCache {
  private readonly current = new Map<Audience, Promise<Directory>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly preferredId?: string,
  ) {}

  async get(audience: Audience = 'public'): Promise<Directory> {
    const stamp = await readStamp(this.db);
    const cached = this.current.get(audience);
    if (cached !== undefined) {
      const directory = await cached.catch(() => undefined);
      if (directory !== undefined && directory.stamp === stamp) return directory;
      if (this.current.get(audience) !== cached) return this.get(audience);
    }
    const loading = readSiteDirectory(this.db, this.preferredId, audience);
    this.current.set(audience, loading);
    loading.catch(() => {
      if (this.current.get(audience) === loading) this.current.delete(audience);
    });
    return loading;
  }
}
