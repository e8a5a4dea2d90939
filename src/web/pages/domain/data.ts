/** The domain page's view model, and the domains list's. */
import { z } from 'zod';
import { RepertoireError } from '../../../errors.js';
import type { Directory } from '../../data/directory.js';
import { partnershipsIn, projectsIn } from '../../data/domains.js';
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
});
export type DomainView = z.infer<typeof DomainView>;

export const DomainsView = z.object({
  domains: z.array(CountedDomain.extend({ children: z.array(CountedDomain) })),
  pagination: PaginationView,
});
export type DomainsView = z.infer<typeof DomainsView>;

function counted(dir: Directory, code: string) {
  return { ...domainRef(dir, code), partnershipCount: partnershipsIn(dir, code).length, projectCount: projectsIn(dir, code).length };
}

export function domainView(dir: Directory, code: string): DomainView {
  const domain = dir.domain.get(code);
  if (domain === undefined) throw new RepertoireError('not-found', `no domain "${code}"`, 404);
  return DomainView.parse(
    strip({
      domain: domainRef(dir, code),
      parent: domain.parent === undefined ? undefined : domainRef(dir, domain.parent),
      children: (dir.childDomains.get(code) ?? []).map((child) => counted(dir, child.code)),
      partnerships: partnershipsIn(dir, code).map((p) => partnershipRef(dir, p)),
      projects: projectsIn(dir, code).map((p) => ({ ...projectRef(p), partnership: partnershipRef(dir, dir.partnership.get(p.partnershipId)!) })),
    }),
  );
}

export const DOMAINS_PER_PAGE = 20;

export function domainsView(dir: Directory, query: Record<string, string | string[] | undefined>): DomainsView {
  const top = dir.domains.filter((d) => d.parent === undefined);
  const { items, pagination } = paginate(top, first(query.page), DOMAINS_PER_PAGE, listHref(paths.domains(), {}));
  return DomainsView.parse({
    domains: items.map((d) => ({ ...counted(dir, d.code), children: (dir.childDomains.get(d.code) ?? []).map((child) => counted(dir, child.code)) })),
    pagination,
  });
}
