/**
 * The sign-in's limits over real HTTP, on both engines: bursts of parallel wrong passwords
 * against one account check at most the account's limit of passwords (the argon2 checks are
 * counted by their `sign-in.failure` events and attempt rows, which each check writes).
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listAudit } from '../../accounts/audit.js';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createAccountService, DEFAULT_POLICY, type AccountService } from '../../accounts/service.js';
import type { Store } from '../../store/db.js';
import { ENGINES, openEngineStore } from '../../test-support/engines.js';
import { buildApp } from '../app.js';

const PASSWORD = 'correct horse battery staple';
const EDITOR = { email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' } as const;

interface Site {
  store: Store;
  accounts: AccountService;
  app: FastifyInstance;
  base: string;
}

/** An empty store of the engine with one editor, and the site over it on a loopback port. */
async function startSite(engine: (typeof ENGINES)[number]): Promise<Site> {
  const store = await openEngineStore(engine);
  const accounts = createAccountService({ db: store.db, baseUrl: 'http://localhost' });
  const { link } = await accounts.createUser(EDITOR, CLI_ACTOR);
  await accounts.acceptInvitation({ token: link.split('/invitation/')[1]!, password: PASSWORD, confirmation: PASSWORD });
  const app = await buildApp({ store, accounts });
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

async function postSignIn(base: string, form: { cookie: string; csrf: string }, email: string, password: string): Promise<number> {
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ _csrf: form.csrf, email, password }).toString(),
  });
  await response.arrayBuffer();
  return response.status;
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
      const statuses = await Promise.all(Array.from({ length: 100 }, () => postSignIn(site.base, form, email, 'not the password at all')));
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      expect(statuses.filter((status) => status === 401).length).toBeLessThan(limit);
      expect(await checksOf(site.store, email)).toEqual({ failureEvents: limit, attempts: limit });
    }
    // locked: even the right password is refused, without being checked
    expect(await postSignIn(site.base, form, EDITOR.email, PASSWORD)).toBe(429);
    expect(await checksOf(site.store, EDITOR.email)).toEqual({ failureEvents: limit, attempts: limit });
  }, 120_000);
});
