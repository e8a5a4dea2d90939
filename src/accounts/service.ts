/**
 * Accounts: creating users and inviting them, accepting an invitation, signing in and out,
 * sessions and their CSRF tokens, the sign-in rate limit and lockout. Everything lives in the
 * database, so that several instances of the site share it.
 *
 * A web handler calls one method per form and passes the client's address:
 *
 *   const { cookie, session } = await accounts.signIn(form, { address: req.ip, userAgent });
 *   reply.setCookie(cookie.name, cookie.value, cookie.options);
 *
 *   const session = await accounts.authenticate(req.cookies[SESSION_COOKIE_NAME]);  // every request
 *   accounts.verifyCsrf(session, form._csrf);                                       // every POST
 *
 * Before any session (the sign-in and invitation forms), the CSRF token is a pre-session's:
 * `preSession(cookie)` gives the token (and a cookie to set when it opened one),
 * `verifyPreSessionCsrf(cookie, form._csrf)` checks it, `endPreSession(cookie)` once signed in.
 * Size: one service over the accounts tables (users, invitations, sessions, CSRF, sign-in throttling and lockout) whose methods share the policy, the clock and the cookies: one security review, one file.
 */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import { RepertoireError } from '../errors.js';
import { soleDirectoryId } from '../store/load-document.js';
import type { Database } from '../store/tables.js';
import { chooseLanguage, type LanguageChoiceInput } from './account-language.js';
import { recordAudit, type NewAuditEvent } from './audit.js';
import { addMs, hourMinute, systemClock, DEFAULT_TIME_ZONE, type Clock } from './clock.js';
import { NO_MAIL, type Letter, type Postman } from './mail.js';
import { createPasswordResets, type ResetPolicy } from './password-reset.js';
import { changeRole, type RoleChangeInput } from './role-change.js';
import { hashPassword, Password, verifyNothing, verifyPassword } from './passwords.js';
import { CLI_ACTOR, ROLES, forbidden, isAdmin, requireAdmin, type Actor } from './roles.js';
import { digest, newId, newToken, safeEqual } from './tokens.js';
import { actorFrom, findUserByEmail, findUserById, userFrom, type User, type UserRow } from './users.js';
import { Email, fieldError, parseInput, Required } from './validation.js';

/** The session cookie. The web layer sets it with exactly these attributes (and `expires` from the session). */
export const SESSION_COOKIE_NAME = 'repertoire_session';
export const SESSION_COOKIE_OPTIONS = Object.freeze({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' } as const);

/**
 * A visitor without a session (the sign-in and invitation forms): the cookie holds a random id,
 * the store its digest and the forms' CSRF token. Same attributes as the session cookie.
 */
export const PRE_SESSION_COOKIE_NAME = 'repertoire_presession';

export interface SecurityPolicy {
  /** a session ends this long after sign-in, whatever happens */
  sessionTtlMs: number;
  /** …or after this long without a request */
  sessionIdleMs: number;
  invitationTtlMs: number;
  /** failures of one account within the window that lock it */
  maxFailuresPerAccount: number;
  /**
   * failures from one client address within the window that throttle it: from then on the address
   * gets one password check per `throttledIntervalMs`, except for the accounts that have signed in
   * from it before (those are held back by their own lock only)
   */
  maxFailuresPerAddress: number;
  throttledIntervalMs: number;
  failureWindowMs: number;
  lockMs: number;
  /** how long the sign-in and invitation forms of a visitor without a session stay valid */
  preSessionTtlMs: number;
}

const MINUTE = 60_000;
export const DEFAULT_POLICY: SecurityPolicy = Object.freeze({
  sessionTtlMs: 12 * 60 * MINUTE,
  sessionIdleMs: 2 * 60 * MINUTE,
  invitationTtlMs: 7 * 24 * 60 * MINUTE,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  throttledIntervalMs: MINUTE,
  failureWindowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  preSessionTtlMs: 2 * 60 * MINUTE,
});

export interface AccountDeps {
  db: Kysely<Database>;
  /** the site's address, for invitation links: https://repertoire.example.org */
  baseUrl: string;
  /** who sends the invitations (default: nobody, the CLI prints the link) */
  mail?: Postman;
  now?: Clock;
  policy?: Partial<SecurityPolicy>;
  /** the "mot de passe oublié" links' life and limits (password-reset.ts) */
  resetPolicy?: Partial<ResetPolicy>;
  /** a mail sent without waiting (a reset link) that failed: default, standard error */
  onMailError?: (error: unknown) => void;
  /** how lock times are shown (default Europe/Paris) */
  timeZone?: string;
  /** the directory of a contributor's collectivity when none is named: the site's default one (else the only one the store holds) */
  defaultDirectory?: () => Promise<string>;
}

/** Where a request comes from: recorded with sign-ins and used by the per-address limit. */
export interface ClientInfo {
  address?: string;
  userAgent?: string;
  /** the language of the page the request came from: a member's mail is written in the one they last used (unless they chose one: account-language.ts) */
  language?: string;
}

/** A signed-in request's session: who, and the token its forms must carry. */
export interface Session {
  /** the SHA-256 of the cookie's token: the session's id in the store */
  id: string;
  actor: Actor;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionCookie {
  name: string;
  value: string;
  options: typeof SESSION_COOKIE_OPTIONS & { expires: Date };
}

/** The forms' CSRF token of a visitor without a session; `cookie` when a new pre-session was opened (set it). */
export interface PreSession {
  csrfToken: string;
  cookie?: SessionCookie;
}

export interface SignInResult {
  session: Session;
  /** the cookie to set: its value is the only copy of the token */
  cookie: SessionCookie;
  user: User;
}

/** Account locked after repeated failures: says until when. */
export class AccountLockedError extends RepertoireError {
  constructor(
    readonly lockedUntil: Date,
    timeZone: string,
  ) {
    const time = hourMinute(lockedUntil, timeZone);
    super('rate-limited', `Compte verrouillé jusqu'à ${time} après plusieurs échecs de connexion.`, 429, { wording: { key: 'failure.locked', params: { time } } });
  }
}

/** Too many failures from one client address. */
export class ClientThrottledError extends RepertoireError {
  constructor(
    readonly retryAt: Date,
    timeZone: string,
  ) {
    // rounded up to the minute shown, so that trying again at that minute works
    const time = hourMinute(new Date(Math.ceil(retryAt.getTime() / MINUTE) * MINUTE), timeZone);
    super('rate-limited', `Trop de tentatives de connexion depuis votre adresse : réessayez après ${time}.`, 429, { wording: { key: 'failure.throttled', params: { time } } });
  }
}

export const NewUserInput = z.object({
  email: Email,
  name: Required('Nom', 200),
  role: z.enum(ROLES, { error: 'Rôle inconnu : administrateur (admin), éditeur (editor) ou contributeur (contributor).' }),
  collectivityId: z.string().trim().min(1).optional(),
  directoryId: z.string().trim().min(1).optional(),
  /** the language of their mail (default French); the administrator's page's when made on the site */
  language: z.string().regex(/^[a-z]{2}$/).optional(),
});
/** what a form sends: the role as typed, which the schema parses into one of ROLES (or says it is none) */
export type NewUserInput = Omit<z.input<typeof NewUserInput>, 'role'> & { role: string };

export const SignInInput = z.object({
  email: Email,
  password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, { error: 'Indiquez votre mot de passe.' }).max(1024),
});
export type SignInInput = z.input<typeof SignInInput>;

export const AcceptInvitationInput = z
  .object({ token: z.string().min(1, { error: 'Lien incomplet.' }), password: Password, confirmation: z.string().optional() })
  .refine((input) => input.confirmation === undefined || input.confirmation === input.password, {
    path: ['confirmation'],
    error: 'Les deux mots de passe diffèrent.',
    params: { wording: 'failure.field.passwordsDiffer' },
  });
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

export interface Invitation {
  user: User;
  /** the link to send: its token is stored only as a digest */
  link: string;
  expiresAt: string;
  /** the mail server refused the invitation's mail (the link still works: pass it on by hand) */
  mailError?: string;
}

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService(deps: AccountDeps) {
  const { db } = deps;
  const now = deps.now ?? systemClock;
  const policy: SecurityPolicy = { ...DEFAULT_POLICY, ...deps.policy };
  const mail = deps.mail ?? NO_MAIL;
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  const audit = (event: NewAuditEvent, trx: Kysely<Database> = db) => recordAudit(trx, event, now());

  async function invite(trx: Kysely<Database>, row: UserRow, actor: Actor): Promise<Invitation> {
    const token = newToken();
    const at = now();
    const expiresAt = addMs(at, policy.invitationTtlMs);
    // A new link replaces the unused ones.
    await trx.deleteFrom('invitations').where('user_id', '=', row.id).where('used_at', 'is', null).execute();
    await trx
      .insertInto('invitations')
      .values({ token_hash: digest(token), user_id: row.id, created_at: at.toISOString(), created_by: actor.id, expires_at: expiresAt.toISOString(), used_at: null })
      .execute();
    await audit({ action: 'user.invite', actorId: actor.id, subjectType: 'user', subjectId: row.id }, trx);
    const link = `${deps.baseUrl.replace(/\/+$/, '')}/invitation/${token}`;
    return { user: userFrom(row, at), link, expiresAt: expiresAt.toISOString() };
  }

  /** Mails the link; a mail server that refuses does not undo the account: the link is still returned (to pass on by hand), the failure audited. */
  async function sendInvitation(row: UserRow, invitation: Invitation): Promise<void> {
    try {
      await mail.send(invitationLetter(row, invitation));
    } catch (error) {
      invitation.mailError = error instanceof Error ? error.message : String(error);
      await audit({ action: 'mail.failure', subjectType: 'user', subjectId: row.id, details: { kind: 'invitation', to: row.email, error: invitation.mailError } });
    }
  }

  async function newSession(trx: Kysely<Database>, row: UserRow, client: ClientInfo): Promise<{ session: Session; cookie: SessionCookie }> {
    const token = newToken();
    const at = now();
    const expires = addMs(at, policy.sessionTtlMs);
    const id = digest(token);
    const csrfToken = newToken();
    await trx
      .insertInto('sessions')
      .values({
        id,
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: at.toISOString(),
        expires_at: expires.toISOString(),
        last_seen_at: at.toISOString(),
        client_address: client.address ?? null,
        user_agent: client.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    return {
      session: { id, actor: actorFrom(row), csrfToken, createdAt: at.toISOString(), expiresAt: expires.toISOString() },
      cookie: { name: SESSION_COOKIE_NAME, value: token, options: { ...SESSION_COOKIE_OPTIONS, expires } },
    };
  }

  /** Failures since `from` for this e-mail (or this address), oldest first: a reserved attempt is one until it succeeds. */
  async function failures(trx: Kysely<Database>, column: 'email' | 'client_address', value: string, from: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('sign_in_attempts')
      .select('attempted_at')
      .where(column, '=', value)
      .where('succeeded', '=', 0)
      .where('attempted_at', '>', from)
      .orderBy('attempted_at')
      .execute();
    return rows.map((row) => row.attempted_at);
  }

  /**
   * Failures that count against the account: in the window, since its last successful sign-in,
   * and not before its password was last set (a new password starts afresh).
   */
  async function accountFailures(trx: Kysely<Database>, email: string, at: Date): Promise<string[]> {
    const windowStart = addMs(at, -policy.failureWindowMs).toISOString();
    const success = await trx
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.max('attempted_at').as('at'))
      .where('email', '=', email)
      .where('succeeded', '=', 1)
      .executeTakeFirst();
    const invited = await trx
      .selectFrom('invitations')
      .innerJoin('users', 'users.id', 'invitations.user_id')
      .select((eb) => eb.fn.max('invitations.used_at').as('at'))
      .where('users.email', '=', email)
      .executeTakeFirst();
    const reset = await trx
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.user_id')
      .select((eb) => eb.fn.max('password_resets.used_at').as('at'))
      .where('users.email', '=', email)
      .executeTakeFirst();
    const passwordSet = { at: [invited?.at ?? undefined, reset?.at ?? undefined].filter((at): at is string => typeof at === 'string').sort().at(-1) };
    const since = [windowStart, success?.at ?? ''].reduce((a, b) => (b > a ? b : a));
    const counted = await failures(trx, 'email', email, since);
    const fresh = passwordSet?.at ?? undefined;
    return fresh === undefined ? counted : counted.filter((attemptedAt) => attemptedAt >= fresh);
  }

  /** Until when the account is locked: its lock, or its failures (reserved attempts included) reaching the limit. */
  async function accountLockedUntil(trx: Kysely<Database>, email: string, row: UserRow | undefined, at: Date): Promise<Date | undefined> {
    if (row?.locked_until && row.locked_until > at.toISOString()) return new Date(row.locked_until);
    const previous = await accountFailures(trx, email, at);
    if (previous.length < policy.maxFailuresPerAccount) return undefined;
    const until = addMs(new Date(previous[policy.maxFailuresPerAccount - 1]!), policy.lockMs);
    return until > at ? until : undefined;
  }

  /**
   * Until when a client address is held back for this account, if it is. An address past its
   * limit is slowed down, not shut: one password check per `throttledIntervalMs`, so that the
   * right password still gets in (many people may share an address), while a client spraying
   * passwords across accounts gets about 15 checks a quarter of an hour instead of hundreds. An
   * account that has signed in from this address before is not held back by it at all (its own
   * lock still holds).
   */
  async function addressThrottledUntil(trx: Kysely<Database>, email: string, address: string, at: Date): Promise<Date | undefined> {
    const fromAddress = await failures(trx, 'client_address', address, addMs(at, -policy.failureWindowMs).toISOString());
    if (fromAddress.length < policy.maxFailuresPerAddress) return undefined;
    const known = await trx
      .selectFrom('sign_in_attempts')
      .select('id')
      .where('email', '=', email)
      .where('client_address', '=', address)
      .where('succeeded', '=', 1)
      .limit(1)
      .executeTakeFirst();
    if (known !== undefined) return undefined;
    const next = addMs(new Date(fromAddress[fromAddress.length - 1]!), policy.throttledIntervalMs);
    return next > at ? next : undefined;
  }

  /** Writes a gate row: held until the transaction ends, it makes the next sign-in with the same key wait. */
  async function passGate(trx: Kysely<Database>, key: string, at: Date): Promise<void> {
    await trx
      .insertInto('sign_in_gates')
      .values({ key, touched_at: at.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ touched_at: at.toISOString() }))
      .execute();
  }

  type Reservation =
    | { kind: 'reserved'; attemptId: string; row: UserRow | undefined }
    | { kind: 'locked'; until: Date; row: UserRow | undefined }
    | { kind: 'throttled'; until: Date };

  /**
   * Counts and reserves in one transaction, before any password is checked: the attempt is
   * written as a failure now (and turned into a success if the password matches), so that a
   * burst of sign-ins for one account sees the attempts before it, checked or not, and at most
   * `maxFailuresPerAccount` passwords are ever checked. Gates are passed address first, then
   * account, always in that order, so that two sign-ins never wait on each other in a circle.
   * Unknown accounts go the same way (no probing).
   */
  async function reserveAttempt(email: string, client: ClientInfo, at: Date): Promise<Reservation> {
    return db.transaction().execute(async (trx) => {
      if (client.address !== undefined) await passGate(trx, `address:${client.address}`, at);
      await passGate(trx, `account:${email}`, at);
      if (client.address !== undefined) {
        const until = await addressThrottledUntil(trx, email, client.address, at);
        if (until !== undefined) return { kind: 'throttled', until };
      }
      const row = await findUserByEmail(trx, email);
      const until = await accountLockedUntil(trx, email, row, at);
      if (until !== undefined) return { kind: 'locked', until, row };
      const attemptId = newId();
      await trx
        .insertInto('sign_in_attempts')
        .values({ id: attemptId, email, client_address: client.address ?? null, attempted_at: at.toISOString(), succeeded: 0 })
        .execute();
      return { kind: 'reserved', attemptId, row };
    });
  }

  /** The invitation of a link's token, if it can still be used. */
  async function validInvitation(token: string): Promise<{ row: UserRow; tokenHash: string }> {
    const tokenHash = digest(token);
    const invitation = await db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    const row = invitation && (await findUserById(db, invitation.user_id));
    if (invitation === undefined || row === undefined || invitation.used_at !== null || invitation.expires_at <= now().toISOString() || row.disabled_at !== null) {
      throw new RepertoireError('not-found', 'Ce lien d’invitation est inconnu, a déjà servi ou a expiré : demandez-en un nouveau.', 404, { wording: { key: 'failure.invitation.unknown' } });
    }
    return { row, tokenHash };
  }

  return {
    policy,
    /** "mot de passe oublié": see password-reset.ts */
    resets: createPasswordResets({ db, baseUrl: deps.baseUrl, mail, now, timeZone, ...(deps.resetPolicy ? { policy: deps.resetPolicy } : {}), ...(deps.onMailError ? { onMailError: deps.onMailError } : {}) }),

    /**
     * Creates an account and its invitation link (also sent through the mail transport). An
     * administrator (or the CLI) only. A contributor needs a collectivity of the directory.
     */
    async createUser(input: NewUserInput, actor: Actor = CLI_ACTOR): Promise<Invitation> {
      requireAdmin(actor);
      const fields = parseInput(NewUserInput, input);
      let directoryId: string | null = null;
      let collectivityId: string | null = null;
      if (fields.role === 'contributor') {
        if (fields.collectivityId === undefined) throw fieldError('collectivityId', 'Un contributeur représente une collectivité : indiquez-la.', input, { key: 'failure.field.contributorCollectivity' });
        directoryId = fields.directoryId ?? (await (deps.defaultDirectory ?? (() => soleDirectoryId(db)))());
        const found = await db
          .selectFrom('collectivities')
          .select('id')
          .where('directory_id', '=', directoryId)
          .where('id', '=', fields.collectivityId)
          .executeTakeFirst();
        if (found === undefined) throw fieldError('collectivityId', `Collectivité inconnue : « ${fields.collectivityId} ».`, input, { key: 'failure.field.collectivityUnknown', params: { id: fields.collectivityId } });
        collectivityId = fields.collectivityId;
      } else if (fields.collectivityId !== undefined) {
        throw fieldError('collectivityId', 'Seul un contributeur est rattaché à une collectivité.', input, { key: 'failure.field.onlyContributorsCollectivity' });
      }
      if ((await findUserByEmail(db, fields.email)) !== undefined) throw fieldError('email', 'Un compte existe déjà avec cette adresse.', input, { key: 'failure.field.emailTaken' });

      const row: UserRow = {
        id: newId(),
        email: fields.email,
        name: fields.name,
        role: fields.role,
        directory_id: directoryId,
        collectivity_id: collectivityId,
        password_hash: null,
        created_at: now().toISOString(),
        created_by: actor.id,
        disabled_at: null,
        locked_until: null,
        last_sign_in_at: null,
        language: fields.language ?? 'fr',
        language_chosen_at: null,
      };
      const invitation = await db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(row).execute();
        await audit({ action: 'user.create', actorId: actor.id, subjectType: 'user', subjectId: row.id, details: { role: row.role, collectivityId } }, trx);
        return invite(trx, row, actor);
      });
      await sendInvitation(row, invitation);
      return invitation;
    },

    /** A new invitation link for an existing account (the previous unused links stop working). */
    async inviteAgain(email: string, actor: Actor = CLI_ACTOR): Promise<Invitation> {
      requireAdmin(actor);
      const address = parseInput(z.object({ email: Email }), { email }).email;
      const row = await findUserByEmail(db, address);
      if (row === undefined) throw new RepertoireError('not-found', `Aucun compte pour ${address}.`, 404, { wording: { key: 'failure.account.unknown', params: { address } } });
      if (row.disabled_at !== null) throw fieldError('email', 'Ce compte est désactivé : réactivez-le avant de l’inviter.', undefined, { key: 'failure.field.accountDisabled' });
      const invitation = await db.transaction().execute((trx) => invite(trx, row, actor));
      await sendInvitation(row, invitation);
      return invitation;
    },

    /** Whom an invitation link is for (the page greets them), or not-found when it is unknown, used or expired. */
    async invitationFor(token: string): Promise<User> {
      const { row } = await validInvitation(token);
      return userFrom(row, now());
    },

    /** Sets the password of an invited account (or resets it through a new link) and uses up the link. */
    async acceptInvitation(input: AcceptInvitationInput, client: ClientInfo = {}): Promise<User> {
      const fields = parseInput(AcceptInvitationInput, input);
      const { row, tokenHash } = await validInvitation(fields.token);
      const passwordHash = await hashPassword(fields.password);
      await db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('invitations')
          .set({ used_at: now().toISOString() })
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) throw new RepertoireError('not-found', 'Ce lien d’invitation a déjà servi.', 404, { wording: { key: 'failure.invitation.used' } });
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, locked_until: null, ...(client.language && row.language_chosen_at === null ? { language: client.language } : {}) })
          .where('id', '=', row.id)
          .execute();
        // A new password ends every session opened with the old one.
        await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
        await audit({ action: 'invitation.accept', actorId: row.id, subjectType: 'user', subjectId: row.id, clientAddress: client.address }, trx);
      });
      return userFrom({ ...row, password_hash: passwordHash }, now());
    },

    /** Changes a person's role (administrators; see role-change.ts). */
    async changeRole(input: RoleChangeInput, actor: Actor = CLI_ACTOR): Promise<User> {
      return changeRole(db, actor, input, now(), deps.defaultDirectory ?? (() => soleDirectoryId(db)));
    },

    /** The language of a member's mail, chosen on their account page (see account-language.ts). */
    async chooseLanguage(userId: string, input: LanguageChoiceInput, actor: Actor): Promise<string> {
      return chooseLanguage(db, actor, userId, input, now());
    },

    /** The language a member's mail is written in. */
    async languageOf(userId: string): Promise<string | undefined> {
      return (await findUserById(db, userId))?.language;
    },

    async listUsers(actor: Actor = CLI_ACTOR): Promise<User[]> {
      requireAdmin(actor);
      const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
      return rows.map((row) => userFrom(row, now()));
    },

    /** Disables an account: it can no longer sign in, and its sessions end now. */
    async disableUser(email: string, actor: Actor = CLI_ACTOR): Promise<User> {
      return setDisabled(email, actor, true);
    },

    async enableUser(email: string, actor: Actor = CLI_ACTOR): Promise<User> {
      return setDisabled(email, actor, false);
    },

    /**
     * Signs in: counts the address's and the account's failures and reserves the attempt in one
     * transaction (see reserveAttempt), then checks the password. A new
     * session (new token, new CSRF token) every time; `previousToken`, the cookie the browser
     * sent, if any, is ended (rotation). Throws 'unauthenticated' (wrong address or password,
     * never saying which), AccountLockedError or ClientThrottledError.
     */
    async signIn(input: SignInInput, client: ClientInfo = {}, previousToken?: string): Promise<SignInResult> {
      const { email, password } = parseInput(SignInInput, input);
      const at = now();
      const reservation = await reserveAttempt(email, client, at);
      if (reservation.kind === 'throttled') {
        await audit({ action: 'sign-in.throttled', clientAddress: client.address, details: { email } });
        throw new ClientThrottledError(reservation.until, timeZone);
      }
      const { row } = reservation;
      if (reservation.kind === 'locked') {
        if (row !== undefined) await audit({ action: 'sign-in.refused-locked', subjectType: 'user', subjectId: row.id, clientAddress: client.address, details: { email } });
        throw new AccountLockedError(reservation.until, timeZone);
      }

      const ok = row !== undefined && row.disabled_at === null && row.password_hash !== null ? await verifyPassword(row.password_hash, password) : await verifyNothing(password);
      if (!ok) {
        const reason = row === undefined ? 'unknown-account' : row.disabled_at !== null ? 'disabled' : row.password_hash === null ? 'no-password' : 'wrong-password';
        await audit({ action: 'sign-in.failure', subjectType: row && 'user', subjectId: row?.id, clientAddress: client.address, details: { email, reason } });
        const count = (await accountFailures(db, email, at)).length;
        if (count >= policy.maxFailuresPerAccount) {
          const until = addMs(at, policy.lockMs);
          if (row !== undefined) {
            await db.updateTable('users').set({ locked_until: until.toISOString() }).where('id', '=', row.id).execute();
            await audit({ action: 'account.locked', subjectType: 'user', subjectId: row.id, clientAddress: client.address, details: { failures: count, until: until.toISOString() } });
          }
          throw new AccountLockedError(until, timeZone);
        }
        throw new RepertoireError('unauthenticated', 'Adresse e-mail ou mot de passe incorrect.', 401);
      }

      const user = row!;
      return db.transaction().execute(async (trx) => {
        await trx.updateTable('sign_in_attempts').set({ succeeded: 1 }).where('id', '=', reservation.attemptId).execute();
        if (previousToken) await trx.deleteFrom('sessions').where('id', '=', digest(previousToken)).execute();
        // the language of the sign-in page: their mail follows it, unless they chose one on their account page
        await trx
          .updateTable('users')
          .set({ last_sign_in_at: at.toISOString(), locked_until: null, ...(client.language && user.language_chosen_at === null ? { language: client.language } : {}) })
          .where('id', '=', user.id)
          .execute();
        const { session, cookie } = await newSession(trx, user, client);
        await audit({ action: 'sign-in.success', actorId: user.id, subjectType: 'user', subjectId: user.id, clientAddress: client.address }, trx);
        return { session, cookie, user: userFrom({ ...user, last_sign_in_at: at.toISOString(), locked_until: null }, at) };
      });
    },

    /**
     * The session a cookie's token opens, or undefined (no cookie, unknown, expired, idle too
     * long, account disabled). Call it on every request; pass the result's `actor` to the services.
     */
    async authenticate(token: string | undefined): Promise<Session | undefined> {
      if (!token) return undefined;
      const id = digest(token);
      const found = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.csrf_token', 'sessions.created_at as session_created_at', 'sessions.expires_at', 'sessions.last_seen_at'])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
      if (found === undefined) return undefined;
      const at = now();
      const idleSince = addMs(at, -policy.sessionIdleMs).toISOString();
      if (found.expires_at <= at.toISOString() || found.last_seen_at <= idleSince || found.disabled_at !== null) {
        await db.deleteFrom('sessions').where('id', '=', id).execute();
        return undefined;
      }
      // Idle time is counted by the minute: no write on every request.
      if (addMs(new Date(found.last_seen_at), MINUTE) <= at) {
        await db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id', '=', id).execute();
      }
      return { id, actor: actorFrom(found), csrfToken: found.csrf_token, createdAt: found.session_created_at, expiresAt: found.expires_at };
    },

    /** Ends the session of this cookie's token (nothing happens for an unknown one). */
    async signOut(token: string | undefined, client: ClientInfo = {}): Promise<void> {
      if (!token) return;
      const id = digest(token);
      const session = await db.selectFrom('sessions').select('user_id').where('id', '=', id).executeTakeFirst();
      if (session === undefined) return;
      await db.deleteFrom('sessions').where('id', '=', id).execute();
      await audit({ action: 'sign-out', actorId: session.user_id, subjectType: 'user', subjectId: session.user_id, clientAddress: client.address });
    },

    /** Ends every session of a user: the user themself, or an administrator. */
    async signOutEverywhere(userId: string, actor: Actor): Promise<number> {
      if (actor.id !== userId && !isAdmin(actor)) throw forbidden();
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      await audit({ action: 'sign-out.everywhere', actorId: actor.id, subjectType: 'user', subjectId: userId });
      return Number(result.numDeletedRows);
    },

    /**
     * The pre-session of a visitor without a session: the one the cookie's id opens if the
     * server issued it and it has not expired, else a new one (expired ones are purged then).
     */
    async preSession(cookieValue: string | undefined): Promise<PreSession> {
      const at = now();
      const found = await livePreSession(cookieValue, at);
      if (found !== undefined) return { csrfToken: found.csrf_token };
      const id = newToken();
      const csrfToken = newToken();
      const expires = addMs(at, policy.preSessionTtlMs);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('pre_sessions').where('expires_at', '<=', at.toISOString()).execute();
        await trx.insertInto('pre_sessions').values({ id: digest(id), csrf_token: csrfToken, created_at: at.toISOString(), expires_at: expires.toISOString() }).execute();
      });
      return { csrfToken, cookie: { name: PRE_SESSION_COOKIE_NAME, value: id, options: { ...SESSION_COOKIE_OPTIONS, expires } } };
    },

    /** Throws 'forbidden' unless `submitted` is the CSRF token of the pre-session the cookie's id opens. Call on the sign-in and invitation POSTs. */
    async verifyPreSessionCsrf(cookieValue: string | undefined, submitted: unknown): Promise<void> {
      verifyCsrfToken((await livePreSession(cookieValue, now()))?.csrf_token, submitted);
    },

    /** Ends a pre-session (once signed in, its forms are done). */
    async endPreSession(cookieValue: string | undefined): Promise<void> {
      if (cookieValue) await db.deleteFrom('pre_sessions').where('id', '=', digest(cookieValue)).execute();
    },

    /** Throws 'forbidden' unless `submitted` is the session's CSRF token. Call on every POST. */
    verifyCsrf(session: Pick<Session, 'csrfToken'> | undefined, submitted: unknown): void {
      verifyCsrfToken(session?.csrfToken, submitted);
    },
  };

  async function livePreSession(cookieValue: string | undefined, at: Date) {
    if (!cookieValue) return undefined;
    return db.selectFrom('pre_sessions').select('csrf_token').where('id', '=', digest(cookieValue)).where('expires_at', '>', at.toISOString()).executeTakeFirst();
  }

  async function setDisabled(email: string, actor: Actor, disabled: boolean): Promise<User> {
    requireAdmin(actor);
    const address = parseInput(z.object({ email: Email }), { email }).email;
    const row = await findUserByEmail(db, address);
    if (row === undefined) throw new RepertoireError('not-found', `Aucun compte pour ${address}.`, 404, { wording: { key: 'failure.account.unknown', params: { address } } });
    if (disabled && row.id === actor.id) throw forbidden('Vous ne pouvez pas désactiver votre propre compte.');
    const disabledAt = disabled ? (row.disabled_at ?? now().toISOString()) : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', row.id).execute();
      if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      await audit({ action: disabled ? 'user.disable' : 'user.enable', actorId: actor.id, subjectType: 'user', subjectId: row.id }, trx);
    });
    return userFrom({ ...row, disabled_at: disabledAt }, now());
  }
}

function invitationLetter(row: UserRow, invitation: Invitation): Letter {
  return { kind: 'invitation', to: row.email, name: row.name, link: invitation.link, expiresAt: invitation.expiresAt, language: row.language };
}

/** Constant-time check of a submitted CSRF token against the expected one; throws 'forbidden'. */
export function verifyCsrfToken(expected: string | undefined, submitted: unknown): void {
  if (expected === undefined || typeof submitted !== 'string' || submitted.length === 0 || !safeEqual(expected, submitted)) {
    throw new RepertoireError('forbidden', 'Le formulaire a expiré ou ne vient pas de ce site : rechargez la page et recommencez.', 403, { wording: { key: 'failure.csrf' } });
  }
}
