/** Proposals: changes to one record waiting for an editor (from a campaign or an import). Rows ⇄ views. */
import type { Kysely, Selectable } from 'kysely';
import { decodeJson, encodeJson } from '../store/codec.js';
import type { Database, ProposalTable } from '../store/tables.js';
import { newId } from '../accounts/tokens.js';
import { userNames } from '../accounts/users.js';
import type { RecordData, RecordType } from './records.js';

export type ProposalStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type ProposalAction = 'create' | 'update' | 'remove';

export interface Proposal {
  id: string;
  directoryId: string;
  campaignId?: string;
  /** an import's review batch: "repertoire-2009.txt (2026-11-02T10:00:00.000Z)" */
  batch?: string;
  originKind: 'campaign' | 'import';
  collectivityId?: string;
  recordType: RecordType;
  recordId: string;
  parentId?: string;
  action: ProposalAction;
  /** the proposed record (none for a removal) */
  data?: RecordData;
  /** the version it was based on, and that version's content */
  baseVersion: number;
  baseData?: RecordData;
  status: ProposalStatus;
  authorId?: string;
  authorName?: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  decidedByName?: string;
  /** the editor's comment (required for a rejection) */
  comment?: string;
  /** the record's version the approval wrote */
  appliedVersion?: number;
}

export type ProposalRow = Selectable<ProposalTable>;

export function proposalFrom(row: ProposalRow, names: ReadonlyMap<string, string> = new Map()): Proposal {
  const p: Proposal = {
    id: row.id,
    directoryId: row.directory_id,
    originKind: row.origin_kind as Proposal['originKind'],
    recordType: row.record_type as RecordType,
    recordId: row.record_id,
    action: row.action as ProposalAction,
    baseVersion: row.base_version,
    status: row.status as ProposalStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  const set = <K extends keyof Proposal>(key: K, value: Proposal[K] | null | undefined) => {
    if (value !== null && value !== undefined) p[key] = value;
  };
  set('campaignId', row.campaign_id);
  set('batch', row.batch);
  set('collectivityId', row.collectivity_id);
  set('parentId', row.parent_id);
  set('data', decodeJson<RecordData>(row.data));
  set('baseData', decodeJson<RecordData>(row.base_data));
  set('authorId', row.author_id);
  set('authorName', row.author_id === null ? undefined : names.get(row.author_id));
  set('submittedAt', row.submitted_at);
  set('decidedAt', row.decided_at);
  set('decidedBy', row.decided_by);
  set('decidedByName', row.decided_by === null ? undefined : names.get(row.decided_by));
  set('comment', row.review_comment);
  set('appliedVersion', row.applied_version);
  return p;
}

/** Views of rows, with the names of their authors and reviewers. */
export async function proposalsFrom(db: Kysely<Database>, rows: readonly ProposalRow[]): Promise<Proposal[]> {
  const names = await userNames(db, rows.flatMap((row) => [row.author_id, row.decided_by].filter((id): id is string => id !== null)));
  return rows.map((row) => proposalFrom(row, names));
}

export interface NewProposal {
  directoryId: string;
  campaignId?: string;
  batch?: string;
  originKind: Proposal['originKind'];
  collectivityId?: string;
  recordType: RecordType;
  recordId: string;
  parentId?: string;
  action: ProposalAction;
  data: RecordData | undefined;
  baseVersion: number;
  baseData: RecordData | undefined;
  status: ProposalStatus;
  authorId?: string;
}

export async function insertProposal(db: Kysely<Database>, proposal: NewProposal, now: Date): Promise<ProposalRow> {
  const at = now.toISOString();
  const row: ProposalRow = {
    id: newId(),
    directory_id: proposal.directoryId,
    campaign_id: proposal.campaignId ?? null,
    batch: proposal.batch ?? null,
    origin_kind: proposal.originKind,
    collectivity_id: proposal.collectivityId ?? null,
    record_type: proposal.recordType,
    record_id: proposal.recordId,
    parent_id: proposal.parentId ?? null,
    action: proposal.action,
    data: encodeJson(proposal.data),
    base_version: proposal.baseVersion,
    base_data: encodeJson(proposal.baseData),
    status: proposal.status,
    author_id: proposal.authorId ?? null,
    created_at: at,
    updated_at: at,
    submitted_at: proposal.status === 'submitted' ? at : null,
    decided_at: null,
    decided_by: null,
    review_comment: null,
    applied_version: null,
  };
  await db.insertInto('proposals').values(row).execute();
  return row;
}

export async function findProposal(db: Kysely<Database>, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}
