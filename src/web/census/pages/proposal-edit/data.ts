/** An editor corrects a proposal before approving it: its form, pre-filled with what was proposed. */
import { z } from 'zod';
import { RepertoireError } from '../../../../errors.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { formValues, recordFields } from '../../forms.js';
import { recordLabel } from '../../render.js';
import { formChoices, RecordForm } from '../record-form.js';

export const ProposalEditView = z.object({
  proposalId: z.string(),
  proposalHref: z.string(),
  recordType: z.enum(['domain', 'collectivity', 'partnership', 'project']),
  recordId: z.string(),
  label: z.string(),
  form: RecordForm,
});
export type ProposalEditView = z.infer<typeof ProposalEditView>;

export async function proposalEditView({ actor, params, members }: MemberPageInput): Promise<ProposalEditView> {
  const review = await members.census.review.review(actor, { proposalId: params.proposal ?? '' });
  const { proposal } = review;
  if (proposal.status !== 'submitted') throw new RepertoireError('conflict', 'Cette proposition a déjà été traitée.', 409, { wording: { key: 'failure.proposal.already.decided' } });
  const dir = await members.directory().catch(() => undefined);
  return {
    proposalId: proposal.id,
    proposalHref: memberPaths.proposal(proposal.id),
    recordType: proposal.recordType,
    recordId: proposal.recordId,
    label: recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data ?? proposal.baseData),
    form: {
      action: memberPaths.proposalAction(proposal.id, 'modifier'),
      values: formValues(recordFields(proposal.recordType), proposal.data),
      errors: {},
      // approving the corrected record is based on the record as it is now
      hidden: { baseVersion: String(review.current?.version ?? proposal.baseVersion) },
      choices: formChoices(dir),
      minItems: proposal.recordType === 'partnership' ? { parties: 2 } : {},
    },
  };
}
