/** One record's form in a campaign: pre-filled with its draft if there is one, else the record; a save is a draft based on its current version. */
import { z } from 'zod';
import type { CampaignEntries, Entry, RecordType } from '../../../../census/index.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { notFound } from '../../../auth/members.js';
import { memberPaths, typeOfSlug } from '../../../auth/paths.js';
import { formValues, recordFields } from '../../forms.js';
import { recordLabel } from '../../render.js';
import { CampaignBack, campaignForm, outside, hiddenFields } from '../campaign-form.js';
import { formChoices, RecordForm } from '../record-form.js';

export const CampaignRecordView = z.object({
  campaign: CampaignBack,
  recordType: z.enum(['collectivity', 'partnership', 'project']),
  recordId: z.string(),
  label: z.string(),
  /** this page */
  href: z.string(),
  /** the record's current version, which a save is based on */
  version: z.number().int(),
  /** the form shows the collectivity's draft, not the record */
  fromDraft: z.boolean(),
  /** the draft was based on an older version: the record changed since */
  stale: z.boolean(),
  /** an editor refused the last proposal, with this comment */
  rejectedComment: z.string().optional(),
  form: RecordForm,
});
export type CampaignRecordView = z.infer<typeof CampaignRecordView>;

function findEntry(entries: CampaignEntries, recordType: RecordType, recordId: string): Entry | undefined {
  if (recordType === 'collectivity') return entries.collectivity.recordId === recordId ? entries.collectivity : undefined;
  if (recordType === 'partnership') return entries.partnerships.find((p) => p.recordId === recordId);
  return entries.partnerships.flatMap((p) => p.projects).find((p) => p.recordId === recordId);
}

export async function campaignRecordView(input: MemberPageInput): Promise<CampaignRecordView> {
  const { params, members } = input;
  const recordType = typeOfSlug(params.type ?? '');
  if (recordType === undefined || recordType === 'domain') throw notFound(`type de fiche inconnu : ${params.type ?? ''}`, { key: 'failure.recordType.unknown', params: { type: params.type ?? '' } });
  const recordId = params.id ?? '';
  const { entries, onBehalf, campaign } = await campaignForm(input, { open: true });
  const entry = findEntry(entries, recordType, recordId);
  if (entry === undefined) throw outside();
  const dir = await members.directory();
  const comment = entry.decided?.status === 'rejected' ? entry.decided.comment : undefined;
  return {
    campaign,
    recordType,
    recordId,
    label: recordLabel(dir, recordType, recordId, entry.current),
    href: memberPaths.campaignRecord(campaign.id, recordType, recordId, onBehalf),
    version: entry.version,
    fromDraft: entry.draft !== undefined,
    stale: entry.stale,
    ...(comment ? { rejectedComment: comment } : {}),
    form: {
      action: memberPaths.campaignRecord(campaign.id, recordType, recordId),
      values: formValues(recordFields(recordType), entry.form),
      errors: {},
      hidden: hiddenFields({ baseVersion: String(entry.version), proposalId: entry.draft?.id, collectivityId: onBehalf }),
      choices: formChoices(dir),
      minItems: recordType === 'partnership' ? { parties: 2 } : {},
    },
  };
}
