import { describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/engines.js';
import { censusStore } from '../census/testing.js';
import { listAudit } from './audit.js';
import { hourMinute } from './clock.js';
import { CLI_ACTOR } from './roles.js';
import { AccountLockedError, ClientThrottledError, SESSION_COOKIE_NAME, SESSION_COOKIE_OPTIONS, verifyCsrfToken } from './service.js';
import { digest } from './tokens.js';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

/** The token of the link the mail carried. */
const tokenOf = (link: string) => link.split('/invitation/')[1]!;

describe.each(ENGINES)('accounts on %s', (engine) => {
  async function withMember() {
    const ctx = await censusStore(engine);
    const invitation = await ctx.accounts.createUser({ email: 'Member@Example.org ', name: 'Marie Membre', role: 'editor' }, CLI_ACTOR);
    await ctx.accounts.acceptInvitation({ token: tokenOf(invitation.link), password: PASSWORD, confirmation: PASSWORD });
    return { ...ctx, member: invitation.user };
  }

  it('creates an account with an invitation link, sent through the mail transport, and stores only digests', async () => {
    const { accounts, mail, db } = await censusStore(engine);
    const { user, link } = await accounts.createUser({ email: 'new@example.org', name: 'Nouvelle', role: 'editor' });
    expect(user).toMatchObject({ email: 'new@example.org', role: 'editor', status: 'invited' });
    expect(link).toMatch(/^https:\/\/repertoire\.test\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(mail.sent.at(-1)).toMatchObject({ kind: 'invitation', to: 'new@example.org', link });
    const stored = await db.selectFrom('invitations').select('token_hash').where('user_id', '=', user.id).execute();
    expect(stored).toEqual([{ token_hash: digest(tokenOf(link)) }]);

    // A link works once; a new one replaces the unused ones.
    const again = await accounts.inviteAgain('new@example.org');
    await expect(accounts.acceptInvitation({ token: tokenOf(link), password: PASSWORD })).rejects.toMatchObject({ code: 'not-found' });
    const accepted = await accounts.acceptInvitation({ token: tokenOf(again.link), password: PASSWORD });
    expect(accepted.status).toBe('active');
    const hash = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    await expect(accounts.acceptInvitation({ token: tokenOf(again.link), password: PASSWORD })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('validates its inputs with French messages tied to the fields', async () => {
    const { accounts } = await censusStore(engine);
    await expect(accounts.createUser({ email: 'pas-une-adresse', name: ' ', role: 'boss' as never })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { email: 'Adresse e-mail invalide.', name: 'Nom : champ obligatoire.', role: expect.stringContaining('Rôle inconnu') },
      input: { email: 'pas-une-adresse' },
    });
    await expect(accounts.createUser({ email: 'x@example.org', name: 'X', role: 'contributor' })).rejects.toMatchObject({ fieldErrors: { collectivityId: expect.stringContaining('collectivité') } });
    await expect(accounts.createUser({ email: 'x@example.org', name: 'X', role: 'contributor', collectivityId: 'ma-nulle-part' })).rejects.toMatchObject({
      fieldErrors: { collectivityId: 'Collectivité inconnue : « ma-nulle-part ».' },
    });
    await expect(accounts.createUser({ email: 'staff@oujda.ma', name: 'Doublon', role: 'editor' })).rejects.toMatchObject({ fieldErrors: { email: 'Un compte existe déjà avec cette adresse.' } });
    const { link } = await accounts.createUser({ email: 'short@example.org', name: 'Court', role: 'editor' });
    await expect(accounts.acceptInvitation({ token: tokenOf(link), password: 'court', confirmation: 'autre' })).rejects.toMatchObject({
      fieldErrors: { password: 'Le mot de passe doit compter au moins 12 caractères.', confirmation: 'Les deux mots de passe diffèrent.' },
    });
  });

  it('only an administrator manages accounts', async () => {
    const { accounts, editor, oujda } = await censusStore(engine);
    await expect(accounts.createUser({ email: 'y@example.org', name: 'Y', role: 'admin' }, editor)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(accounts.listUsers(oujda)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('signs in with a new session every time, rotating the previous one out', async () => {
    const { accounts, member } = await withMember();
    const first = await accounts.signIn({ email: 'member@example.org', password: PASSWORD }, { address: '192.0.2.1' });
    expect(first.cookie).toMatchObject({ name: SESSION_COOKIE_NAME, options: { secure: true, httpOnly: true, sameSite: 'lax', path: '/' } });
    expect(first.session.id).toBe(digest(first.cookie.value));
    const session = await accounts.authenticate(first.cookie.value);
    expect(session).toMatchObject({ actor: { id: member.id, role: 'editor' }, csrfToken: first.session.csrfToken });

    const second = await accounts.signIn({ email: 'member@example.org', password: PASSWORD }, { address: '192.0.2.1' }, first.cookie.value);
    expect(second.session.id).not.toBe(first.session.id);
    expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
    expect(await accounts.authenticate(first.cookie.value)).toBeUndefined();
    expect(await accounts.authenticate(second.cookie.value)).toBeDefined();
    expect(await accounts.authenticate('forged')).toBeUndefined();
    expect(await accounts.authenticate(undefined)).toBeUndefined();
  });

  it('ends sessions when they expire, when idle, at sign-out, everywhere, and when the account is disabled', async () => {
    const { accounts, clock, member, admin } = await withMember();
    const signIn = async () => (await accounts.signIn({ email: 'member@example.org', password: PASSWORD })).cookie.value;

    const idle = await signIn();
    clock.advance(2 * 60 * MINUTE + 1);
    expect(await accounts.authenticate(idle)).toBeUndefined();

    const busy = await signIn();
    for (let hours = 0; hours < 11; hours += 1) {
      clock.advance(60 * MINUTE);
      expect(await accounts.authenticate(busy)).toBeDefined();
    }
    clock.advance(61 * MINUTE); // 12 h after sign-in, however active
    expect(await accounts.authenticate(busy)).toBeUndefined();

    const out = await signIn();
    await accounts.signOut(out);
    expect(await accounts.authenticate(out)).toBeUndefined();

    const [a, b] = [await signIn(), await signIn()];
    expect(await accounts.signOutEverywhere(member.id, admin)).toBe(2);
    expect(await accounts.authenticate(a)).toBeUndefined();
    expect(await accounts.authenticate(b)).toBeUndefined();

    const last = await signIn();
    await accounts.disableUser('member@example.org', admin);
    expect(await accounts.authenticate(last)).toBeUndefined();
    await expect(signIn()).rejects.toMatchObject({ code: 'unauthenticated', message: 'Adresse e-mail ou mot de passe incorrect.' });
  });

  it('locks an account after 5 failures in 15 minutes, says until when, and lets it in again after', async () => {
    const { accounts, clock, member, db } = await withMember();
    const attempt = (password: string) => accounts.signIn({ email: 'member@example.org', password }, { address: '198.51.100.7' });
    for (let i = 0; i < 4; i += 1) {
      await expect(attempt('wrong password!')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
      clock.advance(MINUTE);
    }
    const until = new Date(clock().getTime() + 15 * MINUTE);
    const locked = attempt('wrong password!');
    await expect(locked).rejects.toBeInstanceOf(AccountLockedError);
    await expect(locked).rejects.toMatchObject({ code: 'rate-limited', status: 429, message: `Compte verrouillé jusqu'à ${hourMinute(until)} après plusieurs échecs de connexion.` });
    expect(hourMinute(until)).toBe('10:19'); // 09:04 UTC + 15 min, in Paris (UTC+1 in March)

    // Even the right password is refused while locked.
    clock.advance(10 * MINUTE);
    await expect(attempt(PASSWORD)).rejects.toMatchObject({ message: expect.stringContaining("Compte verrouillé jusqu'à 10:19") });
    const row = await db.selectFrom('users').select('locked_until').where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(row.locked_until).toBe(until.toISOString());

    clock.advance(5 * MINUTE + 1);
    expect((await attempt(PASSWORD)).user.status).toBe('active');

    const actions = (await listAudit(db, { subjectId: member.id })).map((e) => e.action).reverse();
    expect(actions).toEqual(expect.arrayContaining(['sign-in.failure', 'account.locked', 'sign-in.refused-locked', 'sign-in.success']));
    expect(actions.filter((a) => a === 'sign-in.failure')).toHaveLength(5);
  });

  it('a new password, set through a new link, ends the lock and starts the count afresh', async () => {
    const { accounts, clock } = await withMember();
    const attempt = (password: string) => accounts.signIn({ email: 'member@example.org', password }, { address: '198.51.100.7' });
    for (let i = 0; i < 4; i += 1) await expect(attempt('wrong password!')).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(attempt('wrong password!')).rejects.toBeInstanceOf(AccountLockedError);
    clock.advance(MINUTE);
    const { link } = await accounts.inviteAgain('member@example.org');
    await accounts.acceptInvitation({ token: tokenOf(link), password: 'a brand new password' });
    expect((await attempt('a brand new password')).user.status).toBe('active');
  });

  it('answers an unknown address as it would a real one, and throttles a client address across accounts', async () => {
    const { accounts } = await withMember();
    const client = { address: '203.0.113.9' };
    for (let i = 0; i < 4; i += 1) {
      await expect(accounts.signIn({ email: 'nobody@example.org', password: 'whatever pass' }, client)).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    await expect(accounts.signIn({ email: 'nobody@example.org', password: 'whatever pass' }, client)).rejects.toBeInstanceOf(AccountLockedError);
    for (let i = 0; i < 15; i += 1) {
      await expect(accounts.signIn({ email: `other${i}@example.org`, password: 'whatever pass' }, client)).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    const throttled = accounts.signIn({ email: 'member@example.org', password: PASSWORD }, client);
    await expect(throttled).rejects.toBeInstanceOf(ClientThrottledError);
    await expect(throttled).rejects.toMatchObject({ status: 429, message: expect.stringContaining('Trop de tentatives de connexion depuis votre adresse') });
    // Another address is not affected.
    expect(await accounts.signIn({ email: 'member@example.org', password: PASSWORD }, { address: '203.0.113.10' })).toBeDefined();
  }, 60_000);

  it('checks the CSRF token of every POST, in constant time', async () => {
    const { accounts } = await withMember();
    const { cookie } = await accounts.signIn({ email: 'member@example.org', password: PASSWORD });
    const session = await accounts.authenticate(cookie.value);
    expect(() => accounts.verifyCsrf(session, session!.csrfToken)).not.toThrow();
    for (const bad of [undefined, '', 'x', `${session!.csrfToken}x`, session!.csrfToken.slice(1), 42]) {
      expect(() => accounts.verifyCsrf(session, bad)).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    }
    expect(() => accounts.verifyCsrf(undefined, session!.csrfToken)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => verifyCsrfToken('abc', 'abc')).not.toThrow();
    expect(SESSION_COOKIE_OPTIONS).toEqual({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it('logs sign-ins, sign-outs and account changes in the audit log', async () => {
    const { accounts, db, member, admin } = await withMember();
    const { cookie } = await accounts.signIn({ email: 'member@example.org', password: PASSWORD }, { address: '192.0.2.50' });
    await accounts.signOut(cookie.value, { address: '192.0.2.50' });
    await accounts.disableUser('member@example.org', admin);
    await accounts.enableUser('member@example.org', admin);
    const events = (await listAudit(db, { subjectType: 'user', subjectId: member.id })).reverse();
    expect(events.map((e) => e.action)).toEqual(['user.create', 'user.invite', 'invitation.accept', 'sign-in.success', 'sign-out', 'user.disable', 'user.enable']);
    expect(events[3]).toMatchObject({ actorId: member.id, clientAddress: '192.0.2.50' });
    expect(events[5]).toMatchObject({ actorId: admin.id });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });
});
