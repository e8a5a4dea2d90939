/** The partnership page's view model: the whole record, its projects summarised, its neighbours. */
import { z } from 'zod';
import { sideOf } from '../../../model/sides.js';
import { RepertoireError } from '../../../errors.js';
import { Executive, FrameworkKind } from '../../../model/schema.js';
import type { Directory } from '../../data/directory.js';
import {
  CollectivityRef,
  DomainRef,
  Money,
  PartnershipRef,
  ProjectRef,
  Source,
  collectivityRef,
  domainRef,
  partnershipRef,
  projectRef,
  strip,
} from '../common.js';

export const ContactView = z.object({
  name: z.string(),
  role: z.string().optional(),
  kind: z.enum(['elected', 'staff', 'other']).optional(),
  collectivity: CollectivityRef.optional(),
  organization: z.string().optional(),
  phones: z.array(z.string()).optional(),
  faxes: z.array(z.string()).optional(),
  emails: z.array(z.string()).optional(),
  address: z.string().optional(),
  /** a named person: coordinates are for signed-in members only, and left out */
  restricted: z.boolean(),
});

export const PartnershipView = z.object({
  id: z.string(),
  title: z.string(),
  tier: z.enum(['full', 'brief']),
  section: z.string().optional(),
  parties: z.array(
    z.object({
      collectivity: CollectivityRef,
      country: z.string(),
      /** its side in the directory: the home country's, or a partner country's */
      side: z.enum(['home', 'partner']),
      executive: Executive.optional(),
      population: z.number().optional(),
      populationYear: z.number().optional(),
    }),
  ),
  legalFramework: z.string().optional(),
  frameworkKind: FrameworkKind.optional(),
  dateText: z.string().optional(),
  signedDate: z.string().optional(),
  history: z.string().optional(),
  domainsText: z.string().optional(),
  domains: z.array(DomainRef),
  projects: z.array(ProjectRef),
  budgets: z.array(
    z.object({ collectivity: CollectivityRef.optional(), amount: Money, period: z.string().optional(), text: z.string().optional() }),
  ),
  humanResources: z.array(z.string()),
  otherPartnerships: z.array(z.string()),
  contacts: z.array(ContactView),
  /** true when some contacts' coordinates were left out */
  contactsRestricted: z.boolean(),
  notes: z.array(z.string()),
  source: Source.optional(),
  /** each party's other partnerships */
  neighbours: z.array(z.object({ collectivity: CollectivityRef, partnerships: z.array(PartnershipRef), total: z.number().int() })),
});
export type PartnershipView = z.infer<typeof PartnershipView>;

/** Each party's other partnerships listed on the page, by id (the collectivity's page has them all, in the book's order). */
export const NEIGHBOURS_SHOWN = 30;

export async function partnershipView(dir: Directory, id: string): Promise<PartnershipView> {
  const p = await dir.partnership(id);
  if (p === undefined) throw new RepertoireError('not-found', `no partnership "${id}"`, 404);
  const partyIds = [...new Set(p.parties.map((party) => party.collectivityId))];
  const [projects, others] = await Promise.all([
    dir.projectsOf(p.id),
    Promise.all(partyIds.map((collectivityId) => dir.otherPartnershipsOf(collectivityId, p.id, NEIGHBOURS_SHOWN))),
  ]);
  // every party's neighbours' heads in one read (two statements, not two a party)
  const heads = new Map((await dir.partnershipHeads([...new Set(others.flatMap(({ ids }) => ids))])).map((head) => [head.id, head]));
  const neighbours = others.map(({ ids }) => ids.flatMap((id) => heads.get(id) ?? []));
  const contacts = (p.contacts ?? []).map((c) =>
    strip({
      name: c.name,
      role: c.role,
      kind: c.kind,
      collectivity: c.collectivityId === undefined ? undefined : collectivityRef(dir, c.collectivityId),
      organization: c.organization,
      phones: c.phones,
      faxes: c.faxes,
      emails: c.emails,
      address: c.address,
      restricted: c.restricted,
    }),
  );
  const view = strip({
    id: p.id,
    title: partnershipRef(dir, p).title,
    tier: p.tier,
    section: p.section,
    parties: p.parties.map((party) => {
      const c = dir.collectivity.get(party.collectivityId);
      return strip({
        collectivity: collectivityRef(dir, party.collectivityId),
        country: party.country,
        side: sideOf(party.country, dir.record),
        executive: party.executive ?? c?.executive,
        population: c?.population,
        populationYear: c?.populationYear,
      });
    }),
    legalFramework: p.legalFramework,
    frameworkKind: p.frameworkKind,
    dateText: p.dateText,
    signedDate: p.signedDate,
    history: p.history,
    domainsText: p.domainsText,
    domains: (p.domains ?? []).map((code) => domainRef(dir, code)),
    projects: projects.map(projectRef),
    budgets: (p.budgets ?? []).map((b) =>
      strip({
        collectivity: b.collectivityId === undefined ? undefined : collectivityRef(dir, b.collectivityId),
        amount: b.amount,
        period: b.period,
        text: b.text,
      }),
    ),
    humanResources: p.humanResources ?? [],
    otherPartnerships: p.otherPartnerships ?? [],
    contacts,
    contactsRestricted: contacts.some((c) => c.restricted),
    notes: p.notes ?? [],
    source: p.source,
    neighbours: partyIds.map((collectivityId, i) => ({
      collectivity: collectivityRef(dir, collectivityId),
      partnerships: neighbours[i]!.map((other) => partnershipRef(dir, other)),
      total: others[i]!.total,
    })),
  });
  return PartnershipView.parse(view);
}
