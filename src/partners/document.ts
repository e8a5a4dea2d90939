/**
 * The graph's inputs from a directory's records: a collectivity's place (its kind grouped and its
 * level, from the country profiles) and each partnership's domains with its projects', under one
 * key for the domains printed with one label.
 */
import type { Collectivity, Domain, RepertoireDocument } from '../model/schema.js';
import type { Profiles } from '../profiles/profiles.js';
import { foldKey } from '../text/fold.js';
import type { GraphPartnership, GraphPlace } from './graph.js';

export function placeOf(profiles: Profiles, c: Pick<Collectivity, 'country' | 'kind' | 'region'>): GraphPlace {
  return { country: c.country, kind: profiles.kindGroup(c.kind), level: profiles.kind(c.country, c.kind)?.level, region: c.region };
}

/** code → the key of its label: the first code printed with that label ("Autres" stays apart: it is many things). */
export function domainKeys(domains: readonly Pick<Domain, 'code' | 'label'>[]): (code: string) => string {
  const first = new Map<string, string>();
  const byCode = new Map(domains.map((d) => [d.code, d]));
  for (const d of domains) if (!first.has(foldKey(d.label))) first.set(foldKey(d.label), d.code);
  return (code) => {
    const label = byCode.get(code)?.label;
    return label === undefined || foldKey(label) === 'autres' ? code : (first.get(foldKey(label)) ?? code);
  };
}

export function graphInputs(
  doc: Pick<RepertoireDocument, 'collectivities' | 'partnerships' | 'domains'>,
  profiles: Profiles,
): { places: Map<string, GraphPlace>; partnerships: GraphPartnership[] } {
  const key = domainKeys(doc.domains ?? []);
  return {
    places: new Map(doc.collectivities.map((c) => [c.id, placeOf(profiles, c)])),
    partnerships: doc.partnerships.map((p) => ({
      parties: p.parties,
      domains: [...(p.domains ?? []), ...(p.projects ?? []).flatMap((q) => q.domains ?? [])].map(key),
    })),
  };
}
