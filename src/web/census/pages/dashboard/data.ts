/** A campaign's dashboard for editors: who answered, who is pending, who never signed in; the answers by country and kind. */
import { z } from 'zod';
import { isAdmin } from '../../../../accounts/roles.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';

const Count = z.object({ collectivities: z.number().int(), withAccount: z.number().int(), submitted: z.number().int(), draft: z.number().int(), none: z.number().int() });
const AnswerCount = Count.extend({ country: z.string(), kind: z.string().optional() });
const Answer = z.enum(['none', 'draft', 'submitted']);

export const DashboardView = z.object({
  campaign: z.object({ id: z.string(), title: z.string(), status: z.enum(['open', 'closed']), href: z.string() }),
  totals: Count.extend({ neverSignedIn: z.number().int() }),
  byCountry: z.array(AnswerCount),
  byKind: z.array(AnswerCount),
  /** `?comptes=1`: only the collectivities with a contributor account */
  onlyAccounts: z.boolean(),
  rows: z.array(
    z.object({
      collectivityId: z.string(),
      name: z.string(),
      country: z.string(),
      kind: z.string(),
      /** the collectivity's records in this campaign, as an editor answers for it */
      href: z.string(),
      contributors: z.array(z.object({ name: z.string(), email: z.string(), lastSignInAt: z.string().optional(), disabled: z.boolean() })),
      neverSignedIn: z.boolean(),
      answer: Answer,
      submittedAt: z.string().optional(),
      proposals: z.object({ draft: z.number().int(), submitted: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
    }),
  ),
  /** administrators: the form that invites every collectivity */
  mayInviteAll: z.boolean(),
});
export type DashboardView = z.infer<typeof DashboardView>;

export async function dashboardView({ actor, params, query, members }: MemberPageInput): Promise<DashboardView> {
  const campaignId = params.campaign ?? '';
  const dashboard = await members.census.campaigns.dashboard(actor, { campaignId });
  const onlyAccounts = query.comptes === '1';
  const { campaign } = dashboard;
  return {
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status, href: memberPaths.campaign(campaign.id) },
    totals: dashboard.totals,
    byCountry: dashboard.byCountry,
    byKind: dashboard.byKind,
    onlyAccounts,
    rows: (onlyAccounts ? dashboard.rows.filter((row) => row.hasAccount) : dashboard.rows).map((row) => ({
      collectivityId: row.collectivityId,
      name: row.name,
      country: row.country,
      kind: row.kind,
      href: memberPaths.campaign(campaign.id, row.collectivityId),
      contributors: row.contributors.map((p) => ({ name: p.name, email: p.email, ...(p.lastSignInAt ? { lastSignInAt: p.lastSignInAt } : {}), disabled: p.disabled })),
      neverSignedIn: row.neverSignedIn,
      answer: row.answer,
      ...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
      proposals: row.proposals,
    })),
    mayInviteAll: isAdmin(actor),
  };
}
