/**
 * The partner graph of each directory (src/partners/graph.ts), built off the request path and
 * served stale-while-revalidate, with every collectivity's suggestions ranked in the same build
 * (src/partners/kept.ts): a page looks its list up, it does not rank. The build reads the whole
 * directory (seconds at 100 000 projects, about a minute at 1 000 000): a page never waits for
 * it. A page asks `peek` (the graph) or `suggestions` (a collectivity's list), which answer at once
 * - `ready`: from the snapshot's version of the store;
 * - `stale`: from an earlier version, while the new one is built in the background;
 * - `computing`: nothing yet (the first since the server started), the build under way;
 * and start the build when none is under way. The server also builds it ahead of the first
 * visitor, next to the census snapshot (`ready`, app.ts's warm-up).
 *
 * What a build computes is kept in the store (store/partner-cache.ts) under the version it was
 * computed for: a restarted server reads a collectivity's list there with one indexed read while
 * it loads the rest (seconds, not a build), and labels a list of another version `stale`, never
 * `ready`.
 *
 * One build at a time per directory: a store edited during a build gets its graph from the next
 * build, started by the first page that asks after the running one ends.
 */
import type { Kysely } from 'kysely';
import type { Collectivity, Domain } from '../../model/schema.js';
import { domainKeys, placeOf } from '../../partners/document.js';
import { graphFromStore, type PartnerGraph } from '../../partners/graph.js';
import { KEPT_FORMAT, graphBody, graphOfBody, suggestForEach, suggestionsOfBody } from '../../partners/kept.js';
import type { Suggestion } from '../../partners/suggest.js';
import { defaultProfiles } from '../../profiles/profiles.js';
import { keepPartnerGraph, keptPartnerVersion, readKeptGraph, readKeptSuggestions, type KeptVersion } from '../../store/partner-cache.js';
import type { Database } from '../../store/tables.js';

/** Suggestions ranked per collectivity in a build: as many as a collectivity's page shows. */
export const SUGGESTIONS_KEPT = 6;

/** What the keeper needs of a snapshot: its directory, its version, its collectivities and domains. */
export interface GraphSource {
  readonly id: string;
  readonly stamp: string;
  readonly collectivities: readonly Pick<Collectivity, 'id' | 'country' | 'kind' | 'region'>[];
  readonly domains: readonly Pick<Domain, 'code' | 'label'>[];
}

export type PartnerGraphState =
  | { status: 'ready'; graph: PartnerGraph }
  | { status: 'stale'; graph: PartnerGraph; builtFor: string }
  | { status: 'computing' };

export type SuggestionsState = { status: 'ready' | 'stale'; suggestions: Suggestion[] } | { status: 'computing' };

interface Built {
  stamp: string;
  graph: PartnerGraph;
  /** every collectivity's, when built here; a graph read back from the store leaves them there (a page reads its row) */
  suggestions?: ReadonlyMap<string, Suggestion[]>;
}

export class PartnerGraphKeeper {
  /** per directory: the newest graph built, and for which version of the store */
  private readonly built = new Map<string, Built>();
  /** per directory: the build under way */
  private readonly building = new Map<string, { stamp: string; done: Promise<Built> }>();
  /** per directory: the version the store keeps a build of (this format only), as last read or written */
  private readonly kept = new Map<string, string>();

  /**
   * `db`: where builds are kept between restarts, and a page reads a kept list; `reader`: where
   * the directory is read (the server: the search thread's connection, store/off-thread.ts)
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reader: Kysely<Database> = db,
  ) {}

  /** Reads which version of the directory the store keeps a build of (one indexed read, once per snapshot). */
  async recall(directoryId: string): Promise<void> {
    const version = await keptPartnerVersion(this.db, directoryId).catch(() => undefined);
    if (version?.format === KEPT_FORMAT) this.kept.set(directoryId, version.stamp);
    else this.kept.delete(directoryId);
  }

  /** The graph for `source` as it stands — never waits; starts a build of its version when none is under way. */
  peek(source: GraphSource): PartnerGraphState {
    const built = this.built.get(source.id);
    if (built?.stamp === source.stamp) return { status: 'ready', graph: built.graph };
    if (!this.building.has(source.id)) this.start(source).catch(() => undefined);
    return built === undefined ? { status: 'computing' } : { status: 'stale', graph: built.graph, builtFor: built.stamp };
  }

  /**
   * A collectivity's suggestions for `source` as they stand: from the graph at hand, else (a
   * restarted server) from those the store keeps — `ready` only when computed for `source`'s
   * version. Never waits for a build; starts one as `peek` does when they are not of that version.
   */
  async suggestions(source: GraphSource, collectivityId: string): Promise<SuggestionsState> {
    const built = this.built.get(source.id);
    if (built?.suggestions !== undefined) {
      const state = this.peek(source);
      if (state.status !== 'computing') return { status: state.status, suggestions: built.suggestions.get(collectivityId) ?? [] };
    }
    const kept = this.kept.get(source.id);
    const row = kept === undefined ? undefined : await readKeptSuggestions(this.db, source.id, collectivityId).catch(() => undefined);
    // a list of this format, checked against the version it was computed for: that of its own row
    const suggestions = row?.format === KEPT_FORMAT ? suggestionsOfBody(row.body) : undefined;
    if (kept !== undefined && (row === undefined || suggestions === undefined) && this.kept.get(source.id) === kept) {
      // a kept build missing a row, or with one unreadable: forgotten, and built again
      this.kept.delete(source.id);
      if (this.built.get(source.id)?.suggestions === undefined) this.built.delete(source.id);
    }
    // the kept list of this version needs nothing more (the graph is read back when the map of gaps
    // or the warm-up asks: a second on this thread at 1 000 000 projects, not on this page's time);
    // one of an earlier version, or none, starts the build
    if (row === undefined || suggestions === undefined) {
      this.peek(source);
      return { status: 'computing' };
    }
    if (row.stamp !== source.stamp) this.peek(source);
    return { status: row.stamp === source.stamp ? 'ready' : 'stale', suggestions };
  }

  /** The graph of `source`'s version, built if need be (after the build under way, if another): the warm-up, the bench, tests. */
  async ready(source: GraphSource): Promise<PartnerGraph> {
    for (;;) {
      const built = this.built.get(source.id);
      if (built?.stamp === source.stamp) return built.graph;
      const under = this.building.get(source.id);
      if (under === undefined) return (await this.start(source)).graph;
      if (under.stamp === source.stamp) return (await under.done).graph;
      await under.done.catch(() => undefined);
    }
  }

  /**
   * The version of the store the graph in memory was built for, else that of the build the store
   * keeps (marked as such: a page drawn from kept rows, or without one that could not be read, is
   * not the page drawn once the graph is in memory); none yet: undefined. A page's tag holds it,
   * so that a page drawn without the graph is not kept once it is there.
   */
  builtFor(directoryId: string): string | undefined {
    const built = this.built.get(directoryId);
    if (built?.suggestions !== undefined) return built.stamp;
    const kept = built?.stamp ?? this.kept.get(directoryId);
    return kept === undefined ? undefined : `kept:${kept}`;
  }

  /** Whether a build of the directory is under way (tests, the bench). */
  isBuilding(directoryId: string): boolean {
    return this.building.has(directoryId);
  }

  private start(source: GraphSource): Promise<Built> {
    const done = this.loadKept(source).then((loaded) => loaded ?? this.build(source));
    const entry = { stamp: source.stamp, done };
    this.building.set(source.id, entry);
    done.then(
      (built) => {
        this.built.set(source.id, built);
        if (this.building.get(source.id) === entry) this.building.delete(source.id);
      },
      // a failed build is not kept: the next page starts another
      () => {
        if (this.building.get(source.id) === entry) this.building.delete(source.id);
      },
    );
    return done;
  }

  /**
   * The graph the store keeps for `source`'s version, read back (a second at 1 000 000 projects,
   * not a build); undefined when it keeps none. Its suggestions stay in the store: a page reads its row.
   */
  private async loadKept(source: GraphSource): Promise<Built | undefined> {
    if (this.kept.get(source.id) !== source.stamp) return undefined;
    const version: KeptVersion = { stamp: source.stamp, format: KEPT_FORMAT };
    const graph = graphOfBody(await readKeptGraph(this.db, source.id, version).catch(() => undefined), placesOf(source));
    return graph === undefined ? undefined : { stamp: source.stamp, graph };
  }

  /** The graph read from the store, every collectivity's suggestions ranked, and both kept. */
  private async build(source: GraphSource): Promise<Built> {
    const graph = await graphFromStore(this.reader, source.id, placesOf(source), domainKeys(source.domains));
    const suggestions = await suggestForEach(graph, SUGGESTIONS_KEPT);
    if (await keepPartnerGraph(this.db, source.id, { stamp: source.stamp, format: KEPT_FORMAT }, graphBody(graph), suggestions)) this.kept.set(source.id, source.stamp);
    return { stamp: source.stamp, graph, suggestions };
  }
}

function placesOf(source: GraphSource): Map<string, ReturnType<typeof placeOf>> {
  const profiles = defaultProfiles();
  return new Map(source.collectivities.map((c) => [c.id, placeOf(profiles, c)]));
}
