/**
 * The site's read model: the stored directory, read once with the store's own loaders, made
 * public (privacy.ts) and indexed for the pages. It is kept in memory and read again when the
 * store changes: every import logs a report, so the newest report id (with the list of
 * directories) is the version stamp, checked with one small query per request.
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
import { Redactor, type PublicContact } from './privacy.js';

export type PublicPartnership = Omit<Partnership, 'projects' | 'contacts'> & { contacts?: PublicContact[] };
export type PlacedProject = Project & { partnershipId: string };

export interface Directory {
  readonly stamp: string;
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

/** The newest report id and the directories: changes whenever an import writes. */
export async function readStamp(db: Kysely<Database>): Promise<string> {
  const [row, ids] = await Promise.all([
    db
      .selectFrom('import_reports')
      .select((eb) => eb.fn.max('id').as('latest'))
      .executeTakeFirst(),
    listDirectoryIds(db),
  ]);
  return `${String(row?.latest ?? 0)}|${ids.join(',')}`;
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

export async function readSiteDirectory(db: Kysely<Database>, preferredId?: string): Promise<Directory> {
  const stamp = await readStamp(db);
  const id = await chooseDirectoryId(db, preferredId);
  const doc = await readDocument(db, id);
  if (doc === undefined) throw new RepertoireError('not-found', `the store holds no directory "${id}"`, 404);
  const sources = await listSources(db, id);
  const redact = new Redactor(doc.partnerships);

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

/** The snapshot, read again only when the store's stamp changed; concurrent readers share one load. */
export class DirectoryCache {
  private current: Promise<Directory> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly preferredId?: string,
  ) {}

  async get(): Promise<Directory> {
    const stamp = await readStamp(this.db);
    const cached = this.current;
    if (cached !== undefined) {
      const directory = await cached.catch(() => undefined);
      if (directory !== undefined && directory.stamp === stamp) return directory;
      if (this.current !== cached) return this.get();
    }
    const loading = readSiteDirectory(this.db, this.preferredId);
    this.current = loading;
    loading.catch(() => {
      if (this.current === loading) this.current = undefined;
    });
    return loading;
  }
}
