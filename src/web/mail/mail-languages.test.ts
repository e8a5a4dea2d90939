/**
 * Mail in the recipient's language, over real parts: a real SMTP server on the loopback, the site
 * configured by SMTP_URL and listening on a loopback port. An administrator working on the Arabic
 * site invites someone: the invitation is in Arabic; a member who signs in on the English site gets
 * English mail from then on (their language is stored: migration 0012), and a reset asked from a
 * page gets that page's language. A language chosen on the account page stays, wherever they sign
 * in next, and is audited.
 */
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createAccountService, SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { loadConfig } from '../../config.js';
import { ENGINES, openEngineStore } from '../../test-support/engines.js';
import { startSmtpServer } from '../../test-support/smtp.js';
import { buildApp } from '../app.js';
import { t } from '../i18n/index.js';

const PASSWORD = 'correct horse battery staple';
const ADMIN = { email: 'admin@repertoire.test', name: 'Alice Admin', role: 'admin' } as const;
const EDITOR = { email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' } as const;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startSite(engine: (typeof ENGINES)[number]) {
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
  return { store, base, smtp };
}

async function formOf(url: string, cookie = ''): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(url, { headers: { accept: 'text/html', cookie } });
  const set = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const body = await page.text();
  return { cookie: [cookie, ...set].filter(Boolean).join('; '), csrf: /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '' };
}

async function post(url: string, form: { cookie: string; csrf: string }, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ _csrf: form.csrf, ...fields }).toString(),
  });
  return { status: response.status, cookies: response.headers.getSetCookie() };
}

/** Signs in on the sign-in page of a language ('' French, '/en', '/ar'): the session's cookie. */
async function signIn(base: string, prefix: string, email: string): Promise<string> {
  const form = await formOf(`${base}${prefix}/connexion`);
  const response = await post(`${base}${prefix}/connexion`, form, { email, password: PASSWORD });
  expect(response.status).toBe(303);
  return response.cookies.find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))!.split(';')[0]!;
}

describe.each(ENGINES)('mail in the recipient’s language on %s', (engine) => {
  it('an invitation made on the Arabic site is in Arabic; a member signed in in English gets English mail', async () => {
    const site = await startSite(engine);
    const admin = await signIn(site.base, '/ar', ADMIN.email);
    const page = await formOf(`${site.base}/ar/admin/utilisateurs`, admin);
    const created = await post(`${site.base}/ar/admin/utilisateurs`, page, { email: 'nadia@repertoire.test', name: 'نادية', role: 'editor' });
    expect(created.status).toBeLessThan(400);
    const invitation = await site.smtp.next();
    expect(invitation.to).toEqual(['nadia@repertoire.test']);
    expect(invitation.subject).toBe(t('ar', 'mail.invitation.subject'));
    expect(invitation.text).toContain('مرحبًا نادية،');
    expect(invitation.text).not.toContain('Bonjour');
    // its link opens the Arabic page, which works
    const link = /https?:\/\/\S+/.exec(invitation.text)![0];
    expect(link.startsWith(`${site.base}/ar/invitation/`)).toBe(true);
    const opened = await fetch(link, { headers: { accept: 'text/html' } });
    expect(opened.status, link).toBe(200);
    expect(await opened.text()).toContain('<html lang="ar" dir="rtl">');
    const nadia = await site.store.db.selectFrom('users').select('language').where('email', '=', 'nadia@repertoire.test').executeTakeFirstOrThrow();
    expect(nadia.language).toBe('ar');

    // the editor signs in on the English site: stored; a reset asked from the English page is in English
    await signIn(site.base, '/en', EDITOR.email);
    const editor = await site.store.db.selectFrom('users').select('language').where('email', '=', EDITOR.email).executeTakeFirstOrThrow();
    expect(editor.language).toBe('en');
    const resetPage = await formOf(`${site.base}/en/mot-de-passe-oublie`);
    expect((await post(`${site.base}/en/mot-de-passe-oublie`, resetPage, { email: EDITOR.email })).status).toBe(200);
    const reset = await site.smtp.next();
    expect(reset.subject).toBe('Choose a new password');
    expect(reset.text).toContain('Hello Éric Éditeur,');
  });

  it('a language chosen on the account page is the mail’s, whatever page they sign in on next; audited; a wrong one refused', async () => {
    const site = await startSite(engine);
    const editor = await signIn(site.base, '/en', EDITOR.email);
    const account = await formOf(`${site.base}/en/compte`, editor);
    const page = await (await fetch(`${site.base}/en/compte`, { headers: { accept: 'text/html', cookie: editor } })).text();
    expect(page).toContain('<option value="en" lang="en" selected>English</option>');
    expect(page).toContain('action="/en/compte/langue"');

    // without the form's token: refused, nothing changed
    expect((await post(`${site.base}/en/compte/langue`, { ...account, csrf: 'forged' }, { langue: 'ar' })).status).toBe(403);
    // a language the site does not have: refused with its reason, nothing changed
    const wrong = await fetch(`${site.base}/en/compte/langue`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: account.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ _csrf: account.csrf, langue: 'de' }).toString(),
    });
    expect(wrong.status).toBe(422);
    const refused = await wrong.text();
    expect(refused).toContain('Choose a value from the list.');
    expect(refused).toContain('aria-invalid="true"');
    const language = async () => (await site.store.db.selectFrom('users').select('language').where('email', '=', EDITOR.email).executeTakeFirstOrThrow()).language;
    expect(await language()).toBe('en');

    const chosen = await post(`${site.base}/en/compte/langue`, account, { langue: 'ar' });
    expect(chosen.status).toBe(303);
    expect(await language()).toBe('ar');
    const saved = await (await fetch(`${site.base}/en/compte?fait=langue`, { headers: { accept: 'text/html', cookie: editor } })).text();
    expect(saved).toContain('<option value="ar" lang="ar" selected>العربية</option>');
    expect(saved).toContain('role="status"');
    const audit = await site.store.db.selectFrom('audit_events').select(['details', 'actor_id']).where('action', '=', 'user.language').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!.details))).toEqual({ from: 'en', to: 'ar' });

    // signing in on the French site no longer changes it; an invitation sent again is in Arabic
    await signIn(site.base, '', EDITOR.email);
    expect(await language()).toBe('ar');
    const admin = await signIn(site.base, '', ADMIN.email);
    const users = await formOf(`${site.base}/admin/utilisateurs`, admin);
    expect((await post(`${site.base}/admin/utilisateurs/inviter`, users, { email: EDITOR.email })).status).toBeLessThan(400);
    const letter = await site.smtp.next();
    expect(letter.to).toEqual([EDITOR.email]);
    expect(letter.subject).toBe(t('ar', 'mail.invitation.subject'));
  });
});
