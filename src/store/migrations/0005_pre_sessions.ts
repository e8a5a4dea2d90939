/**
 * `pre_sessions`: the server's side of a visitor who has no session yet (the sign-in and
 * invitation forms): the SHA-256 of the cookie's random id, the CSRF token its forms carry, and
 * when it expires. A cookie the server never issued opens nothing. Rows that matter for an hour
 * or two (expired ones are purged as new ones open): never copied or backed up, so that a store
 * whose sign-in form was merely shown is still empty for a restore.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function preSessionsMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('pre_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pre_sessions_expires_idx').on('pre_sessions').column('expires_at').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('pre_sessions').ifExists().execute();
    },
  };
}
