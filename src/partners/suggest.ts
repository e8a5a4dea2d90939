/**
 * Suggested partners for a collectivity: collectivities of the other countries it does not yet
 * work with, ranked by what an international-relations officer looks for —
 * - `neighbours`: collectivities of its side that share a partner with it also work with them;
 * - `peers`: collectivities of its own region already work with them (how partnerships spread);
 * - `domain`: they are active in its domains;
 * - `region`, `kind`: they are of the region and kind of its present partners (or, for a first
 *   partner, of its own level: a commune with a commune);
 * and, last, how active they are (`popularity`, the baseline the evaluation compares against).
 * Pure, over the graph (graph.ts); the reasons are codes and values, the words are the site's.
 *
 * Here every candidate is ranked (`rankPartners`, which the evaluation uses); a collectivity's
 * first few, with their reasons, are ranked over numbers without scoring them all
 * (suggest-fast.ts: `suggestPartners`, the same list). The collectivities of each région and all
 * of them by activity are indexed once per graph (`indexForSuggestions`, with its build).
 */
import type { PartnerGraph } from './graph.js';

export type SuggestionReason =
  | { code: 'peers'; value: string; count: number }
  /** collectivities of its side that share a partner with it work with this one (value: one of them) */
  | { code: 'neighbours'; value: string; count: number }
  | { code: 'domain'; value: string }
  | { code: 'region'; value: string; country: string }
  | { code: 'kind'; value: string; country: string };

export interface Suggestion {
  id: string;
  score: number;
  reasons: SuggestionReason[];
}

/**
 * Weights of the reasons; each is capped so that no one reason decides alone. Chosen on the 2008
 * directory's leave-one-out (evaluate.ts, 52 cases: MRR 0.19 against popularity's 0.15, the hidden
 * partner in the first 10 for 50 % against 38 %): who works with those who work like it
 * (`neighbours`) tells most; "active in its domains" tells little there (its domains are broad,
 * nearly every partnership has several), so it weighs little. A small census: the weights are
 * a reasoned default, not a fit.
 */
export const SUGGESTION_WEIGHTS = { peers: 1, neighbours: 2, domain: 0.5, region: 1, kind: 1, popularity: 0.5 } as const;
export type SuggestionWeights = { [K in keyof typeof SUGGESTION_WEIGHTS]: number };
export const PEERS_COUNTED = 3;
export const DOMAINS_COUNTED = 3;

/**
 * What suggestions look up in a graph besides its counts: the collectivities of each région, all
 * of them most active first (ties by id), and who works with whom by number — the walk from a
 * collectivity to its partners' other partners and theirs (`neighbours`) reaches thousands at
 * 1 000 000 projects: over arrays of numbers it takes a millisecond, over maps of ids tens.
 */
export interface SuggestionIndex {
  regions: ReadonlyMap<string, readonly string[]>;
  byActivity: readonly { id: string; weight: number }[];
  /** every collectivity by number, in the order of their ids (the order the first `via` is chosen in) */
  ids: readonly string[];
  numberOf: ReadonlyMap<string, number>;
  /** the partners of collectivity i are `partnerOf[start[i]]` to `partnerOf[start[i + 1] - 1]` */
  start: Int32Array;
  partnerOf: Int32Array;
  /** scratch space of one request at a time (the walk never awaits) */
  count: Int32Array;
  via: Int32Array;
  mark: Uint8Array;
}

const indexes = new WeakMap<PartnerGraph, SuggestionIndex>();

/** The graph's index, made once (the site makes it with the graph, in the background). */
export function indexForSuggestions(graph: PartnerGraph): SuggestionIndex {
  let index = indexes.get(graph);
  if (index === undefined) {
    const regions = new Map<string, string[]>();
    for (const [id, place] of graph.places) {
      if (place.region === undefined) continue;
      const key = `${place.country}\u0000${place.region}`;
      const list = regions.get(key);
      if (list === undefined) regions.set(key, [id]);
      else list.push(id);
    }
    const byActivity = [...graph.places.keys()]
      .map((id) => ({ id, weight: graph.weight.get(id) ?? 0 }))
      .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const every = new Set<string>(graph.places.keys());
    for (const [id, partners] of graph.partners) {
      every.add(id);
      for (const other of partners.keys()) every.add(other);
    }
    const ids = [...every].sort();
    const numberOf = new Map(ids.map((id, i) => [id, i]));
    const start = new Int32Array(ids.length + 1);
    const partnerOf = new Int32Array(ids.reduce((n, id) => n + (graph.partners.get(id)?.size ?? 0), 0));
    let at = 0;
    ids.forEach((id, i) => {
      start[i] = at;
      for (const other of graph.partners.get(id)?.keys() ?? []) partnerOf[at++] = numberOf.get(other)!;
    });
    start[ids.length] = at;
    const n = ids.length;
    index = { regions, byActivity, ids, numberOf, start, partnerOf, count: new Int32Array(n), via: new Int32Array(n), mark: new Uint8Array(n) };
    indexes.set(graph, index);
  }
  return index;
}

/** What a request knows of the collectivity asking: its partners' regions and kinds, its domains, who is near it. */
interface Asking {
  id: string;
  country: string;
  region?: string | undefined;
  level?: string | undefined;
  own: ReadonlyMap<string, number>;
  partnerRegions: Set<string>;
  partnerKinds: Set<string>;
  domains: ReadonlyMap<string, number>;
  peers: Map<string, number>;
  neighbours: Map<string, { count: number; via: string }>;
}

function asking(graph: PartnerGraph, collectivityId: string): Asking | undefined {
  const self = graph.places.get(collectivityId);
  if (self === undefined) return undefined;
  const own = graph.partners.get(collectivityId) ?? new Map<string, number>();
  const ownPlaces = [...own.keys()].flatMap((id) => {
    const place = graph.places.get(id);
    return place === undefined ? [] : [place];
  });
  // how many collectivities of its country and region work with each candidate
  const peers = new Map<string, number>();
  if (self.region !== undefined) {
    for (const id of indexForSuggestions(graph).regions.get(`${self.country}\u0000${self.region}`) ?? []) {
      if (id === collectivityId) continue;
      for (const partner of (graph.partners.get(id) ?? new Map<string, number>()).keys()) peers.set(partner, (peers.get(partner) ?? 0) + 1);
    }
  }
  return {
    id: collectivityId,
    country: self.country,
    region: self.region,
    level: self.level,
    own,
    partnerRegions: new Set(ownPlaces.flatMap((p) => (p.region === undefined ? [] : [`${p.country}\u0000${p.region}`]))),
    partnerKinds: new Set(ownPlaces.map((p) => `${p.country}\u0000${p.kind}`)),
    domains: graph.domains.get(collectivityId) ?? new Map<string, number>(),
    peers,
    neighbours: neighboursOf(indexForSuggestions(graph), collectivityId),
  };
}

/**
 * Those of its side who share a partner with it, and whom else they work with: per candidate, how
 * many of them, and the first of them by id (named). Walked over the index's numbers.
 */
function neighboursOf(index: SuggestionIndex, collectivityId: string): Map<string, { count: number; via: string }> {
  const neighbours = new Map<string, { count: number; via: string }>();
  const me = index.numberOf.get(collectivityId);
  if (me === undefined) return neighbours;
  const { start, partnerOf, count, via, mark, ids } = index;
  const alike: number[] = [];
  for (let i = start[me]!; i < start[me + 1]!; i += 1) {
    const partner = partnerOf[i]!;
    for (let j = start[partner]!; j < start[partner + 1]!; j += 1) {
      const other = partnerOf[j]!;
      if (other !== me && mark[other] === 0) {
        mark[other] = 1;
        alike.push(other);
      }
    }
  }
  // numbers in the order of the ids: the first by id is named
  alike.sort((x, y) => x - y);
  const touched: number[] = [];
  for (const other of alike) {
    mark[other] = 0;
    for (let j = start[other]!; j < start[other + 1]!; j += 1) {
      const candidate = partnerOf[j]!;
      if (count[candidate] === 0) {
        via[candidate] = other;
        touched.push(candidate);
      }
      count[candidate] = count[candidate]! + 1;
    }
  }
  for (const candidate of touched) {
    neighbours.set(ids[candidate]!, { count: count[candidate]!, via: ids[via[candidate]!]! });
    count[candidate] = 0;
  }
  return neighbours;
}

/** The domains both are active in, the candidate's most active first. */
export function sharedDomains(mine: ReadonlyMap<string, number>, theirs: ReadonlyMap<string, number> | undefined): string[] {
  if (theirs === undefined) return [];
  const shared: string[] = [];
  for (const key of mine.keys()) if (theirs.has(key)) shared.push(key);
  return shared.sort((a, b) => (theirs.get(b) ?? 0) - (theirs.get(a) ?? 0) || (a < b ? -1 : 1));
}

function sharedCount(mine: ReadonlyMap<string, number>, theirs: ReadonlyMap<string, number> | undefined): number {
  if (theirs === undefined) return 0;
  let n = 0;
  const [small, large] = mine.size <= theirs.size ? [mine, theirs] : [theirs, mine];
  for (const key of small.keys()) if (large.has(key)) n += 1;
  return n;
}

/**
 * Every candidate for `collectivityId`, best first (ties by id), scored without their reasons
 * (a census of thousands of candidates: suggest-fast.ts says why for the few shown); `substantive`:
 * a reason besides the kind.
 */
export function rankPartners(graph: PartnerGraph, collectivityId: string, weights: SuggestionWeights = SUGGESTION_WEIGHTS): (Suggestion & { substantive: boolean })[] {
  const a = asking(graph, collectivityId);
  return a === undefined ? [] : rankFor(graph, a, weights);
}

function rankFor(graph: PartnerGraph, a: Asking, weights: SuggestionWeights): (Suggestion & { substantive: boolean })[] {
  const ranked: (Suggestion & { substantive: boolean })[] = [];
  for (const id of graph.places.keys()) {
    const scored = scoreOf(graph, a, id, weights);
    if (scored !== undefined) ranked.push(scored);
  }
  return ranked.sort(bestFirst);
}

/** A candidate's score for `a` (undefined: not a candidate — itself, of its country, already a partner). */
function scoreOf(graph: PartnerGraph, a: Asking, id: string, weights: SuggestionWeights): (Suggestion & { substantive: boolean }) | undefined {
  const place = graph.places.get(id);
  if (place === undefined || id === a.id || place.country === a.country || a.own.has(id)) return undefined;
  const near = a.neighbours.get(id)?.count ?? 0;
  const peers = a.region === undefined ? 0 : (a.peers.get(id) ?? 0);
  const domains = Math.min(sharedCount(a.domains, graph.domains.get(id)), DOMAINS_COUNTED);
  const region = place.region !== undefined && a.partnerRegions.has(`${place.country}\u0000${place.region}`) ? 1 : 0;
  const kind = sameKind(a, place) ? 1 : 0;
  const score =
    weights.neighbours * Math.min(near, PEERS_COUNTED) +
    weights.peers * Math.min(peers, PEERS_COUNTED) +
    weights.domain * domains +
    weights.region * region +
    weights.kind * kind +
    weights.popularity * Math.log2(1 + (graph.weight.get(id) ?? 0));
  return { id, score, reasons: [], substantive: near + peers + domains + region > 0 };
}

function sameKind(a: Asking, place: { country: string; kind: string; level?: string | undefined }): boolean {
  return a.own.size > 0 ? a.partnerKinds.has(`${place.country}\u0000${place.kind}`) : place.level !== undefined && place.level === a.level;
}

/** The baseline: the most active collectivities of the other countries, not yet partners. */
export function rankByPopularity(graph: PartnerGraph, collectivityId: string): Suggestion[] {
  const self = graph.places.get(collectivityId);
  if (self === undefined) return [];
  const own = graph.partners.get(collectivityId) ?? new Map<string, number>();
  const ranked: Suggestion[] = [];
  for (const [id, place] of graph.places) {
    if (id === collectivityId || place.country === self.country || own.has(id)) continue;
    ranked.push({ id, score: graph.weight.get(id) ?? 0, reasons: [] });
  }
  return ranked.sort(bestFirst);
}

function bestFirst(a: Suggestion, b: Suggestion): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
