/**
 * Imports that respect editing. A store whose records were never edited is brought to the
 * document as `saveDocument` always did (with a version for every record changed). Once editors
 * or a campaign changed records, a newer edition of the document must not overwrite their
 * corrections: every record whose current version came from an edit, a campaign or a revert, and
 * that the document would change or remove, keeps its content, and the document's version
 * becomes a proposal in a review batch (origin import, named after the document) in the
 * editors' queue. Records never edited are updated as usual, in the same save, and the
 * proposals are written in the same transaction.
 */
import type { Kysely } from 'kysely';
import { isRepertoireError, RepertoireError } from '../errors.js';
import { canonicalDocument } from '../model/canonical.js';
import type { SourceRef } from '../model/provenance.js';
import { findReferenceProblems } from '../model/references.js';
import type { ImportReport } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { validateDocument } from '../model/validate.js';
import type { SaveCounts } from '../store/changes.js';
import { readDocument } from '../store/load-document.js';
import { directoryKey } from '../store/records/directory.js';
import { lockDirectoryWrites } from '../store/directory-lock.js';
import { saveDocument, type SaveOptions } from '../store/save-document.js';
import type { Database } from '../store/tables.js';
import { currentVersions, headKey, type OriginKind, type RecordType } from '../store/versions.js';
import { recordAudit } from '../accounts/audit.js';
import { insertProposal, type NewProposal } from './proposals.js';
import { withoutErased } from './privacy/index.js';
import { indexRecords, type RecordData } from './records.js';

/** Origins that make a record "edited": an import no longer overwrites it. */
export const EDITED_ORIGINS: ReadonlySet<OriginKind> = new Set(['edit', 'campaign', 'revert']);

export interface ImportOptions {
  /** the file's name: the versions' origin and the review batch's name */
  documentName: string;
  sources?: readonly SourceRef[];
  report?: ImportReport;
  /** who runs the import (the CLI: none) */
  userId?: string;
  now?: Date;
  /** called at each of the import's steps (the CLI's test pause: REPERTOIRE_TEST_PAUSE) */
  onStep?: (step: ImportStep) => Promise<void>;
}

/**
 * The import's steps: `start`, its transaction open, nothing locked or read yet; `read`, the
 * edited records and the stored document read; `saved`, the document saved, its proposals not
 * yet written; `proposed`, the proposals written.
 */
export const IMPORT_STEPS = ['start', 'read', 'saved', 'proposed'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export interface ImportResult {
  changes: SaveCounts;
  /** 'plain': nothing edited, saved as is; 'respecting-edits': edited records kept, proposals made */
  mode: 'plain' | 'respecting-edits';
  /** proposals put in the editors' queue */
  proposals: number;
  batch?: string;
}

export async function importDocument(db: Kysely<Database>, input: RepertoireDocument, options: ImportOptions): Promise<ImportResult> {
  const validated = canonicalDocument(validateDocument(input));
  const directoryId = directoryKey(validated.directory);
  try {
    return await db.transaction().execute((trx) => importIn(trx, directoryId, validated, options));
  } catch (error) {
    if (isRepertoireError(error)) throw error;
    throw new RepertoireError('store', `could not import ${options.documentName} into directory "${directoryId}": ${(error as Error).message}`, 500, { cause: error });
  }
}

/**
 * The import in one transaction, from reading which records were edited to writing the
 * proposals: killed halfway, it leaves nothing; an editor's save waits for it (the directory's
 * write lock, taken before anything is read) and then meets its versions, or went first and is
 * seen here as an edited record.
 */
async function importIn(trx: Kysely<Database>, directoryId: string, validated: RepertoireDocument, options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const step = options.onStep ?? (async () => undefined);
  const saveOptions: SaveOptions = { origin: { kind: 'import', ref: options.documentName, ...(options.userId ? { userId: options.userId } : {}) } };
  if (options.sources !== undefined) saveOptions.sources = options.sources;
  if (options.report !== undefined) saveOptions.report = options.report;

  await step('start');
  await lockDirectoryWrites(trx, directoryId);
  const doc = await withoutErased(trx, directoryId, validated);
  const heads = await currentVersions(trx, directoryId);
  const edited = new Set([...heads].filter(([, head]) => EDITED_ORIGINS.has(head.originKind) && !head.removed).map(([key]) => key));
  const { merged, proposals } = edited.size === 0 ? { merged: doc, proposals: [] } : mergeRespectingEdits(await readDocument(trx, directoryId), doc, edited);
  await step('read');
  const changes = await saveDocument(trx, merged, saveOptions);
  await step('saved');
  const batch = `${options.documentName} (${now.toISOString()})`;
  const fresh = await proposalsNotQueued(trx, directoryId, proposals);
  for (const p of fresh) {
    await insertProposal(trx, { ...p, directoryId, batch, baseVersion: heads.get(headKey(p.recordType, p.recordId))?.version ?? 0 }, now);
  }
  if (fresh.length > 0) {
    await recordAudit(trx, { action: 'import.review-batch', actorId: options.userId, directoryId, subjectType: 'import', subjectId: batch, details: { proposals: fresh.length } }, now);
  }
  await step('proposed');
  if (edited.size === 0) return { changes, mode: 'plain', proposals: 0 };
  return fresh.length > 0 ? { changes, mode: 'respecting-edits', proposals: fresh.length, batch } : { changes, mode: 'respecting-edits', proposals: 0 };
}

/** The proposals the queue does not already hold (a second import of the same edition adds none). */
export async function proposalsNotQueued<P extends ImportProposal>(trx: Kysely<Database>, directoryId: string, proposals: readonly P[]): Promise<P[]> {
  if (proposals.length === 0) return [];
  const pending = await trx.selectFrom('proposals').select(['record_type', 'record_id', 'action', 'data']).where('directory_id', '=', directoryId).where('origin_kind', '=', 'import').where('status', '=', 'submitted').execute();
  const known = new Set(pending.map((p) => `${p.record_type}:${p.record_id}:${p.action}:${p.data ?? ''}`));
  return proposals.filter((p) => !known.has(`${p.recordType}:${p.recordId}:${p.action}:${p.data === undefined ? '' : JSON.stringify(p.data)}`));
}

export type ImportProposal = Omit<NewProposal, 'directoryId' | 'batch' | 'baseVersion'>;

/**
 * The document to save (the import's, with edited records kept as they stand) and the proposals
 * for the edited records the import would have changed or removed.
 */
export function mergeRespectingEdits(
  before: RepertoireDocument | undefined,
  incoming: RepertoireDocument,
  edited: ReadonlySet<string>,
): { merged: RepertoireDocument; proposals: ImportProposal[] } {
  const merged: RepertoireDocument = structuredClone(incoming);
  const proposals: ImportProposal[] = [];
  if (before === undefined) return { merged, proposals };
  const old = indexRecords(before);
  const now = indexRecords(incoming);
  const propose = (recordType: RecordType, recordId: string, data: RecordData | undefined, baseData: RecordData, parentId: string | undefined) => {
    const proposal: ImportProposal = { originKind: 'import', recordType, recordId, action: data === undefined ? 'remove' : 'update', data, baseData, status: 'submitted' };
    if (parentId !== undefined) proposal.parentId = parentId;
    proposals.push(proposal);
  };

  for (const key of edited) {
    const kept = old.get(key);
    if (kept === undefined) continue;
    const { recordType } = kept;
    const recordId = key.slice(recordType.length + 1);
    const offered = now.get(key);
    if (offered !== undefined && JSON.stringify(offered.record) === JSON.stringify(kept.record) && offered.parentId === kept.parentId) continue;
    propose(recordType, recordId, offered?.record, kept.record, offered?.parentId ?? kept.parentId);
    keep(merged, before, recordType, recordId, kept.record, kept.parentId);
  }
  restoreReferences(merged, before);
  return { merged: canonicalDocument(merged), proposals };
}

/** Puts the record as it stands into the document (in place of the import's, or back if the import removed it). */
function keep(doc: RepertoireDocument, before: RepertoireDocument, recordType: RecordType, recordId: string, record: RecordData, parentId: string | undefined) {
  const upsert = <T>(list: T[], keyOf: (item: T) => string, item: T) => {
    const i = list.findIndex((x) => keyOf(x) === recordId);
    if (i >= 0) list[i] = item;
    else list.push(item);
  };
  switch (recordType) {
    case 'domain':
      upsert(doc.domains, (d) => d.code, record as RepertoireDocument['domains'][number]);
      return;
    case 'collectivity':
      upsert(doc.collectivities, (c) => c.id, record as RepertoireDocument['collectivities'][number]);
      return;
    case 'partnership': {
      const i = doc.partnerships.findIndex((p) => p.id === recordId);
      if (i >= 0) doc.partnerships[i] = { ...(record as RepertoireDocument['partnerships'][number]), projects: doc.partnerships[i]!.projects };
      else doc.partnerships.push({ ...(record as RepertoireDocument['partnerships'][number]), projects: [] });
      return;
    }
    case 'project': {
      for (const p of doc.partnerships) p.projects = p.projects?.filter((q) => q.id !== recordId);
      let parent = doc.partnerships.find((p) => p.id === parentId);
      if (parent === undefined) {
        // Its partnership is gone from the import: keep it too, for the project's sake.
        const { projects: _projects, ...stored } = before.partnerships.find((p) => p.id === parentId)!;
        parent = { ...stored, projects: [] };
        doc.partnerships.push(parent);
      }
      parent.projects = [...(parent.projects ?? []), record as NonNullable<RepertoireDocument['partnerships'][number]['projects']>[number]];
      const order = before.partnerships.find((p) => p.id === parentId)?.projects?.map((q) => q.id) ?? [];
      parent.projects.sort((a, b) => rank(order, a.id) - rank(order, b.id));
    }
  }
}

const rank = (order: readonly string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};

/** Kept records may refer to collectivities or domains the import dropped: bring those back from the store. */
function restoreReferences(doc: RepertoireDocument, before: RepertoireDocument) {
  for (let round = 0; round < 5; round += 1) {
    const problems = findReferenceProblems(doc);
    let restored = false;
    for (const problem of problems) {
      const collectivity = /unknown collectivity "(.*)"$/.exec(problem)?.[1];
      const domain = /unknown domain "(.*)"$/.exec(problem)?.[1];
      const c = collectivity && !doc.collectivities.some((x) => x.id === collectivity) ? before.collectivities.find((x) => x.id === collectivity) : undefined;
      const d = domain && !doc.domains.some((x) => x.code === domain) ? before.domains.find((x) => x.code === domain) : undefined;
      if (c) doc.collectivities.push(c);
      if (d) doc.domains.push(d);
      restored ||= Boolean(c || d);
    }
    if (!restored) return;
  }
}
