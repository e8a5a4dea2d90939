/**
 * What the generic writer needs to know of a kind of record (domain, collectivity, partnership,
 * project): its table and key, the tables that hold its lists, and how to turn one record into rows.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../tables.js';

export type TableName = keyof Database;

/** Rows to insert, by table. */
export type RowSet = { [T in TableName]?: Insertable<Database[T]>[] };

/** A record with where it stands: its index in its list and, for a project, its partnership. */
export interface Placed<R> {
  readonly record: R;
  readonly position: number;
  readonly parentId?: string;
}

export interface RecordKind<R> {
  readonly table: 'domains' | 'collectivities' | 'partnerships' | 'projects';
  readonly key: 'code' | 'id';
  /** Tables holding the record's lists, whose rows name the record in `childKey`. */
  readonly children: readonly TableName[];
  readonly childKey?: 'partnership_id' | 'project_id';
  keyOf(record: R): string;
  rows(directoryId: string, placed: Placed<R>): RowSet;
}

/** Insertion order that satisfies the foreign keys: what is referred to comes first. */
export const TABLE_ORDER: readonly TableName[] = [
  'directories',
  'domains',
  'collectivities',
  'partnerships',
  'partnership_parties',
  'partnership_domains',
  'partnership_budgets',
  'contacts',
  'projects',
  'project_domains',
  'project_partners',
  'funding_lines',
  'sources',
  'import_reports',
  // the census (migration 0002)
  'users',
  'invitations',
  'sessions',
  'sign_in_attempts',
  'password_resets',
  // not 'sign_in_gates' (migration 0004: rows to lock, that matter for minutes) nor 'pre_sessions'
  // (0005: the forms of visitors without a session, for an hour or two; a store whose sign-in form
  // was merely shown is still empty for a restore)
  'audit_events',
  'record_versions',
  'campaigns',
  'campaign_responses',
  'campaign_reminders',
  'proposals',
  'consents',
  'erasures',
  'quality_acceptances',
  'partner_notices',
  'partner_notice_answers',
];

/** Tables whose `id` is auto-numbered: a copy or a restore moves PostgreSQL's sequence past the ids it wrote. */
export const IDENTITY_TABLES: readonly TableName[] = ['import_reports', 'audit_events'];
