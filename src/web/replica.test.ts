/**
 * A read-only instance (a read replica, REPERTOIRE_READ_ONLY) beside a writer, on one store: over
 * SQLite (the second instance opens the same file read-only) and over PostgreSQL (the reader
 * connects as a role that may only SELECT, which proves it never writes). The writer edits a
 * record; the reader, started while the index is older than the records, serves searches from that
 * older index without rebuilding it and says so in /sante, then searches the writer's new build.
 * It refuses sign-in and forms with the read-only page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../accounts/roles.js';
import { createCensus } from '../census/index.js';
import { importFile } from '../cli/import-file.js';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { loadConfig } from '../config.js';
import { openSearcher } from '../search/index.js';
import { openPostgresSearcher } from '../search/postgres/index.js';
import type { Searcher } from '../search/types.js';
import { openStore, type Store } from '../store/db.js';
import { loadDocument } from '../store/load-document.js';
import { createPostgresDatabase, ENGINES, type Engine } from '../test-support/engines.js';
import { buildApp } from './app.js';
import { searchIndexKeeper, siteIndexBuilder, type SearchIndexKeeper } from './search-index.js';

const PARTNERSHIP = 'aix-en-provence-oujda';
/** a word no record of the 2008 directory has: found only once the edit is indexed */
const NEW_WORD = 'xylophonistes';

interface Instance {
  store: Store;
  keeper: SearchIndexKeeper;
  searcher: Searcher;
  app: FastifyInstance;
  base: string;
  close(): Promise<void>;
}

/** An instance as `repertoire serve` makes one (read-only as `serve --read-only`), on real HTTP. */
async function startInstance(engine: Engine, url: string, readOnly: boolean): Promise<Instance> {
  const config = loadConfig({ DATABASE_URL: url, ...(readOnly ? { REPERTOIRE_READ_ONLY: '1' } : {}) });
  const store = await openStore(config);
  const directoryId = (await loadDocument(store.db)).directory.id!;
  const keeper = searchIndexKeeper(store.db, directoryId, siteIndexBuilder(engine), { readOnly });
  await keeper.ensureFresh();
  const searcher = engine === 'postgres' ? openPostgresSearcher(store.db) : await openSearcher({ databasePath: url, workers: 1 });
  const app = await buildApp({
    config,
    store,
    searcher,
    directoryId,
    refreshSearchIndex: keeper.ensureFresh,
    health: async () => ({ readOnly, searchIndexes: [await keeper.status()] }),
    ...(readOnly ? { searchIndexVersion: async () => (await keeper.status()).indexStamp ?? '' } : {}),
    warm: readOnly, // a replica reads ahead too: the counts, the statistics, the partner graph — in memory only
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    store,
    keeper,
    searcher,
    app,
    base,
    async close() {
      await app.close();
      await searcher.close();
      await store.close();
    },
  };
}

async function get(base: string, path: string, accept = 'text/html'): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}${path}`, { headers: { accept }, redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

async function found(instance: Instance, word: string): Promise<boolean> {
  const response = await get(instance.base, `/recherche.json?q=${word}`, 'application/json');
  expect(response.status).toBe(200);
  return response.body.includes(`"id":"${PARTNERSHIP}"`);
}

/** The writer edits a partnership's history: the records move past the index. */
async function editPartnership(writer: Instance): Promise<void> {
  const census = createCensus({ db: writer.store.db });
  const current = await census.history.current({ recordType: 'partnership', recordId: PARTNERSHIP });
  const data = { ...(current.data as Record<string, unknown>), history: `Jumelage relu par des ${NEW_WORD} du réplica.` };
  await census.history.edit(CLI_ACTOR, { recordType: 'partnership', recordId: PARTNERSHIP, baseVersion: current.version, data });
}

/** A PostgreSQL role that may read the database and nothing else, and its DATABASE_URL. */
async function selectOnlyRole(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const role = `repertoire_reader_${Math.random().toString(36).slice(2, 10)}`;
  const database = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    // the tables the writer makes later (a rebuilt index's, a cache's)
    await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${role}`);
  } finally {
    await admin.end();
  }
  const reader = new URL(url);
  reader.username = role;
  reader.password = '';
  return {
    url: reader.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP OWNED BY ${role}`);
      } finally {
        await client.end();
      }
      const server = new URL(url);
      server.pathname = '/postgres';
      const other = new pg.Client({ connectionString: server.toString() });
      await other.connect();
      try {
        await other.query(`DROP ROLE IF EXISTS ${role}`);
      } finally {
        await other.end();
      }
    },
  };
}

describe.each(ENGINES)('a read-only instance beside a writer (%s)', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('serves the replicated index without rebuilding it, says when it is older, then searches the new build; refuses sign-in and forms', async () => {
    let url: string;
    let readerUrl: string;
    if (engine === 'postgres') {
      const database = await createPostgresDatabase();
      cleanups.push(database.drop);
      url = database.url;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'repertoire-replica-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      url = join(dir, 'store.db');
    }
    const setup = await openStore(loadConfig({ DATABASE_URL: url }));
    await importFile(setup.db, BUNDLED_DIRECTORY, { write: () => true });
    await setup.close();

    const writer = await startInstance(engine, url, false);
    cleanups.push(() => writer.close());
    expect(writer.keeper.rebuilds).toBe(1);
    await editPartnership(writer);

    if (engine === 'postgres') {
      const role = await selectOnlyRole(url);
      // dropped once the database's connections are gone: after the instances close (cleanups run in reverse)
      cleanups.splice(1, 0, role.drop);
      readerUrl = role.url;
    } else {
      readerUrl = url;
    }
    // started on records newer than the index: it serves, without rebuilding
    const reader = await startInstance(engine, readerUrl, true);
    cleanups.push(() => reader.close());
    expect(reader.keeper.rebuilds).toBe(0);
    expect(await found(reader, 'oujda')).toBe(true);
    expect(await found(reader, NEW_WORD)).toBe(false); // the older index
    const behind = JSON.parse((await get(reader.base, '/sante', 'application/json')).body) as { status: string; readOnly: boolean; searchIndexes: { current: boolean; indexStamp: string | null; storeStamp: string }[] };
    expect(behind).toMatchObject({ status: 'ok', readOnly: true, searchIndexes: [{ current: false }] });
    expect(behind.searchIndexes[0]!.indexStamp).not.toBe(behind.searchIndexes[0]!.storeStamp);
    expect(reader.keeper.rebuilds).toBe(0);

    // the records themselves are the current ones: the page shows the edit
    const page = await get(reader.base, `/partenariats/${PARTNERSHIP}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(NEW_WORD);
    expect(page.body).not.toContain('href="/connexion'); // no one signs in here: not offered
    expect((await get(writer.base, `/partenariats/${PARTNERSHIP}`)).body).toContain('href="/connexion');
    // pages that count the whole directory, or keep a cache on a writer, are computed in memory
    for (const path of ['/', '/statistiques', '/collectivites/ma-commune-rabat', '/en/statistiques', '/ar/']) {
      expect((await get(reader.base, path)).status, path).toBe(200);
    }

    // the writer rebuilds; the reader searches the new build, still without rebuilding
    await writer.keeper.ensureFresh();
    expect(writer.keeper.rebuilds).toBe(2);
    expect(await found(reader, NEW_WORD)).toBe(true);
    expect(JSON.parse((await get(reader.base, '/sante', 'application/json')).body)).toMatchObject({ readOnly: true, searchIndexes: [{ current: true }] });
    expect(reader.keeper.rebuilds).toBe(0);

    // no sign-in, no form: a page that says why, in the page's language, and no stack
    const signIn = await get(reader.base, '/connexion');
    expect(signIn.status).toBe(503);
    expect(signIn.body).toContain('Consultation seulement');
    expect((await get(reader.base, '/ar/connexion')).body).toContain('للاطلاع فقط');
    const posted = await fetch(`${reader.base}/connexion`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: 'email=a%40b.test&password=x' });
    expect(posted.status).toBe(503);
    expect(await posted.json()).toMatchObject({ error: { status: 503, code: 'read-only' } });
    expect((await get(reader.base, '/recensement')).status).toBe(503);
    // the writer still signs in
    expect((await get(writer.base, '/connexion')).status).toBe(200);
  }, 240_000);
});
