/** A page's suggestions, looked up without ranking the whole census: the same as ranking it all. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES, SEED_PATH } from '../import/directory/testing.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { graphInputs } from './document.js';
import { buildGraph } from './graph.js';
import { indexForSuggestions, rankPartners } from './suggest.js';
import { suggestPartners } from './suggest-fast.js';

describe('suggestions by lookups', () => {
  const doc = readDirectory(readFileSync(SEED_PATH, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES }).document;
  const { places, partnerships } = graphInputs(doc, defaultProfiles());
  const graph = buildGraph(places, partnerships);

  it('gives every collectivity of the 2008 directory the same first suggestions as ranking every candidate', () => {
    let compared = 0;
    for (const id of places.keys()) {
      const all = rankPartners(graph, id).filter((s) => s.substantive);
      for (const limit of [1, 6, 25]) {
        const fast = suggestPartners(graph, id, limit);
        expect(fast.map((s) => [s.id, s.score]), `${id}, ${limit}`).toEqual(all.slice(0, limit).map((s) => [s.id, s.score]));
        compared += fast.length;
      }
    }
    expect(compared).toBeGreaterThan(places.size * 6);
  });

  it('gives the same with some partnerships hidden (the graphs of the leave-one-out)', () => {
    for (let hidden = 0; hidden < partnerships.length; hidden += 7) {
      const partial = buildGraph(places, partnerships.filter((_, i) => i !== hidden));
      for (const party of partnerships[hidden]!.parties) {
        const all = rankPartners(partial, party.collectivityId).filter((s) => s.substantive);
        expect(suggestPartners(partial, party.collectivityId, 10).map((s) => s.id)).toEqual(all.slice(0, 10).map((s) => s.id));
      }
    }
  });

  it('indexes the collectivities of each région and all of them by activity, once per graph', () => {
    const index = indexForSuggestions(graph);
    expect(indexForSuggestions(graph)).toBe(index);
    expect(index.byActivity.length).toBe(places.size);
    for (let i = 1; i < index.byActivity.length; i += 1) expect(index.byActivity[i - 1]!.weight).toBeGreaterThanOrEqual(index.byActivity[i]!.weight);
    const tours = places.get('fr-commune-tours')!;
    expect(index.regions.get(`${tours.country}\u0000${tours.region}`)).toContain('fr-commune-tours');
  });
});
