/**
 * What the three campaign form pages share (a record's form, a new record's, a new record's draft
 * edited again): the collectivity's entries as the census service lets the actor see them (a
 * contributor's own collectivity; an editor's, named by `?collectivite=`), and the way back to them.
 */
import { z } from 'zod';
import { forbidden, isEditor } from '../../../accounts/roles.js';
import { RepertoireError } from '../../../errors.js';
import type { CampaignEntries } from '../../../census/index.js';
import type { MemberPageInput } from '../../auth/member-page.js';
import { memberPaths } from '../../auth/paths.js';
import type { ParameterDoc } from '../../page.js';

/** A contributor asking for a record that is not their collectivity's, its partnerships' or their projects'. */
export function outside(): RepertoireError {
  return forbidden('Vous ne pouvez proposer de modification que pour votre collectivité, ses partenariats et leurs projets.', 'failure.forbidden.ownRecords');
}

/** The campaign a form belongs to, and the collectivity's records in it: where the form goes back to. */
export const CampaignBack = z.object({ id: z.string(), title: z.string(), href: z.string() });
export type CampaignBack = z.infer<typeof CampaignBack>;

export const CAMPAIGN_FORM_PARAMETERS: readonly ParameterDoc[] = [
  { name: 'campaign', in: 'path', description: 'the campaign’s id', schema: { type: 'string' } },
  { name: 'collectivite', in: 'query', description: 'editors: the collectivity answered for (a contributor’s is their own)', schema: { type: 'string' } },
];

export const AUDIENCE = 'A contributor: their own collectivity’s records only (another’s: 403, another’s draft: 404). Editors and administrators: the collectivity named by `collectivite`.';

/** The first value of a query parameter. */
export const one = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  return text === '' ? undefined : text;
};

export interface CampaignForm {
  entries: CampaignEntries;
  /** an editor answering for the collectivity: its id goes with the form */
  onBehalf?: string;
  campaign: CampaignBack;
}

/** The collectivity's entries in the campaign; `open`: the form saves a draft, which a closed campaign refuses. */
export async function campaignForm({ actor, params, query, members }: MemberPageInput, options: { open: boolean }): Promise<CampaignForm> {
  const campaignId = params.campaign ?? '';
  const asked = isEditor(actor) ? one(query.collectivite) : undefined;
  const entries = await members.census.campaigns.entries(actor, { campaignId, ...(asked === undefined ? {} : { collectivityId: asked }) });
  if (options.open && entries.campaign.status !== 'open') throw new RepertoireError('forbidden', `La campagne « ${entries.campaign.title} » est close.`, 403, { wording: { key: 'failure.campaign.closed', params: { title: entries.campaign.title } } });
  const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
  return {
    entries,
    ...(onBehalf === undefined ? {} : { onBehalf }),
    campaign: { id: campaignId, title: entries.campaign.title, href: memberPaths.campaign(campaignId, onBehalf) },
  };
}

/** A form's hidden fields, those with a value. */
export function hiddenFields(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
