/**
 * A table merged into a directory the store has, a chunk at a time (merge-table-streamed.ts
 * matches; this compares and writes). What it writes is what the document-wide import of the
 * merged document writes (import.ts: import-table.test.ts compares the two): each record the
 * table adds is created, each it changes is updated with a new version, unless people edited it
 * (its current version came from an edit, a campaign or a revert): then it keeps their content
 * and the table's version becomes a proposal in a review batch. All in one transaction, the
 * directory's write lock taken before anything is read: a failure halfway leaves the store as it
 * was. A dry run reads the same way and writes nothing.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.js';
import { isRepertoireError, RepertoireError } from '../errors.js';
import { Shelves, type TableRead } from '../import/table/index.js';
import { ImportReport } from '../model/report.js';
import type { Directory, Partnership, Project } from '../model/schema.js';
import type { SaveCounts } from '../store/changes.js';
import { lockDirectoryWrites } from '../store/directory-lock.js';
import { addImportReport } from '../store/import-reports.js';
import { collectivityKind } from '../store/records/collectivity.js';
import { directoryRow, readDirectory } from '../store/records/directory.js';
import { domainKind } from '../store/records/domain.js';
import type { RecordKind } from '../store/records/kind.js';
import { recordCount } from '../store/records/pages.js';
import { partnershipKind, type PartnershipEntry } from '../store/records/partnership.js';
import { projectKind } from '../store/records/project.js';
import { insertRecords, updateRecords } from '../store/records/writer.js';
import type { Database } from '../store/tables.js';
import { appendVersions, currentVersionsOf, headKey, type RecordHead, type RecordType, type VersionEntry, type VersionOrigin } from '../store/versions.js';
import { EDITED_ORIGINS, proposalsNotQueued, type ImportProposal, type ImportStep } from './import.js';
import { canonicalPart, mergeStreamed, type Merging, type StreamedMergeOptions } from './merge-table-streamed.js';
import { withoutErased } from './privacy/index.js';
import { insertProposal } from './proposals.js';

/** Merged records compared and written per chunk. */
const RECORDS_PER_CHUNK = 2_000;

/** What the table's rows did: each counts as its partnership did (created, updated, unchanged), or was rejected. */
export interface RowCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface MergedDirectoryOptions extends StreamedMergeOptions {
  dryRun: boolean;
  origin: VersionOrigin;
  now: Date;
  onStep?: (step: ImportStep) => Promise<void>;
  /** records compared (and written) so far, of how many */
  onProgress?: (done: number, total: number) => void;
}

export interface MergedDirectory {
  rows: RowCounts;
  changes: SaveCounts;
  proposals: number;
  batch?: string;
}

export async function mergeIntoDirectory(db: Kysely<Database>, read: TableRead, options: MergedDirectoryOptions): Promise<MergedDirectory> {
  if (options.dryRun) return mergeIn(db, read, options);
  try {
    return await db.transaction().execute((trx) => mergeIn(trx, read, options));
  } catch (error) {
    if (isRepertoireError(error)) throw error;
    throw new RepertoireError('store', `could not import ${read.report.document} into directory "${options.directoryId}": ${(error as Error).message}`, 500, { cause: error });
  }
}

type Proposal = ImportProposal & { baseVersion: number };

/** One kind of record's changes, gathered a chunk at a time. */
interface Tally {
  created: number;
  /** changed, written or (a dry run) to be written */
  updated: number;
  /** changed records people edited: proposals instead */
  proposed: Proposal[];
}

async function mergeIn(db: Kysely<Database>, read: TableRead, options: MergedDirectoryOptions): Promise<MergedDirectory> {
  const { directoryId, dryRun } = options;
  const step = options.onStep ?? (async () => undefined);
  await step('start');
  if (!dryRun) await lockDirectoryWrites(db, directoryId);
  const shelves = new Shelves();
  try {
    const merge = await mergeStreamed(db, read, shelves, options);
    const storedRecords = await recordCount(db, directoryId);
    await step('read');
    const tally: Tally = { created: 0, updated: 0, proposed: [] };
    const writer = new ChunkWriter(db, options, tally);
    const total = merge.collectivities.size + merge.partnerships.size;
    let done = 0;

    if (merge.directory.changed && !dryRun) {
      const directory = (await readDirectory(db, directoryId))!;
      await db.updateTable('directories').set(directoryRow({ ...directory, countries: merge.directory.countries })).where('id', '=', directoryId).execute();
    }
    await writer.write('domain', domainKind, merge.newDomains);

    const changedCollectivities = shelves.shelf<true>('changed_collectivities');
    for (const chunk of merge.collectivities.chunks(RECORDS_PER_CHUNK)) {
      const merged = settled(chunk.map(([, m]) => m), (records) => canonicalPart(merge.directory.record, { collectivities: records }).collectivities);
      for (const m of merged) if (m.stored !== undefined && !same(m.record, m.stored)) changedCollectivities.set(m.record.id, true);
      await writer.write('collectivity', collectivityKind, merged);
      options.onProgress?.((done += chunk.length), total);
    }

    const outcomes = shelves.shelf<keyof RowCounts>('outcomes');
    for (const chunk of merge.partnerships.chunks(RECORDS_PER_CHUNK)) {
      const merged = settled(chunk.map(([, m]) => m), (records) => canonicalPart(merge.directory.record, { partnerships: records }).partnerships);
      for (const m of merged) {
        const changed = m.stored === undefined || !same(m.record, m.stored) || m.record.parties.some((p) => changedCollectivities.has(p.collectivityId));
        outcomes.set(m.record.id, m.stored === undefined ? 'created' : changed ? 'updated' : 'unchanged');
      }
      // The erased people's contacts are left out of what is written, as every import leaves them out.
      const written = dryRun ? merged : await withoutErasedContacts(db, merge.directory.record, merged);
      await writer.write('partnership', partnershipKind, written.map(({ record: { projects: _p, ...entry }, stored, position }) => ({ record: entry, position, ...(stored ? { stored: withoutProjects(stored) } : {}) })));
      await writer.write('project', projectKind, written.flatMap(projectsOf));
      options.onProgress?.((done += chunk.length), total);
    }

    const rows: RowCounts = { created: 0, updated: 0, unchanged: 0, rejected: read.rows.rejected };
    for (const [tableId, rowsRead] of read.rowsOf) rows[outcomes.get(merge.partnershipIds.get(tableId) ?? tableId) ?? 'unchanged'] += rowsRead.length;

    const updated = tally.updated + (dryRun ? tally.proposed.length : 0) + (merge.directory.changed ? 1 : 0);
    const changes: SaveCounts = { created: tally.created, updated, unchanged: storedRecords + 1 - updated, removed: 0 };
    if (dryRun) return { rows, changes, proposals: 0 };
    await addImportReport(db, directoryId, ImportReport.parse(read.report), changes);
    await step('saved');
    const proposed = await propose(db, directoryId, tally.proposed, options);
    await step('proposed');
    return { rows, changes, ...proposed };
  } finally {
    shelves.close();
  }
}

/** The merged records in canonical form, as the store gives them back: then equal content is equal text. */
function settled<R>(chunk: Merging<R>[], canonical: (records: R[]) => R[]): Merging<R>[] {
  const records = canonical(chunk.map((m) => m.record));
  return chunk.map((m, i) => ({ ...m, record: records[i]! }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function withoutProjects({ projects: _projects, ...entry }: Partnership): PartnershipEntry {
  return entry;
}

/** A partnership's projects as records of their own, each with the stored one it started from. */
function projectsOf({ record, stored }: Merging<Partnership>): (Merging<Project> & { parentId: string })[] {
  const before = new Map((stored?.projects ?? []).map((q) => [q.id, q]));
  return (record.projects ?? []).map((q, position) => ({ record: q, position, parentId: record.id, ...(before.has(q.id) ? { stored: before.get(q.id)! } : {}) }));
}

async function withoutErasedContacts(db: Kysely<Database>, directory: Directory, merged: Merging<Partnership>[]): Promise<Merging<Partnership>[]> {
  const kept = await withoutErased(db, directory.id!, canonicalPart(directory, { partnerships: merged.map((m) => m.record) }));
  return merged.map((m, i) => ({ ...m, record: kept.partnerships[i]! }));
}

/** Writes one kind's created and changed records, with their versions; changed records people edited become proposals. */
class ChunkWriter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: MergedDirectoryOptions,
    private readonly tally: Tally,
  ) {}

  async write<R>(recordType: RecordType, kind: RecordKind<R>, merged: readonly (Merging<R> & { parentId?: string })[]): Promise<void> {
    const created = merged.filter((m) => m.stored === undefined);
    const changed = merged.filter((m) => m.stored !== undefined && !same(m.record, m.stored));
    if (created.length === 0 && changed.length === 0) return;
    const { directoryId } = this.options;
    const heads = await currentVersionsOf(this.db, directoryId, recordType, [...created, ...changed].map((m) => kind.keyOf(m.record)));
    const isEdited = (head: RecordHead | undefined) => head !== undefined && EDITED_ORIGINS.has(head.originKind) && !head.removed;
    const headOf = (m: Merging<R>) => heads.get(headKey(recordType, kind.keyOf(m.record)));
    const updates = changed.filter((m) => !isEdited(headOf(m)));
    for (const m of changed.filter((m) => isEdited(headOf(m)))) {
      const proposal: Proposal = { originKind: 'import', recordType, recordId: kind.keyOf(m.record), action: 'update', data: m.record as ImportProposal['data'], baseData: m.stored as ImportProposal['baseData'], status: 'submitted', baseVersion: headOf(m)!.version };
      if (m.parentId !== undefined) proposal.parentId = m.parentId;
      this.tally.proposed.push(proposal);
    }
    this.tally.created += created.length;
    this.tally.updated += updates.length;
    if (this.options.dryRun) return;
    const placed = (list: typeof merged) => list.map((m) => ({ record: m.record, position: m.position, ...(m.parentId === undefined ? {} : { parentId: m.parentId }) }));
    await insertRecords(this.db, kind, directoryId, placed(created));
    await updateRecords(this.db, kind, directoryId, placed(updates));
    const entries: VersionEntry[] = [...created, ...updates].map((m) => ({ recordType, recordId: kind.keyOf(m.record), ...(m.parentId === undefined ? {} : { parentId: m.parentId }), data: m.record }));
    await appendVersions(this.db, directoryId, entries, this.options.origin, this.options.now, heads);
  }
}

/** The proposals the editors' queue does not hold yet, in one review batch named after the table. */
async function propose(db: Kysely<Database>, directoryId: string, proposals: readonly Proposal[], options: MergedDirectoryOptions): Promise<{ proposals: number; batch?: string }> {
  const fresh = await proposalsNotQueued(db, directoryId, proposals);
  if (fresh.length === 0) return { proposals: 0 };
  const batch = `${options.origin.ref} (${options.now.toISOString()})`;
  for (const p of fresh) await insertProposal(db, { ...p, directoryId, batch }, options.now);
  await recordAudit(db, { action: 'import.review-batch', actorId: options.origin.userId, directoryId, subjectType: 'import', subjectId: batch, details: { proposals: fresh.length } }, options.now);
  return { proposals: fresh.length, batch };
}
