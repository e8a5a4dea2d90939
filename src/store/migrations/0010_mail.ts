/**
 * The census mail (issue 19):
 *
 * - `password_resets`: one row per "mot de passe oublié" request, known address or not (so that
 *   the rate limit counts them alike and the answer never tells which): the SHA-256 of the link's
 *   token, the account it is for (null for an unknown address), when it expires and when it was
 *   used. The token itself is only in the mail.
 * - `campaign_reminders`: one row per person reminded of a campaign per day (UTC). Its key is the
 *   guard: two `repertoire campaign remind` running at once both try to insert the row, and only
 *   the one that did sends the mail.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function mailMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('client_address', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('password_resets_email_idx').on('password_resets').columns(['email', 'created_at']).execute();
      await db.schema.createIndex('password_resets_client_idx').on('password_resets').columns(['client_address', 'created_at']).execute();

      await db.schema
        .createTable('campaign_reminders')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('collectivity_id', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_reminders_pk', ['campaign_id', 'user_id', 'day'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('campaign_reminders').ifExists().execute();
      await db.schema.dropTable('password_resets').ifExists().execute();
    },
  };
}
