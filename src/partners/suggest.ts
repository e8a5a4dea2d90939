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
const PEERS_COUNTED = 3;
const DOMAINS_COUNTED = 3;

/** Every candidate for `collectivityId`, best first (ties by id); empty for an unknown collectivity. */
export function rankPartners(graph: PartnerGraph, collectivityId: string, weights: SuggestionWeights = SUGGESTION_WEIGHTS): Suggestion[] {
  const self = graph.places.get(collectivityId);
  if (self === undefined) return [];
  const own = graph.partners.get(collectivityId) ?? new Map<string, number>();
  const ownPlaces = [...own.keys()].flatMap((id) => {
    const place = graph.places.get(id);
    return place === undefined ? [] : [place];
  });
  const partnerRegions = new Set(ownPlaces.flatMap((p) => (p.region === undefined ? [] : [`${p.country}\u0000${p.region}`])));
  const partnerKinds = new Set(ownPlaces.map((p) => `${p.country}\u0000${p.kind}`));
  const myDomains = graph.domains.get(collectivityId) ?? new Map<string, number>();

  // how many collectivities of its country and region work with each candidate
  const peers = new Map<string, number>();
  if (self.region !== undefined) {
    for (const [id, place] of graph.places) {
      if (id === collectivityId || place.country !== self.country || place.region !== self.region) continue;
      for (const partner of (graph.partners.get(id) ?? new Map<string, number>()).keys()) peers.set(partner, (peers.get(partner) ?? 0) + 1);
    }
  }

  // those of its side who share a partner with it, and whom else they work with (the first of them named)
  const neighbours = new Map<string, { count: number; via: string }>();
  const alike = new Set<string>();
  for (const partner of own.keys()) for (const other of (graph.partners.get(partner) ?? new Map<string, number>()).keys()) if (other !== collectivityId) alike.add(other);
  for (const other of [...alike].sort()) {
    for (const candidate of (graph.partners.get(other) ?? new Map<string, number>()).keys()) {
      const seen = neighbours.get(candidate);
      neighbours.set(candidate, { count: (seen?.count ?? 0) + 1, via: seen?.via ?? other });
    }
  }

  const ranked: Suggestion[] = [];
  for (const [id, place] of graph.places) {
    if (id === collectivityId || place.country === self.country || own.has(id)) continue;
    const reasons: SuggestionReason[] = [];
    let score = 0;
    const near = neighbours.get(id);
    if (near !== undefined) {
      reasons.push({ code: 'neighbours', value: near.via, count: near.count });
      score += weights.neighbours * Math.min(near.count, PEERS_COUNTED);
    }
    const peerCount = peers.get(id) ?? 0;
    if (peerCount > 0 && self.region !== undefined) {
      reasons.push({ code: 'peers', value: self.region, count: peerCount });
      score += weights.peers * Math.min(peerCount, PEERS_COUNTED);
    }
    const theirs = graph.domains.get(id);
    if (theirs !== undefined && myDomains.size > 0) {
      const shared = [...myDomains.keys()].filter((key) => theirs.has(key)).sort((a, b) => (theirs.get(b) ?? 0) - (theirs.get(a) ?? 0) || (a < b ? -1 : 1));
      for (const key of shared.slice(0, DOMAINS_COUNTED)) reasons.push({ code: 'domain', value: key });
      score += weights.domain * Math.min(shared.length, DOMAINS_COUNTED);
    }
    if (place.region !== undefined && partnerRegions.has(`${place.country}\u0000${place.region}`)) {
      reasons.push({ code: 'region', value: place.region, country: place.country });
      score += weights.region;
    }
    const sameKind = own.size > 0 ? partnerKinds.has(`${place.country}\u0000${place.kind}`) : place.level !== undefined && place.level === self.level;
    if (sameKind) {
      reasons.push({ code: 'kind', value: place.kind, country: place.country });
      score += weights.kind;
    }
    score += weights.popularity * Math.log2(1 + (graph.weight.get(id) ?? 0));
    ranked.push({ id, score, reasons });
  }
  return ranked.sort(bestFirst);
}

/** The `limit` best candidates that have a reason besides being active. */
export function suggestPartners(graph: PartnerGraph, collectivityId: string, limit: number): Suggestion[] {
  return rankPartners(graph, collectivityId)
    .filter((s) => s.reasons.some((r) => r.code !== 'kind'))
    .slice(0, limit);
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
