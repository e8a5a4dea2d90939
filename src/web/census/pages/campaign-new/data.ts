/** A new record's form in a campaign: a project of one of the collectivity's partnerships (`?partenariat=`), or a partnership with the collectivity as its first party. */
import { z } from 'zod';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { notFound } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { recordLabel } from '../../render.js';
import { CampaignBack, campaignForm, outside, hiddenFields, one } from '../campaign-form.js';
import { formChoices, RecordForm } from '../record-form.js';

/** The kinds of new record, as the URLs name them. */
export const NEW_KINDS = ['projet', 'partenariat'] as const;
export const NewKind = z.enum(NEW_KINDS);
export type NewKind = z.infer<typeof NewKind>;

export const NewRecordView = z.object({
  campaign: CampaignBack,
  kind: NewKind,
  recordType: z.enum(['partnership', 'project']),
  /** a new project's partnership */
  partnership: z.object({ id: z.string(), label: z.string() }).optional(),
  /** this page */
  href: z.string(),
  form: RecordForm,
});
export type NewRecordView = z.infer<typeof NewRecordView>;

export async function newRecordView(input: MemberPageInput): Promise<NewRecordView> {
  const { params, query, members } = input;
  const kind = NewKind.safeParse(params.kind);
  if (!kind.success) throw notFound(`type de fiche inconnu : ${params.kind ?? ''}`, { key: 'failure.recordType.unknown', params: { type: params.kind ?? '' } });
  const { entries, onBehalf, campaign } = await campaignForm(input, { open: true });
  const dir = await members.directory();
  const form = { errors: {}, choices: formChoices(dir) };
  if (kind.data === 'projet') {
    const partnershipId = one(query.partenariat) ?? '';
    const partnership = entries.partnerships.find((p) => p.recordId === partnershipId);
    if (partnership === undefined) throw outside();
    return {
      campaign,
      kind: kind.data,
      recordType: 'project',
      partnership: { id: partnershipId, label: recordLabel(dir, 'partnership', partnershipId, partnership.current) },
      href: memberPaths.campaignNew(campaign.id, kind.data, { partenariat: partnershipId, collectivite: onBehalf }),
      form: {
        ...form,
        action: memberPaths.campaignNew(campaign.id, kind.data),
        values: { status: 'ongoing' },
        hidden: hiddenFields({ collectivityId: onBehalf, parentId: partnershipId }),
        minItems: {},
      },
    };
  }
  const own = entries.collectivity.current;
  return {
    campaign,
    kind: kind.data,
    recordType: 'partnership',
    href: memberPaths.campaignNew(campaign.id, kind.data, { collectivite: onBehalf }),
    form: {
      ...form,
      action: memberPaths.campaignNew(campaign.id, kind.data),
      values: { tier: 'full', 'parties[0].collectivityId': own.id, 'parties[0].country': own.country },
      hidden: hiddenFields({ collectivityId: onBehalf }),
      minItems: { parties: 2 },
    },
  };
}
