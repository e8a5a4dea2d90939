/**
 * Every record's versions (domains, collectivities, partnerships, projects): who, when, what (the
 * whole record as JSON; none for a removal), and where the change came from (an import, an
 * edit, a campaign, a revert, a copy). A record's current version is its highest version number;
 * a record written before history began (a store older than migration 0002) is at version 0.
 *
 * The primary key (directory, type, id, version) is the optimistic lock: two writers that both
 * read version N and both write N + 1 cannot both succeed.
 */
import type { Kysely, Selectable } from 'kysely';
import type { RepertoireDocument } from '../model/schema.js';
import { placeRecords } from './changes.js';
import { decodeJson, encodeJson } from './codec.js';
import type { Database, RecordVersionTable } from './tables.js';
import type { Placed } from './records/kind.js';
import { chunks } from './records/writer.js';

export const RECORD_TYPES = ['domain', 'collectivity', 'partnership', 'project'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const ORIGIN_KINDS = ['import', 'edit', 'campaign', 'revert', 'copy'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

/** Where a change comes from: `ref` names the document, campaign, proposal or version; `userId` who made it. */
export interface VersionOrigin {
  kind: OriginKind;
  ref?: string;
  userId?: string;
}

export interface RecordHead {
  version: number;
  originKind: OriginKind;
  removed: boolean;
}

export interface StoredVersion<T = unknown> {
  recordType: RecordType;
  recordId: string;
  version: number;
  parentId?: string;
  /** undefined: the record was removed at this version */
  data: T | undefined;
  origin: VersionOrigin;
  createdAt: string;
}

/** A version to append: the record's content (undefined when removed) and, for a project, its partnership. */
export interface VersionEntry {
  recordType: RecordType;
  recordId: string;
  parentId?: string;
  data: unknown;
}

export const headKey = (recordType: RecordType, recordId: string) => `${recordType}:${recordId}`;

/** The current version of every record of the directory that has a history, by `headKey`. */
export async function currentVersions(db: Kysely<Database>, directoryId: string): Promise<Map<string, RecordHead>> {
  const rows = await db
    .selectFrom('record_versions as v')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('record_versions')
          .select(['record_type', 'record_id', (e) => e.fn.max('version').as('top')])
          .where('directory_id', '=', directoryId)
          .groupBy(['record_type', 'record_id'])
          .as('m'),
      (join) => join.onRef('m.record_type', '=', 'v.record_type').onRef('m.record_id', '=', 'v.record_id').onRef('m.top', '=', 'v.version'),
    )
    .select(['v.record_type', 'v.record_id', 'v.version', 'v.origin_kind', 'v.data'])
    .where('v.directory_id', '=', directoryId)
    .execute();
  return new Map(
    rows.map((row) => [
      headKey(row.record_type as RecordType, row.record_id),
      { version: row.version, originKind: row.origin_kind as OriginKind, removed: row.data === null },
    ]),
  );
}

/**
 * The current version of some records of one type, by `headKey` (those without history absent):
 * a merge asks for the records it changes, a chunk at a time, not for the whole directory's.
 */
export async function currentVersionsOf(db: Kysely<Database>, directoryId: string, recordType: RecordType, ids: readonly string[]): Promise<Map<string, RecordHead>> {
  const heads = new Map<string, RecordHead>();
  for (const slice of chunks(ids)) {
    const rows = await db
      .selectFrom('record_versions')
      .select(['record_id', 'version', 'origin_kind', (eb) => eb('data', 'is', null).as('removed')])
      .where('directory_id', '=', directoryId)
      .where('record_type', '=', recordType)
      .where('record_id', 'in', slice)
      .execute();
    for (const row of rows) {
      const key = headKey(recordType, row.record_id);
      if ((heads.get(key)?.version ?? -1) < row.version) heads.set(key, { version: row.version, originKind: row.origin_kind as OriginKind, removed: Boolean(row.removed) });
    }
  }
  return heads;
}

/** The current version of one record, or undefined when it has no history. */
export async function recordHead(db: Kysely<Database>, directoryId: string, recordType: RecordType, recordId: string): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom('record_versions')
    .selectAll()
    .where('directory_id', '=', directoryId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : versionFrom(row);
}

/** A record's versions, oldest first. */
export async function listVersions(db: Kysely<Database>, directoryId: string, recordType: RecordType, recordId: string): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('record_versions')
    .selectAll()
    .where('directory_id', '=', directoryId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('version')
    .execute();
  return rows.map(versionFrom);
}

export async function readVersion(
  db: Kysely<Database>,
  directoryId: string,
  recordType: RecordType,
  recordId: string,
  version: number,
): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom('record_versions')
    .selectAll()
    .where('directory_id', '=', directoryId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? undefined : versionFrom(row);
}

/**
 * Appends one version to each record, numbered after its current one (`heads`, read in the same
 * transaction; read them when absent). Returns the versions written.
 */
export async function appendVersions(
  db: Kysely<Database>,
  directoryId: string,
  entries: readonly VersionEntry[],
  origin: VersionOrigin,
  now: Date = new Date(),
  heads?: ReadonlyMap<string, RecordHead>,
): Promise<number[]> {
  if (entries.length === 0) return [];
  const current = heads ?? (await currentVersions(db, directoryId));
  const createdAt = now.toISOString();
  const rows = entries.map((entry) => ({
    directory_id: directoryId,
    record_type: entry.recordType,
    record_id: entry.recordId,
    version: (current.get(headKey(entry.recordType, entry.recordId))?.version ?? 0) + 1,
    parent_id: entry.parentId ?? null,
    data: entry.data === undefined ? null : (encodeJson(entry.data) ?? null),
    origin_kind: origin.kind,
    origin_ref: origin.ref ?? null,
    user_id: origin.userId ?? null,
    created_at: createdAt,
  }));
  for (const chunk of chunks(rows)) await db.insertInto('record_versions').values(chunk).execute();
  return rows.map((row) => row.version);
}

/**
 * The versions a document save writes: one per record created, changed (content or partnership,
 * not a mere change of place in its list) or removed, between `before` and `after`.
 */
export function documentVersionEntries(before: RepertoireDocument | undefined, after: RepertoireDocument | undefined): VersionEntry[] {
  const old = placeRecords(before);
  const now = placeRecords(after);
  const entries: VersionEntry[] = [];
  const compare = (recordType: RecordType, was: readonly Placed<unknown>[], is: readonly Placed<unknown>[], keyOf: (record: unknown) => string) => {
    const previous = new Map(was.map((placed) => [keyOf(placed.record), placed]));
    const kept = new Set<string>();
    for (const placed of is) {
      const id = keyOf(placed.record);
      kept.add(id);
      const prior = previous.get(id);
      const same = prior !== undefined && JSON.stringify(prior.record) === JSON.stringify(placed.record) && prior.parentId === placed.parentId;
      if (!same) entries.push({ recordType, recordId: id, parentId: placed.parentId, data: placed.record });
    }
    for (const [id, placed] of previous) if (!kept.has(id)) entries.push({ recordType, recordId: id, parentId: placed.parentId, data: undefined });
  };
  const byId = (record: unknown) => (record as { id: string }).id;
  compare('domain', old.domains, now.domains, (record) => (record as { code: string }).code);
  compare('collectivity', old.collectivities, now.collectivities, byId);
  compare('partnership', old.partnerships, now.partnerships, byId);
  compare('project', old.projects, now.projects, byId);
  return entries;
}

/** Writes the versions of a document save (see `documentVersionEntries`). */
export async function recordDocumentVersions(
  db: Kysely<Database>,
  directoryId: string,
  before: RepertoireDocument | undefined,
  after: RepertoireDocument,
  origin: VersionOrigin,
  now: Date = new Date(),
): Promise<number> {
  const entries = documentVersionEntries(before, after);
  await appendVersions(db, directoryId, entries, origin, now);
  return entries.length;
}

function versionFrom(row: Selectable<RecordVersionTable>): StoredVersion {
  const origin: VersionOrigin = { kind: row.origin_kind as OriginKind };
  if (row.origin_ref !== null) origin.ref = row.origin_ref;
  if (row.user_id !== null) origin.userId = row.user_id;
  const version: StoredVersion = {
    recordType: row.record_type as RecordType,
    recordId: row.record_id,
    version: row.version,
    data: decodeJson(row.data),
    origin,
    createdAt: row.created_at,
  };
  if (row.parent_id !== null) version.parentId = row.parent_id;
  return version;
}
