/** The partnerships list's view model (both tiers, in the book's order), and the brief tier's page. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { partnershipIdsPage, projectCounts } from '../../data/lists.js';
import type { QueryParams } from '../../page.js';
import { paths, withQuery } from '../../paths.js';
import {
  CollectivityRef,
  DomainRef,
  PaginationView,
  PartnershipRef,
  domainRef,
  first,
  listHref,
  pageWindow,
  partnershipRef,
  sides,
  strip,
} from '../common.js';
import { FilterOption, countedOptions } from '../common-lists.js';

const PartnershipItem = z.object({
  partnership: PartnershipRef,
  /** the parties of the directory's home country (its first) */
  home: z.array(CollectivityRef),
  /** the parties of its partner countries */
  partner: z.array(CollectivityRef),
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
  pagination: PaginationView,
});
export type BriefView = z.infer<typeof BriefView>;

export const PARTNERSHIPS_PER_PAGE = 20;
export const BRIEF_PER_PAGE = 100;

async function items(dir: Directory, db: Kysely<Database>, ids: readonly string[]) {
  const [partnerships, counts] = await Promise.all([dir.partnerships(ids), projectCounts(db, dir.id, ids)]);
  return partnerships.map((p) => ({
    partnership: p,
    item: strip({
      partnership: partnershipRef(dir, p),
      ...sides(dir, p),
      section: p.section,
      legalFramework: p.legalFramework,
      dateText: p.dateText,
      signedDate: p.signedDate,
      projectCount: counts.get(p.id) ?? 0,
      domains: (p.domains ?? []).map((code) => domainRef(dir, code)),
    }),
  }));
}

export async function partnershipsView(dir: Directory, db: Kysely<Database>, query: QueryParams): Promise<PartnershipsView> {
  const asked = first(query.tier);
  const tier = asked === 'full' || asked === 'brief' ? asked : undefined;
  const figures = await dir.figures();
  const total = tier === undefined ? figures.partnerships.total : figures.partnerships[tier];
  const { offset, limit, pagination } = pageWindow(total, first(query.page), PARTNERSHIPS_PER_PAGE, listHref(paths.partnerships(), { tier }));
  const ids = await partnershipIdsPage(db, dir.id, { tier }, { offset, limit });
  const tiers = new Map([
    ['full', figures.partnerships.full],
    ['brief', figures.partnerships.brief],
  ]);
  return PartnershipsView.parse(
    strip({
      tier,
      tiers: countedOptions(tiers, tier, (value) => withQuery(paths.partnerships(), { tier: value }), ['full', 'brief']),
      items: (await items(dir, db, ids)).map(({ item }) => item),
      pagination,
    }),
  );
}

export async function briefView(dir: Directory, db: Kysely<Database>, query: QueryParams): Promise<BriefView> {
  const figures = await dir.figures();
  const { offset, limit, pagination } = pageWindow(figures.partnerships.brief, first(query.page), BRIEF_PER_PAGE, listHref(paths.brief(), {}));
  const ids = await partnershipIdsPage(db, dir.id, { tier: 'brief' }, { offset, limit });
  return BriefView.parse({
    items: (await items(dir, db, ids)).map(({ partnership: p, item }) => ({ ...item, otherPartnerships: p.otherPartnerships ?? [], notes: p.notes ?? [] })),
    pagination,
  });
}
