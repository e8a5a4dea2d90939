/**
 * The records changed between two states of the store (store/stamp.ts `readStamp`): the audit
 * events that change records, after the one the older stamp names, for one directory. Undefined
 * when the delta cannot say: an import since (a new report), a directory added or removed, or an
 * older stamp that is not before the newer one.
 */
import type { Kysely } from 'kysely';
import { RECORD_CHANGE_ACTIONS } from '../../store/stamp.js';
import type { Database } from '../../store/tables.js';
import type { RecordRef } from './records.js';

export async function recordChangesBetween(db: Kysely<Database>, directoryId: string, from: string, to: string): Promise<RecordRef[] | undefined> {
  const [fromReport, fromChange, fromDirectories] = from.split('|');
  const [toReport, toChange, toDirectories] = to.split('|');
  if (fromReport !== toReport || fromDirectories !== toDirectories) return undefined;
  const after = Number(fromChange);
  const upTo = Number(toChange);
  if (!Number.isInteger(after) || !Number.isInteger(upTo) || upTo < after) return undefined;
  const rows = await db
    .selectFrom('audit_events')
    .select(['subject_type', 'subject_id'])
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .where('directory_id', '=', directoryId)
    .where('action', 'in', [...RECORD_CHANGE_ACTIONS])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ type: row.subject_type ?? 'unknown', id: row.subject_id ?? '' }));
}
