/** The partnerships list's view model (both tiers, in the book's order), and the brief tier's page. */
import { z } from 'zod';
import type { Directory, PublicPartnership } from '../../data/directory.js';
import { paths, withQuery } from '../../paths.js';
import {
  CollectivityRef,
  DomainRef,
  PaginationView,
  PartnershipRef,
  domainRef,
  first,
  listHref,
  paginate,
  partnershipRef,
  sides,
  strip,
} from '../common.js';
import { FilterOption, filterOptions } from '../common-lists.js';

const PartnershipItem = z.object({
  partnership: PartnershipRef,
  french: z.array(CollectivityRef),
  moroccan: z.array(CollectivityRef),
  section: z.string().optional(),
  legalFramework: z.string().optional(),
  dateText: z.string().optional(),
  signedDate: z.string().optional(),
  projectCount: z.number().int(),
  domains: z.array(DomainRef),
});

export const PartnershipsView = z.object({
  tier: z.enum(['full', 'brief']).optional(),
  tiers: z.array(FilterOption),
  items: z.array(PartnershipItem),
  pagination: PaginationView,
});
export type PartnershipsView = z.infer<typeof PartnershipsView>;

export const BriefView = z.object({
  items: z.array(PartnershipItem.extend({ otherPartnerships: z.array(z.string()), notes: z.array(z.string()) })),
});
export type BriefView = z.infer<typeof BriefView>;

export const PARTNERSHIPS_PER_PAGE = 20;

function item(dir: Directory, p: PublicPartnership) {
  return strip({
    partnership: partnershipRef(dir, p),
    ...sides(dir, p),
    section: p.section,
    legalFramework: p.legalFramework,
    dateText: p.dateText,
    signedDate: p.signedDate,
    projectCount: (dir.projectsOf.get(p.id) ?? []).length,
    domains: (p.domains ?? []).map((code) => domainRef(dir, code)),
  });
}

export function partnershipsView(dir: Directory, query: Record<string, string | string[] | undefined>): PartnershipsView {
  const asked = first(query.tier);
  const tier = asked === 'full' || asked === 'brief' ? asked : undefined;
  const chosen = dir.partnerships.filter((p) => tier === undefined || p.tier === tier);
  const { items, pagination } = paginate(chosen, first(query.page), PARTNERSHIPS_PER_PAGE, listHref(paths.partnerships(), { tier }));
  return PartnershipsView.parse(
    strip({
      tier,
      tiers: filterOptions(dir.partnerships, (p) => p.tier, tier, (value) => withQuery(paths.partnerships(), { tier: value }), ['full', 'brief']),
      items: items.map((p) => item(dir, p)),
      pagination,
    }),
  );
}

export function briefView(dir: Directory): BriefView {
  return BriefView.parse({
    items: dir.partnerships
      .filter((p) => p.tier === 'brief')
      .map((p) => ({ ...item(dir, p), otherPartnerships: p.otherPartnerships ?? [], notes: p.notes ?? [] })),
  });
}
