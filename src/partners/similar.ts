/**
 * Similar projects: other partnerships' projects ranked by what they share with a project —
 * domains, funders, kinds of party, places — each with its reasons. Pure: the features come from
 * the store (similar-store.ts) or from a document; the reasons are codes and values, the words
 * are the site's (src/web/i18n).
 */

/** What a project is compared on. */
export interface ProjectFeatures {
  id: string;
  partnershipId: string;
  /** the keys of its domains (the same key for domains that count as one: see `domainKey` in similar-store.ts) */
  domains: readonly string[];
  /** its outside funders, by folded name (a party's own money is not a shared funder) */
  funders: ReadonlyMap<string, string>;
  /** its partnership's parties: country, kind (grouped: an urban and a rural commune are both communes), region */
  parties: readonly { country: string; kind: string; region?: string | undefined }[];
}

export type SimilarityReason =
  | { code: 'domain'; value: string }
  | { code: 'funder'; value: string }
  | { code: 'kind'; value: string; country: string }
  | { code: 'region'; value: string; country: string };

export interface SimilarProject {
  id: string;
  score: number;
  reasons: SimilarityReason[];
}

/**
 * What each shared feature weighs. A domain says most about the work; an outside funder (the PAD,
 * an agency) says whose programme it is part of; a place says where; kinds of party say between
 * whom (two communes), which alone makes no likeness.
 */
export const SIMILARITY_WEIGHTS = { domain: 3, funder: 2, region: 2, kind: 1 } as const;
/** Below this a project shares only kinds of party (or one place): not shown. */
export const SIMILARITY_FLOOR = 3;

/** The `limit` most similar candidates of other partnerships, best first; ties by id. */
export function rankSimilar(target: ProjectFeatures, candidates: Iterable<ProjectFeatures>, limit: number): SimilarProject[] {
  const ranked: SimilarProject[] = [];
  const seen = new Set<string>([target.id]);
  for (const candidate of candidates) {
    if (seen.has(candidate.id) || candidate.partnershipId === target.partnershipId) continue;
    seen.add(candidate.id);
    const reasons = sharedFeatures(target, candidate);
    const score = reasons.reduce((sum, reason) => sum + SIMILARITY_WEIGHTS[reason.code], 0);
    const substantive = reasons.some((reason) => reason.code === 'domain' || reason.code === 'funder');
    if (score >= SIMILARITY_FLOOR && substantive) ranked.push({ id: candidate.id, score, reasons });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
}

/** What two projects share, in the order the page says it: domains, funders, places, kinds. */
export function sharedFeatures(a: ProjectFeatures, b: ProjectFeatures): SimilarityReason[] {
  const reasons: SimilarityReason[] = [];
  const domains = new Set(b.domains);
  for (const key of new Set(a.domains)) if (domains.has(key)) reasons.push({ code: 'domain', value: key });
  for (const [key, name] of a.funders) if (b.funders.has(key)) reasons.push({ code: 'funder', value: name });
  const regions = new Set(b.parties.filter((p) => p.region !== undefined).map((p) => `${p.country}\u0000${p.region}`));
  const kinds = new Set(b.parties.map((p) => `${p.country}\u0000${p.kind}`));
  const said = new Set<string>();
  for (const party of a.parties) {
    const region = `r\u0000${party.country}\u0000${party.region}`;
    if (party.region !== undefined && regions.has(`${party.country}\u0000${party.region}`) && !said.has(region)) {
      said.add(region);
      reasons.push({ code: 'region', value: party.region, country: party.country });
    }
  }
  for (const party of a.parties) {
    const kind = `k\u0000${party.country}\u0000${party.kind}`;
    if (kinds.has(`${party.country}\u0000${party.kind}`) && !said.has(kind)) {
      said.add(kind);
      reasons.push({ code: 'kind', value: party.kind, country: party.country });
    }
  }
  return reasons;
}
