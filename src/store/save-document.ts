/**
 * Saving a document: one transaction that brings the stored directory to exactly the document's
 * content. Records are matched by stable id, so re-saving the same document writes nothing;
 * records of the directory the document no longer has are removed. On any failure the
 * transaction rolls back and the store is as it was. It holds the directory's write lock
 * (`directory-lock.ts`) from before it reads the stored records.
 */
import type { Kysely } from 'kysely';
import { RepertoireError, isRepertoireError } from '../errors.js';
import { canonicalDocument } from '../model/canonical.js';
import { SourceRef } from '../model/provenance.js';
import { ImportReport } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { validateDocument } from '../model/validate.js';
import { countChanges, diffRecords, placeRecords, type RecordChanges, type SaveCounts } from './changes.js';
import { lockDirectoryWrites } from './directory-lock.js';
import { addImportReport } from './import-reports.js';
import { readDocument } from './load-document.js';
import { collectivityKind } from './records/collectivity.js';
import { directoryKey, directoryRow } from './records/directory.js';
import { domainKind } from './records/domain.js';
import type { RecordKind } from './records/kind.js';
import { partnershipKind } from './records/partnership.js';
import { projectKind } from './records/project.js';
import { deleteRecords, insertRecords, updateRecords } from './records/writer.js';
import { forgetSources, replaceSources } from './sources.js';
import type { Database } from './tables.js';
import { recordDocumentVersions, type VersionOrigin } from './versions.js';

export interface SaveOptions {
  /** Provenance of the records; when absent, the stored provenance is kept. */
  sources?: readonly SourceRef[];
  /** The import's report, logged with the changes it made. */
  report?: ImportReport;
  /**
   * Where the change comes from: when given, every record created, changed or removed gets a new
   * version (`versions.ts`) in the same transaction; when absent, no history is written.
   */
  origin?: VersionOrigin;
}

/**
 * Saves in its own transaction, or in the caller's (`db` may be a transaction: an import that
 * read the store to decide what to save, and writes its proposals after, all of it or nothing).
 */
export async function saveDocument(db: Kysely<Database>, input: RepertoireDocument, options: SaveOptions = {}): Promise<SaveCounts> {
  const doc = canonicalDocument(validateDocument(input));
  const sources = options.sources?.map((source) => SourceRef.parse(source));
  const report = options.report === undefined ? undefined : ImportReport.parse(options.report);
  const directoryId = directoryKey(doc.directory);
  const save = async (trx: Kysely<Database>) => {
    await lockDirectoryWrites(trx, directoryId);
    const before = await readDocument(trx, directoryId);
    const counts = await writeChanges(trx, directoryId, before, doc);
    if (sources !== undefined) await replaceSources(trx, directoryId, sources);
    if (report !== undefined) await addImportReport(trx, directoryId, report, counts);
    if (options.origin !== undefined) await recordDocumentVersions(trx, directoryId, before, doc, options.origin);
    return counts;
  };
  try {
    return await (db.isTransaction ? save(db) : db.transaction().execute(save));
  } catch (error) {
    if (isRepertoireError(error)) throw error;
    throw new RepertoireError('store', `could not save directory "${directoryId}": ${(error as Error).message}`, 500, { cause: error });
  }
}

async function writeChanges(trx: Kysely<Database>, directoryId: string, before: RepertoireDocument | undefined, after: RepertoireDocument) {
  const old = placeRecords(before);
  const now = placeRecords(after);
  const domains = diffRecords(old.domains, now.domains, domainKind.keyOf);
  const collectivities = diffRecords(old.collectivities, now.collectivities, collectivityKind.keyOf);
  const partnerships = diffRecords(old.partnerships, now.partnerships, partnershipKind.keyOf);
  const projects = diffRecords(old.projects, now.projects, projectKind.keyOf);
  const directoryChanged = JSON.stringify(before?.directory) !== JSON.stringify(after.directory);

  // Order follows the foreign keys: what is referred to exists before, and is removed after,
  // what refers to it. Projects may move between partnerships, so partnerships are removed last.
  const row = directoryRow(after.directory);
  if (before === undefined) await trx.insertInto('directories').values(row).execute();
  else if (directoryChanged) await trx.updateTable('directories').set(row).where('id', '=', directoryId).execute();

  await createAndUpdate(trx, domainKind, directoryId, domains);
  await createAndUpdate(trx, collectivityKind, directoryId, collectivities);
  await createAndUpdate(trx, partnershipKind, directoryId, partnerships);
  await deleteRecords(trx, projectKind, directoryId, projects.removed);
  await updateRecords(trx, projectKind, directoryId, projects.updated);
  await insertRecords(trx, projectKind, directoryId, projects.created);
  await deleteRecords(trx, partnershipKind, directoryId, partnerships.removed);
  await deleteRecords(trx, collectivityKind, directoryId, collectivities.removed);
  await deleteRecords(trx, domainKind, directoryId, domains.removed);

  await forgetSources(trx, directoryId, 'domain', domains.removed);
  await forgetSources(trx, directoryId, 'collectivity', collectivities.removed);
  await forgetSources(trx, directoryId, 'partnership', partnerships.removed);
  await forgetSources(trx, directoryId, 'project', projects.removed);

  const counts = countChanges([domains, collectivities, partnerships, projects]);
  const directoryCount = before === undefined ? 'created' : directoryChanged ? 'updated' : 'unchanged';
  return { ...counts, [directoryCount]: counts[directoryCount] + 1 };
}

async function createAndUpdate<R>(trx: Kysely<Database>, kind: RecordKind<R>, directoryId: string, changes: RecordChanges<R>) {
  await insertRecords(trx, kind, directoryId, changes.created);
  await updateRecords(trx, kind, directoryId, changes.updated);
}
