/**
 * Telling people what happened to their census work, by mail: a review decision to the
 * proposal's author. The decision is made and stored before; a mail that cannot be sent is
 * recorded in the audit log (`mail.failure`) and never undoes it nor fails the editor's request.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.js';
import type { Letter, Postman } from '../accounts/mail.js';
import type { Database } from '../store/tables.js';
import type { ProposalRow } from './proposals.js';

/** Sends a letter; a failure goes to the audit log instead of the caller. */
export async function sendOrRecord(db: Kysely<Database>, mail: Postman, letter: Letter, at: Date, context: { directoryId?: string; subjectType?: string; subjectId?: string } = {}): Promise<boolean> {
  try {
    await mail.send(letter);
    return true;
  } catch (error) {
    await recordAudit(db, { action: 'mail.failure', ...context, details: { kind: letter.kind, to: letter.to, error: error instanceof Error ? error.message : String(error) } }, at);
    return false;
  }
}

/** The decision on a proposal, to its author (not when the editor deciding wrote it, nor to a disabled account). */
export async function noticeDecision(db: Kysely<Database>, mail: Postman, row: ProposalRow, decision: { status: 'approved' | 'rejected'; by: string; comment?: string | undefined; recordLabel: string }, at: Date): Promise<void> {
  if (row.author_id === null || row.author_id === decision.by) return;
  const author = await db.selectFrom('users').select(['email', 'name', 'disabled_at', 'language']).where('id', '=', row.author_id).executeTakeFirst();
  if (author === undefined || author.disabled_at !== null) return;
  const letter: Letter = {
    kind: 'review-decision',
    language: author.language,
    to: author.email,
    name: author.name,
    decision: decision.status,
    recordType: row.record_type,
    recordId: row.record_id,
    recordLabel: decision.recordLabel,
    ...(decision.comment ? { comment: decision.comment } : {}),
    ...(row.campaign_id !== null ? { campaignId: row.campaign_id } : {}),
  };
  await sendOrRecord(db, mail, letter, at, { directoryId: row.directory_id, subjectType: row.record_type, subjectId: row.record_id });
}
