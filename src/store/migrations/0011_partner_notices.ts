/**
 * Partner-search notices (issue 22, item 4): a collectivity says what partner it seeks — domains,
 * the partner's country, kind and region, a description, until when — and an editor approves it
 * before the public sees it.
 *
 * - `partner_notices`: one row per notice. `domains` is a JSON list of the directory's domain
 *   codes; `partner_kind` and `partner_region` (a top-level division's code in the partner
 *   country's profile) may be empty: any. `until` is a day (YYYY-MM-DD, inclusive): past it the
 *   notice is no longer shown, which is decided when it is read, so nothing has to run at
 *   midnight. `decided_by`/`decided_at` are the editor's approval or refusal.
 * - `partner_notice_answers`: one row per member who answered a notice, per day (UTC). Its key is
 *   the limit: a second answer the same day finds the row and is refused. The message itself is
 *   only in the mail.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function partnerNoticesMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('partner_notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('directory_id', 'text', (c) => c.notNull())
        .addColumn('collectivity_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('domains', 'text', (c) => c.notNull())
        .addColumn('partner_country', 'text', (c) => c.notNull())
        .addColumn('partner_kind', 'text')
        .addColumn('partner_region', 'text')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('review_comment', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('partner_notices_status_idx').on('partner_notices').columns(['directory_id', 'status', 'until']).execute();
      await db.schema.createIndex('partner_notices_collectivity_idx').on('partner_notices').columns(['directory_id', 'collectivity_id']).execute();

      await db.schema
        .createTable('partner_notice_answers')
        .addColumn('notice_id', 'text', (c) => c.notNull().references('partner_notices.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('partner_notice_answers_pk', ['notice_id', 'user_id', 'day'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('partner_notice_answers').ifExists().execute();
      await db.schema.dropTable('partner_notices').ifExists().execute();
    },
  };
}
