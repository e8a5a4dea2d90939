/**
 * Housekeeping of the accounts tables: what has stopped mattering is deleted, so that the tables
 * a sign-in reads stay small over years of yearly campaigns. Rows still counted by a limit are
 * kept: sign-in attempts for `keepAttemptsMs` (far longer than any failure window), used or
 * expired links for a day (the failure count starts afresh from a password's last setting, read
 * from them within minutes). Run by `repertoire purge` (cron) and by the server every hour.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { recordAudit } from './audit.js';
import { addMs } from './clock.js';

const DAY = 24 * 60 * 60_000;

export interface PurgePolicy {
  /** a session idle this long is over (the account service's sessionIdleMs) */
  sessionIdleMs: number;
  /** sign-in attempts older than this are deleted */
  keepAttemptsMs: number;
}

export const DEFAULT_PURGE: PurgePolicy = Object.freeze({ sessionIdleMs: 2 * 60 * 60_000, keepAttemptsMs: 30 * DAY });

export interface PurgeCounts {
  sessions: number;
  preSessions: number;
  signInAttempts: number;
  signInGates: number;
  invitations: number;
  passwordResets: number;
}

export async function purgeAccounts(db: Kysely<Database>, now: Date, policy: Partial<PurgePolicy> = {}): Promise<PurgeCounts> {
  const { sessionIdleMs, keepAttemptsMs } = { ...DEFAULT_PURGE, ...policy };
  const at = now.toISOString();
  const dayAgo = addMs(now, -DAY).toISOString();
  const n = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  const counts = await db.transaction().execute(async (trx) => ({
    sessions: n(await trx.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', at), eb('last_seen_at', '<=', addMs(now, -sessionIdleMs).toISOString())])).executeTakeFirst()),
    preSessions: n(await trx.deleteFrom('pre_sessions').where('expires_at', '<=', at).executeTakeFirst()),
    signInAttempts: n(await trx.deleteFrom('sign_in_attempts').where('attempted_at', '<', addMs(now, -keepAttemptsMs).toISOString()).executeTakeFirst()),
    signInGates: n(await trx.deleteFrom('sign_in_gates').where('touched_at', '<', dayAgo).executeTakeFirst()),
    invitations: n(await trx.deleteFrom('invitations').where((eb) => eb.or([eb('used_at', '<', dayAgo), eb('expires_at', '<', dayAgo)])).executeTakeFirst()),
    passwordResets: n(await trx.deleteFrom('password_resets').where('created_at', '<', dayAgo).where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<', at)])).executeTakeFirst()),
  }));
  if (Object.values(counts).some((count) => count > 0)) await recordAudit(db, { action: 'housekeeping.purge', details: { ...counts } }, now);
  return counts;
}
