/** A new record's draft in a campaign, edited again: its form, pre-filled with the draft. */
import { z } from 'zod';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { notFound } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { formValues, recordFields } from '../../forms.js';
import { recordLabel } from '../../render.js';
import { CampaignBack, campaignForm, hiddenFields } from '../campaign-form.js';
import { formChoices, RecordForm } from '../record-form.js';

export const CampaignDraftView = z.object({
  campaign: CampaignBack,
  proposalId: z.string(),
  recordType: z.enum(['domain', 'collectivity', 'partnership', 'project']),
  recordId: z.string(),
  label: z.string(),
  /** this page */
  href: z.string(),
  form: RecordForm,
});
export type CampaignDraftView = z.infer<typeof CampaignDraftView>;

export async function campaignDraftView(input: MemberPageInput): Promise<CampaignDraftView> {
  const { params, members } = input;
  const proposalId = params.proposal ?? '';
  const { entries, onBehalf, campaign } = await campaignForm(input, { open: false });
  // the collectivity's own drafts only: another's is not found, as one that never was
  const proposal = entries.created.find((p) => p.id === proposalId && p.status === 'draft');
  if (proposal === undefined) throw notFound('Brouillon introuvable.', { key: 'failure.draft.unknown' });
  const dir = await members.directory();
  return {
    campaign,
    proposalId: proposal.id,
    recordType: proposal.recordType,
    recordId: proposal.recordId,
    label: recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data),
    href: memberPaths.campaignDraft(campaign.id, proposal.id, onBehalf),
    form: {
      action: memberPaths.campaignDraft(campaign.id, proposal.id),
      values: formValues(recordFields(proposal.recordType), proposal.data),
      errors: {},
      hidden: hiddenFields({ collectivityId: onBehalf }),
      choices: formChoices(dir),
      minItems: proposal.recordType === 'partnership' ? { parties: 2 } : {},
    },
  };
}
