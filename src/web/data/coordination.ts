/**
 * Who else works with the same partners, and who else works on the same domains in the same
 * region: the coordination view of a collectivity's page.
 */
import type { Collectivity } from '../../model/schema.js';
import type { Directory, PublicPartnership } from './directory.js';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The collectivities on the other side of a partnership from `collectivity` (by country). */
export function counterpartsIn(partnership: PublicPartnership, collectivity: Pick<Collectivity, 'id' | 'country'>): string[] {
  return unique(partnership.parties.filter((p) => p.country !== collectivity.country).map((p) => p.collectivityId));
}

export interface SamePartner {
  partnerId: string;
  /** collectivities of the same country as the page's, also partners of `partnerId`, with those partnerships */
  others: { collectivityId: string; partnershipIds: string[] }[];
}

export function samePartners(dir: Directory, collectivity: Collectivity): { partnerIds: string[]; samePartners: SamePartner[] } {
  const own = dir.partnershipsOf.get(collectivity.id) ?? [];
  const partnerIds = unique(own.flatMap((p) => counterpartsIn(p, collectivity)));
  const result = partnerIds.map((partnerId) => {
    const others = new Map<string, string[]>();
    for (const partnership of dir.partnershipsOf.get(partnerId) ?? []) {
      for (const party of partnership.parties) {
        if (party.collectivityId === collectivity.id || party.country !== collectivity.country) continue;
        const list = others.get(party.collectivityId) ?? [];
        if (!list.includes(partnership.id)) list.push(partnership.id);
        others.set(party.collectivityId, list);
      }
    }
    return { partnerId, others: [...others].map(([collectivityId, partnershipIds]) => ({ collectivityId, partnershipIds })) };
  });
  return { partnerIds, samePartners: result };
}

/** Domain codes of a partnership and of its projects. */
export function domainsOfPartnership(dir: Directory, partnership: PublicPartnership): Set<string> {
  const codes = new Set(partnership.domains ?? []);
  for (const project of dir.projectsOf.get(partnership.id) ?? []) for (const code of project.domains ?? []) codes.add(code);
  return codes;
}

/**
 * The codes that count as "the same domain" as `code`: itself, its sub-domains, and the domains
 * printed with the same label elsewhere in the tree ("Eau & assainissement" is both urban
 * development and environment), "Autres" excepted.
 */
export function sameDomainCodes(dir: Directory, code: string): Set<string> {
  const domain = dir.domain.get(code);
  const codes = new Set([code, ...(dir.childDomains.get(code) ?? []).map((d) => d.code)]);
  if (domain !== undefined && fold(domain.label) !== 'autres') {
    for (const other of dir.domains) if (fold(other.label) === fold(domain.label)) codes.add(other.code);
  }
  return codes;
}

export interface SameRegionDomain {
  code: string;
  /** partnerships of others in the same region, with the collectivities of that region in them */
  others: { partnershipId: string; collectivityIds: string[] }[];
}

export function sameRegion(dir: Directory, collectivity: Collectivity): SameRegionDomain[] {
  const region = collectivity.region;
  if (region === undefined) return [];
  const own = dir.partnershipsOf.get(collectivity.id) ?? [];
  const ownIds = new Set(own.map((p) => p.id));
  const codes = new Set(own.flatMap((p) => [...domainsOfPartnership(dir, p)]));
  const ordered = dir.domains.map((d) => d.code).filter((code) => codes.has(code));
  return ordered.map((code) => {
    const same = sameDomainCodes(dir, code);
    const others = dir.partnerships
      .filter((p) => !ownIds.has(p.id))
      .filter((p) => [...domainsOfPartnership(dir, p)].some((c) => same.has(c)))
      .map((p) => ({
        partnershipId: p.id,
        collectivityIds: unique(
          p.parties
            .filter((party) => party.country === collectivity.country && party.collectivityId !== collectivity.id)
            .map((party) => party.collectivityId)
            .filter((id) => dir.collectivity.get(id)?.region === region),
        ),
      }))
      .filter((o) => o.collectivityIds.length > 0);
    return { code, others };
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
