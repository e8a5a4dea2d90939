/**
 * The store's version stamp: every import logs a report, and every other change to the records
 * (an editor's edit or revert, an approved proposal, a consent, an erasure; a partner-search
 * notice approved or withdrawn, which the public pages show) logs an audit event in
 * the same transaction, so the newest report id, the newest such event and the list of
 * directories change whenever the records do. The site reads a new snapshot, the statistics and
 * figures their caches, and the search its index, when it moved; each check is a few indexed reads.
 */
import type { Kysely } from 'kysely';
import { listDirectoryIds } from './records/directory.js';
import type { Database } from './tables.js';

/** The audit actions that change what the pages show (see src/accounts/audit.ts). */
export const RECORD_CHANGE_ACTIONS = ['record.edit', 'record.revert', 'proposal.approve', 'consent.set', 'person.erase', 'notice.approve', 'notice.withdraw'] as const;

/** The newest report id, the newest change to the records and the directories: changes whenever an import, an edit or an approval writes. */
export async function readStamp(db: Kysely<Database>): Promise<string> {
  const [row, change, ids] = await Promise.all([
    db
      .selectFrom('import_reports')
      .select((eb) => eb.fn.max('id').as('latest'))
      .executeTakeFirst(),
    latestRecordChange(db),
    listDirectoryIds(db),
  ]);
  return `${String(row?.latest ?? 0)}|${change}|${ids.join(',')}`;
}

/** Per store: the newest record change found among the audit events up to `upTo`. */
const seenAudit = new WeakMap<Kysely<Database>, { upTo: number; change: number }>();

/** How many of the newest audit events are searched on every request (a transaction may commit a lower id late). */
const RECENT_EVENTS = 1000;

/**
 * The id of the newest audit event that changed the records. The log only grows: the newest
 * events are searched on every request (an indexed range), the older ones once per process (and
 * again if the log shrank: a restore).
 */
async function latestRecordChange(db: Kysely<Database>): Promise<number> {
  const top = Number((await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('top')).executeTakeFirst())?.top ?? 0);
  const windowStart = Math.max(0, top - RECENT_EVENTS);
  const newest = (from: number, to: number) =>
    db
      .selectFrom('audit_events')
      .select('id')
      .where('id', '>', from)
      .where('id', '<=', to)
      .where('action', 'in', [...RECORD_CHANGE_ACTIONS])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
      .then((row) => Number(row?.id ?? 0));
  const recent = await newest(windowStart, top);
  let seen = seenAudit.get(db);
  if (seen === undefined || seen.upTo > top) {
    seen = { upTo: windowStart, change: await newest(0, windowStart) };
  }
  if (seen.upTo < windowStart) seen = { upTo: windowStart, change: Math.max(seen.change, await newest(seen.upTo, windowStart)) };
  seenAudit.set(db, seen);
  return Math.max(recent, seen.change);
}

/** A record-changing audit event: what was done, to which record (`subject_type`, `subject_id`). */
export interface RecordChange {
  action: string;
  type: string;
  id: string;
}

/**
 * The record-changing audit events logged between two stamps (`from` older), oldest first, of one
 * directory if it is named; undefined when more than audit events moved the stamp (an import
 * report, a directory added or removed), or it went back (a restore). The one reader of "what
 * changed since": the kept statistics and the search index's delta both ask it.
 */
export async function recordChangesBetween(db: Kysely<Database>, from: string, to: string, directoryId?: string): Promise<RecordChange[] | undefined> {
  const [fromReport, fromChange, fromIds] = from.split('|');
  const [toReport, toChange, toIds] = to.split('|');
  if (fromReport !== toReport || fromIds !== toIds) return undefined;
  const after = Number(fromChange);
  const upTo = Number(toChange);
  if (!Number.isInteger(after) || !Number.isInteger(upTo) || upTo < after) return undefined;
  let query = db
    .selectFrom('audit_events')
    .select(['action', 'subject_type', 'subject_id'])
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .where('action', 'in', [...RECORD_CHANGE_ACTIONS]);
  if (directoryId !== undefined) query = query.where('directory_id', '=', directoryId);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({ action: row.action, type: row.subject_type ?? 'unknown', id: row.subject_id ?? '' }));
}
