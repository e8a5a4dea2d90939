/** The census campaigns a member may answer; editors open and close them and follow each one's dashboard. */
import { z } from 'zod';
import { isEditor } from '../../../../accounts/roles.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { t } from '../../../i18n/index.js';

export const CampaignsView = z.object({
  campaigns: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(['open', 'closed']),
      openedAt: z.string(),
      /** the collectivity's records in this campaign */
      href: z.string(),
      /** editors: who answered */
      dashboardHref: z.string().optional(),
    }),
  ),
  /** editors: the form that opens a campaign, with what was typed and what was wrong */
  openForm: z.object({ title: z.string(), error: z.string().optional() }).optional(),
});
export type CampaignsView = z.infer<typeof CampaignsView>;

export async function campaignsView({ actor, members }: MemberPageInput): Promise<CampaignsView> {
  const campaigns = await members.census.campaigns.list(actor);
  const editor = isEditor(actor);
  return {
    campaigns: campaigns.map((campaign) => ({
      id: campaign.id,
      title: campaign.title,
      status: campaign.status,
      openedAt: campaign.openedAt,
      href: memberPaths.campaign(campaign.id),
      ...(editor ? { dashboardHref: memberPaths.dashboard(campaign.id) } : {}),
    })),
    ...(editor ? { openForm: { title: t(members.locale, 'census.open.default', { year: String(new Date().getUTCFullYear()) }) } } : {}),
  };
}
