/**
 * A table that makes a new directory, written a chunk at a time. The rows were all read and
 * checked first (readTable: a cell of the wrong type, a missing column, an unreadable file stop
 * there, before the store is touched), their records wait on the reader's scratch shelves; this
 * takes them 5 000 at a time into the store, inside one transaction: a failure halfway (a full
 * disk, a killed process) rolls everything back, and the store is as it was. What it writes is
 * what the document-wide import writes for a directory the store did not have (the same rows,
 * positions, versions and report: import-table.test.ts compares the two), without ever holding
 * the whole document: nothing to merge with, no edited record to respect.
 */
import type { Kysely } from 'kysely';
import { isRepertoireError, RepertoireError } from '../errors.js';
import type { TableRead } from '../import/table/index.js';
import { canonicalDocument } from '../model/canonical.js';
import { ImportReport } from '../model/report.js';
import type { Collectivity, Directory, Partnership, RepertoireDocument } from '../model/schema.js';
import type { SaveCounts } from '../store/changes.js';
import { addImportReport } from '../store/import-reports.js';
import { collectivityKind } from '../store/records/collectivity.js';
import { directoryRow } from '../store/records/directory.js';
import { domainKind } from '../store/records/domain.js';
import { partnershipKind } from '../store/records/partnership.js';
import { projectKind } from '../store/records/project.js';
import { insertRecords } from '../store/records/writer.js';
import type { Database } from '../store/tables.js';
import { appendVersions, type VersionEntry, type VersionOrigin } from '../store/versions.js';
import type { ImportStep } from './import.js';
import { withoutErased } from './privacy/index.js';

/** Records per chunk: each chunk's statements are a few hundred KB of rows, its records parsed and dropped. */
export const RECORDS_PER_CHUNK = 5_000;

export interface NewDirectoryOptions {
  directoryId: string;
  origin: VersionOrigin;
  now: Date;
  onStep?: (step: ImportStep) => Promise<void>;
  /** records written so far, of how many */
  onProgress?: (written: number, total: number) => void;
  /** records per chunk (default RECORDS_PER_CHUNK) */
  chunkSize?: number;
}

/** What writing the table into a new directory changes (every record created), without writing. */
export function newDirectoryChanges(read: TableRead): SaveCounts {
  const { domains = 0, collectivities = 0, partnerships = 0, projects = 0 } = read.report.counts;
  return { created: 1 + domains + collectivities + partnerships + projects, updated: 0, unchanged: 0, removed: 0 };
}

export async function writeNewDirectory(db: Kysely<Database>, read: TableRead, options: NewDirectoryOptions): Promise<SaveCounts> {
  try {
    return await db.transaction().execute((trx) => writeIn(trx, read, options));
  } catch (error) {
    if (isRepertoireError(error)) throw error;
    throw new RepertoireError('store', `could not import ${read.report.document} into directory "${options.directoryId}": ${(error as Error).message}`, 500, { cause: error });
  }
}

async function writeIn(trx: Kysely<Database>, read: TableRead, options: NewDirectoryOptions): Promise<SaveCounts> {
  const { directoryId, origin, now } = options;
  const step = options.onStep ?? (async () => undefined);
  const size = options.chunkSize ?? RECORDS_PER_CHUNK;
  const { records } = read;
  const directory: Directory = { ...records.directory(), id: directoryId };
  const domains = records.domainList();
  const total = domains.length + records.collectivities.size + records.partnerships.size;
  let written = 0;
  const wrote = async (n: number) => {
    written += n;
    options.onProgress?.(written, total);
  };
  const valid = (part: Pick<RepertoireDocument, 'domains' | 'collectivities' | 'partnerships'>) =>
    canonicalDocument({ format: 'repertoire', version: 1, directory, ...part });

  await step('start');
  // The directory's row is the lock: a second import of the same new directory fails on its key.
  await trx.insertInto('directories').values(directoryRow(directory)).execute();
  await step('read');

  const all = valid({ domains, collectivities: [], partnerships: [] });
  await insertRecords(trx, domainKind, directoryId, all.domains.map((record, position) => ({ record, position })));
  await appendVersions(trx, directoryId, all.domains.map((d) => ({ recordType: 'domain', recordId: d.code, data: d })), origin, now, new Map());
  await wrote(domains.length);

  let position = 0;
  for (const chunk of records.collectivities.chunks(size)) {
    const { collectivities } = valid({ domains: [], collectivities: chunk.map(([, c]) => c), partnerships: [] });
    await insertRecords(trx, collectivityKind, directoryId, collectivities.map((record: Collectivity) => ({ record, position: position++ })));
    await appendVersions(trx, directoryId, collectivities.map((c) => ({ recordType: 'collectivity', recordId: c.id, data: c })), origin, now, new Map());
    await wrote(chunk.length);
  }

  position = 0;
  let projects = 0;
  for (const chunk of records.partnerships.chunks(size)) {
    const part = await withoutErased(trx, directoryId, valid({ domains: [], collectivities: [], partnerships: chunk.map(([, p]) => p) }));
    const entries: VersionEntry[] = [];
    const placed = part.partnerships.map(({ projects: _projects, ...record }: Partnership) => ({ record, position: position++ }));
    const placedProjects = part.partnerships.flatMap((p) => (p.projects ?? []).map((record, at) => ({ record, position: at, parentId: p.id })));
    for (const { record } of placed) entries.push({ recordType: 'partnership', recordId: record.id, data: record });
    for (const { record, parentId } of placedProjects) entries.push({ recordType: 'project', recordId: record.id, parentId, data: record });
    await insertRecords(trx, partnershipKind, directoryId, placed);
    await insertRecords(trx, projectKind, directoryId, placedProjects);
    await appendVersions(trx, directoryId, entries, origin, now, new Map());
    projects += placedProjects.length;
    await wrote(chunk.length);
  }

  const changes: SaveCounts = { created: 1 + domains.length + records.collectivities.size + records.partnerships.size + projects, updated: 0, unchanged: 0, removed: 0 };
  await addImportReport(trx, directoryId, ImportReport.parse(read.report), changes);
  await step('saved');
  await step('proposed');
  return changes;
}
