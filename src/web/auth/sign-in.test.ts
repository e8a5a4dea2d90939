/**
 * The sign-in over real HTTP, on both engines. Its limits: bursts of parallel wrong passwords
 * against one account check at most the account's limit of passwords (the argon2 checks are
 * counted by their `sign-in.failure` events and attempt rows, which each check writes); a
 * throttled address slows down but still lets the right password in; the client's address is
 * read from X-Forwarded-For only behind the proxies TRUST_PROXY names. Its CSRF token: bound to
 * a pre-session the server holds, so that a cookie it never issued opens nothing.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listAudit } from '../../accounts/audit.js';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createAccountService, DEFAULT_POLICY, PRE_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME, type AccountService, type SecurityPolicy } from '../../accounts/service.js';
import { digest } from '../../accounts/tokens.js';
import type { Clock } from '../../accounts/clock.js';
import { testClock } from '../../census/testing.js';
import { loadConfig } from '../../config.js';
import type { Store } from '../../store/db.js';
import { ENGINES, openEngineStore } from '../../test-support/engines.js';
import { buildApp } from '../app.js';

const PASSWORD = 'correct horse battery staple';
const EDITOR = { email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' } as const;
const EDITOR2 = { email: 'editrice@repertoire.test', name: 'Inès Éditrice', role: 'editor' } as const;
const WRONG = 'not the password at all';

interface Site {
  store: Store;
  accounts: AccountService;
  app: FastifyInstance;
  base: string;
}

interface SiteOptions {
  policy?: Partial<SecurityPolicy>;
  now?: Clock;
  env?: Record<string, string>;
}

/** An empty store of the engine with two editors, and the site over it on a loopback port. */
async function startSite(engine: (typeof ENGINES)[number], options: SiteOptions = {}): Promise<Site> {
  const store = await openEngineStore(engine);
  const accounts = createAccountService({ db: store.db, baseUrl: 'http://localhost', ...(options.policy ? { policy: options.policy } : {}), ...(options.now ? { now: options.now } : {}) });
  for (const person of [EDITOR, EDITOR2]) {
    const { link } = await accounts.createUser(person, CLI_ACTOR);
    await accounts.acceptInvitation({ token: link.split('/invitation/')[1]!, password: PASSWORD, confirmation: PASSWORD });
  }
  const app = await buildApp({ store, accounts, config: loadConfig({ DATABASE_URL: store.url, ...options.env }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  onTestFinished(() => app.close());
  return { store, accounts, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** The sign-in form as a browser gets it: its cookies (as a Cookie header) and its CSRF token. */
async function signInForm(base: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${base}/connexion`, { headers: { accept: 'text/html' } });
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (csrf === undefined) throw new Error(`no CSRF token on /connexion (${page.status})`);
  return { cookie, csrf };
}

/** Posts the sign-in form; `forwardedFor`: the X-Forwarded-For a proxy (or a client) adds. */
async function postSignIn(base: string, form: { cookie: string; csrf: string }, email: string, password: string, forwardedFor?: string): Promise<number> {
  return (await postForm(base, '/connexion', form, { email, password }, forwardedFor)).status;
}

/** Posts a form with a Cookie header and a CSRF token; the response, its body read. */
async function postForm(base: string, path: string, form: { cookie: string; csrf: string }, fields: Record<string, string>, forwardedFor?: string): Promise<Response> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: form.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
    },
    body: new URLSearchParams({ _csrf: form.csrf, ...fields }).toString(),
  });
  await response.arrayBuffer();
  return response;
}

/** Password checks made for an e-mail: each writes one `sign-in.failure` event and one attempt row. */
async function checksOf(store: Store, email: string): Promise<{ failureEvents: number; attempts: number }> {
  const events = await listAudit(store.db, { action: 'sign-in.failure', limit: 10_000 });
  const attempts = await store.db.selectFrom('sign_in_attempts').select('id').where('email', '=', email).execute();
  return { failureEvents: events.filter((e) => e.details?.email === email).length, attempts: attempts.length };
}

describe.each(ENGINES)('sign-in limits over HTTP on %s', (engine) => {
  it('a burst of 100 parallel wrong passwords checks at most 5, for a real account and an unknown one alike', async () => {
    const site = await startSite(engine);
    const form = await signInForm(site.base);
    const limit = DEFAULT_POLICY.maxFailuresPerAccount;
    for (const email of [EDITOR.email, 'personne@nulle-part.test']) {
      const statuses = await Promise.all(Array.from({ length: 100 }, () => postSignIn(site.base, form, email, WRONG)));
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      expect(statuses.filter((status) => status === 401).length).toBeLessThan(limit);
      expect(await checksOf(site.store, email)).toEqual({ failureEvents: limit, attempts: limit });
    }
    // locked: even the right password is refused, without being checked
    expect(await postSignIn(site.base, form, EDITOR.email, PASSWORD)).toBe(429);
    expect(await checksOf(site.store, EDITOR.email)).toEqual({ failureEvents: limit, attempts: limit });
  }, 120_000);

  it('behind a trusted proxy, a throttled address still lets the right password in, and holds a sprayer to one check a minute', async () => {
    const clock = testClock();
    const site = await startSite(engine, { policy: { maxFailuresPerAddress: 3 }, now: clock, env: { TRUST_PROXY: '127.0.0.1' } });
    const office = '198.51.100.7';
    // each from a browser of its own (signing in ends the form's pre-session)
    const signIn = async (email: string, password: string, address = office) => postSignIn(site.base, await signInForm(site.base), email, password, address);
    expect(await signIn(EDITOR.email, PASSWORD)).toBe(303);
    for (const n of [1, 2, 3]) expect(await signIn(`inconnu${n}@nulle-part.test`, WRONG)).toBe(401);
    // the address is throttled: the next guess is refused unchecked…
    expect(await signIn('inconnu4@nulle-part.test', WRONG)).toBe(429);
    // …but the editor, who signed in from here before, gets in at once,
    expect(await signIn(EDITOR.email, PASSWORD)).toBe(303);
    // and a colleague who never did waits a minute, not a quarter of an hour
    expect(await signIn(EDITOR2.email, PASSWORD)).toBe(429);
    clock.advance(60_000);
    expect(await signIn(EDITOR2.email, PASSWORD)).toBe(303);
    // the sprayer gets one check a minute
    expect(await signIn('inconnu5@nulle-part.test', WRONG)).toBe(401);
    expect(await signIn('inconnu6@nulle-part.test', WRONG)).toBe(429);
    // another client behind the same proxy is not held back
    expect(await signIn('inconnu7@nulle-part.test', WRONG, '198.51.100.8')).toBe(401);
    const addresses = await site.store.db.selectFrom('sign_in_attempts').select('client_address').distinct().execute();
    expect(addresses.map((a) => a.client_address).sort()).toEqual([office, '198.51.100.8']);
  }, 120_000);

  it('without TRUST_PROXY, X-Forwarded-For is not believed: a client cannot choose its address to escape the throttle', async () => {
    const site = await startSite(engine, { policy: { maxFailuresPerAddress: 3 } });
    const form = await signInForm(site.base);
    for (const n of [1, 2, 3]) expect(await postSignIn(site.base, form, `inconnu${n}@nulle-part.test`, WRONG, `203.0.113.${n}`)).toBe(401);
    expect(await postSignIn(site.base, form, 'inconnu4@nulle-part.test', WRONG, '203.0.113.4')).toBe(429);
    const addresses = await site.store.db.selectFrom('sign_in_attempts').select('client_address').distinct().execute();
    expect(addresses).toEqual([{ client_address: '127.0.0.1' }]);
  }, 120_000);
});

describe.each(ENGINES)('the forms before a session on %s', (engine) => {
  const sessions = async (site: Site) => (await site.store.db.selectFrom('sessions').select('id').execute()).length;

  it('binds their CSRF token to a pre-session the server holds: a cookie it never issued opens nothing', async () => {
    const clock = testClock();
    const site = await startSite(engine, { now: clock });
    const page = await fetch(`${site.base}/connexion`);
    const set = page.headers.getSetCookie().find((c) => c.startsWith(`${PRE_SESSION_COOKIE_NAME}=`))!;
    expect(set).toMatch(/; HttpOnly/i);
    expect(set).toMatch(/; SameSite=Lax/i);
    const id = set.split(';')[0]!.split('=')[1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    // the store keeps the id's digest, never the id
    const stored = await site.store.db.selectFrom('pre_sessions').selectAll().execute();
    expect(stored).toEqual([expect.objectContaining({ id: digest(id), csrf_token: csrf })]);
    expect(JSON.stringify(stored)).not.toContain(id);

    // cookies an attacker able to set cookies chose, with the token to match (the former double submit)
    const chosen = 'AttackerChosenValue_0123456789abcdef';
    for (const cookie of [`${PRE_SESSION_COOKIE_NAME}=${chosen}`, `repertoire_signin_csrf=${chosen}`, `repertoire_signin_csrf=${chosen}; ${PRE_SESSION_COOKIE_NAME}=${chosen}`]) {
      expect(await postSignIn(site.base, { cookie, csrf: chosen }, EDITOR.email, PASSWORD), cookie).toBe(403);
    }
    // a real pre-session's cookie with another one's token
    const other = await signInForm(site.base);
    expect(await postSignIn(site.base, { cookie: `${PRE_SESSION_COOKIE_NAME}=${id}`, csrf: other.csrf }, EDITOR.email, PASSWORD)).toBe(403);
    expect(await sessions(site)).toBe(0);

    // its own token signs in, and ends the pre-session
    const signedIn = await postForm(site.base, '/connexion', { cookie: `${PRE_SESSION_COOKIE_NAME}=${id}`, csrf }, { email: EDITOR.email, password: PASSWORD });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))).toBe(true);
    expect(await site.store.db.selectFrom('pre_sessions').select('id').where('id', '=', digest(id)).execute()).toEqual([]);
    expect(await postSignIn(site.base, { cookie: `${PRE_SESSION_COOKIE_NAME}=${id}`, csrf }, EDITOR.email, PASSWORD)).toBe(403);
  }, 120_000);

  it('expires a pre-session, and purges the expired ones as new ones open', async () => {
    const clock = testClock();
    const site = await startSite(engine, { now: clock });
    const form = await signInForm(site.base);
    clock.advance(DEFAULT_POLICY.preSessionTtlMs);
    expect(await postSignIn(site.base, form, EDITOR.email, PASSWORD)).toBe(403);
    // the expired form's cookie gets a new pre-session, and the old row is gone
    const again = await fetch(`${site.base}/connexion`, { headers: { cookie: form.cookie } });
    await again.arrayBuffer();
    expect(again.headers.getSetCookie().some((c) => c.startsWith(`${PRE_SESSION_COOKIE_NAME}=`))).toBe(true);
    const rows = await site.store.db.selectFrom('pre_sessions').select('expires_at').execute();
    expect(rows).toEqual([{ expires_at: new Date(clock().getTime() + DEFAULT_POLICY.preSessionTtlMs).toISOString() }]);
  }, 120_000);

  it('takes the invitation form’s token from the pre-session too', async () => {
    const site = await startSite(engine);
    const { link } = await site.accounts.createUser({ email: 'nouvelle@repertoire.test', name: 'Nadia Nouvelle', role: 'editor' }, CLI_ACTOR);
    const path = new URL(link).pathname;
    const chosen = 'AttackerChosenValue_0123456789abcdef';
    const forged = await postForm(site.base, path, { cookie: `${PRE_SESSION_COOKIE_NAME}=${chosen}; repertoire_signin_csrf=${chosen}`, csrf: chosen }, { password: PASSWORD, confirmation: PASSWORD });
    expect(forged.status).toBe(403);
    const page = await fetch(`${site.base}${path}`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const accepted = await postForm(site.base, path, { cookie, csrf }, { password: PASSWORD, confirmation: PASSWORD });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/recensement');
  }, 120_000);
});
