/**
 * What the partner graph's build computes is kept in the store (store/partner-cache.ts): a
 * restarted server — a new app over the same store — answers a collectivity's suggestions at
 * once from the kept rows, `ready` only when they were computed for the store's version as it is;
 * a kept build of another version (the records changed), of another format or unreadable is
 * never served as current.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../accounts/audit.js';
import { KEPT_FORMAT } from '../../partners/kept.js';
import { keptPartnerVersion } from '../../store/partner-cache.js';
import { buildApp } from '../app.js';
import { DirectoryCache } from '../data/directory.js';
import { openTestSite, type TestSite } from '../testing.js';

const TOURS = '/collectivites/fr-commune-tours';

interface CollectivityJson {
  suggestions: { collectivity: { id: string }; score: number }[];
  suggestionsStatus: 'ready' | 'stale' | 'computing';
}

type KeptTables = { partner_suggestions: { directory_id: string; collectivity_id: string; stamp: string; format: number; body: string } };

describe('the partner graph kept between restarts', () => {
  let site: TestSite;
  const restarted: FastifyInstance[] = [];
  beforeAll(async () => {
    site = await openTestSite({ search: false });
  }, 120_000);
  afterAll(async () => {
    for (const app of restarted) await app.close();
    await site?.dispose();
  });

  /** A restarted server: a new app and snapshots over the same store, nothing in memory. */
  const restart = async () => {
    const directories = new DirectoryCache(site.store.db);
    const app = await buildApp({ store: site.store, directories });
    restarted.push(app);
    return { app, directories };
  };
  const suggestionsOf = async (app: FastifyInstance) => {
    const response = await app.inject({ url: `${TOURS}.json` });
    expect(response.statusCode).toBe(200);
    return { view: response.json<CollectivityJson>(), etag: response.headers.etag as string };
  };
  const change = async () => {
    const dir = await site.directory();
    await recordAudit(site.store.db, { action: 'consent.set', directoryId: dir.id, subjectType: 'person', subjectId: `quelqu-un-${Date.now()}`, details: { publish: true } });
  };
  const kept = () => site.store.db.withTables<KeptTables>();

  it('serves a restarted server the suggestions of the store as it is at once, from the kept rows, the same as the build', async () => {
    await site.partnerGraph();
    const built = await suggestionsOf(site.app);
    expect(built.view.suggestionsStatus).toBe('ready');
    expect(built.view.suggestions.length).toBeGreaterThan(0);
    const dir = await site.directory();
    expect(await keptPartnerVersion(site.store.db, dir.id)).toEqual({ stamp: dir.stamp, format: KEPT_FORMAT });

    const { app, directories } = await restart();
    const snapshot = await directories.get();
    // nothing in the new server's memory…
    expect(snapshot.partnerGraph().status).toBe('computing');
    // …and yet not "being computed": the suggestions are read from the store
    const first = await suggestionsOf(app);
    expect(first.view.suggestionsStatus).toBe('ready');
    expect(first.view.suggestions).toEqual(built.view.suggestions);
    // the graph itself is read back, not built again: the same counts
    const graph = await snapshot.partnerGraphReady();
    expect(graph.weight).toEqual((await dir.partnerGraphReady()).weight);
    expect(graph.partners).toEqual((await dir.partnerGraphReady()).partners);
  });

  it('never serves a kept build of an earlier version (the records changed) as current: stale until the new one is built and kept', async () => {
    await site.partnerGraph();
    const before = await site.directory();
    await change();
    const after = await site.directory();
    expect(after.stamp).not.toBe(before.stamp);
    expect((await keptPartnerVersion(site.store.db, after.id))?.stamp).toBe(before.stamp);

    const { app, directories } = await restart();
    const first = await suggestionsOf(app);
    expect(first.view.suggestionsStatus).toBe('stale');
    await (await directories.get()).partnerGraphReady();
    const rebuilt = await suggestionsOf(app);
    expect(rebuilt.view.suggestionsStatus).toBe('ready');
    expect(rebuilt.etag).not.toBe(first.etag);
    expect((await keptPartnerVersion(site.store.db, after.id))?.stamp).toBe(after.stamp);
    // a third server finds the new version kept: ready at once
    const server = await restart();
    const third = await suggestionsOf(server.app);
    expect(third.view.suggestionsStatus).toBe('ready');
    expect(third.view.suggestions).toEqual(rebuilt.view.suggestions);
    await (await server.directories.get()).partnerGraphReady();
  });

  it('never serves kept rows of another format, nor an unreadable one: they are computed again', async () => {
    await site.partnerGraph();
    const dir = await site.directory();
    await kept().updateTable('partner_suggestions').set({ format: KEPT_FORMAT + 1 }).where('directory_id', '=', dir.id).where('collectivity_id', '=', 'fr-commune-tours').execute();
    const { app, directories } = await restart();
    expect((await suggestionsOf(app)).view.suggestionsStatus).toBe('computing');
    // its build (from the store: the kept one lacks a row) done before the next change to the rows
    await (await directories.get()).partnerGraphReady();

    await kept().updateTable('partner_suggestions').set({ format: KEPT_FORMAT, body: '{"not": "a list"' }).where('directory_id', '=', dir.id).where('collectivity_id', '=', 'fr-commune-tours').execute();
    const again = await restart();
    expect((await suggestionsOf(again.app)).view.suggestionsStatus).toBe('computing');
    // the build kept in part is not read back: built again, and kept whole
    await (await again.directories.get()).partnerGraphReady();
    expect((await suggestionsOf(again.app)).view.suggestionsStatus).toBe('ready');
    const row = await kept().selectFrom('partner_suggestions').select('body').where('directory_id', '=', dir.id).where('collectivity_id', '=', 'fr-commune-tours').executeTakeFirstOrThrow();
    expect(JSON.parse(row.body)).toEqual(expect.any(Array));
  });
});
