/**
 * Conditional requests and admission, over HTTP on the loopback, on the 2008 directory: a public
 * page answers 304 to its own entity tag while the store has not moved, and 200 with a new tag
 * after a change; members' pages carry no tag; past the admission limit a page is refused at once
 * with 503 and Retry-After, while assets are still served.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../accounts/audit.js';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { importFile } from '../cli/import-file.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { createAdmission } from './admission.js';
import { buildApp } from './app.js';
import { AGADIR_PARTNERSHIP, openMembersSite, type MembersSite } from './census/testing.js';
import { notModified } from './conditional.js';

let site: MembersSite;
let base: string;
const PAGE = `/partenariats/${AGADIR_PARTNERSHIP}`;

beforeAll(async () => {
  site = await openMembersSite({ search: true });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

async function get(url: string, headers: Record<string, string> = {}, origin = base) {
  const response = await fetch(`${origin}${url}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('conditional requests', () => {
  it('tags a public page, and answers 304 without a body to a client that holds it', async () => {
    const first = await get(PAGE);
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');

    const again = await get(PAGE, { 'if-none-match': tag! });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('content-security-policy')).not.toBeNull();
    // several tags, one of them ours
    expect((await get(PAGE, { 'if-none-match': `W/"autre", ${tag!}` })).status).toBe(304);
    // another tag, another page, another representation: the page itself
    expect((await get(PAGE, { 'if-none-match': 'W/"autre"' })).status).toBe(200);
    expect((await get('/partenariats/tours-marrakech', { 'if-none-match': tag! })).status).toBe(200);
    const twin = await get(`${PAGE}.json`, { 'if-none-match': tag! });
    expect(twin.status).toBe(200);
    expect(twin.headers.get('etag')).not.toBe(tag);
    expect((await get(`${PAGE}.json`, { 'if-none-match': twin.headers.get('etag')! })).status).toBe(304);
  });

  it('tags search pages by their query', async () => {
    const eau = await get('/recherche?q=eau');
    const sante = await get('/recherche?q=sant%C3%A9');
    expect(eau.headers.get('etag')).not.toBe(sante.headers.get('etag'));
    expect((await get('/recherche?q=eau', { 'if-none-match': eau.headers.get('etag')! })).status).toBe(304);
    expect((await get('/recherche?q=sant%C3%A9', { 'if-none-match': eau.headers.get('etag')! })).status).toBe(200);
  });

  it('answers 200 with a new tag once the store changed (an edit, a consent: the version stamp moved)', async () => {
    const before = await get(PAGE);
    const tag = before.headers.get('etag')!;
    await recordAudit(site.store.db, { action: 'consent.set', directoryId: (await site.directory()).id, subjectType: 'person', subjectId: 'quelqu-un', details: { publish: true } });
    const after = await get(PAGE, { 'if-none-match': tag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
  });

  it('gives no tag to an error page, nor to a page of a signed-in member (private, no-store)', async () => {
    const missing = await get('/partenariats/nulle-part');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();

    const editor = await site.signIn('editor');
    const page = await editor.get(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.headers.etag).toBeUndefined();
    expect(page.headers['cache-control']).toBe('private, no-store');
    // even with the public page's tag in hand, a member gets the members' page
    const publicTag = (await get(PAGE)).headers.get('etag')!;
    const member = await site.app.inject({ method: 'GET', url: PAGE, headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'if-none-match': publicTag } });
    expect(member.statusCode).toBe(200);
    // …drawn for them, never the public page kept for that tag
    expect(member.body).toContain('action="/deconnexion"');
    expect(member.headers.etag).toBeUndefined();
  });

  it.each(ENGINES)('on %s: 304 while the store has not moved, 200 with a new tag after a change', async (engine) => {
    const store = await openEngineStore(engine);
    await importFile(store.db, BUNDLED_DIRECTORY, { write: () => true });
    const app = await buildApp({ store });
    try {
      const first = await app.inject({ method: 'GET', url: PAGE });
      const tag = first.headers.etag as string;
      expect(first.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: PAGE, headers: { 'if-none-match': tag } })).statusCode).toBe(304);
      await recordAudit(store.db, { action: 'record.edit', subjectType: 'partnership', subjectId: AGADIR_PARTNERSHIP, details: {} });
      const after = await app.inject({ method: 'GET', url: PAGE, headers: { 'if-none-match': tag } });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(tag);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('compares tags weakly, and * matches any', () => {
    expect(notModified('"abc"', 'W/"abc"')).toBe(true);
    expect(notModified('*', 'W/"abc"')).toBe(true);
    expect(notModified(undefined, 'W/"abc"')).toBe(false);
    expect(notModified('W/"abcd"', 'W/"abc"')).toBe(false);
  });
});

describe('admission', () => {
  let app: FastifyInstance;
  let origin: string;
  const admission = createAdmission(1);
  const longWork = createAdmission(1);

  beforeAll(async () => {
    app = await buildApp({ store: site.store, searcher: site.searcher, refreshSearchIndex: async () => undefined, admission, longWork });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a page at once with 503 and Retry-After when the limit is reached, HTML and JSON alike; assets are still served', async () => {
    const leave = admission.tryEnter()!; // a page in progress holds the only place
    try {
      const html = await get(PAGE, {}, origin);
      expect(html.status).toBe(503);
      expect(html.headers.get('retry-after')).toBe('1');
      expect(html.body).toContain('Site très sollicité');
      expect(html.headers.get('content-security-policy')).not.toBeNull();

      const json = await get(`${PAGE}.json`, {}, origin);
      expect(json.status).toBe(503);
      expect(json.headers.get('retry-after')).toBe('1');
      expect(JSON.parse(json.body)).toMatchObject({ error: { status: 503, code: 'overloaded' } });

      expect((await get('/assets/site.css', {}, origin)).status).toBe(200);
      const health = await get('/sante', {}, origin); // the proxy's check: an instance refusing pages is alive
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
      expect(admission.inFlight).toBe(1);
    } finally {
      leave();
    }
    expect((await get(PAGE, {}, origin)).status).toBe(200);
    expect(admission.inFlight).toBe(0); // the page gave its place back
  });

  it('refuses long work (a search, a collectivity page) past its own limit, while record pages are still served', async () => {
    const leave = longWork.tryEnter()!; // a search in progress holds the only place for long work
    try {
      const search = await get('/recherche?q=eau', {}, origin);
      expect(search.status).toBe(503);
      expect(search.headers.get('retry-after')).toBe('1');
      expect((await get('/collectivites/ma-commune-agadir', {}, origin)).status).toBe(503);
      expect((await get(PAGE, {}, origin)).status).toBe(200);
      expect(admission.inFlight).toBe(0);
    } finally {
      leave();
    }
    expect((await get('/recherche?q=eau', {}, origin)).status).toBe(200);
    expect((await get('/collectivites/ma-commune-agadir', {}, origin)).status).toBe(200);
    expect(longWork.inFlight).toBe(0);
  });

  it('sends a public page drawn before again, as it was and without drawing it, until the store changes', async () => {
    // the partner graph, built in the background, is part of a page's version: a page drawn before it
    // is there is not the page sent once it is (public-pages.ts); waited for, so the page kept stays current
    for (let tries = 0; ; tries += 1) {
      const collectivity = await get('/collectivites/ma-commune-agadir.json', {}, origin);
      if (collectivity.status === 200 && (JSON.parse(collectivity.body) as { suggestionsStatus?: string }).suggestionsStatus === 'ready') break;
      if (tries > 600) throw new Error('the partner graph was not built within a minute');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const first = await get('/recherche?q=formation', {}, origin);
    expect(first.status).toBe(200);
    const leave = longWork.tryEnter()!; // no place for a search: only a page kept can be sent
    try {
      const again = await get('/recherche?q=formation', {}, origin);
      expect(again.status).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(again.headers.get('content-security-policy')).not.toBeNull();
      const twin = await get('/recherche.json?q=formation', {}, origin); // another representation: not kept yet
      expect(twin.status).toBe(503);
      await recordAudit(site.store.db, { action: 'consent.set', directoryId: (await site.directory()).id, subjectType: 'person', subjectId: 'quelqu-une', details: { publish: true } });
      // the store moved: the page must be drawn anew, and there is no place to draw it
      expect((await get('/recherche?q=formation', {}, origin)).status).toBe(503);
    } finally {
      leave();
    }
    const after = await get('/recherche?q=formation', {}, origin);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('gives the place back when a page fails', async () => {
    expect((await get('/partenariats/nulle-part', {}, origin)).status).toBe(404);
    expect(admission.inFlight).toBe(0);
    expect((await get(PAGE, {}, origin)).status).toBe(200);
  });
});
