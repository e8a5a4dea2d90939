/**
 * The site's read model of one directory, for one audience. What every page needs is read once
 * per version of the store and kept in memory: the directory's record, its domains and its
 * collectivities (thousands at most). Partnerships and projects (up to hundreds of thousands
 * and millions) are read from the store as pages ask for them, made public (privacy.ts) and
 * kept in a small cache; the lists' counts are computed in SQL once per version (figures.ts).
 *
 * A new snapshot is read when the store's version stamp moved (`readStamp`, store/stamp.ts),
 * checked with a few indexed reads per request.
 *
 * Two audiences: the public (named people's coordinates cut out, unless they consented to their
 * publication) and signed-in members (everything). Each snapshot is read when first asked for.
 */
import type { Kysely } from 'kysely';
import { RepertoireError } from '../../errors.js';
import type { Collectivity, Directory as DirectoryRecord, Domain } from '../../model/schema.js';
import { readCollectivities } from '../../store/records/collectivity.js';
import { listDirectoryIds, readDirectory } from '../../store/records/directory.js';
import { readDomains } from '../../store/records/domain.js';
import { readContacts } from '../../store/records/partnership.js';
import { readStamp } from '../../store/stamp.js';
import { censusSnapshot } from '../../stats/snapshot.js';
import type { Database } from '../../store/tables.js';
import { FiguresKeeper, type Figures } from './figures.js';
import type { PartnerGraph } from '../../partners/graph.js';
import { PartnerGraphKeeper, type PartnerGraphState, type SuggestionsState } from './partner-graph.js';
import { otherPartnershipsOf, partnershipHeads, partnershipIdsOf, partnershipLines, projectHeadsOf, type PartnershipHead, type PartnershipLine, type ProjectHead } from './lists.js';
import { Redactor, type Audience } from '../../census/privacy/index.js';
import { warmCoordination } from './coordination.js';
import { SiteRecords, type PlacedProject, type PublicPartnership } from './records.js';

export type { Audience };



export interface Directory {
  readonly stamp: string;
  /** who it was made for: the public, or signed-in members (named people's coordinates kept) */
  readonly audience: Audience;
  readonly id: string;
  readonly record: DirectoryRecord;
  readonly domains: readonly Domain[];
  readonly collectivities: readonly Collectivity[];
  readonly domain: ReadonlyMap<string, Domain>;
  readonly childDomains: ReadonlyMap<string, readonly Domain[]>;
  readonly collectivity: ReadonlyMap<string, Collectivity>;
  /** the line of the source where each domain's heading was printed (the synthesis) */
  readonly domainLines: ReadonlyMap<string, number>;
  /** cuts named people's coordinates out of text that did not come through the snapshot (reports, search excerpts) */
  readonly redactor: Redactor;
  /** the counts beside the lists, computed once per snapshot */
  figures(): Promise<Figures>;
  /** the partner graph as it stands, never waiting for its build (partner-graph.ts): ready, stale, or being computed */
  partnerGraph(): PartnerGraphState;
  /** the partner graph of this version, waiting for its build: the warm-up, the bench, tests — not a page */
  partnerGraphReady(): Promise<PartnerGraph>;
  /** a collectivity's suggestions as they stand, never waiting for the graph's build: ready, stale, or being computed */
  partnerSuggestions(collectivityId: string): Promise<SuggestionsState>;
  /** the version of the store the suggestions at hand were computed for, if they were: part of a page's tag (app.ts) */
  partnerGraphBuiltFor(): string | undefined;
  partnership(id: string): Promise<PublicPartnership | undefined>;
  /** the partnerships of `ids` that exist, in the order of `ids` */
  partnerships(ids: readonly string[]): Promise<PublicPartnership[]>;
  project(id: string): Promise<PlacedProject | undefined>;
  /** the projects of `ids` that exist, in the order of `ids` */
  projects(ids: readonly string[]): Promise<PlacedProject[]>;
  /** a partnership's projects, in order */
  projectsOf(partnershipId: string): Promise<PlacedProject[]>;
  /** the projects of several partnerships, by partnership id */
  projectsOfMany(partnershipIds: readonly string[]): Promise<Map<string, PlacedProject[]>>;
  /** what links to partnerships need (tier, parties), in the order of `ids`: lighter than the records */
  partnershipHeads(ids: readonly string[]): Promise<PartnershipHead[]>;
  /** what a list's line of partnerships needs (head, framework, date, domains), in the order of `ids`: lighter than the records */
  partnershipLines(ids: readonly string[]): Promise<PartnershipLine[]>;
  /** what links to projects and their domains need, by partnership: lighter than `projectsOfMany` */
  projectHeadsOf(partnershipIds: readonly string[]): Promise<Map<string, ProjectHead[]>>;
  /** the partnerships a collectivity is party to, in the book's order */
  partnershipIdsOf(collectivityId: string): Promise<string[]>;
  /** a collectivity's partnerships but one: the first `limit` by id, and how many */
  otherPartnershipsOf(collectivityId: string, exceptId: string, limit: number): Promise<{ ids: string[]; total: number }>;
}

/**
 * Partners whose collectivities of each other country the warm-up reads (coordination.ts), the
 * most connected first: at 1 000 000 projects the first hundreds are named by most pages, and
 * each read a window over thousands of parties (tens to hundreds of ms) on its first page.
 */
const HUBS_WARMED = 200;

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

export async function readSiteDirectory(
  db: Kysely<Database>,
  preferredId?: string,
  audience: Audience = 'public',
  figuresKeeper: FiguresKeeper = new FiguresKeeper(db),
  graphKeeper: PartnerGraphKeeper = new PartnerGraphKeeper(db),
): Promise<Directory> {
  const stamp = await readStamp(db);
  const id = await chooseDirectoryId(db, preferredId);
  const record = await readDirectory(db, id);
  if (record === undefined) throw new RepertoireError('not-found', `the store holds no directory "${id}"`, 404);
  const [domains, stored, contacts, consents, domainLines] = await Promise.all([
    readDomains(db, id),
    readCollectivities(db, id),
    readContacts(db, id),
    audience === 'public' ? readConsents(db, id) : Promise.resolve(new Set<string>()),
    readDomainLines(db, id),
    // which version's suggestions the store keeps (a restarted server serves them at once)
    graphKeeper.recall(id),
  ]);
  const redactor = new Redactor(contacts, { audience, consents });
  const collectivities = stored.map((c) => redactor.collectivity(c));

  const childDomains = new Map<string, Domain[]>();
  for (const domain of domains) {
    if (domain.parent !== undefined) childDomains.set(domain.parent, [...(childDomains.get(domain.parent) ?? []), domain]);
  }
  const records = new SiteRecords(db, id, redactor);
  const graphSource = { id, stamp, collectivities: stored, domains };
  return {
    stamp,
    audience,
    id,
    record,
    domains,
    collectivities,
    domain: new Map(domains.map((d) => [d.code, d])),
    childDomains,
    collectivity: new Map(collectivities.map((c) => [c.id, c])),
    domainLines,
    redactor,
    figures: () => figuresKeeper.get(id, stamp),
    partnerGraph: () => graphKeeper.peek(graphSource),
    partnerGraphReady: () => graphKeeper.ready(graphSource),
    partnerSuggestions: (collectivityId) => graphKeeper.suggestions(graphSource, collectivityId),
    partnerGraphBuiltFor: () => graphKeeper.builtFor(id),
    partnership: (partnershipId) => records.partnership(partnershipId),
    partnerships: (ids) => records.partnerships(ids),
    project: (projectId) => records.project(projectId),
    projects: (ids) => records.projects(ids),
    projectsOf: (partnershipId) => records.projectsOf(partnershipId),
    projectsOfMany: (partnershipIds) => records.projectsOfMany(partnershipIds),
    partnershipHeads: (ids) => partnershipHeads(db, id, ids),
    partnershipLines: (ids) => partnershipLines(db, id, ids, (text) => redactor.text(text)),
    projectHeadsOf: (partnershipIds) => projectHeadsOf(db, id, partnershipIds, (text) => redactor.text(text)),
    partnershipIdsOf: (collectivityId) => partnershipIdsOf(db, id, collectivityId),
    otherPartnershipsOf: (collectivityId, exceptId, limit) => otherPartnershipsOf(db, id, collectivityId, exceptId, limit),
  };
}

/** Where each domain's heading was printed in the source (the synthesis), by domain code. */
async function readDomainLines(db: Kysely<Database>, directoryId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sources')
    .select(['record_id', 'first_line'])
    .where('directory_id', '=', directoryId)
    .where('record_type', '=', 'domain')
    .orderBy('position')
    .execute();
  return new Map(rows.map((row) => [row.record_id, row.first_line]));
}

/**
 * The snapshots, read again only when the store's stamp changed; concurrent readers share one
 * load. One per directory shown and audience: `get()` without an id gives the site's default
 * directory (`preferredId`, else the last imported).
 */
export class DirectoryCache {
  private readonly current = new Map<string, Promise<Directory>>();
  /** shared by both audiences' snapshots: the counts are the same */
  private readonly figures: FiguresKeeper;
  /** shared too: the graph holds no named person */
  private readonly graphs: PartnerGraphKeeper;
  /** where the warm-up reads what the collectivities' pages share (their own reads go there too) */
  private readonly reader: Kysely<Database>;

  /** `reader`: where the figures are counted (default `db`; the server: the search thread's connection, see store/off-thread.ts) */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly preferredId?: string,
    reader: Kysely<Database> = db,
  ) {
    this.reader = reader;
    this.figures = new FiguresKeeper(db, reader);
    this.graphs = new PartnerGraphKeeper(db, reader);
  }

  /** the warm-up's background part, started by `warm` */
  private warming: Promise<void> = Promise.resolve();

  /**
   * Reads the public snapshot of the site's default directory and its figures ahead of the first
   * visitor (a large directory's take seconds); then, in the background, what its pages and every
   * other directory's (/r/<id>) would otherwise build on a first request: each one's snapshot,
   * figures, census snapshot and partner graph. Not warmed, the first collectivity page of a second
   * directory started its graph's build, whose statements (seconds at 500 000 projects) held the
   * search thread ahead of that page's own reads: 7 s.
   */
  async warm(): Promise<void> {
    const dir = await this.get('public');
    await dir.figures();
    this.warming = this.warmAll(dir.id);
    this.warming.catch(() => undefined);
  }

  /** The end of the background warm-up `warm` started (tests, the bench); rejects if a part failed (its page then builds it). */
  warmed(): Promise<void> {
    return this.warming;
  }

  /** The default directory first (the most read), then the others in turn: one build at a time on the search thread. */
  private async warmAll(defaultId: string): Promise<void> {
    const others = (await listDirectoryIds(this.db)).filter((id) => id !== defaultId);
    for (const id of [defaultId, ...others]) {
      const dir = await this.get('public', id === defaultId ? undefined : id);
      const figures = await dir.figures();
      await censusSnapshot(this.db, dir.id);
      const hubs = [...figures.byCollectivity].sort((a, b) => b[1].partnerships - a[1].partnerships).slice(0, HUBS_WARMED).map(([hub]) => hub);
      await warmCoordination(this.reader, dir, hubs);
      // last: a directory whose graph is ready is warm (the site bench waits for it)
      await dir.partnerGraphReady();
    }
  }

  async get(audience: Audience = 'public', directoryId?: string): Promise<Directory> {
    const key = `${audience}|${directoryId ?? ''}`;
    const stamp = await readStamp(this.db);
    const cached = this.current.get(key);
    if (cached !== undefined) {
      const directory = await cached.catch(() => undefined);
      if (directory !== undefined && directory.stamp === stamp) return directory;
      if (this.current.get(key) !== cached) return this.get(audience, directoryId);
    }
    const loading = readSiteDirectory(this.db, directoryId ?? this.preferredId, audience, this.figures, this.graphs);
    this.current.set(key, loading);
    // a directory that is not there is not kept: unknown ids in URLs must not fill the cache
    loading.catch(() => {
      if (this.current.get(key) === loading) this.current.delete(key);
    });
    return loading;
  }
}
