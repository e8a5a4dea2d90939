/**
 * The partner graph is built off the request path (data/partner-graph.ts): a page never waits for
 * it. Before the first is built the suggestions say they are being computed; after a change to
 * the store the pages keep the previous graph until the new one is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../accounts/audit.js';
import { PartnerGraphKeeper } from '../data/partner-graph.js';
import { suggestionList } from '../pages/collectivity/suggestions.js';
import { coverageView } from '../pages/coverage/data.js';
import { openTestSite, renderContext, type TestSite } from '../testing.js';

const TOURS = '/collectivites/fr-commune-tours';

interface CollectivityJson {
  suggestions: { collectivity: { id: string } }[];
  suggestionsStatus: 'ready' | 'stale' | 'computing';
}

describe('the partner graph, built in the background', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await openTestSite({ search: false });
  }, 120_000);
  afterAll(async () => site?.dispose());

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await site.app.inject({ url, headers });
    expect(response.statusCode, url).toBe(200);
    return response;
  };

  /** Moves the store's version stamp, as an editor's change does. */
  const change = async () => {
    const dir = await site.directory();
    await recordAudit(site.store.db, { action: 'consent.set', directoryId: dir.id, subjectType: 'person', subjectId: `quelqu-un-${Date.now()}`, details: { publish: true } });
  };

  it('answers the first page at once, its suggestions "being computed", then with the graph — under a new tag', async () => {
    const first = await get(`${TOURS}.json`);
    const pending = first.json<CollectivityJson>();
    // the first page asked for the graph: its build started, the page did not wait for it
    expect(pending.suggestionsStatus).toBe('computing');
    expect(pending.suggestions).toEqual([]);

    await site.partnerGraph();
    const ready = await get(`${TOURS}.json`, { 'if-none-match': first.headers.etag as string });
    const view = ready.json<CollectivityJson>();
    expect(view.suggestionsStatus).toBe('ready');
    expect(view.suggestions.length).toBeGreaterThan(0);
    // the page drawn without the graph is neither kept nor answered 304 once the graph is there
    expect(ready.headers.etag).not.toBe(first.headers.etag);
  });

  it('maps the gaps in a domain before the first graph too, counted in the store for that domain alone: the same as from the graph', async () => {
    // a snapshot of its own, whose graph was never built
    const dir = await site.directory();
    expect(dir.partnerGraph().status).toBe('computing');
    const fromStore = await coverageView(dir, site.store.db, { domain: 'environnement' });
    await dir.partnerGraphReady();
    expect(dir.partnerGraph().status).toBe('ready');
    const fromGraph = await coverageView(dir, site.store.db, { domain: 'environnement' });
    expect(fromGraph.units).toEqual(fromStore.units);
    expect(fromGraph.units.some((u) => u.active > 0)).toBe(true);
    expect(fromGraph.units.some((u) => u.gap)).toBe(true);
  });

  it('says so on the page while the suggestions are being computed', () => {
    const c = renderContext(TOURS);
    const body = suggestionList([], c, 'computing').value;
    expect(body).toContain('Les suggestions sont en cours de calcul');
    expect(body).toContain('role="status"');
    expect(body).not.toContain('Aucune suggestion');
  });

  it('after a change, serves the previous graph at once while the new one is built, then the new one', async () => {
    await site.partnerGraph();
    const before = (await get(`${TOURS}.json`)).json<CollectivityJson>();
    expect(before.suggestionsStatus).toBe('ready');

    await change();
    // the first page after the change starts the build and is drawn from the previous graph:
    // had it waited for the build, it would say `ready`
    const during = (await get(`${TOURS}.json`)).json<CollectivityJson>();
    expect(during.suggestionsStatus).toBe('stale');
    expect(during.suggestions).toEqual(before.suggestions);

    await site.partnerGraph();
    const after = (await get(`${TOURS}.json`)).json<CollectivityJson>();
    expect(after.suggestionsStatus).toBe('ready');
    expect(after.suggestions).toEqual(before.suggestions);
  });

  it('keeps one build at a time per directory, and the graph it had until the new one is built (the keeper over a real store)', async () => {
    const keeper = new PartnerGraphKeeper(site.store.db);
    const v1 = await site.directory();
    expect(keeper.peek(v1)).toEqual({ status: 'computing' });
    expect(keeper.isBuilding(v1.id)).toBe(true);
    expect(keeper.builtFor(v1.id)).toBeUndefined();
    const g1 = await keeper.ready(v1);
    expect(keeper.isBuilding(v1.id)).toBe(false);
    expect(keeper.peek(v1)).toEqual({ status: 'ready', graph: g1 });
    expect(keeper.builtFor(v1.id)).toBe(v1.stamp);
    expect(g1.weight.get('fr-commune-tours')).toBeGreaterThan(0);

    await change();
    const v2 = await site.directory();
    expect(v2.stamp).not.toBe(v1.stamp);
    let rebuilt = false;
    const state = keeper.peek(v2);
    void keeper.ready(v2).then(() => (rebuilt = true));
    // answered from the graph at hand, the new one under way
    expect(state).toEqual({ status: 'stale', graph: g1, builtFor: v1.stamp });
    expect(keeper.isBuilding(v2.id)).toBe(true);
    expect(rebuilt).toBe(false);
    // asked again during the build: no second build, the same stale graph
    expect(keeper.peek(v2)).toEqual({ status: 'stale', graph: g1, builtFor: v1.stamp });

    // a third version asked for during the build waits for it, then has its own
    await change();
    const v3 = await site.directory();
    const g3 = await keeper.ready(v3);
    expect(rebuilt).toBe(true);
    expect(g3).not.toBe(g1);
    expect(keeper.peek(v3)).toEqual({ status: 'ready', graph: g3 });
    expect(keeper.builtFor(v3.id)).toBe(v3.stamp);
    // the same directory, the same counts
    expect(g3.weight).toEqual(g1.weight);
  });
});
