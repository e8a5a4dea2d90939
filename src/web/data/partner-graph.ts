/**
 * The partner graph of each directory (src/partners/graph.ts), built off the request path and
 * served stale-while-revalidate. Its build reads the whole directory (seconds at 100 000
 * projects, more than a minute at 1 000 000): a page never waits for it. A page asks `peek`,
 * which answers at once with
 * - `ready`: the graph of the snapshot's version of the store;
 * - `stale`: the graph of an earlier version, while the new one is built in the background;
 * - `computing`: none yet (the first since the server started), the build under way;
 * and starts the build when none is under way. The server also builds it ahead of the first
 * visitor, next to the census snapshot (`ready`, app.ts's warm-up).
 *
 * One build at a time per directory: a store edited during a build gets its graph from the next
 * build, started by the first page that asks after the running one ends.
 */
import type { Kysely } from 'kysely';
import type { Collectivity, Domain } from '../../model/schema.js';
import { domainKeys, placeOf } from '../../partners/document.js';
import { graphFromStore, type PartnerGraph } from '../../partners/graph.js';
import { indexForSuggestions } from '../../partners/suggest.js';
import { defaultProfiles } from '../../profiles/profiles.js';
import type { Database } from '../../store/tables.js';

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

export class PartnerGraphKeeper {
  /** per directory: the newest graph built, and for which version of the store */
  private readonly built = new Map<string, { stamp: string; graph: PartnerGraph }>();
  /** per directory: the build under way */
  private readonly building = new Map<string, { stamp: string; done: Promise<PartnerGraph> }>();

  /** `reader`: where the directory is read (the server: the search thread's connection, store/off-thread.ts) */
  constructor(private readonly reader: Kysely<Database>) {}

  /** The graph for `source` as it stands — never waits; starts a build of its version when none is under way. */
  peek(source: GraphSource): PartnerGraphState {
    const built = this.built.get(source.id);
    if (built?.stamp === source.stamp) return { status: 'ready', graph: built.graph };
    if (!this.building.has(source.id)) this.start(source).catch(() => undefined);
    return built === undefined ? { status: 'computing' } : { status: 'stale', graph: built.graph, builtFor: built.stamp };
  }

  /** The graph of `source`'s version, built if need be (after the build under way, if another): the warm-up, the bench, tests. */
  async ready(source: GraphSource): Promise<PartnerGraph> {
    for (;;) {
      const built = this.built.get(source.id);
      if (built?.stamp === source.stamp) return built.graph;
      const under = this.building.get(source.id);
      if (under === undefined) return this.start(source);
      if (under.stamp === source.stamp) return under.done;
      await under.done.catch(() => undefined);
    }
  }

  /** The version of the store the directory's graph at hand was built for (none yet: undefined): a page's tag holds it, so that a page drawn without the graph is not kept once it is there. */
  builtFor(directoryId: string): string | undefined {
    return this.built.get(directoryId)?.stamp;
  }

  /** Whether a build of the directory is under way (tests, the bench). */
  isBuilding(directoryId: string): boolean {
    return this.building.has(directoryId);
  }

  private start(source: GraphSource): Promise<PartnerGraph> {
    const profiles = defaultProfiles();
    const places = new Map(source.collectivities.map((c) => [c.id, placeOf(profiles, c)]));
    // the suggestions' index is made with the graph: a page then looks up, it does not sort the census
    const done = graphFromStore(this.reader, source.id, places, domainKeys(source.domains)).then((graph) => {
      indexForSuggestions(graph);
      return graph;
    });
    const entry = { stamp: source.stamp, done };
    this.building.set(source.id, entry);
    done.then(
      (graph) => {
        this.built.set(source.id, { stamp: source.stamp, graph });
        if (this.building.get(source.id) === entry) this.building.delete(source.id);
      },
      // a failed build is not kept: the next page starts another
      () => {
        if (this.building.get(source.id) === entry) this.building.delete(source.id);
      },
    );
    return done;
  }
}
