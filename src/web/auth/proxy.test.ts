/**
 * Behind a reverse proxy (TRUST_PROXY): the session cookies are Secure when the proxy says the
 * browser came over HTTPS (X-Forwarded-Proto), and the client's address is the proxy's header —
 * only when the connection comes from a proxy named; anyone else's headers are ignored.
 */
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listAudit } from '../../accounts/audit.js';
import { PRE_SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { loadConfig } from '../../config.js';
import { openEngineStore } from '../../test-support/engines.js';
import { buildApp } from '../app.js';

async function site(env: Record<string, string>) {
  const store = await openEngineStore('sqlite');
  const app = await buildApp({ store, config: loadConfig({ DATABASE_URL: store.url, ...env }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  onTestFinished(() => app.close());
  return { store, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** The pre-session cookie the sign-in form sets, as the browser receives it (its attributes). */
async function formCookie(base: string, headers: Record<string, string> = {}): Promise<string> {
  const page = await fetch(`${base}/connexion`, { headers: { accept: 'text/html', ...headers } });
  await page.arrayBuffer();
  return page.headers.getSetCookie().find((c) => c.startsWith(`${PRE_SESSION_COOKIE_NAME}=`)) ?? '';
}

describe('behind a reverse proxy', () => {
  it('marks cookies Secure from X-Forwarded-Proto only when the proxy is trusted', async () => {
    const trusted = await site({ TRUST_PROXY: '127.0.0.1' });
    expect(await formCookie(trusted.base, { 'x-forwarded-proto': 'https' })).toMatch(/; Secure/i);
    expect(await formCookie(trusted.base)).not.toMatch(/; Secure/i);
    const direct = await site({});
    // a client talking to the site directly cannot claim HTTPS
    expect(await formCookie(direct.base, { 'x-forwarded-proto': 'https' })).not.toMatch(/; Secure/i);
    // SECURE_COOKIES=1 marks them whatever the request says
    expect(await formCookie((await site({ SECURE_COOKIES: '1' })).base)).toMatch(/; Secure/i);
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy (a password reset request records it)', async () => {
    for (const [env, expected] of [
      [{ TRUST_PROXY: '127.0.0.1' }, '203.0.113.9'],
      [{}, '127.0.0.1'],
    ] as const) {
      const { store, base } = await site(env);
      const page = await fetch(`${base}/mot-de-passe-oublie`, { headers: { accept: 'text/html' } });
      const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const sent = await fetch(`${base}/mot-de-passe-oublie`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
        body: new URLSearchParams({ _csrf: csrf, email: 'personne@repertoire.test' }).toString(),
      });
      expect(sent.status).toBe(200);
      const [event] = await listAudit(store.db, { action: 'password.reset-request' });
      expect(event?.clientAddress).toBe(expected);
    }
  });
});
