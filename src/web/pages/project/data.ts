/** The project page's view model: everything in the record, with links to its partnership and parties. */
import { z } from 'zod';
import { RepertoireError } from '../../../errors.js';
import { Contribution, PartnerRole, ProjectStatus } from '../../../model/schema.js';
import type { Directory } from '../../data/directory.js';
import { paths } from '../../paths.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/tables.js';
import { SimilarProjectView, loadSimilar } from './similar.js';
import { CollectivityRef, DomainRef, Money, PartnershipRef, Source, collectivityRef, domainRef, partnershipRef, strip } from '../common.js';

export const ProjectView = z.object({
  id: z.string(),
  title: z.string(),
  status: ProjectStatus,
  partnership: PartnershipRef,
  themes: z.array(z.string()),
  domains: z.array(DomainRef),
  periodText: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  durationMonths: z.number().optional(),
  padCofinanced: z.boolean(),
  objectives: z.array(z.string()),
  description: z.string().optional(),
  partners: z.array(
    z.object({
      name: z.string(),
      role: PartnerRole.optional(),
      country: z.string().optional(),
      collectivity: CollectivityRef.optional(),
      contact: z.string().optional(),
    }),
  ),
  totalCost: Money.optional(),
  funding: z.array(
    z.object({
      funder: z.string(),
      collectivity: CollectivityRef.optional(),
      amount: Money.optional(),
      share: z.number().optional(),
      contribution: Contribution.optional(),
      text: z.string().optional(),
    }),
  ),
  fundingText: z.string().optional(),
  expectedResults: z.array(z.string()),
  obtainedResults: z.array(z.string()),
  beneficiaries: z.array(z.string()),
  observations: z.string().optional(),
  source: Source.optional(),
  /** the other projects of the same partnership */
  siblings: z.array(z.object({ id: z.string(), title: z.string(), href: z.string() })),
  /** projects of other partnerships most like it, with why (present when the page is given the store) */
  similar: z.array(SimilarProjectView),
});
export type ProjectView = z.infer<typeof ProjectView>;

export async function projectView(dir: Directory, id: string, db?: Kysely<Database>): Promise<ProjectView> {
  const p = await dir.project(id);
  if (p === undefined) throw new RepertoireError('not-found', `no project "${id}"`, 404);
  const [partnership, siblings, similar] = await Promise.all([
    dir.partnership(p.partnershipId),
    dir.projectsOf(p.partnershipId),
    db === undefined ? [] : loadSimilar(dir, db, id),
  ]);
  if (partnership === undefined) throw new RepertoireError('not-found', `no partnership "${p.partnershipId}"`, 404);
  return ProjectView.parse(
    strip({
      id: p.id,
      title: p.title,
      status: p.status,
      partnership: partnershipRef(dir, partnership),
      themes: p.themes ?? [],
      domains: (p.domains ?? []).map((code) => domainRef(dir, code)),
      periodText: p.periodText,
      startDate: p.startDate,
      endDate: p.endDate,
      durationMonths: p.durationMonths,
      padCofinanced: p.padCofinanced === true,
      objectives: p.objectives ?? [],
      description: p.description,
      partners: (p.partners ?? []).map((partner) =>
        strip({
          name: partner.name,
          role: partner.role,
          country: partner.country,
          collectivity: partner.collectivityId === undefined ? undefined : collectivityRef(dir, partner.collectivityId),
          contact: partner.contact,
        }),
      ),
      totalCost: p.totalCost,
      funding: (p.funding ?? []).map((line) =>
        strip({
          funder: line.funder,
          collectivity: line.funderCollectivityId === undefined ? undefined : collectivityRef(dir, line.funderCollectivityId),
          amount: line.amount,
          share: line.share,
          contribution: line.contribution,
          text: line.text,
        }),
      ),
      fundingText: p.fundingText,
      expectedResults: p.expectedResults ?? [],
      obtainedResults: p.obtainedResults ?? [],
      beneficiaries: p.beneficiaries ?? [],
      observations: p.observations,
      source: p.source,
      siblings: siblings
        .filter((other) => other.id !== p.id)
        .map((other) => ({ id: other.id, title: other.title, href: paths.project(other.id) })),
      similar,
    }),
  );
}
