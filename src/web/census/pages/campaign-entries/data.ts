/**
 * A collectivity's records in a campaign, with their state (unchanged, draft, sent, decided) and
 * what may be done with each while the campaign is open; for an editor who has not named the
 * collectivity yet (`?collectivite=`), the picker that finds it (`?nom=`).
 */
import { z } from 'zod';
import { isEditor } from '../../../../accounts/roles.js';
import type { Entry } from '../../../../census/index.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { notFound } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { pickMatches, PICKER_LIMIT } from '../../picker.js';
import { publicPath, recordLabel } from '../../render.js';

const RecordType = z.enum(['domain', 'collectivity', 'partnership', 'project']);
const ProposalStatus = z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']);

/** Where a record stands in the campaign. */
const EntryState = z.object({
  state: z.enum(['unchanged', 'draft', 'submitted', 'approved', 'rejected']),
  /** a draft based on an older version: the record changed since */
  stale: z.boolean(),
  /** the editor's comment on the decision */
  comment: z.string().optional(),
  /** the form that proposes a change (an open campaign) */
  updateHref: z.string().optional(),
});

const Campaign = z.object({ id: z.string(), title: z.string(), open: z.boolean(), href: z.string() });

const PickerView = z.object({
  kind: z.literal('picker'),
  campaign: Campaign,
  dashboardHref: z.string(),
  /** the search (`?nom=`) */
  query: z.string(),
  /** how many collectivities match; the first PICKER_LIMIT are listed */
  found: z.number().int(),
  matches: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), country: z.string(), href: z.string() })),
});

const EntriesView = z.object({
  kind: z.literal('entries'),
  campaign: Campaign,
  collectivity: EntryState.extend({ id: z.string(), name: z.string(), href: z.string().optional() }),
  /** an editor answering for the collectivity: its id goes with every form */
  onBehalf: z.string().optional(),
  /** what was just done (`?fait=envoye&envoyees=`, `?fait=brouillon`, `?fait=retire`) */
  notice: z.discriminatedUnion('kind', [z.object({ kind: z.literal('submitted'), count: z.number().int() }), z.object({ kind: z.enum(['saved', 'withdrawn']) })]).optional(),
  answer: z.object({ status: z.enum(['none', 'draft', 'submitted']), submittedAt: z.string().optional() }),
  partnerships: z.array(
    EntryState.extend({
      id: z.string(),
      label: z.string(),
      href: z.string().optional(),
      addProjectHref: z.string().optional(),
      projects: z.array(
        EntryState.extend({
          id: z.string(),
          title: z.string(),
          /** the project's status code: ongoing, completed… */
          status: z.string(),
          href: z.string().optional(),
          /** the form closing the project (an open campaign, a project neither completed nor waiting) */
          close: z.object({ baseVersion: z.number().int() }).optional(),
        }),
      ),
    }),
  ),
  newPartnershipHref: z.string().optional(),
  /** proposals of new records in this campaign */
  created: z.array(z.object({ id: z.string(), recordType: RecordType, label: z.string(), status: ProposalStatus, comment: z.string().optional(), editHref: z.string().optional(), withdrawable: z.boolean() })),
  /** an open campaign's forms: sending the drafts, withdrawing one, closing a project */
  actions: z.object({ submit: z.string(), withdraw: z.string(), closeProject: z.string() }).optional(),
  drafts: z.number().int(),
  /** every proposal made for the collectivity in this campaign but the withdrawn ones */
  proposals: z.array(z.object({ recordType: RecordType, label: z.string(), action: z.enum(['create', 'update', 'remove']), status: ProposalStatus, comment: z.string().optional(), date: z.string() })),
});

export const CampaignEntriesView = z.discriminatedUnion('kind', [PickerView, EntriesView]);
export type CampaignEntriesView = z.infer<typeof CampaignEntriesView>;
export type EntriesView = z.infer<typeof EntriesView>;
export type EntryStateView = z.infer<typeof EntryState>;

const one = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  return text === '' ? undefined : text;
};

const NOTICES = { brouillon: 'saved', retire: 'withdrawn' } as const;
const noticeOf = (said: string | undefined, count: string | undefined): EntriesView['notice'] => {
  if (said === 'envoye') return { kind: 'submitted', count: Number(count ?? 0) || 0 };
  if (said === 'brouillon' || said === 'retire') return { kind: NOTICES[said] };
  return undefined;
};

export async function campaignEntriesView({ actor, params, query, members }: MemberPageInput): Promise<CampaignEntriesView> {
  const { census } = members;
  const campaignId = params.campaign ?? '';
  const asked = isEditor(actor) ? one(query.collectivite) : undefined;
  const dir = await members.directory();
  const found = (await census.campaigns.list(actor)).find((k) => k.id === campaignId);
  if (found === undefined) throw notFound('Campagne de recensement inconnue.', { key: 'failure.campaign.unknown' });
  const open = found.status === 'open';
  const campaign = { id: found.id, title: found.title, open, href: memberPaths.campaign(found.id) };

  if (isEditor(actor) && asked === undefined) {
    const search = one(query.nom) ?? '';
    const matches = pickMatches(dir.collectivities, search);
    return {
      kind: 'picker',
      campaign,
      dashboardHref: memberPaths.dashboard(found.id),
      query: search,
      found: matches.length,
      matches: matches.slice(0, PICKER_LIMIT).map((k) => ({ id: k.id, name: k.name, kind: k.kind, country: k.country, href: memberPaths.campaign(found.id, k.id) })),
    };
  }

  const entries = await census.campaigns.entries(actor, { campaignId, ...(asked ? { collectivityId: asked } : {}) });
  const proposals = await census.campaigns.proposals(actor, { campaignId, ...(asked ? { collectivityId: asked } : {}) });
  const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
  const stateOf = (entry: Entry): EntryStateView => {
    const state = entry.draft ? 'draft' : entry.pending ? 'submitted' : entry.decided ? (entry.decided.status === 'rejected' ? 'rejected' : 'approved') : 'unchanged';
    const comment = entry.draft || entry.pending ? undefined : entry.decided?.comment;
    return {
      state,
      stale: entry.draft !== undefined && entry.stale,
      ...(comment ? { comment } : {}),
      ...(open ? { updateHref: memberPaths.campaignRecord(found.id, entry.recordType, entry.recordId, onBehalf) } : {}),
    };
  };
  const publicHref = (recordType: 'collectivity' | 'partnership' | 'project', recordId: string) => {
    const href = publicPath(recordType, recordId);
    return href === undefined ? {} : { href };
  };
  const said = one(query.fait);
  const notice = noticeOf(said, one(query.envoyees));
  return {
    kind: 'entries',
    campaign,
    collectivity: { id: entries.collectivity.recordId, name: entries.collectivity.current.name, ...publicHref('collectivity', entries.collectivity.recordId), ...stateOf(entries.collectivity) },
    ...(onBehalf === undefined ? {} : { onBehalf }),
    ...(notice === undefined ? {} : { notice }),
    answer: { status: entries.answer, ...(entries.answer === 'submitted' && entries.submittedAt ? { submittedAt: entries.submittedAt } : {}) },
    partnerships: entries.partnerships.map((entry) => ({
      id: entry.recordId,
      label: recordLabel(dir, 'partnership', entry.recordId, entry.form),
      ...publicHref('partnership', entry.recordId),
      ...(open ? { addProjectHref: memberPaths.campaignNew(found.id, 'projet', { partenariat: entry.recordId, collectivite: onBehalf }) } : {}),
      ...stateOf(entry),
      projects: entry.projects.map((project) => ({
        id: project.recordId,
        title: project.form.title,
        status: project.form.status,
        ...publicHref('project', project.recordId),
        ...stateOf(project),
        ...(open && project.form.status !== 'completed' && !project.pending ? { close: { baseVersion: project.version } } : {}),
      })),
    })),
    ...(open ? { newPartnershipHref: memberPaths.campaignNew(found.id, 'partenariat', { collectivite: onBehalf }) } : {}),
    created: entries.created.map((p) => ({
      id: p.id,
      recordType: p.recordType,
      label: recordLabel(dir, p.recordType, p.recordId, p.data),
      status: p.status,
      ...(p.comment ? { comment: p.comment } : {}),
      ...(p.status === 'draft' && open ? { editHref: memberPaths.campaignDraft(found.id, p.id, onBehalf) } : {}),
      withdrawable: p.status === 'draft' && open,
    })),
    ...(open ? { actions: { submit: memberPaths.campaignSubmit(found.id), withdraw: memberPaths.campaignWithdraw(found.id), closeProject: memberPaths.campaignCloseProject(found.id) } } : {}),
    drafts: proposals.filter((p) => p.status === 'draft').length,
    proposals: proposals
      .filter((p) => p.status !== 'withdrawn')
      .map((p) => ({
        recordType: p.recordType,
        label: recordLabel(dir, p.recordType, p.recordId, p.data ?? p.baseData),
        action: p.action,
        status: p.status,
        ...(p.comment ? { comment: p.comment } : {}),
        date: p.decidedAt ?? p.submittedAt ?? p.updatedAt,
      })),
  };
}
