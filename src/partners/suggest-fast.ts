/**
 * A collectivity's first suggestions (suggest.ts) ranked over the graph's collectivities by
 * number: the graph's build ranks every collectivity of the census (6 876 at 1 000 000
 * projects), and over maps of ids that took seconds per thousand. The same scores, computed in
 * the same order (the same floating-point sums), and the same ties (numbers follow the ids'
 * order): the same lists as `rankPartners`, which a test compares on every collectivity.
 *
 * Those reached through its partners (`neighbours`) and its région (`peers`) are scored first,
 * then the others by decreasing activity until even the best score they could reach (every
 * reason but those two) falls below the last one kept.
 */
import type { PartnerGraph } from './graph.js';
import { DOMAINS_COUNTED, PEERS_COUNTED, SUGGESTION_WEIGHTS, indexForSuggestions, sharedDomains, type Suggestion, type SuggestionReason } from './suggest.js';

/** The graph's collectivities by number (those of suggest.ts's index), with what scoring reads of each. */
interface NumberIndex {
  ids: readonly string[];
  numberOf: ReadonlyMap<string, number>;
  start: Int32Array;
  partnerOf: Int32Array;
  /** -1: not a place of the graph (a partner only), never a candidate */
  country: Int32Array;
  /** `country\0region`, `country\0kind`, the level: numbered, -1 for none */
  region: Int32Array;
  kind: Int32Array;
  level: Int32Array;
  /** `popularity`'s term */
  activity: Float64Array;
  /** the domain keys each is active in, numbered: `domainOf[domainStart[i]]` to `domainOf[domainStart[i + 1] - 1]` */
  domainStart: Int32Array;
  domainOf: Int32Array;
  /** the members of each région (by region number), for `peers` */
  members: readonly number[][];
  /** the places, most active first (ties by id) */
  byActivity: Int32Array;
  /** scratch of one ranking at a time (it never awaits) */
  near: Int32Array;
  via: Int32Array;
  peers: Int32Array;
  seen: Uint8Array;
  own: Uint8Array;
  mine: Uint8Array;
}

const indexes = new WeakMap<PartnerGraph, NumberIndex>();

function numbered(): (key: string) => number {
  const numbers = new Map<string, number>();
  return (key) => {
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(key, n);
    }
    return n;
  };
}

function indexOf(graph: PartnerGraph): NumberIndex {
  let index = indexes.get(graph);
  if (index !== undefined) return index;
  const { ids, numberOf, start, partnerOf, byActivity } = indexForSuggestions(graph);
  const n = ids.length;
  const [countries, regions, kinds, levels, domains] = [numbered(), numbered(), numbered(), numbered(), numbered()];
  const country = new Int32Array(n).fill(-1);
  const region = new Int32Array(n).fill(-1);
  const kind = new Int32Array(n).fill(-1);
  const level = new Int32Array(n).fill(-1);
  const activity = new Float64Array(n);
  const domainStart = new Int32Array(n + 1);
  const domainOf: number[] = [];
  const members: number[][] = [];
  ids.forEach((id, i) => {
    domainStart[i] = domainOf.length;
    for (const key of graph.domains.get(id)?.keys() ?? []) domainOf.push(domains(key));
    activity[i] = SUGGESTION_WEIGHTS.popularity * Math.log2(1 + (graph.weight.get(id) ?? 0));
    const place = graph.places.get(id);
    if (place === undefined) return;
    country[i] = countries(place.country);
    kind[i] = kinds(`${place.country}\u0000${place.kind}`);
    if (place.level !== undefined) level[i] = levels(place.level);
    if (place.region !== undefined) {
      region[i] = regions(`${place.country}\u0000${place.region}`);
      (members[region[i]!] ??= []).push(i);
    }
  });
  domainStart[n] = domainOf.length;
  const domainCount = new Set(domainOf).size;
  index = {
    ids,
    numberOf,
    start,
    partnerOf,
    country,
    region,
    kind,
    level,
    activity,
    domainStart,
    domainOf: Int32Array.from(domainOf),
    // the région's members in the order of the graph's places, as suggest.ts counts them (the order does not change a count)
    members,
    byActivity: Int32Array.from(byActivity, (entry) => numberOf.get(entry.id)!),
    near: new Int32Array(n),
    via: new Int32Array(n),
    peers: new Int32Array(n),
    seen: new Uint8Array(n),
    own: new Uint8Array(n),
    mine: new Uint8Array(Math.max(1, domainCount)),
  };
  indexes.set(graph, index);
  return index;
}

/** The `limit` best candidates for `collectivityId` that have a reason besides their kind, with their reasons. */
export function suggestPartners(graph: PartnerGraph, collectivityId: string, limit: number): Suggestion[] {
  const x = indexOf(graph);
  const me = x.numberOf.get(collectivityId);
  if (me === undefined || x.country[me] === -1 || limit <= 0) return [];
  const w = SUGGESTION_WEIGHTS;
  const { start, partnerOf, near, via, peers, seen, own, mine } = x;
  const touched: number[] = [];
  const reached: number[] = [];
  // its partners, their régions and kinds
  const partnerRegions = new Set<number>();
  const partnerKinds = new Set<number>();
  for (let i = start[me]!; i < start[me + 1]!; i += 1) {
    const p = partnerOf[i]!;
    own[p] = 1;
    if (x.country[p] === -1) continue;
    if (x.region[p] !== -1) partnerRegions.add(x.region[p]!);
    partnerKinds.add(x.kind[p]!);
  }
  const ownCount = start[me + 1]! - start[me]!;
  for (let i = x.domainStart[me]!; i < x.domainStart[me + 1]!; i += 1) mine[x.domainOf[i]!] = 1;
  const myDomains = x.domainStart[me + 1]! - x.domainStart[me]!;
  // peers: how many collectivities of its région work with each candidate
  if (x.region[me] !== -1) {
    for (const m of x.members[x.region[me]!] ?? []) {
      if (m === me) continue;
      for (let j = start[m]!; j < start[m + 1]!; j += 1) {
        const c = partnerOf[j]!;
        if (near[c] === 0 && peers[c] === 0) reached.push(c);
        peers[c] = peers[c]! + 1;
      }
    }
  }
  // neighbours: those of its side who share a partner with it, and whom else they work with (the first by id named)
  const alike: number[] = [];
  for (let i = start[me]!; i < start[me + 1]!; i += 1) {
    const p = partnerOf[i]!;
    for (let j = start[p]!; j < start[p + 1]!; j += 1) {
      const other = partnerOf[j]!;
      if (other !== me && seen[other] === 0) {
        seen[other] = 1;
        alike.push(other);
      }
    }
  }
  alike.sort((a, b) => a - b);
  for (const other of alike) {
    seen[other] = 0;
    for (let j = start[other]!; j < start[other + 1]!; j += 1) {
      const c = partnerOf[j]!;
      if (near[c] === 0) {
        via[c] = other;
        if (peers[c] === 0) reached.push(c);
      }
      near[c] = near[c]! + 1;
    }
  }

  const best: { n: number; score: number }[] = [];
  const better = (a: { n: number; score: number }, b: { n: number; score: number }) => b.score - a.score || a.n - b.n;
  const consider = (c: number) => {
    if (seen[c] === 1) return;
    seen[c] = 1;
    touched.push(c);
    if (x.country[c] === -1 || c === me || x.country[c] === x.country[me] || own[c] === 1) return;
    const n = near[c]!;
    const p = x.region[me] === -1 ? 0 : peers[c]!;
    let shared = 0;
    for (let i = x.domainStart[c]!; i < x.domainStart[c + 1]!; i += 1) shared += mine[x.domainOf[i]!]!;
    const domains = Math.min(shared, DOMAINS_COUNTED);
    const region = x.region[c] !== -1 && partnerRegions.has(x.region[c]!) ? 1 : 0;
    const kind = sameKind(x, me, c, ownCount, partnerKinds) ? 1 : 0;
    if (n + p + domains + region === 0) return;
    // the sum in suggest.ts's order: the same floating-point score
    const score = w.neighbours * Math.min(n, PEERS_COUNTED) + w.peers * Math.min(p, PEERS_COUNTED) + w.domain * domains + w.region * region + w.kind * kind + x.activity[c]!;
    const s = { n: c, score };
    let at = best.length;
    while (at > 0 && better(s, best[at - 1]!) < 0) at -= 1;
    if (at < limit) {
      best.splice(at, 0, s);
      if (best.length > limit) best.pop();
    }
  };
  // the most any candidate can score besides `neighbours`, `peers` and its activity
  const ceiling = w.domain * Math.min(myDomains, DOMAINS_COUNTED) + (partnerRegions.size > 0 ? w.region : 0) + w.kind;
  const most = new Float64Array(reached.length);
  reached.forEach((c, i) => (most[i] = w.neighbours * Math.min(near[c]!, PEERS_COUNTED) + w.peers * Math.min(peers[c]!, PEERS_COUNTED) + ceiling + x.activity[c]!));
  const order = Array.from(reached.keys()).sort((a, b) => most[b]! - most[a]!);
  for (const i of order) {
    if (best.length === limit && most[i]! < best[limit - 1]!.score) break;
    consider(reached[i]!);
  }
  for (const c of x.byActivity) {
    if (best.length === limit && ceiling + x.activity[c]! < best[limit - 1]!.score) break;
    consider(c);
  }

  const chosen = best.map((s) => ({ id: x.ids[s.n]!, score: s.score, reasons: explain(graph, x, me, s.n, ownCount, partnerRegions, partnerKinds) }));
  // the scratch left as found
  for (const c of touched) seen[c] = 0;
  for (const c of reached) near[c] = peers[c] = 0;
  for (let i = start[me]!; i < start[me + 1]!; i += 1) own[partnerOf[i]!] = 0;
  for (let i = x.domainStart[me]!; i < x.domainStart[me + 1]!; i += 1) mine[x.domainOf[i]!] = 0;
  return chosen;
}

function sameKind(x: NumberIndex, me: number, c: number, ownCount: number, partnerKinds: ReadonlySet<number>): boolean {
  return ownCount > 0 ? partnerKinds.has(x.kind[c]!) : x.level[c] !== -1 && x.level[c] === x.level[me];
}

/** Why candidate `c` is suggested to `me`, in suggest.ts's order and words. */
function explain(graph: PartnerGraph, x: NumberIndex, me: number, c: number, ownCount: number, partnerRegions: ReadonlySet<number>, partnerKinds: ReadonlySet<number>): SuggestionReason[] {
  const self = graph.places.get(x.ids[me]!)!;
  const place = graph.places.get(x.ids[c]!)!;
  const reasons: SuggestionReason[] = [];
  if (x.near[c]! > 0) reasons.push({ code: 'neighbours', value: x.ids[x.via[c]!]!, count: x.near[c]! });
  if (x.peers[c]! > 0 && self.region !== undefined) reasons.push({ code: 'peers', value: self.region, count: x.peers[c]! });
  const mine = graph.domains.get(x.ids[me]!) ?? new Map<string, number>();
  for (const key of sharedDomains(mine, graph.domains.get(x.ids[c]!)).slice(0, DOMAINS_COUNTED)) reasons.push({ code: 'domain', value: key });
  if (place.region !== undefined && partnerRegions.has(x.region[c]!)) reasons.push({ code: 'region', value: place.region, country: place.country });
  if (sameKind(x, me, c, ownCount, partnerKinds)) reasons.push({ code: 'kind', value: place.kind, country: place.country });
  return reasons;
}
