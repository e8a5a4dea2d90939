/**
 * What the graph's build computes ahead of the pages — every collectivity's suggestions
 * (`suggestForEach`) — and the shape it is kept in between restarts (store/partner-cache.ts):
 * the graph's counts as lists of entries, each collectivity's suggestions as they are shown.
 * Read back through Zod: a body of another shape is computed again, never shown.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { GraphPlace, PartnerGraph } from './graph.js';
import { indexForSuggestions, type Suggestion } from './suggest.js';
import { suggestPartners } from './suggest-fast.js';

/**
 * Bumped whenever what is kept changes — the ranking (suggest.ts), the graph's counts (graph.ts),
 * the number of suggestions kept: what was kept under another format is computed again.
 */
export const KEPT_FORMAT = 1;

/** How long the build ranks before it lets the pages under way go on (it runs on the serving thread). */
const SLICE_MS = 20;

/** Each collectivity's `limit` first suggestions, ranked as a page would (`suggestPartners`), giving way to other work every few milliseconds. */
export async function suggestForEach(graph: PartnerGraph, limit: number): Promise<Map<string, Suggestion[]>> {
  indexForSuggestions(graph);
  const lists = new Map<string, Suggestion[]>();
  let slice = performance.now();
  for (const id of graph.places.keys()) {
    lists.set(id, suggestPartners(graph, id, limit));
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return lists;
}

const Counts = z.array(z.tuple([z.string(), z.array(z.tuple([z.string(), z.number()]))]));
const GraphBody = z.object({ weight: z.array(z.tuple([z.string(), z.number()])), partners: Counts, domains: Counts });

/** The graph's counts as a body (its places are the snapshot's collectivities: not kept). */
export function graphBody(graph: PartnerGraph): z.infer<typeof GraphBody> {
  const entries = (map: ReadonlyMap<string, ReadonlyMap<string, number>>) => [...map].map(([id, inner]) => [id, [...inner]] as [string, [string, number][]]);
  return { weight: [...graph.weight], partners: entries(graph.partners), domains: entries(graph.domains) };
}

/** The graph of a kept body, over the snapshot's places; undefined for a body of another shape. */
export function graphOfBody(body: unknown, places: ReadonlyMap<string, GraphPlace>): PartnerGraph | undefined {
  const parsed = GraphBody.safeParse(body);
  if (!parsed.success) return undefined;
  const maps = (entries: z.infer<typeof Counts>) => new Map(entries.map(([id, inner]) => [id, new Map(inner)]));
  return { places, weight: new Map(parsed.data.weight), partners: maps(parsed.data.partners), domains: maps(parsed.data.domains) };
}

const Reason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('peers'), value: z.string(), count: z.number() }),
  z.object({ code: z.literal('neighbours'), value: z.string(), count: z.number() }),
  z.object({ code: z.literal('domain'), value: z.string() }),
  z.object({ code: z.literal('region'), value: z.string(), country: z.string() }),
  z.object({ code: z.literal('kind'), value: z.string(), country: z.string() }),
]);
const Suggestions = z.array(z.object({ id: z.string(), score: z.number(), reasons: z.array(Reason) }));

/** A collectivity's kept suggestions; undefined for a body of another shape. */
export function suggestionsOfBody(body: unknown): Suggestion[] | undefined {
  const parsed = Suggestions.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
