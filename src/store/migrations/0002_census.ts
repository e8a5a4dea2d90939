/**
 * The census: accounts and sessions, the sign-in log, the audit log, every record's versions,
 * campaigns and the proposals editors review, and the privacy tables (consents, erasures).
 * A shipped migration never changes: later changes are new migrations.
 *
 * None of these tables has a foreign key to a record table: history, proposals and consents
 * outlive the records (a removed record keeps its versions; a re-import keeps consents).
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function censusMigration(dialect: Pick<StoreDialect, 'identity'>): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('directory_id', 'text')
        .addColumn('collectivity_id', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('disabled_at', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('last_sign_in_at', 'text')
        .execute();
      await db.schema.createIndex('users_collectivity_idx').on('users').columns(['directory_id', 'collectivity_id']).execute();

      await db.schema
        .createTable('invitations')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('client_address', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('sign_in_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('client_address', 'text')
        .addColumn('attempted_at', 'text', (c) => c.notNull())
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_attempts_email_idx').on('sign_in_attempts').columns(['email', 'attempted_at']).execute();
      await db.schema.createIndex('sign_in_attempts_client_idx').on('sign_in_attempts').columns(['client_address', 'attempted_at']).execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'integer', dialect.identity)
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('directory_id', 'text')
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('client_address', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_events_subject_idx').on('audit_events').columns(['subject_type', 'subject_id']).execute();
      await db.schema.createIndex('audit_events_actor_idx').on('audit_events').column('actor_id').execute();

      await db.schema
        .createTable('record_versions')
        .addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'))
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('data', 'text')
        .addColumn('origin_kind', 'text', (c) => c.notNull())
        .addColumn('origin_ref', 'text')
        .addColumn('user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The key is also the optimistic lock: two saves on the same base version both try to
        // write the next version, and the second one is refused.
        .addPrimaryKeyConstraint('record_versions_pk', ['directory_id', 'record_type', 'record_id', 'version'])
        .execute();

      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'text')
        .execute();

      await db.schema
        .createTable('campaign_responses')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('collectivity_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_by', 'text')
        .addPrimaryKeyConstraint('campaign_responses_pk', ['campaign_id', 'collectivity_id'])
        .execute();

      await db.schema
        .createTable('proposals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'))
        .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('cascade'))
        .addColumn('batch', 'text')
        .addColumn('origin_kind', 'text', (c) => c.notNull())
        .addColumn('collectivity_id', 'text')
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('data', 'text')
        .addColumn('base_version', 'integer', (c) => c.notNull())
        .addColumn('base_data', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('review_comment', 'text')
        .addColumn('applied_version', 'integer')
        .execute();
      await db.schema.createIndex('proposals_status_idx').on('proposals').columns(['directory_id', 'status']).execute();
      await db.schema.createIndex('proposals_campaign_idx').on('proposals').columns(['campaign_id', 'collectivity_id']).execute();
      await db.schema.createIndex('proposals_record_idx').on('proposals').columns(['directory_id', 'record_type', 'record_id']).execute();

      await db.schema
        .createTable('consents')
        .addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'))
        .addColumn('person_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('collectivity_id', 'text')
        .addColumn('publish', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('consents_pk', ['directory_id', 'person_key'])
        .execute();

      await db.schema
        .createTable('erasures')
        .addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'))
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text', (c) => c.notNull())
        .addColumn('erased_by', 'text')
        .addPrimaryKeyConstraint('erasures_pk', ['directory_id', 'key_hash'])
        .execute();
    },
  };
}
