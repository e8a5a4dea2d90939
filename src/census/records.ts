/**
 * One record at a time: read it with its current version, and save it (create, update, remove)
 * through the store's record writers, in one transaction, with a new version — refused with a
 * ConflictError when the save was based on an older version than the current one.
 *
 * The census edits four kinds of records: domains, collectivities, partnerships (without their
 * projects) and projects (which belong to a partnership: `parentId`).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ConflictError, RepertoireError, ValidationError, type FailureKey, type FieldErrors, type FieldWordings, type Wording } from '../errors.js';
import { canonicalDocument } from '../model/canonical.js';
import { findReferenceProblems } from '../model/references.js';
import { Collectivity, Domain, Partnership, Project, type RepertoireDocument } from '../model/schema.js';
import { placeRecords } from '../store/changes.js';
import { lockDirectoryWrites } from '../store/directory-lock.js';
import { beginKeptChange, type KeptChange } from '../stats/kept.js';
import { readDocument } from '../store/load-document.js';
import { collectivityKind } from '../store/records/collectivity.js';
import { domainKind } from '../store/records/domain.js';
import type { Placed, RecordKind } from '../store/records/kind.js';
import { partnershipKind, type PartnershipEntry } from '../store/records/partnership.js';
import { projectKind } from '../store/records/project.js';
import { deleteRecords, insertRecords, updateRecords } from '../store/records/writer.js';
import { forgetSources } from '../store/sources.js';
import type { Database } from '../store/tables.js';
import { appendVersions, currentVersions, headKey, recordHead, RECORD_TYPES, type RecordType, type VersionOrigin } from '../store/versions.js';
import { fieldErrorsOf, fieldWordingsOf } from '../accounts/validation.js';
import { userNames } from '../accounts/users.js';

export { RECORD_TYPES, type RecordType };

export type RecordData = z.infer<typeof Domain> | z.infer<typeof Collectivity> | PartnershipEntry | z.infer<typeof Project>;

/** The schema of each kind of record, as a form sends it (a partnership without its projects). */
export const RECORD_SCHEMAS = {
  domain: Domain,
  collectivity: Collectivity,
  partnership: Partnership.omit({ projects: true }),
  project: Project,
} as const satisfies Record<RecordType, z.ZodType>;

export const RECORD_LABELS: Record<RecordType, string> = {
  domain: 'domaine',
  collectivity: 'collectivité',
  partnership: 'partenariat',
  project: 'projet',
};

export const RecordTypeInput = z.enum(RECORD_TYPES, { error: 'Type de fiche inconnu.' });

/** A record as it stands: content, place, and version. */
export interface CurrentRecord<T = RecordData> {
  recordType: RecordType;
  recordId: string;
  data: T;
  /** a project's partnership */
  parentId?: string;
  position: number;
  /** 0 when the record has no history yet */
  version: number;
}

export function recordIdOf(recordType: RecordType, data: RecordData): string {
  return recordType === 'domain' ? (data as { code: string }).code : (data as { id: string }).id;
}

/** The document's records, placed, by type and id. */
export function indexRecords(doc: RepertoireDocument | undefined): Map<string, Placed<RecordData> & { recordType: RecordType }> {
  const placed = placeRecords(doc);
  const index = new Map<string, Placed<RecordData> & { recordType: RecordType }>();
  const add = (recordType: RecordType, items: readonly Placed<RecordData>[]) => {
    for (const item of items) index.set(headKey(recordType, recordIdOf(recordType, item.record)), { ...item, recordType });
  };
  add('domain', placed.domains);
  add('collectivity', placed.collectivities);
  add('partnership', placed.partnerships);
  add('project', placed.projects);
  return index;
}

export async function readCurrentRecord(db: Kysely<Database>, directoryId: string, recordType: RecordType, recordId: string): Promise<CurrentRecord | undefined> {
  const doc = await readDocument(db, directoryId);
  const placed = indexRecords(doc).get(headKey(recordType, recordId));
  if (placed === undefined) return undefined;
  const head = await recordHead(db, directoryId, recordType, recordId);
  return currentFrom(recordType, recordId, placed, head?.version ?? 0);
}

function currentFrom(recordType: RecordType, recordId: string, placed: Placed<RecordData>, version: number): CurrentRecord {
  const current: CurrentRecord = { recordType, recordId, data: placed.record, position: placed.position, version };
  if (placed.parentId !== undefined) current.parentId = placed.parentId;
  return current;
}

/** Validates a record as a form sent it: field errors relative to the record (`parties[1].collectivityId`). */
export function parseRecord(recordType: RecordType, data: unknown): RecordData {
  const result = RECORD_SCHEMAS[recordType].safeParse(data, { error: z.locales.fr().localeError });
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error.issues), data, fieldWordingsOf(result.error.issues, data));
  return result.data as RecordData;
}

/** A change to one record: new content, or `data: undefined` to remove it. */
export interface RecordChange {
  recordType: RecordType;
  recordId: string;
  /** a project's partnership (required to create one; a project stays in its partnership otherwise) */
  parentId?: string;
  data: RecordData | undefined;
}

export interface SaveRecordOptions {
  /** the version the change was based on (0: a record with no history, or a new record) */
  baseVersion: number;
  origin: VersionOrigin;
  now?: Date;
  /** a creation: refused when the id is taken */
  expectNew?: boolean;
}

export interface SavedRecord {
  version: number;
  data: RecordData | undefined;
}

/**
 * Saves one record in its own transaction, or in the caller's (`db` may be a transaction: then
 * the caller's other writes — a proposal's status, an audit event — commit or fail with it).
 */
export async function saveRecord(db: Kysely<Database>, directoryId: string, change: RecordChange, options: SaveRecordOptions): Promise<SavedRecord> {
  if (db.isTransaction) return saveRecordIn(db, directoryId, change, options);
  return inRecordTransaction(db, directoryId, change, options.baseVersion, (trx) => saveRecordIn(trx, directoryId, change, options));
}

/**
 * Runs `work` in a transaction that saves `change` (and whatever goes with it); when another save
 * took the same next version meanwhile (a unique-key violation), answers with the ConflictError.
 * The census snapshot's counts follow the change in the same transaction (`stats/kept.ts`): the
 * statistics and the map are not counted again.
 */
export async function inRecordTransaction<T>(
  db: Kysely<Database>,
  directoryId: string,
  change: RecordChange,
  baseVersion: number,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  try {
    let kept: KeptChange | undefined;
    const out = await db.transaction().execute(async (trx) => {
      // the lock first, as saveRecord takes it: what the kept counts read is what the change changes
      await lockDirectoryWrites(trx, directoryId);
      kept = await beginKeptChange(trx, directoryId, change, db);
      const result = await work(trx);
      await kept.finish(trx);
      return result;
    });
    kept?.publish(db);
    return out;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    throw await conflictOf(db, directoryId, change, baseVersion);
  }
}

async function saveRecordIn(trx: Kysely<Database>, directoryId: string, change: RecordChange, options: SaveRecordOptions): Promise<SavedRecord> {
  const { recordType, recordId } = change;
  const now = options.now ?? new Date();
  // Before the version check: an import running now finishes first, and the check then sees its versions.
  await lockDirectoryWrites(trx, directoryId);
  let heads = await currentVersions(trx, directoryId);
  const head = heads.get(headKey(recordType, recordId));
  const currentVersion = head?.version ?? 0;
  if (options.baseVersion !== currentVersion) throw await conflictOf(trx, directoryId, change, options.baseVersion);

  const before = await readDocument(trx, directoryId);
  if (before === undefined) throw new RepertoireError('not-found', `Répertoire inconnu : ${directoryId}.`, 404, { wording: { key: 'failure.directory.unknown' } });
  const index = indexRecords(before);
  const existing = index.get(headKey(recordType, recordId));
  if (change.data === undefined && existing === undefined) throw new RepertoireError('not-found', `${RECORD_LABELS[recordType]} « ${recordId} » introuvable.`, 404, { wording: { key: `failure.record.unknown.${recordType}`, params: { id: recordId } } });
  if (options.expectNew && existing !== undefined) {
    const field = recordType === 'domain' ? 'code' : 'id';
    throw new ValidationError({ [field]: `Identifiant déjà pris : « ${recordId} ».` }, change.data, { [field]: { key: 'failure.field.idTaken', params: { id: recordId } } });
  }
  if (change.data !== undefined && recordIdOf(recordType, change.data) !== recordId) {
    const field = recordType === 'domain' ? 'code' : 'id';
    throw new ValidationError({ [field]: 'L’identifiant d’une fiche ne change pas.' }, change.data, { [field]: { key: 'failure.field.idFixed' } });
  }

  const after = canonicalDocument(patchDocument(before, change, existing?.parentId));
  checkReferences(after, change);
  const placed = indexRecords(after).get(headKey(recordType, recordId));

  // A record from before history began gets its first version now: the state it is changed from.
  const entries = [];
  if (existing !== undefined && head === undefined) {
    entries.push({ recordType, recordId, parentId: existing.parentId, data: existing.record });
  }
  const removedProjects = recordType === 'partnership' && change.data === undefined ? (before.partnerships.find((p) => p.id === recordId)?.projects ?? []) : [];

  await writeRecord(trx, directoryId, recordType, existing, placed);
  if (existing !== undefined && head === undefined) {
    await appendVersions(trx, directoryId, entries, { kind: 'import', ref: 'avant l’historique' }, now, heads);
    heads = new Map(heads).set(headKey(recordType, recordId), { version: 1, originKind: 'import', removed: false });
  }
  const [version] = await appendVersions(trx, directoryId, [{ recordType, recordId, parentId: placed?.parentId ?? existing?.parentId, data: placed?.record }], options.origin, now, heads);
  if (removedProjects.length > 0) {
    await appendVersions(
      trx,
      directoryId,
      removedProjects.map((project) => ({ recordType: 'project' as const, recordId: project.id, parentId: recordId, data: undefined })),
      options.origin,
      now,
      heads,
    );
  }
  return { version: version!, data: placed?.record };
}

/** The document with one record replaced, added (at the end of its list) or removed. */
function patchDocument(doc: RepertoireDocument, change: RecordChange, currentParent: string | undefined): RepertoireDocument {
  const next: RepertoireDocument = structuredClone(doc);
  const { recordType, recordId, data } = change;
  const replace = <T>(list: T[], key: (item: T) => string): T[] => {
    const i = list.findIndex((item) => key(item) === recordId);
    if (data === undefined) return list.filter((item) => key(item) !== recordId);
    if (i < 0) return [...list, data as T];
    return list.map((item, j) => (j === i ? (data as T) : item));
  };
  switch (recordType) {
    case 'domain':
      next.domains = replace(next.domains, (d) => d.code);
      break;
    case 'collectivity':
      next.collectivities = replace(next.collectivities, (c) => c.id);
      break;
    case 'partnership': {
      const i = next.partnerships.findIndex((p) => p.id === recordId);
      if (data === undefined) next.partnerships.splice(i, 1);
      else if (i < 0) next.partnerships.push({ ...(data as PartnershipEntry) });
      else next.partnerships[i] = { ...(data as PartnershipEntry), projects: next.partnerships[i]!.projects };
      break;
    }
    case 'project': {
      const parentId = currentParent ?? change.parentId;
      const parent = next.partnerships.find((p) => p.id === parentId);
      if (parent === undefined) throw new ValidationError({ parentId: `Partenariat inconnu : « ${parentId ?? ''} ».` }, data, { parentId: { key: 'failure.field.partnershipUnknown', params: { id: parentId ?? '' } } });
      parent.projects = replace(parent.projects ?? [], (p) => p.id);
      break;
    }
  }
  return next;
}

/** Reference problems of the changed record, tied to its fields; others (a removal that breaks a reference) to the form. */
function checkReferences(doc: RepertoireDocument, change: RecordChange): void {
  const problems = findReferenceProblems(doc);
  if (problems.length === 0) return;
  const prefix = recordPathPrefix(doc, change);
  const errors: FieldErrors = {};
  const wordings: FieldWordings = {};
  for (const problem of problems) {
    const [path = '', ...rest] = problem.split(': ');
    const reference = referenceProblem(rest.join(': '));
    if (prefix !== undefined && path.startsWith(prefix)) {
      const field = path.slice(prefix.length).replace(/^\./, '');
      errors[field] ??= reference.message;
      if (reference.wording !== undefined) wordings[field] ??= reference.wording;
    } else if (errors[''] === undefined) {
      errors[''] = `La modification casserait une référence ailleurs dans le répertoire (${path}) : ${reference.message}`;
      wordings[''] = { key: 'failure.field.breaksReference', params: { path } };
    }
  }
  throw new ValidationError(errors, change.data, wordings);
}

function recordPathPrefix(doc: RepertoireDocument, change: RecordChange): string | undefined {
  const { recordType, recordId } = change;
  if (change.data === undefined) return undefined;
  if (recordType === 'domain') return `domains[${doc.domains.findIndex((d) => d.code === recordId)}]`;
  if (recordType === 'collectivity') return `collectivities[${doc.collectivities.findIndex((c) => c.id === recordId)}]`;
  if (recordType === 'partnership') return `partnerships[${doc.partnerships.findIndex((p) => p.id === recordId)}]`;
  for (const [i, p] of doc.partnerships.entries()) {
    const j = (p.projects ?? []).findIndex((q) => q.id === recordId);
    if (j >= 0) return `partnerships[${i}].projects[${j}]`;
  }
  return undefined;
}

/** A reference problem (as the document check words it, in English) in French for the command line, and as a code for the site. */
function referenceProblem(problem: string): { message: string; wording?: Wording } {
  const patterns: readonly [RegExp, (id: string) => string, FailureKey][] = [
    [/^unknown collectivity "(.*)"$/, (id) => `collectivité inconnue « ${id} »`, 'failure.field.collectivityUnknown'],
    [/^unknown domain "(.*)"$/, (id) => `domaine inconnu « ${id} »`, 'failure.field.domainUnknown'],
    [/^duplicate "(.*)"$/, (id) => `identifiant déjà pris « ${id} »`, 'failure.field.idTaken'],
    [/^"(.*)" is its own ancestor$/, (id) => `« ${id} » serait son propre parent`, 'failure.field.ownAncestor'],
  ];
  for (const [pattern, french, key] of patterns) {
    const id = pattern.exec(problem)?.[1];
    if (id !== undefined) return { message: french(id), wording: { key, params: { id } } };
  }
  return { message: problem };
}

const KINDS: Record<RecordType, RecordKind<RecordData>> = {
  domain: domainKind as RecordKind<RecordData>,
  collectivity: collectivityKind as RecordKind<RecordData>,
  partnership: partnershipKind as RecordKind<RecordData>,
  project: projectKind as RecordKind<RecordData>,
};

async function writeRecord(
  trx: Kysely<Database>,
  directoryId: string,
  recordType: RecordType,
  existing: Placed<RecordData> | undefined,
  placed: Placed<RecordData> | undefined,
): Promise<void> {
  const kind = KINDS[recordType];
  if (placed === undefined) {
    const key = kind.keyOf(existing!.record);
    await deleteRecords(trx, kind, directoryId, [key]);
    await forgetSources(trx, directoryId, recordType, [key]);
  } else if (existing === undefined) {
    await insertRecords(trx, kind, directoryId, [placed]);
  } else {
    await updateRecords(trx, kind, directoryId, [placed]);
  }
}

/** The conflict as the page shows it: the current version (theirs) and what was sent (yours). */
export async function conflictOf(db: Kysely<Database>, directoryId: string, change: RecordChange, baseVersion: number): Promise<ConflictError<RecordData>> {
  const head = await recordHead(db, directoryId, change.recordType, change.recordId);
  const current = await readCurrentRecord(db, directoryId, change.recordType, change.recordId);
  const names = await userNames(db, head?.origin.userId ? [head.origin.userId] : []);
  const theirs: ConflictError<RecordData>['theirs'] = { version: head?.version ?? current?.version ?? 0, data: current?.data };
  if (head?.origin.userId !== undefined) theirs.by = names.get(head.origin.userId) ?? head.origin.userId;
  if (head !== undefined) theirs.at = head.createdAt;
  return new ConflictError(change.recordType, change.recordId, theirs, { version: baseVersion, data: change.data });
}

/** A unique-key violation: SQLite's SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE, PostgreSQL's 23505. */
function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
