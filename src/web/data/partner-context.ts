/**
 * What the similar projects (src/partners/similar-store.ts) need of the site's snapshot: a
 * collectivity's place (country, kind grouped, region), which domains count as one, the
 * collectivities of a region. Built once per snapshot (a new snapshot comes with each version of
 * the store, and these go with the old one). The partner graph is the snapshot's own
 * (`Directory.partnerGraph`, built in the background: partner-graph.ts).
 */
import type { Kysely } from 'kysely';
import { defaultProfiles } from '../../profiles/profiles.js';
import type { SimilarContext } from '../../partners/similar-store.js';
import type { Database } from '../../store/tables.js';
import { domainKeys, placeOf } from '../../partners/document.js';
import type { Directory } from './directory.js';

const contexts = new WeakMap<Directory, Omit<SimilarContext, 'db'>>();
export function partnerContext(dir: Directory, db: Kysely<Database>): SimilarContext {
  let context = contexts.get(dir);
  if (context === undefined) {
    context = build(dir);
    contexts.set(dir, context);
  }
  return { ...context, db };
}

function build(dir: Directory): Omit<SimilarContext, 'db'> {
  const profiles = defaultProfiles();
  const places = new Map(dir.collectivities.map((c) => [c.id, placeOf(profiles, c)]));
  const regions = new Map<string, string[]>();
  for (const c of dir.collectivities) {
    if (c.region === undefined) continue;
    const key = `${c.country}\u0000${c.region}`;
    regions.set(key, [...(regions.get(key) ?? []), c.id]);
  }
  const domainKey = domainKeys(dir.domains);
  const sameKey = new Map<string, string[]>();
  for (const d of dir.domains) sameKey.set(domainKey(d.code), [...(sameKey.get(domainKey(d.code)) ?? []), d.code]);
  return {
    directoryId: dir.id,
    place: (id) => places.get(id),
    // the first code of a label stands for every domain printed with it ("Eau & assainissement" twice in the tree)
    domainKey,
    // the same key only, not the sub-domains: a project filed under "Culture" is compared with projects of "Culture"
    sameDomains: (code) => sameKey.get(domainKey(code)) ?? [code],
    neighbours: (country, region) => regions.get(`${country}\u0000${region}`) ?? [],
  };
}
