/**
 * History: every record's versions (who, when, what, from where), the difference between any two,
 * an editor's direct edit and a revert to an earlier version (itself a new version). Each write
 * is one transaction with its version and its audit event, and is refused with a ConflictError
 * when based on a version that is no longer the current one.
 */
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { readDocument } from '../store/load-document.js';
import { listVersions, readVersion, type StoredVersion, type VersionOrigin } from '../store/versions.js';
import { recordAudit } from '../accounts/audit.js';
import { requireEditor, requireSignedIn, type Actor } from '../accounts/roles.js';
import { userNames } from '../accounts/users.js';
import { parseInput } from '../accounts/validation.js';
import { clockOf, directoryOf, RecordIdInput, VersionInput, type CensusDeps } from './context.js';
import { diffRecords, type FieldChange } from './diff.js';
import { mayPropose } from './permissions.js';
import {
  inRecordTransaction,
  parseRecord,
  readCurrentRecord,
  RecordTypeInput,
  saveRecord,
  type CurrentRecord,
  type RecordChange,
  type RecordData,
  type RecordType,
  type SavedRecord,
} from './records.js';

/** A version as the history page lists it. */
export interface VersionView extends StoredVersion<RecordData> {
  /** the author's name, when a user made it */
  by?: string;
  removed: boolean;
}

const RecordRef = z.object({ directoryId: z.string().optional(), recordType: RecordTypeInput, recordId: RecordIdInput });
export type RecordRef = z.input<typeof RecordRef>;

const DiffInput = RecordRef.extend({ from: VersionInput, to: VersionInput });
export type DiffInput = z.input<typeof DiffInput>;

const EditInput = RecordRef.extend({
  parentId: RecordIdInput.optional(),
  baseVersion: VersionInput,
  /** the whole record (a partnership without its projects) */
  data: z.unknown().optional(),
  /** 'create' refuses a taken id; 'remove' removes the record */
  action: z.enum(['update', 'create', 'remove']).default('update'),
});
export type EditInput = z.input<typeof EditInput>;

const RevertInput = RecordRef.extend({ version: VersionInput, baseVersion: VersionInput });
export type RevertInput = z.input<typeof RevertInput>;

export type HistoryService = ReturnType<typeof createHistoryService>;

export function createHistoryService(deps: CensusDeps) {
  const { db } = deps;
  const now = clockOf(deps);

  /** Editors see every history; a contributor, the histories of the records they may change. */
  async function requireReader(actor: Actor | undefined, directoryId: string, recordType: RecordType, recordId: string): Promise<void> {
    const who = requireSignedIn(actor);
    const doc = await readDocument(db, directoryId);
    if (doc === undefined || !mayPropose(who, doc, directoryId, { recordType, recordId })) requireEditor(who);
  }

  async function views(versions: StoredVersion[]): Promise<VersionView[]> {
    const names = await userNames(db, versions.flatMap((v) => (v.origin.userId ? [v.origin.userId] : [])));
    return versions.map((v) => {
      const view: VersionView = { ...(v as StoredVersion<RecordData>), removed: v.data === undefined };
      if (v.origin.userId !== undefined) view.by = names.get(v.origin.userId) ?? v.origin.userId;
      return view;
    });
  }

  async function write(actor: Actor, directoryId: string, change: RecordChange, baseVersion: number, origin: VersionOrigin, expectNew: boolean, action: 'record.edit' | 'record.revert') {
    return inRecordTransaction(db, directoryId, change, baseVersion, async (trx): Promise<SavedRecord> => {
      const saved = await saveRecord(trx, directoryId, change, { baseVersion, origin, now: now(), expectNew });
      await recordAudit(
        trx,
        { action, actorId: actor.id, directoryId, subjectType: change.recordType, subjectId: change.recordId, details: { version: saved.version, origin: origin.ref } },
        now(),
      );
      return saved;
    });
  }

  return {
    /** The record as it stands, with its current version (what an edit form starts from). */
    async current(input: RecordRef): Promise<CurrentRecord> {
      const ref = parseInput(RecordRef, input);
      const directoryId = await directoryOf(deps, ref.directoryId);
      const current = await readCurrentRecord(db, directoryId, ref.recordType, ref.recordId);
      if (current === undefined) throw new RepertoireError('not-found', `Fiche introuvable : ${ref.recordType} « ${ref.recordId} ».`, 404, { wording: { key: `failure.record.unknown.${ref.recordType}`, params: { id: ref.recordId } } });
      return current;
    },

    /** Every version of a record, oldest first. */
    async versions(actor: Actor | undefined, input: RecordRef): Promise<VersionView[]> {
      const ref = parseInput(RecordRef, input);
      const directoryId = await directoryOf(deps, ref.directoryId);
      await requireReader(actor, directoryId, ref.recordType, ref.recordId);
      return views(await listVersions(db, directoryId, ref.recordType, ref.recordId));
    },

    /** What changed from version `from` to version `to` (either order; a removed version counts as empty). */
    async diff(actor: Actor | undefined, input: DiffInput): Promise<{ from: VersionView; to: VersionView; changes: FieldChange[] }> {
      const ref = parseInput(DiffInput, input);
      const directoryId = await directoryOf(deps, ref.directoryId);
      await requireReader(actor, directoryId, ref.recordType, ref.recordId);
      const [from, to] = await Promise.all([
        readVersion(db, directoryId, ref.recordType, ref.recordId, ref.from),
        readVersion(db, directoryId, ref.recordType, ref.recordId, ref.to),
      ]);
      if (from === undefined || to === undefined) {
        throw new RepertoireError('not-found', `Version introuvable : ${from === undefined ? ref.from : ref.to}.`, 404, { wording: { key: 'failure.version.unknown', params: { version: from === undefined ? ref.from : ref.to } } });
      }
      const [fromView, toView] = await views([from, to]);
      return { from: fromView!, to: toView!, changes: diffRecords(from.data, to.data) };
    },

    /** An editor's direct change (update, create or remove), live at once. */
    async edit(actor: Actor | undefined, input: EditInput): Promise<SavedRecord> {
      const editor = requireEditor(actor);
      const fields = parseInput(EditInput, input);
      const directoryId = await directoryOf(deps, fields.directoryId);
      const data = fields.action === 'remove' ? undefined : parseRecord(fields.recordType, fields.data);
      const change: RecordChange = { recordType: fields.recordType, recordId: fields.recordId, data };
      if (fields.parentId !== undefined) change.parentId = fields.parentId;
      return write(editor, directoryId, change, fields.baseVersion, { kind: 'edit', userId: editor.id }, fields.action === 'create', 'record.edit');
    },

    /** Brings a record back to an earlier version's content (or removes it, if that version is a removal): a new version. */
    async revert(actor: Actor | undefined, input: RevertInput): Promise<SavedRecord> {
      const editor = requireEditor(actor);
      const fields = parseInput(RevertInput, input);
      const directoryId = await directoryOf(deps, fields.directoryId);
      const target = await readVersion(db, directoryId, fields.recordType, fields.recordId, fields.version);
      if (target === undefined) throw new RepertoireError('not-found', `Version introuvable : ${fields.version}.`, 404, { wording: { key: 'failure.version.unknown', params: { version: fields.version } } });
      const change: RecordChange = { recordType: fields.recordType, recordId: fields.recordId, data: target.data as RecordData | undefined };
      if (target.parentId !== undefined) change.parentId = target.parentId;
      const origin: VersionOrigin = { kind: 'revert', ref: `version ${fields.version}`, userId: editor.id };
      return write(editor, directoryId, change, fields.baseVersion, origin, false, 'record.revert');
    },
  };
}
