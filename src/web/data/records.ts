/**
 * Partnerships and projects read from the store as pages ask for them, made public by the
 * snapshot's redactor, and kept in a bounded cache (the snapshot is dropped when the store
 * changes, and its cache with it). A record asked for by two requests at once is read once.
 */
import type { Kysely } from 'kysely';
import { readPartnerships, type PartnershipEntry } from '../../store/records/partnership.js';
import { readProjects } from '../../store/records/project.js';
import type { Database } from '../../store/tables.js';
import type { Partnership, Project } from '../../model/schema.js';
import { Lru } from '../../lru.js';
import type { PublicContact, Redactor } from '../../census/privacy/index.js';

/** A partnership as the public may see it: its contacts redacted, its projects read apart. */
export type PublicPartnership = Omit<Partnership, 'projects' | 'contacts'> & { contacts?: PublicContact[] };
/** A project with the partnership it belongs to. */
export type PlacedProject = Project & { partnershipId: string };

/**
 * Records kept per snapshot: the pages being read now. Reading one again costs a few indexed
 * reads (under a millisecond); keeping many cost the server its memory (2 000 partnerships' project
 * lists held 20 000 projects, and their turnover filled the old generation between collections;
 * at 1 000 000 projects, 256 of each held 5.6 MB of the serving heap, 64 hold 1.4 MB). A
 * collectivity's page reads its hundreds of records in one query, whatever this bound.
 */
const CACHED = 64;

export class SiteRecords {
  private readonly partnershipCache = new Lru<string, Promise<PublicPartnership | undefined>>(CACHED);
  private readonly projectsCache = new Lru<string, Promise<PlacedProject[]>>(CACHED);
  private readonly projectCache = new Lru<string, Promise<PlacedProject | undefined>>(CACHED);

  constructor(
    private readonly db: Kysely<Database>,
    private readonly directoryId: string,
    private readonly redactor: Redactor,
  ) {}

  partnership(id: string): Promise<PublicPartnership | undefined> {
    return this.partnerships([id]).then((found) => found[0]);
  }

  async partnerships(ids: readonly string[]): Promise<PublicPartnership[]> {
    const missing = [...new Set(ids)].filter((id) => this.partnershipCache.get(id) === undefined);
    if (missing.length > 0) {
      const loading = readPartnerships(this.db, this.directoryId, missing).then((entries) => new Map(entries.map((p) => [p.id, this.publicPartnership(p)])));
      for (const id of missing) this.remember(this.partnershipCache, id, loading.then((found) => found.get(id)));
    }
    const found = await Promise.all(ids.map((id) => this.partnershipCache.get(id) ?? this.partnership(id)));
    return found.filter((p): p is PublicPartnership => p !== undefined);
  }

  async projectsOf(partnershipId: string): Promise<PlacedProject[]> {
    return (await this.projectsOfMany([partnershipId])).get(partnershipId) ?? [];
  }

  /** The projects of several partnerships, by partnership id. */
  async projectsOfMany(partnershipIds: readonly string[]): Promise<Map<string, PlacedProject[]>> {
    const missing = [...new Set(partnershipIds)].filter((id) => this.projectsCache.get(id) === undefined);
    if (missing.length > 0) {
      const loading = readProjects(this.db, this.directoryId, { partnershipIds: missing });
      for (const id of missing) {
        this.remember(
          this.projectsCache,
          id,
          loading.then((found) => (found.get(id) ?? []).map((project) => ({ ...this.redactor.project(project), partnershipId: id }))),
        );
      }
    }
    const lists = await Promise.all(partnershipIds.map(async (id) => [id, (await this.projectsCache.get(id)) ?? (await this.projectsOf(id))] as const));
    return new Map(lists);
  }

  project(id: string): Promise<PlacedProject | undefined> {
    return this.projects([id]).then((found) => found[0]);
  }

  /** The projects of `ids` that exist, in the order of `ids`. */
  async projects(ids: readonly string[]): Promise<PlacedProject[]> {
    const missing = [...new Set(ids)].filter((id) => this.projectCache.get(id) === undefined);
    if (missing.length > 0) {
      const loading = readProjects(this.db, this.directoryId, { ids: missing }).then((found) => {
        const byId = new Map<string, PlacedProject>();
        for (const [partnershipId, list] of found) for (const project of list) byId.set(project.id, { ...this.redactor.project(project), partnershipId });
        return byId;
      });
      for (const id of missing) this.remember(this.projectCache, id, loading.then((found) => found.get(id)));
    }
    const found = await Promise.all(ids.map((id) => this.projectCache.get(id) ?? this.project(id)));
    return found.filter((p): p is PlacedProject => p !== undefined);
  }

  private publicPartnership({ contacts, ...rest }: PartnershipEntry): PublicPartnership {
    const partnership: PublicPartnership = { ...this.redactor.deep(rest) };
    if (contacts !== undefined) partnership.contacts = contacts.map((c) => this.redactor.contact(c));
    return partnership;
  }

  /** Caches a read; a failed one is forgotten, so that the next request tries again. */
  private remember<V>(cache: Lru<string, Promise<V>>, key: string, loading: Promise<V>): void {
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
  }
}
