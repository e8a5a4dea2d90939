/**
 * The editors' queue: proposals from campaigns and from imports that met edited records. For
 * each, the field-by-field difference against the record as it stands; then approve (the change
 * goes live: the record, its new version, the proposal's decision and an audit event, in one
 * transaction), reject with a comment the contributor sees, or edit then approve.
 */
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { currentVersions, headKey, type VersionOrigin } from '../store/versions.js';
import { recordAudit } from '../accounts/audit.js';
import { requireEditor, type Actor } from '../accounts/roles.js';
import { parseInput, Required } from '../accounts/validation.js';
import { clockOf, postmanOf, VersionInput, type CensusDeps } from './context.js';
import { noticeDecision } from './notices.js';
import { diffRecords, type FieldChange } from './diff.js';
import { findProposal, proposalsFrom, type Proposal, type ProposalRow, type ProposalStatus } from './proposals.js';
import { inRecordTransaction, parseRecord, readCurrentRecord, saveRecord, type CurrentRecord, type RecordChange, type RecordData } from './records.js';

export interface QueueItem extends Proposal {
  /** the collectivity's name (campaign proposals) */
  collectivityName?: string;
  /** the record's name or title, for the list */
  recordLabel: string;
  /** the record changed since the proposal was made: approving it as is will conflict */
  stale: boolean;
  currentVersion: number;
}

export interface ProposalReview {
  proposal: Proposal;
  /** the record as it stands (none for a new record, or one removed since) */
  current?: CurrentRecord;
  /** the proposal against the record as it stands: what approving it changes */
  changes: FieldChange[];
  /** what changed in the record since the proposal was based on it (empty unless stale) */
  changedSince: FieldChange[];
  stale: boolean;
}

const QueueInput = z.object({
  directoryId: z.string().optional(),
  campaignId: z.string().optional(),
  batch: z.string().optional(),
  originKind: z.enum(['campaign', 'import']).optional(),
  status: z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']).default('submitted'),
});

const ProposalRef = z.object({ proposalId: z.string().min(1, { error: 'Proposition inconnue.' }) });

const ApproveInput = ProposalRef.extend({
  /** edit then approve: the record as the editor corrected it */
  data: z.unknown().optional(),
  /** the version the editor's page showed (default: the proposal's base) */
  baseVersion: VersionInput.optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type ApproveInput = z.input<typeof ApproveInput>;

const RejectInput = ProposalRef.extend({ comment: Required('Commentaire', 2000) });
export type RejectInput = z.input<typeof RejectInput>;

export type ReviewService = ReturnType<typeof createReviewService>;

export function createReviewService(deps: CensusDeps) {
  const { db } = deps;
  const now = clockOf(deps);
  const mail = postmanOf(deps);

  async function submitted(proposalId: string): Promise<ProposalRow> {
    const row = await findProposal(db, proposalId);
    if (row === undefined) throw new RepertoireError('not-found', 'Proposition introuvable.', 404, { wording: { key: 'failure.proposal.unknown' } });
    if (row.status !== 'submitted') throw new RepertoireError('conflict', `Cette proposition est déjà ${STATUS_LABELS[row.status as ProposalStatus] ?? row.status}.`, 409, {
        wording: { key: `failure.proposal.already.${row.status === 'approved' || row.status === 'rejected' || row.status === 'withdrawn' || row.status === 'draft' ? row.status : 'decided'}` },
      });
    return row;
  }

  return {
    /** Proposals to review (default: submitted ones), oldest first. */
    async queue(actor: Actor | undefined, input: z.input<typeof QueueInput> = {}): Promise<QueueItem[]> {
      requireEditor(actor);
      const filter = parseInput(QueueInput, input);
      let query = db.selectFrom('proposals').selectAll().where('status', '=', filter.status);
      if (filter.directoryId !== undefined) query = query.where('directory_id', '=', filter.directoryId);
      if (filter.campaignId !== undefined) query = query.where('campaign_id', '=', filter.campaignId);
      if (filter.batch !== undefined) query = query.where('batch', '=', filter.batch);
      if (filter.originKind !== undefined) query = query.where('origin_kind', '=', filter.originKind);
      const rows = await query.orderBy('submitted_at').orderBy('created_at').execute();
      const proposals = await proposalsFrom(db, rows);
      const directories = [...new Set(rows.map((row) => row.directory_id))];
      const heads = new Map<string, Awaited<ReturnType<typeof currentVersions>>>();
      const names = new Map<string, string>();
      for (const directoryId of directories) {
        heads.set(directoryId, await currentVersions(db, directoryId));
        const collectivities = await db.selectFrom('collectivities').select(['id', 'name']).where('directory_id', '=', directoryId).execute();
        for (const c of collectivities) names.set(`${directoryId}:${c.id}`, c.name);
      }
      return proposals.map((p) => {
        const currentVersion = heads.get(p.directoryId)?.get(headKey(p.recordType, p.recordId))?.version ?? 0;
        const item: QueueItem = { ...p, recordLabel: recordLabel(p.data ?? p.baseData, p.recordId), stale: p.action !== 'create' && currentVersion !== p.baseVersion, currentVersion };
        const name = p.collectivityId && names.get(`${p.directoryId}:${p.collectivityId}`);
        if (name) item.collectivityName = name;
        return item;
      });
    },

    /** One proposal with its differences: against the record now, and what changed in the record since. */
    async review(actor: Actor | undefined, input: z.input<typeof ProposalRef>): Promise<ProposalReview> {
      requireEditor(actor);
      const { proposalId } = parseInput(ProposalRef, input);
      const row = await findProposal(db, proposalId);
      if (row === undefined) throw new RepertoireError('not-found', 'Proposition introuvable.', 404, { wording: { key: 'failure.proposal.unknown' } });
      const [proposal] = await proposalsFrom(db, [row]);
      const current = await readCurrentRecord(db, row.directory_id, proposal!.recordType, proposal!.recordId);
      const currentVersion = current?.version ?? (await currentVersions(db, row.directory_id)).get(headKey(proposal!.recordType, proposal!.recordId))?.version ?? 0;
      const stale = proposal!.action !== 'create' && currentVersion !== proposal!.baseVersion;
      const review: ProposalReview = {
        proposal: proposal!,
        changes: diffRecords(current?.data, proposal!.data),
        changedSince: stale ? diffRecords(proposal!.baseData, current?.data) : [],
        stale,
      };
      if (current !== undefined) review.current = current;
      return review;
    },

    /**
     * Approves: the proposal (or the editor's corrected `data`) goes live as a new version. Based
     * on the proposal's version unless the editor's page gives `baseVersion`: if the record changed
     * since, a ConflictError with both versions, and nothing is written.
     */
    async approve(actor: Actor | undefined, input: ApproveInput): Promise<{ proposal: Proposal; version: number }> {
      const editor = requireEditor(actor);
      const fields = parseInput(ApproveInput, input);
      const row = await submitted(fields.proposalId);
      const recordType = row.record_type as CurrentRecord['recordType'];
      const edited = fields.data !== undefined;
      const content = row.action === 'remove' ? undefined : parseRecord(recordType, edited ? withKey(recordType, fields.data, row.record_id) : JSON.parse(row.data ?? 'null'));
      const change: RecordChange = { recordType, recordId: row.record_id, data: content };
      if (row.parent_id !== null) change.parentId = row.parent_id;
      const baseVersion = fields.baseVersion ?? row.base_version;
      const origin: VersionOrigin =
        row.origin_kind === 'import'
          ? { kind: 'import', ref: row.batch ?? 'import', userId: editor.id }
          : { kind: 'campaign', ref: row.campaign_id ?? undefined, userId: edited ? editor.id : (row.author_id ?? editor.id) };
      if (origin.ref === undefined) delete origin.ref;
      const at = now();
      const version = await inRecordTransaction(db, row.directory_id, change, baseVersion, async (trx) => {
        const saved = await saveRecord(trx, row.directory_id, change, { baseVersion, origin, now: at, expectNew: row.action === 'create' });
        const decided = await trx
          .updateTable('proposals')
          .set({ status: 'approved', decided_at: at.toISOString(), decided_by: editor.id, review_comment: fields.comment || null, applied_version: saved.version, updated_at: at.toISOString(), ...(edited ? { data: content === undefined ? null : JSON.stringify(content) } : {}) })
          .where('id', '=', row.id)
          .where('status', '=', 'submitted')
          .executeTakeFirst();
        if (Number(decided.numUpdatedRows) !== 1) throw new RepertoireError('conflict', 'Cette proposition vient d’être traitée par quelqu’un d’autre.', 409, { wording: { key: 'failure.proposal.decidedMeanwhile' } });
        await recordAudit(
          trx,
          { action: 'proposal.approve', actorId: editor.id, directoryId: row.directory_id, subjectType: row.record_type, subjectId: row.record_id, details: { proposal: row.id, version: saved.version, edited } },
          at,
        );
        return saved.version;
      });
      const [proposal] = await proposalsFrom(db, [(await findProposal(db, row.id))!]);
      await noticeDecision(db, mail, row, { status: 'approved', by: editor.id, comment: fields.comment, recordLabel: recordLabel(content as RecordData | undefined ?? baseOf(row), row.record_id) }, at);
      return { proposal: proposal!, version };
    },

    /** Rejects with a comment, which the contributor sees with their proposal. */
    async reject(actor: Actor | undefined, input: RejectInput): Promise<Proposal> {
      const editor = requireEditor(actor);
      const fields = parseInput(RejectInput, input);
      const row = await submitted(fields.proposalId);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('proposals').set({ status: 'rejected', decided_at: at, decided_by: editor.id, review_comment: fields.comment, updated_at: at }).where('id', '=', row.id).execute();
        await recordAudit(trx, { action: 'proposal.reject', actorId: editor.id, directoryId: row.directory_id, subjectType: row.record_type, subjectId: row.record_id, details: { proposal: row.id } }, now());
      });
      await noticeDecision(db, mail, row, { status: 'rejected', by: editor.id, comment: fields.comment, recordLabel: recordLabel((JSON.parse(row.data ?? 'null') as RecordData | null) ?? baseOf(row), row.record_id) }, now());
      return (await proposalsFrom(db, [(await findProposal(db, row.id))!]))[0]!;
    },

    /** The import batches with proposals still waiting, newest first. */
    async batches(actor: Actor | undefined): Promise<{ batch: string; pending: number }[]> {
      requireEditor(actor);
      const rows = await db
        .selectFrom('proposals')
        .select(['batch', (eb) => eb.fn.countAll<number>().as('n')])
        .where('origin_kind', '=', 'import')
        .where('status', '=', 'submitted')
        .groupBy('batch')
        .execute();
      return rows.filter((r) => r.batch !== null).map((r) => ({ batch: r.batch!, pending: Number(r.n) })).sort((a, b) => b.batch.localeCompare(a.batch));
    },
  };
}

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'brouillon',
  submitted: 'envoyée',
  approved: 'acceptée',
  rejected: 'refusée',
  withdrawn: 'retirée',
};

function withKey(recordType: string, data: unknown, recordId: string): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return recordType === 'domain' ? { ...data, code: recordId } : { ...data, id: recordId };
}

function baseOf(row: ProposalRow): RecordData | undefined {
  return row.base_data === null ? undefined : (JSON.parse(row.base_data) as RecordData);
}

function recordLabel(data: RecordData | undefined, fallback: string): string {
  const d = (data ?? {}) as Record<string, unknown>;
  return String(d.title ?? d.name ?? d.label ?? fallback);
}
