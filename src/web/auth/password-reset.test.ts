/**
 * The census mail over real parts: a real SMTP server on the loopback (in-process), the site
 * configured by SMTP_URL and MAIL_FROM and listening on a loopback port. The messages are read as
 * they arrived and their links followed over real HTTP: an invitation sent from the
 * administration page, and "mot de passe oublié" — the same answer for an unknown address, a link
 * that works once, every session ended, rate limited, audited.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listAudit } from '../../accounts/audit.js';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createAccountService, SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { loadConfig } from '../../config.js';
import type { Store } from '../../store/db.js';
import { ENGINES, openEngineStore } from '../../test-support/engines.js';
import { startSmtpServer, type TestSmtpServer } from '../../test-support/smtp.js';
import { buildApp } from '../app.js';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new password, long enough';
const ADMIN = { email: 'admin@repertoire.test', name: 'Alice Admin', role: 'admin' } as const;
const EDITOR = { email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' } as const;

interface Site {
  store: Store;
  app: FastifyInstance;
  base: string;
  smtp: TestSmtpServer;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A store with an administrator and an editor, the SMTP server, and the site mailing through it. */
async function startSite(engine: (typeof ENGINES)[number]): Promise<Site> {
  const smtp = await startSmtpServer();
  onTestFinished(() => smtp.close());
  const store = await openEngineStore(engine);
  const setup = createAccountService({ db: store.db, baseUrl: 'http://localhost' });
  for (const person of [ADMIN, EDITOR]) {
    const { link } = await setup.createUser(person, CLI_ACTOR);
    await setup.acceptInvitation({ token: link.split('/invitation/')[1]!, password: PASSWORD, confirmation: PASSWORD });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ DATABASE_URL: store.url, SMTP_URL: smtp.url, MAIL_FROM: 'Répertoire <repertoire@repertoire.test>', SITE_URL: base });
  const app = await buildApp({ store, config });
  await app.listen({ port, host: '127.0.0.1' });
  onTestFinished(() => app.close());
  return { store, app, base, smtp };
}

/** A page's cookies (as a Cookie header, added to `cookie`) and its form's CSRF token. */
async function formOf(url: string, cookie = ''): Promise<{ cookie: string; csrf: string; status: number; body: string }> {
  const page = await fetch(url, { headers: { accept: 'text/html', cookie } });
  const set = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const body = await page.text();
  return { cookie: [cookie, ...set].filter(Boolean).join('; '), csrf: /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '', status: page.status, body };
}

async function post(url: string, form: { cookie: string; csrf: string }, fields: Record<string, string>): Promise<{ status: number; body: string; location: string | null; cookies: string[] }> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ _csrf: form.csrf, ...fields }).toString(),
  });
  return { status: response.status, body: await response.text(), location: response.headers.get('location'), cookies: response.headers.getSetCookie() };
}

async function signIn(base: string, email: string, password: string): Promise<{ status: number; session?: string }> {
  const form = await formOf(`${base}/connexion`);
  const response = await post(`${base}/connexion`, form, { email, password });
  const session = response.cookies.find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))?.split(';')[0];
  return { status: response.status, ...(session ? { session } : {}) };
}

const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)?.[0] ?? '';
const visible = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe.each(ENGINES)('the census mail on %s', (engine) => {
  it('sends the invitation an administrator makes by SMTP, in French, with a link that opens the password form', async () => {
    const site = await startSite(engine);
    const admin = await signIn(site.base, ADMIN.email, PASSWORD);
    const page = await formOf(`${site.base}/admin/utilisateurs`, admin.session);
    const created = await post(`${site.base}/admin/utilisateurs`, page, { email: 'nouvelle@repertoire.test', name: 'Nadia Nouvelle', role: 'editor' });
    expect(created.status).toBeLessThan(400);

    const mail = await site.smtp.next();
    expect(mail.to).toEqual(['nouvelle@repertoire.test']);
    expect(mail.from).toBe('repertoire@repertoire.test');
    expect(mail.subject).toBe('Votre accès au Répertoire des partenariats de coopération décentralisée');
    expect(mail.text).toContain('Bonjour Nadia Nouvelle,');
    const link = linkIn(mail.text);
    expect(link.startsWith(`${site.base}/invitation/`)).toBe(true);

    const form = await formOf(link);
    expect(form.status).toBe(200);
    expect(form.body).toContain('nouvelle@repertoire.test');
    const accepted = await post(link, form, { password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(accepted.status).toBe(303);
    expect((await signIn(site.base, 'nouvelle@repertoire.test', NEW_PASSWORD)).status).toBe(303);

    // the mail server refuses: the account is made all the same, the page gives the link to pass on, the failure is audited
    site.smtp.refuse(true);
    const again = await formOf(`${site.base}/admin/utilisateurs`, admin.session);
    const refused = await post(`${site.base}/admin/utilisateurs`, again, { email: 'autre@repertoire.test', name: 'Anne Autre', role: 'editor' });
    expect(refused.status).toBe(201);
    expect(refused.body).toContain('Le courriel d’invitation n’a pas pu être envoyé');
    expect(refused.body).toMatch(/<code class="invitation-link">http:\/\/127\.0\.0\.1:\d+\/invitation\//);
    expect((await listAudit(site.store.db, { action: 'mail.failure' })).length).toBe(1);
  });

  it('"mot de passe oublié": the same answer for any address, a mail with a single-use link, every session ended, audited', async () => {
    const site = await startSite(engine);
    const before = await signIn(site.base, EDITOR.email, PASSWORD);
    expect(before.session).toBeDefined();
    const signInPage = await formOf(`${site.base}/connexion`);
    expect(signInPage.body).toContain('href="/mot-de-passe-oublie"');

    const ask = async (email: string) => {
      const form = await formOf(`${site.base}/mot-de-passe-oublie`);
      return post(`${site.base}/mot-de-passe-oublie`, form, { email });
    };
    const unknown = await ask('personne@repertoire.test');
    const known = await ask(EDITOR.email);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    // the pages differ only by the address typed
    expect(visible(known.body).replace(EDITOR.email, 'X')).toBe(visible(unknown.body).replace('personne@repertoire.test', 'X'));

    const mail = await site.smtp.next();
    expect(mail.to).toEqual([EDITOR.email]);
    expect(mail.subject).toBe('Choisir un nouveau mot de passe');
    const link = linkIn(mail.text);
    expect(link.startsWith(`${site.base}/mot-de-passe/`)).toBe(true);
    // nothing for the unknown address
    await expect(site.smtp.next(300)).rejects.toThrow(/no mail/);
    // the token is stored as its digest only
    const token = link.split('/mot-de-passe/')[1]!;
    const rows = await site.store.db.selectFrom('password_resets').select(['token_hash', 'user_id']).execute();
    expect(rows).toHaveLength(2);
    expect(rows.some((row) => row.token_hash === token)).toBe(false);

    const form = await formOf(link);
    expect(form.status).toBe(200);
    const mismatch = await post(link, form, { password: NEW_PASSWORD, confirmation: 'something else entirely' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toContain('href="#f-confirmation"');
    const done = await post(link, form, { password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(done).toMatchObject({ status: 303, location: '/connexion?fin=mot-de-passe' });

    // the old session is over, the old password too; the link works once
    const account = await fetch(`${site.base}/compte`, { headers: { cookie: before.session!, accept: 'text/html' }, redirect: 'manual' });
    expect(account.status).toBe(303);
    expect((await signIn(site.base, EDITOR.email, PASSWORD)).status).toBe(401);
    expect((await signIn(site.base, EDITOR.email, NEW_PASSWORD)).status).toBe(303);
    expect((await formOf(link)).status).toBe(404);
    expect((await post(link, form, { password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).status).toBe(404);

    const actions = (await listAudit(site.store.db)).map((event) => event.action);
    expect(actions.filter((action) => action === 'password.reset-request')).toHaveLength(2);
    expect(actions).toContain('password.reset');
  });

  it('limits the requests for one address, known or not, and names a bad address on its field', async () => {
    const site = await startSite(engine);
    for (const email of [EDITOR.email, 'personne@repertoire.test']) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const form = await formOf(`${site.base}/mot-de-passe-oublie`);
        statuses.push((await post(`${site.base}/mot-de-passe-oublie`, form, { email })).status);
      }
      expect(statuses, email).toEqual([200, 200, 200, 429]);
    }
    const form = await formOf(`${site.base}/mot-de-passe-oublie`);
    const bad = await post(`${site.base}/mot-de-passe-oublie`, form, { email: 'pas-une-adresse' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('aria-invalid="true"');
    const forged = await post(`${site.base}/mot-de-passe-oublie`, { cookie: '', csrf: 'forged' }, { email: EDITOR.email });
    expect(forged.status).toBe(403);
  });
});
