/**
 * Census campaigns. An editor opens one ("Recensement 2026"); each collectivity's contributors
 * find their records pre-filled (`entries`), change any field, add or close a project, declare
 * a new partnership, save drafts (`saveDraft`) and submit them (`submit`); editors follow who
 * answered on the dashboard and review the proposals (`review.ts`).
 * Size: one service for a campaign's life (open, entries, drafts, close a project, withdraw, submit, dashboard) whose methods share the campaign's reads and the contributor's permissions.
 */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { slugOf } from '../text/fold.js';
import type { Collectivity, Project, RepertoireDocument } from '../model/schema.js';
import { readDocument } from '../store/load-document.js';
import type { PartnershipEntry } from '../store/records/partnership.js';
import type { CampaignTable, Database } from '../store/tables.js';
import { currentVersions, headKey } from '../store/versions.js';
import { recordAudit } from '../accounts/audit.js';
import { forbidden, isEditor, requireEditor, requireSignedIn, type Actor } from '../accounts/roles.js';
import { newId } from '../accounts/tokens.js';
import { fieldError, parseInput, Required } from '../accounts/validation.js';
import { answersByCountry, answersByKind, type AnswerCount } from './answer-counts.js';
import { clockOf, directoryOf, RecordIdInput, VersionInput, type CensusDeps } from './context.js';
import { assertMayPropose } from './permissions.js';
import { findProposal, insertProposal, proposalsFrom, type Proposal, type ProposalAction } from './proposals.js';
import { conflictOf, indexRecords, parseRecord, RecordTypeInput, type RecordData, type RecordType } from './records.js';

export interface Campaign {
  id: string;
  directoryId: string;
  title: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy?: string;
  closedAt?: string;
}

/** One record as a contributor's form shows it. */
export interface Entry<T extends RecordData = RecordData> {
  recordType: RecordType;
  recordId: string;
  parentId?: string;
  /** the record as it stands */
  current: T;
  /** its current version: what a save is based on */
  version: number;
  /** what the form shows: the draft's content if there is one, else the record */
  form: T;
  draft?: Proposal;
  /** submitted, waiting for an editor */
  pending?: Proposal;
  /** the latest decision on this record in this campaign (a rejection carries the editor's comment) */
  decided?: Proposal;
  /** the draft was based on an older version: the record changed since */
  stale: boolean;
}

export interface CampaignEntries {
  campaign: Campaign;
  collectivityId: string;
  answer: ResponseStatus;
  submittedAt?: string;
  collectivity: Entry<Collectivity>;
  partnerships: (Entry<PartnershipEntry> & { projects: Entry<Project>[] })[];
  /** proposals of new records (partnerships, projects) in this campaign, of any status */
  created: Proposal[];
}

export type ResponseStatus = 'none' | 'draft' | 'submitted';

export interface DashboardRow {
  collectivityId: string;
  name: string;
  country: string;
  /** the kind of collectivity, a code of the country's profile */
  kind: string;
  contributors: { id: string; name: string; email: string; lastSignInAt?: string; disabled: boolean }[];
  /** the collectivity has a contributor account */
  hasAccount: boolean;
  /** has accounts, none of which ever signed in */
  neverSignedIn: boolean;
  answer: ResponseStatus;
  submittedAt?: string;
  proposals: Record<'draft' | 'submitted' | 'approved' | 'rejected', number>;
}

export interface Dashboard {
  campaign: Campaign;
  rows: DashboardRow[];
  totals: { collectivities: number; withAccount: number; submitted: number; draft: number; none: number; neverSignedIn: number };
  /** the answers by country, and by kind of collectivity within each country */
  byCountry: AnswerCount[];
  byKind: AnswerCount[];
}

const OpenInput = z.object({ title: Required('Titre', 200), directoryId: z.string().optional() });
const CampaignRef = z.object({ campaignId: z.string().min(1, { error: 'Campagne inconnue.' }) });
const EntriesInput = CampaignRef.extend({ collectivityId: RecordIdInput.optional() });

export const DraftInput = CampaignRef.extend({
  /** the draft to change (else: this record's draft, or a new one) */
  proposalId: z.string().optional(),
  recordType: RecordTypeInput,
  /** absent for a new record: made from its name or title */
  recordId: RecordIdInput.optional(),
  /** a project's partnership */
  parentId: RecordIdInput.optional(),
  action: z.enum(['update', 'create', 'remove'], { error: 'Action inconnue.' }).default('update'),
  /** the whole record as the form has it */
  data: z.unknown().optional(),
  /** the version the form was filled from (0 for a new record) */
  baseVersion: VersionInput.default(0),
});
export type DraftInput = z.input<typeof DraftInput>;

const CloseProjectInput = CampaignRef.extend({ projectId: RecordIdInput, baseVersion: VersionInput, endDate: z.string().optional() });

export type CampaignService = ReturnType<typeof createCampaignService>;

export function createCampaignService(deps: CensusDeps) {
  const { db } = deps;
  const now = clockOf(deps);

  async function campaignRow(id: string): Promise<Selectable<CampaignTable>> {
    const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new RepertoireError('not-found', 'Campagne de recensement inconnue.', 404, { wording: { key: 'failure.campaign.unknown' } });
    return row;
  }

  async function openRow(id: string) {
    const row = await campaignRow(id);
    if (row.status !== 'open') throw new RepertoireError('forbidden', `La campagne « ${row.title} » est close.`, 403, { wording: { key: 'failure.campaign.closed', params: { title: row.title } } });
    return row;
  }

  /** The collectivity whose entries the actor works on: their own, or (editors) the one asked for. */
  function collectivityFor(actor: Actor, campaign: Selectable<CampaignTable>, asked: string | undefined): string {
    if (isEditor(actor)) {
      if (asked === undefined) throw fieldError('collectivityId', 'Indiquez la collectivité.', undefined, { key: 'failure.field.collectivityMissing' });
      return asked;
    }
    if (actor.role !== 'contributor' || actor.collectivityId === undefined || actor.directoryId !== campaign.directory_id) throw forbidden();
    if (asked !== undefined && asked !== actor.collectivityId) throw forbidden('Vous ne pouvez répondre que pour votre collectivité.', 'failure.forbidden.ownCollectivity');
    return actor.collectivityId;
  }

  async function touchResponse(trx: Kysely<Database>, campaignId: string, collectivityId: string, status: ResponseStatus, actor: Actor) {
    const at = now().toISOString();
    const existing = await trx.selectFrom('campaign_responses').selectAll().where('campaign_id', '=', campaignId).where('collectivity_id', '=', collectivityId).executeTakeFirst();
    const submitted = status === 'submitted';
    if (existing === undefined) {
      await trx
        .insertInto('campaign_responses')
        .values({ campaign_id: campaignId, collectivity_id: collectivityId, status, updated_at: at, submitted_at: submitted ? at : null, submitted_by: submitted ? actor.id : null })
        .execute();
    } else if (submitted || existing.status !== 'submitted') {
      await trx
        .updateTable('campaign_responses')
        .set(submitted ? { status, updated_at: at, submitted_at: at, submitted_by: actor.id } : { status, updated_at: at })
        .where('campaign_id', '=', campaignId)
        .where('collectivity_id', '=', collectivityId)
        .execute();
    } else {
      // Submitted, then a new draft: the collectivity answered; its new draft is pending its next submission.
      await trx.updateTable('campaign_responses').set({ updated_at: at }).where('campaign_id', '=', campaignId).where('collectivity_id', '=', collectivityId).execute();
    }
  }

  const service = {
    async open(actor: Actor | undefined, input: z.input<typeof OpenInput>): Promise<Campaign> {
      const editor = requireEditor(actor);
      const fields = parseInput(OpenInput, input);
      const directoryId = await directoryOf(deps, fields.directoryId);
      const row: Selectable<CampaignTable> = {
        id: newId(),
        directory_id: directoryId,
        title: fields.title,
        status: 'open',
        opened_at: now().toISOString(),
        opened_by: editor.id,
        closed_at: null,
        closed_by: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('campaigns').values(row).execute();
        await recordAudit(trx, { action: 'campaign.open', actorId: editor.id, directoryId, subjectType: 'campaign', subjectId: row.id, details: { title: row.title } }, now());
      });
      return campaignFrom(row);
    },

    async close(actor: Actor | undefined, input: z.input<typeof CampaignRef>): Promise<Campaign> {
      const editor = requireEditor(actor);
      const { campaignId } = parseInput(CampaignRef, input);
      const row = await campaignRow(campaignId);
      const closed = { ...row, status: 'closed', closed_at: now().toISOString(), closed_by: editor.id };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('campaigns').set({ status: 'closed', closed_at: closed.closed_at, closed_by: editor.id }).where('id', '=', campaignId).execute();
        await recordAudit(trx, { action: 'campaign.close', actorId: editor.id, directoryId: row.directory_id, subjectType: 'campaign', subjectId: campaignId }, now());
      });
      return campaignFrom(closed);
    },

    /** Campaigns, newest first (signed-in users). */
    async list(actor: Actor | undefined): Promise<Campaign[]> {
      requireSignedIn(actor);
      const rows = await db.selectFrom('campaigns').selectAll().orderBy('opened_at', 'desc').execute();
      return rows.map(campaignFrom);
    },

    /** The contributor's records, pre-filled: their collectivity, its partnerships and their projects, with drafts and decisions. */
    async entries(actor: Actor | undefined, input: z.input<typeof EntriesInput>): Promise<CampaignEntries> {
      const who = requireSignedIn(actor);
      const fields = parseInput(EntriesInput, input);
      const campaign = await campaignRow(fields.campaignId);
      const collectivityId = collectivityFor(who, campaign, fields.collectivityId);
      const doc = await readDocument(db, campaign.directory_id);
      const own = doc?.collectivities.find((c) => c.id === collectivityId);
      if (doc === undefined || own === undefined) throw new RepertoireError('not-found', `Collectivité inconnue : « ${collectivityId} ».`, 404, { wording: { key: 'failure.collectivity.unknown', params: { id: collectivityId } } });
      const heads = await currentVersions(db, campaign.directory_id);
      const rows = await db
        .selectFrom('proposals')
        .selectAll()
        .where('campaign_id', '=', campaign.id)
        .where('collectivity_id', '=', collectivityId)
        .orderBy('updated_at')
        .execute();
      const proposals = await proposalsFrom(db, rows);
      const response = await db.selectFrom('campaign_responses').selectAll().where('campaign_id', '=', campaign.id).where('collectivity_id', '=', collectivityId).executeTakeFirst();

      const entry = <T extends RecordData>(recordType: RecordType, recordId: string, current: T, parentId?: string): Entry<T> => {
        const version = heads.get(headKey(recordType, recordId))?.version ?? 0;
        const mine = proposals.filter((p) => p.recordType === recordType && p.recordId === recordId);
        const draft = mine.find((p) => p.status === 'draft');
        const pending = mine.findLast((p) => p.status === 'submitted');
        const decided = mine.filter((p) => p.status === 'approved' || p.status === 'rejected').sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? '')).pop();
        const e: Entry<T> = { recordType, recordId, current, version, form: ((draft?.data as T | undefined) ?? current), stale: draft !== undefined && draft.baseVersion !== version };
        if (parentId !== undefined) e.parentId = parentId;
        if (draft) e.draft = draft;
        if (pending) e.pending = pending;
        if (decided) e.decided = decided;
        return e;
      };
      const partnerships = doc.partnerships
        .filter((p) => p.parties.some((party) => party.collectivityId === collectivityId))
        .map(({ projects, ...partnership }) => ({
          ...entry<PartnershipEntry>('partnership', partnership.id, partnership),
          projects: (projects ?? []).map((project) => entry<Project>('project', project.id, project, partnership.id)),
        }));
      const result: CampaignEntries = {
        campaign: campaignFrom(campaign),
        collectivityId,
        answer: (response?.status as ResponseStatus | undefined) ?? 'none',
        collectivity: entry<Collectivity>('collectivity', own.id, own),
        partnerships,
        created: proposals.filter((p) => p.action === 'create' && p.status !== 'withdrawn'),
      };
      if (response?.submitted_at) result.submittedAt = response.submitted_at;
      return result;
    },

    /**
     * Saves a contributor's draft change to one record (or an editor's, on behalf of a
     * collectivity): validated field by field, within the contributor's rights, based on the
     * record's current version (else a ConflictError with both versions).
     */
    async saveDraft(actor: Actor | undefined, input: DraftInput & { collectivityId?: string }): Promise<Proposal> {
      const who = requireSignedIn(actor);
      const fields = parseInput(DraftInput.extend({ collectivityId: RecordIdInput.optional() }), input);
      const campaign = await openRow(fields.campaignId);
      const collectivityId = collectivityFor(who, campaign, fields.collectivityId);
      const directoryId = campaign.directory_id;
      const doc = await readDocument(db, directoryId);
      if (doc === undefined) throw new RepertoireError('not-found', 'Répertoire vide.', 404, { wording: { key: 'failure.directory.empty' } });
      const index = indexRecords(doc);

      const existingDraft = fields.proposalId === undefined ? undefined : await findProposal(db, fields.proposalId);
      if (fields.proposalId !== undefined) {
        if (existingDraft === undefined || existingDraft.campaign_id !== campaign.id || existingDraft.collectivity_id !== collectivityId) throw new RepertoireError('not-found', 'Brouillon introuvable.', 404, { wording: { key: 'failure.draft.unknown' } });
        if (existingDraft.status !== 'draft') throw new RepertoireError('conflict', 'Cette proposition a déjà été envoyée : elle ne se modifie plus.', 409, { wording: { key: 'failure.draft.sent' } });
      }
      const action: ProposalAction = (existingDraft?.action as ProposalAction | undefined) ?? fields.action;
      const recordType = fields.recordType;
      const recordId = existingDraft?.record_id ?? fields.recordId ?? (action === 'create' ? newRecordId(doc, recordType, fields.data, fields.parentId) : undefined);
      if (recordId === undefined) throw fieldError('recordId', 'Indiquez la fiche à modifier.', input, { key: 'failure.field.recordMissing' });
      const placed = index.get(headKey(recordType, recordId));
      if (action !== 'create' && placed === undefined) throw new RepertoireError('not-found', `Fiche introuvable : « ${recordId} ».`, 404, { wording: { key: 'failure.record.unknown', params: { id: recordId } } });
      if (action === 'create' && placed !== undefined) throw fieldError('recordId', `Identifiant déjà pris : « ${recordId} ».`, input, { key: 'failure.field.idTaken', params: { id: recordId } });
      const parentId = placed?.parentId ?? existingDraft?.parent_id ?? fields.parentId;
      if (recordType === 'project' && parentId === undefined) throw fieldError('parentId', 'Indiquez le partenariat du projet.', input, { key: 'failure.field.parentMissing' });

      const data = action === 'remove' ? undefined : parseRecord(recordType, withId(recordType, fields.data, recordId));
      assertMayPropose(who, doc, directoryId, { recordType, recordId, parentId, data });
      if (recordType === 'partnership' && data !== undefined && !isEditor(who) && !(data as PartnershipEntry).parties.some((p) => p.collectivityId === collectivityId)) {
        throw fieldError('parties', 'Votre collectivité doit être partie au partenariat.', input, { key: 'failure.field.notAParty' });
      }

      const heads = await currentVersions(db, directoryId);
      const version = heads.get(headKey(recordType, recordId))?.version ?? 0;
      const change = { recordType, recordId, data };
      if (action !== 'create' && fields.baseVersion !== version) throw await conflictOf(db, directoryId, change, fields.baseVersion);

      const at = now();
      const rowId = await db.transaction().execute(async (trx) => {
        const current =
          existingDraft ??
          (action === 'create'
            ? undefined
            : await trx
                .selectFrom('proposals')
                .selectAll()
                .where('campaign_id', '=', campaign.id)
                .where('collectivity_id', '=', collectivityId)
                .where('record_type', '=', recordType)
                .where('record_id', '=', recordId)
                .where('status', '=', 'draft')
                .executeTakeFirst());
        let id: string;
        if (current === undefined) {
          const proposal = { directoryId, campaignId: campaign.id, originKind: 'campaign' as const, collectivityId, recordType, recordId, action, data, baseVersion: action === 'create' ? 0 : version, baseData: placed?.record, status: 'draft' as const, authorId: who.id };
          id = (await insertProposal(trx, parentId === undefined ? proposal : { ...proposal, parentId }, at)).id;
        } else {
          id = current.id;
          await trx
            .updateTable('proposals')
            .set({ data: data === undefined ? null : JSON.stringify(data), action, base_version: action === 'create' ? 0 : version, base_data: placed === undefined ? null : JSON.stringify(placed.record), author_id: who.id, updated_at: at.toISOString() })
            .where('id', '=', id)
            .execute();
        }
        await touchResponse(trx, campaign.id, collectivityId, 'draft', who);
        await recordAudit(trx, { action: 'proposal.save', actorId: who.id, directoryId, subjectType: recordType, subjectId: recordId, details: { proposal: id, campaign: campaign.id, action } }, at);
        return id;
      });
      return (await proposalsFrom(db, [(await findProposal(db, rowId))!]))[0]!;
    },

    /** A draft that closes a project: status completed (and its end date, if given). */
    async closeProject(actor: Actor | undefined, input: z.input<typeof CloseProjectInput> & { collectivityId?: string }): Promise<Proposal> {
      const fields = parseInput(CloseProjectInput.extend({ collectivityId: RecordIdInput.optional() }), input);
      const campaign = await campaignRow(fields.campaignId);
      const doc = await readDocument(db, campaign.directory_id);
      const project = doc?.partnerships.flatMap((p) => p.projects ?? []).find((q) => q.id === fields.projectId);
      if (project === undefined) throw new RepertoireError('not-found', `Projet introuvable : « ${fields.projectId} ».`, 404, { wording: { key: 'failure.project.unknown', params: { id: fields.projectId } } });
      const data = { ...project, status: 'completed' as const, ...(fields.endDate ? { endDate: fields.endDate } : {}) };
      const draft: DraftInput & { collectivityId?: string } = { campaignId: fields.campaignId, recordType: 'project', recordId: project.id, action: 'update', data, baseVersion: fields.baseVersion };
      if (fields.collectivityId !== undefined) draft.collectivityId = fields.collectivityId;
      return service.saveDraft(actor, draft);
    },

    /** Drops a draft (its author's collectivity, or an editor). */
    async withdraw(actor: Actor | undefined, input: { proposalId: string }): Promise<void> {
      const who = requireSignedIn(actor);
      const row = await findProposal(db, String(input.proposalId));
      if (row === undefined) throw new RepertoireError('not-found', 'Proposition introuvable.', 404, { wording: { key: 'failure.proposal.unknown' } });
      if (!isEditor(who) && row.collectivity_id !== who.collectivityId) throw forbidden();
      if (row.status !== 'draft') throw new RepertoireError('conflict', 'Seul un brouillon peut être retiré.', 409, { wording: { key: 'failure.proposal.notDraft' } });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('proposals').set({ status: 'withdrawn', updated_at: now().toISOString() }).where('id', '=', row.id).execute();
        await recordAudit(trx, { action: 'proposal.withdraw', actorId: who.id, directoryId: row.directory_id, subjectType: row.record_type, subjectId: row.record_id, details: { proposal: row.id } }, now());
      });
    },

    /** Submits every draft of the collectivity in this campaign (none: the collectivity answers "no change"). */
    async submit(actor: Actor | undefined, input: z.input<typeof EntriesInput>): Promise<{ submitted: number }> {
      const who = requireSignedIn(actor);
      const fields = parseInput(EntriesInput, input);
      const campaign = await openRow(fields.campaignId);
      const collectivityId = collectivityFor(who, campaign, fields.collectivityId);
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('proposals')
          .set({ status: 'submitted', submitted_at: at, updated_at: at })
          .where('campaign_id', '=', campaign.id)
          .where('collectivity_id', '=', collectivityId)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        const submitted = Number(result.numUpdatedRows);
        await touchResponse(trx, campaign.id, collectivityId, 'submitted', who);
        await recordAudit(trx, { action: 'campaign.submit', actorId: who.id, directoryId: campaign.directory_id, subjectType: 'collectivity', subjectId: collectivityId, details: { campaign: campaign.id, proposals: submitted } }, now());
        return { submitted };
      });
    },

    /** The collectivity's proposals in the campaign, every status (a rejection shows the editor's comment). */
    async proposals(actor: Actor | undefined, input: z.input<typeof EntriesInput>): Promise<Proposal[]> {
      const who = requireSignedIn(actor);
      const fields = parseInput(EntriesInput, input);
      const campaign = await campaignRow(fields.campaignId);
      const collectivityId = collectivityFor(who, campaign, fields.collectivityId);
      const rows = await db.selectFrom('proposals').selectAll().where('campaign_id', '=', campaign.id).where('collectivity_id', '=', collectivityId).orderBy('created_at').execute();
      return proposalsFrom(db, rows);
    },

    /** Per collectivity: its contributors, whether they ever signed in, and whether it answered. Editors. */
    async dashboard(actor: Actor | undefined, input: z.input<typeof CampaignRef>): Promise<Dashboard> {
      requireEditor(actor);
      const { campaignId } = parseInput(CampaignRef, input);
      const campaign = await campaignRow(campaignId);
      const directoryId = campaign.directory_id;
      const [collectivities, users, responses, counts] = await Promise.all([
        db.selectFrom('collectivities').select(['id', 'name', 'country', 'kind']).where('directory_id', '=', directoryId).orderBy('position').execute(),
        db.selectFrom('users').selectAll().where('role', '=', 'contributor').where('directory_id', '=', directoryId).execute(),
        db.selectFrom('campaign_responses').selectAll().where('campaign_id', '=', campaignId).execute(),
        db
          .selectFrom('proposals')
          .select(['collectivity_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('campaign_id', '=', campaignId)
          .groupBy(['collectivity_id', 'status'])
          .execute(),
      ]);
      const rows = collectivities.map((c): DashboardRow => {
        const contributors = users
          .filter((u) => u.collectivity_id === c.id)
          .map((u) => {
            const person: DashboardRow['contributors'][number] = { id: u.id, name: u.name, email: u.email, disabled: u.disabled_at !== null };
            if (u.last_sign_in_at !== null) person.lastSignInAt = u.last_sign_in_at;
            return person;
          });
        const response = responses.find((r) => r.collectivity_id === c.id);
        const proposals = { draft: 0, submitted: 0, approved: 0, rejected: 0 };
        for (const count of counts.filter((k) => k.collectivity_id === c.id)) {
          if (count.status in proposals) proposals[count.status as keyof typeof proposals] = Number(count.n);
        }
        const row: DashboardRow = {
          collectivityId: c.id,
          name: c.name,
          country: c.country,
          kind: c.kind,
          contributors,
          hasAccount: contributors.length > 0,
          neverSignedIn: contributors.length > 0 && contributors.every((u) => u.lastSignInAt === undefined),
          answer: (response?.status as ResponseStatus | undefined) ?? 'none',
          proposals,
        };
        if (response?.submitted_at) row.submittedAt = response.submitted_at;
        return row;
      });
      const count = (pick: (row: DashboardRow) => boolean) => rows.filter(pick).length;
      return {
        campaign: campaignFrom(campaign),
        rows,
        totals: {
          collectivities: rows.length,
          withAccount: count((r) => r.hasAccount),
          submitted: count((r) => r.answer === 'submitted'),
          draft: count((r) => r.answer === 'draft'),
          none: count((r) => r.answer === 'none'),
          neverSignedIn: count((r) => r.neverSignedIn),
        },
        byCountry: answersByCountry(rows),
        byKind: answersByKind(rows),
      };
    },
  };
  return service;
}

function campaignFrom(row: Selectable<CampaignTable>): Campaign {
  const campaign: Campaign = { id: row.id, directoryId: row.directory_id, title: row.title, status: row.status as Campaign['status'], openedAt: row.opened_at };
  if (row.opened_by !== null) campaign.openedBy = row.opened_by;
  if (row.closed_at !== null) campaign.closedAt = row.closed_at;
  return campaign;
}

/** The record with its id set (a form need not repeat it; a new record gets the one made for it). */
function withId(recordType: RecordType, data: unknown, recordId: string): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return recordType === 'domain' ? { ...data, code: recordId } : { ...data, id: recordId };
}

/** An id for a new record: a project, from its partnership and title; a partnership, from its parties' names. */
export function newRecordId(doc: RepertoireDocument, recordType: RecordType, data: unknown, parentId: string | undefined): string {
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  let base: string;
  if (recordType === 'project') base = slugOf(`${parentId ?? 'projet'} ${String(fields.title ?? 'projet')}`, Infinity);
  else if (recordType === 'partnership') {
    const parties = Array.isArray(fields.parties) ? (fields.parties as { collectivityId?: unknown }[]) : [];
    const names = parties.map((p) => {
      const c = doc.collectivities.find((k) => k.id === p.collectivityId);
      return c?.shortName ?? c?.name ?? String(p.collectivityId ?? '');
    });
    base = slugOf(names.join(' ') || 'partenariat', Infinity);
  } else base = slugOf(String(fields.name ?? fields.label ?? recordType), Infinity);
  const taken = indexRecords(doc);
  let id = base.slice(0, 190) || recordType;
  for (let n = 2; taken.has(headKey(recordType, id)); n += 1) id = `${base.slice(0, 190)}-${n}`;
  return id;
}
