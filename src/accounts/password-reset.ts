/**
 * "Mot de passe oublié": a person asks for a link by typing their address; the link's token is
 * random, stored as its SHA-256 only, works once, and expires after `resetTtlMs`. Setting a new
 * password through it ends every session of the account and starts its sign-in failures afresh.
 *
 * The answer never tells whether the address has an account: every request writes its row (with
 * no account for an unknown address), counts against the same limits, and the mail is handed to
 * the postman without waiting for it (an SMTP exchange would otherwise time an existing account).
 * Requests pass the sign-in gates (one row per address, one per e-mail, in that order) so that a
 * burst is counted one request after the other on both engines.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import type { Database } from '../store/tables.js';
import { recordAudit, type NewAuditEvent } from './audit.js';
import { addMs, hourMinute, systemClock, DEFAULT_TIME_ZONE, type Clock } from './clock.js';
import { NO_MAIL, type Postman } from './mail.js';
import { hashPassword, Password } from './passwords.js';
import { digest, newToken } from './tokens.js';
import { findUserByEmail, findUserById, userFrom, type User, type UserRow } from './users.js';
import { Email, parseInput } from './validation.js';

export interface ResetPolicy {
  /** how long a link works */
  resetTtlMs: number;
  /** requests for one address within the window; past it, refused until the oldest leaves the window */
  maxResetsPerAccount: number;
  /** requests from one client address within the window */
  maxResetsPerAddress: number;
  resetWindowMs: number;
}

const MINUTE = 60_000;
export const DEFAULT_RESET_POLICY: ResetPolicy = Object.freeze({
  resetTtlMs: 60 * MINUTE,
  maxResetsPerAccount: 3,
  maxResetsPerAddress: 10,
  resetWindowMs: 60 * MINUTE,
});

export interface ResetDeps {
  db: Kysely<Database>;
  baseUrl: string;
  mail?: Postman;
  now?: Clock;
  policy?: Partial<ResetPolicy>;
  timeZone?: string;
  /** a mail that could not be sent (the request's answer is already given): default, standard error */
  onMailError?: (error: unknown) => void;
}

interface ClientInfo {
  address?: string;
  /** the language of the page the request came from: the mail is written in it */
  language?: string;
}

/** Too many requests for this address, or from this client: says until when. */
export class ResetThrottledError extends RepertoireError {
  constructor(
    readonly retryAt: Date,
    timeZone: string,
  ) {
    const time = hourMinute(new Date(Math.ceil(retryAt.getTime() / MINUTE) * MINUTE), timeZone);
    super('rate-limited', `Trop de demandes : réessayez après ${time}.`, 429, { wording: { key: 'failure.resetThrottled', params: { time } } });
  }
}

export const ResetRequestInput = z.object({ email: Email });

export const NewPasswordInput = z
  .object({ token: z.string().min(1, { error: 'Lien incomplet.' }), password: Password, confirmation: z.string().optional() })
  .refine((input) => input.confirmation === undefined || input.confirmation === input.password, {
    path: ['confirmation'],
    error: 'Les deux mots de passe diffèrent.',
    params: { wording: 'failure.field.passwordsDiffer' },
  });
export type NewPasswordInput = z.input<typeof NewPasswordInput>;

export type PasswordResets = ReturnType<typeof createPasswordResets>;

export function createPasswordResets(deps: ResetDeps) {
  const { db } = deps;
  const now = deps.now ?? systemClock;
  const policy: ResetPolicy = { ...DEFAULT_RESET_POLICY, ...deps.policy };
  const mail = deps.mail ?? NO_MAIL;
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  const onMailError = deps.onMailError ?? ((error: unknown) => process.stderr.write(`password reset mail not sent: ${error instanceof Error ? error.message : String(error)}\n`));
  const audit = (event: NewAuditEvent, trx: Kysely<Database> = db) => recordAudit(trx, event, now());

  async function gate(trx: Kysely<Database>, key: string, at: Date) {
    await trx
      .insertInto('sign_in_gates')
      .values({ key, touched_at: at.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ touched_at: at.toISOString() }))
      .execute();
  }

  /** When the requests in the window reach the limit: the time the oldest counted one leaves it. */
  async function limitedUntil(trx: Kysely<Database>, column: 'email' | 'client_address', value: string, max: number, at: Date): Promise<Date | undefined> {
    const rows = await trx
      .selectFrom('password_resets')
      .select('created_at')
      .where(column, '=', value)
      .where('created_at', '>', addMs(at, -policy.resetWindowMs).toISOString())
      .orderBy('created_at', 'desc')
      .limit(max)
      .execute();
    return rows.length < max ? undefined : addMs(new Date(rows[rows.length - 1]!.created_at), policy.resetWindowMs);
  }

  async function validReset(token: string): Promise<{ row: UserRow; tokenHash: string }> {
    const tokenHash = digest(token);
    const reset = await db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    const row = reset?.user_id ? await findUserById(db, reset.user_id) : undefined;
    if (reset === undefined || row === undefined || reset.used_at !== null || reset.expires_at <= now().toISOString() || row.disabled_at !== null) {
      throw new RepertoireError('not-found', 'Ce lien est inconnu, a déjà servi ou a expiré : demandez-en un nouveau.', 404, { wording: { key: 'failure.resetLink.unknown' } });
    }
    return { row, tokenHash };
  }

  return {
    policy,

    /**
     * Records a request and, when the address has an account that may sign in, sends it a link.
     * The same result whatever the address; ResetThrottledError past the limits.
     */
    async request(input: { email: string }, client: ClientInfo = {}): Promise<{ expiresInMinutes: number }> {
      const { email } = parseInput(ResetRequestInput, input, []);
      const at = now();
      const token = newToken();
      const expiresAt = addMs(at, policy.resetTtlMs);
      const outcome = await db.transaction().execute(async (trx) => {
        if (client.address !== undefined) await gate(trx, `address:${client.address}`, at);
        await gate(trx, `account:${email}`, at);
        const until =
          (client.address === undefined ? undefined : await limitedUntil(trx, 'client_address', client.address, policy.maxResetsPerAddress, at)) ??
          (await limitedUntil(trx, 'email', email, policy.maxResetsPerAccount, at));
        if (until !== undefined) return { kind: 'throttled' as const, until };
        const found = await findUserByEmail(trx, email);
        const row = found !== undefined && found.disabled_at === null ? found : undefined;
        await trx
          .insertInto('password_resets')
          .values({ token_hash: digest(token), user_id: row?.id ?? null, email, client_address: client.address ?? null, created_at: at.toISOString(), expires_at: expiresAt.toISOString(), used_at: null })
          .execute();
        await audit({ action: 'password.reset-request', subjectType: row && 'user', subjectId: row?.id, clientAddress: client.address, details: { email, known: row !== undefined } }, trx);
        return { kind: 'recorded' as const, row };
      });
      if (outcome.kind === 'throttled') {
        await audit({ action: 'password.reset-throttled', clientAddress: client.address, details: { email } });
        throw new ResetThrottledError(outcome.until, timeZone);
      }
      if (outcome.row !== undefined) {
        const link = `${deps.baseUrl.replace(/\/+$/, '')}/mot-de-passe/${token}`;
        // in the language of the page they asked from, else their own
        const language = client.language ?? outcome.row.language;
        mail.send({ kind: 'password-reset', language, to: outcome.row.email, name: outcome.row.name, link, expiresAt: expiresAt.toISOString() }).catch(onMailError);
      }
      return { expiresInMinutes: Math.round(policy.resetTtlMs / MINUTE) };
    },

    /** Whom a link is for (the page greets them), or not-found when it is unknown, used or expired. */
    async accountFor(token: string): Promise<User> {
      return userFrom((await validReset(token)).row, now());
    },

    /** Sets the new password, uses up the link (and every other unused one of the account), ends every session. */
    async reset(input: NewPasswordInput, client: ClientInfo = {}): Promise<User> {
      const fields = parseInput(NewPasswordInput, input);
      const { row, tokenHash } = await validReset(fields.token);
      const passwordHash = await hashPassword(fields.password);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        const used = await trx.updateTable('password_resets').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) throw new RepertoireError('not-found', 'Ce lien a déjà servi : demandez-en un nouveau.', 404, { wording: { key: 'failure.resetLink.used' } });
        await trx.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', row.id).where('used_at', 'is', null).execute();
        await trx.updateTable('invitations').set({ used_at: at }).where('user_id', '=', row.id).where('used_at', 'is', null).execute();
        await trx.updateTable('users').set({ password_hash: passwordHash, locked_until: null }).where('id', '=', row.id).execute();
        const sessions = await trx.deleteFrom('sessions').where('user_id', '=', row.id).executeTakeFirst();
        await audit({ action: 'password.reset', actorId: row.id, subjectType: 'user', subjectId: row.id, clientAddress: client.address, details: { sessionsEnded: Number(sessions.numDeletedRows) } }, trx);
      });
      return userFrom({ ...row, password_hash: passwordHash, locked_until: null }, now());
    },
  };
}
