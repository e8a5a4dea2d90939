/**
 * The leave-one-out evaluation of suggestions: for each partnership of a directory, hide it,
 * ask for suggestions for its home party (each party of the directory's first country), and find
 * where its real partners rank among every candidate; the same for the popularity baseline.
 * Reported by the bench (bench/partners.bench.ts) and asserted by a test: the method is kept only
 * if it beats the baseline.
 */
import { buildGraph, type GraphPartnership, type GraphPlace } from './graph.js';
import { SUGGESTION_WEIGHTS, rankByPopularity, rankPartners, type Suggestion, type SuggestionWeights } from './suggest.js';

export interface RankingScore {
  /** mean of 1/rank over the cases */
  mrr: number;
  /** share of cases whose partner is in the first 10 */
  hitsAt10: number;
  medianRank: number;
}

export interface Evaluation {
  /** (home party, hidden partner) cases */
  cases: number;
  method: RankingScore;
  baseline: RankingScore;
}

export function leaveOneOut(
  places: ReadonlyMap<string, GraphPlace>,
  partnerships: readonly GraphPartnership[],
  home: string,
  weights: SuggestionWeights = SUGGESTION_WEIGHTS,
): Evaluation {
  const method: number[] = [];
  const baseline: number[] = [];
  partnerships.forEach((hidden, index) => {
    const graph = buildGraph(
      places,
      partnerships.filter((_, i) => i !== index),
    );
    const homes = [...new Set(hidden.parties.filter((p) => p.country === home).map((p) => p.collectivityId))];
    const partners = [...new Set(hidden.parties.filter((p) => p.country !== home).map((p) => p.collectivityId))];
    for (const h of homes) {
      const ranked = rankPartners(graph, h, weights);
      const popular = rankByPopularity(graph, h);
      for (const partner of partners) {
        // a partner still linked to h by another partnership is no test of finding it
        if (graph.partners.get(h)?.has(partner)) continue;
        const m = rankOf(ranked, partner);
        const b = rankOf(popular, partner);
        if (m === undefined || b === undefined) continue;
        method.push(m);
        baseline.push(b);
      }
    }
  });
  return { cases: method.length, method: score(method), baseline: score(baseline) };
}

function rankOf(ranked: readonly Suggestion[], id: string): number | undefined {
  const i = ranked.findIndex((s) => s.id === id);
  return i < 0 ? undefined : i + 1;
}

function score(ranks: readonly number[]): RankingScore {
  if (ranks.length === 0) return { mrr: 0, hitsAt10: 0, medianRank: 0 };
  const sorted = [...ranks].sort((a, b) => a - b);
  return {
    mrr: ranks.reduce((sum, r) => sum + 1 / r, 0) / ranks.length,
    hitsAt10: ranks.filter((r) => r <= 10).length / ranks.length,
    medianRank: sorted[Math.floor((sorted.length - 1) / 2)]!,
  };
}
