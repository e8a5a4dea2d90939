/**
 * Stateless instances: two real HTTP servers (two app instances, each with its own connection
 * pool) on ONE PostgreSQL database. A session opened on one works on the other, a record an
 * editor saves through one is served (page and search) by the other, and signing out on one
 * ends the session on both.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountService } from '../accounts/service.js';
import { CLI_ACTOR } from '../accounts/roles.js';
import { importFile } from '../cli/import-file.js';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { loadConfig } from '../config.js';
import { openPostgresSearcher, rebuildPostgresSearchIndex } from '../search/postgres/index.js';
import { openStore, type Store } from '../store/db.js';
import { loadDocument } from '../store/load-document.js';
import { ENGINES, tempDatabaseUrl } from '../test-support/engines.js';
import { buildApp } from './app.js';
import { formValues, recordFields } from './census/forms.js';
import { searchIndexKeeper } from './search-index.js';

const PARTNERSHIP = 'aix-en-provence-oujda';
const EDITOR = { email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' } as const;
const PASSWORD = 'correct horse battery staple';

interface Instance {
  store: Store;
  app: FastifyInstance;
  base: string;
}

/** An instance as `repertoire serve` makes one: its own store (pool), keeper, searcher and server. */
async function startInstance(url: string): Promise<Instance> {
  const config = loadConfig({ DATABASE_URL: url });
  const store = await openStore(config);
  const directoryId = (await loadDocument(store.db)).directory.id!;
  const keeper = searchIndexKeeper(store.db, directoryId, rebuildPostgresSearchIndex);
  await keeper.ensureFresh();
  const app = await buildApp({ config, store, searcher: openPostgresSearcher(store.db), refreshSearchIndex: keeper.ensureFresh, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { store, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** A browser's cookie jar over real HTTP, on whichever instance it is pointed at. */
class Browser {
  readonly cookies = new Map<string, string>();

  async request(base: string, path: string, form?: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
    const headers: Record<string, string> = { accept: 'text/html', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${base}${path}`, { method: form === undefined ? 'GET' : 'POST', headers, body: form && new URLSearchParams(form).toString(), redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (value === '' || expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return { status: response.status, body: await response.text(), location: response.headers.get('location') };
  }

  /** posts a form of the page `from` (or `path`), with that page's CSRF token */
  async post(base: string, path: string, fields: Record<string, string>, from = path): Promise<{ status: number; body: string; location: string | null }> {
    const page = await this.request(base, from);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (csrf === undefined) throw new Error(`no CSRF token on ${from} (${page.status})`);
    return this.request(base, path, { ...fields, _csrf: csrf });
  }
}

describe.skipIf(!ENGINES.includes('postgres'))('two instances on one PostgreSQL database', () => {
  let one: Instance;
  let two: Instance;

  beforeAll(async () => {
    const url = await tempDatabaseUrl('postgres', (drop) => afterAll(drop));
    const setup = await openStore(loadConfig({ DATABASE_URL: url }));
    await importFile(setup.db, BUNDLED_DIRECTORY, { write: () => true });
    const accounts = createAccountService({ db: setup.db, baseUrl: 'http://localhost' });
    const { link } = await accounts.createUser(EDITOR, CLI_ACTOR);
    await accounts.acceptInvitation({ token: link.split('/invitation/')[1]!, password: PASSWORD, confirmation: PASSWORD });
    await setup.close();
    one = await startInstance(url);
    two = await startInstance(url);
  }, 180_000);

  afterAll(async () => {
    for (const instance of [one, two]) {
      await instance?.app.close();
      await instance?.store.close();
    }
  });

  it('share sessions and records', async () => {
    const editor = new Browser();
    const signIn = await editor.post(one.base, '/connexion', { email: EDITOR.email, password: PASSWORD });
    expect(signIn.status).toBe(303);

    // the session opened on one is a session on two
    const account = await editor.request(two.base, '/compte');
    expect(account.status).toBe(200);
    expect(account.body).toContain(EDITOR.name);
    expect((await new Browser().request(two.base, '/compte')).status).toBe(303);

    // an edit saved through two is served by one: by its search, and on its page (below)
    const document = await loadDocument(one.store.db);
    const { contacts: _contacts, ...partnership } = document.partnerships.find((p) => p.id === PARTNERSHIP)!;
    const edit = `/modifier/partenariat/${PARTNERSHIP}`;
    const version = /name="baseVersion" value="(\d+)"/.exec((await editor.request(two.base, edit)).body)?.[1];
    expect(version).toBeDefined();
    const history = 'Jumelage relu par les deux instances : hydrogéologie partagée.';
    const saved = await editor.post(two.base, edit, { ...formValues(recordFields('partnership'), partnership), baseVersion: version!, history });
    expect(saved.status, saved.body.slice(0, 500)).toBe(303);
    const found = await fetch(`${one.base}/recherche.json?q=hydrogeologie`);
    expect(found.status).toBe(200);
    expect(JSON.stringify(await found.json())).toContain(`"id":"${PARTNERSHIP}"`);

    // signing out on one ends the session on two
    expect((await editor.post(one.base, '/deconnexion', {}, '/compte')).status).toBe(303);
    expect((await editor.request(two.base, '/compte')).status).toBe(303);

    const publicPage = await new Browser().request(one.base, `/partenariats/${PARTNERSHIP}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body).toContain('hydrogéologie partagée');
  }, 120_000);
});
