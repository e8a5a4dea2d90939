/**
 * The audit log: every sign-in (success, failure, lockout), sign-out, account change and change
 * to the records, append-only. Events name the actor and the subject by id; `details` holds what
 * else helps (never a password, a token, or an erased person's data).
 */
import type { Kysely, Selectable } from 'kysely';
import { decodeJson, encodeJson } from '../store/codec.js';
import type { AuditEventTable, Database } from '../store/tables.js';

export type AuditAction =
  | 'sign-in.success'
  | 'sign-in.failure'
  | 'sign-in.refused-locked'
  | 'sign-in.throttled'
  | 'account.locked'
  | 'sign-out'
  | 'sign-out.everywhere'
  | 'user.create'
  | 'user.invite'
  | 'user.disable'
  | 'user.enable'
  | 'user.role'
  | 'user.language'
  | 'invitation.accept'
  | 'password.reset-request'
  | 'password.reset-throttled'
  | 'password.reset'
  | 'housekeeping.purge'
  | 'campaign.invite-all'
  | 'campaign.remind'
  | 'mail.failure'
  | 'record.edit'
  | 'record.revert'
  | 'campaign.open'
  | 'campaign.close'
  | 'campaign.submit'
  | 'proposal.save'
  | 'proposal.withdraw'
  | 'proposal.approve'
  | 'proposal.reject'
  | 'import.review-batch'
  | 'consent.set'
  | 'person.export'
  | 'person.erase'
  | 'notice.publish'
  | 'notice.approve'
  | 'notice.reject'
  | 'notice.withdraw'
  | 'notice.answer';

export interface NewAuditEvent {
  action: AuditAction;
  actorId?: string | undefined;
  directoryId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  clientAddress?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface AuditEvent extends NewAuditEvent {
  id: number;
  occurredAt: string;
}

export async function recordAudit(db: Kysely<Database>, event: NewAuditEvent, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: now.toISOString(),
      actor_id: event.actorId ?? null,
      action: event.action,
      directory_id: event.directoryId ?? null,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      client_address: event.clientAddress ?? null,
      details: encodeJson(event.details),
    })
    .execute();
}

export interface AuditFilter {
  actorId?: string;
  action?: AuditAction;
  subjectType?: string;
  subjectId?: string;
  /** events with a smaller id (paging back) */
  before?: number;
  limit?: number;
}

/** Newest first. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit ?? 200).execute();
  return rows.map(auditFrom);
}

function auditFrom(row: Selectable<AuditEventTable>): AuditEvent {
  const event: AuditEvent = { id: row.id, occurredAt: row.occurred_at, action: row.action as AuditAction };
  if (row.actor_id !== null) event.actorId = row.actor_id;
  if (row.directory_id !== null) event.directoryId = row.directory_id;
  if (row.subject_type !== null) event.subjectType = row.subject_type;
  if (row.subject_id !== null) event.subjectId = row.subject_id;
  if (row.client_address !== null) event.clientAddress = row.client_address;
  const details = decodeJson<Record<string, unknown>>(row.details);
  if (details !== undefined) event.details = details;
  return event;
}
