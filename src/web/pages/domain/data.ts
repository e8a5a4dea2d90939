/** The domain page's view model, and the domains list's. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RepertoireError } from '../../../errors.js';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { codesUnder } from '../../data/domains.js';
import { countsOf, type Figures } from '../../data/figures.js';
import { partnershipIdsIn, projectIdsIn } from '../../data/lists.js';
import { PageMoved, type QueryParams } from '../../page.js';
import { paths } from '../../paths.js';
import {
  DomainRef,
  PaginationView,
  PartnershipRef,
  ProjectRef,
  domainRef,
  first,
  listHref,
  paginate,
  partnershipRef,
  projectRef,
  strip,
} from '../common.js';

const CountedDomain = DomainRef.extend({ partnershipCount: z.number().int(), projectCount: z.number().int() });

export const DomainView = z.object({
  domain: DomainRef,
  parent: DomainRef.optional(),
  children: z.array(CountedDomain),
  partnerships: z.array(PartnershipRef),
  projects: z.array(ProjectRef.extend({ partnership: PartnershipRef })),
  /** all the partnerships and projects filed under it (the lists above show the first DOMAIN_SHOWN) */
  partnershipTotal: z.number().int(),
  projectTotal: z.number().int(),
  /** the search filtered on this domain: every record, with facets */
  searchHref: z.string(),
});
export type DomainView = z.infer<typeof DomainView>;

export const DomainsView = z.object({
  domains: z.array(CountedDomain.extend({ children: z.array(CountedDomain) })),
  pagination: PaginationView,
});
export type DomainsView = z.infer<typeof DomainsView>;

/** Records listed on a domain's page (the search lists them all, with the domain as a facet). */
export const DOMAIN_SHOWN = 100;

function counted(dir: Directory, figures: Figures, code: string) {
  const counts = countsOf(figures.byDomain, code);
  return { ...domainRef(dir, code), partnershipCount: counts.partnerships, projectCount: counts.projects };
}

export async function domainView(dir: Directory, db: Kysely<Database>, code: string): Promise<DomainView> {
  const domain = dir.domain.get(code);
  if (domain === undefined) {
    // a link to a domain merged into another of the same label ("Eau & assainissement" under Environnement)
    const into = dir.domains.find((d) => d.aliases?.includes(code));
    if (into !== undefined) throw new PageMoved(code, into.code);
    throw new RepertoireError('not-found', `no domain "${code}"`, 404);
  }
  const codes = codesUnder(dir, code);
  const [figures, partnershipIds, projectIds] = await Promise.all([
    dir.figures(),
    partnershipIdsIn(db, dir.id, codes, DOMAIN_SHOWN),
    projectIdsIn(db, dir.id, codes, DOMAIN_SHOWN),
  ]);
  const [partnerships, projects] = await Promise.all([dir.partnershipHeads(partnershipIds), dir.projects(projectIds)]);
  const parents = new Map((await dir.partnershipHeads([...new Set(projects.map((p) => p.partnershipId))])).map((p) => [p.id, partnershipRef(dir, p)]));
  return DomainView.parse(
    strip({
      domain: domainRef(dir, code),
      parent: domain.parent === undefined ? undefined : domainRef(dir, domain.parent),
      children: (dir.childDomains.get(code) ?? []).map((child) => counted(dir, figures, child.code)),
      partnerships: partnerships.map((p) => partnershipRef(dir, p)),
      projects: projects.flatMap((p) => {
        const partnership = parents.get(p.partnershipId);
        return partnership === undefined ? [] : [{ ...projectRef(p), partnership }];
      }),
      partnershipTotal: countsOf(figures.byDomain, code).partnerships,
      projectTotal: countsOf(figures.byDomain, code).projects,
      searchHref: paths.search(new URLSearchParams({ domain: code }).toString()),
    }),
  );
}

export const DOMAINS_PER_PAGE = 20;

export async function domainsView(dir: Directory, query: QueryParams): Promise<DomainsView> {
  const figures = await dir.figures();
  const top = dir.domains.filter((d) => d.parent === undefined);
  const { items, pagination } = paginate(top, first(query.page), DOMAINS_PER_PAGE, listHref(paths.domains(), {}));
  return DomainsView.parse({
    domains: items.map((d) => ({ ...counted(dir, figures, d.code), children: (dir.childDomains.get(d.code) ?? []).map((child) => counted(dir, figures, child.code)) })),
    pagination,
  });
}
