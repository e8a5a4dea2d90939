/**
 * `sign_in_gates`: one row per e-mail typed at the sign-in and per client address. A sign-in
 * writes its rows first in the short transaction that counts the failures and reserves its
 * attempt, so that two sign-ins for the same account, or from the same address, count one after
 * the other on both engines (a row lock on PostgreSQL, the write lock on SQLite). Rows that
 * matter for minutes: never copied or backed up.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function signInGatesMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('sign_in_gates')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('touched_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('sign_in_gates').ifExists().execute();
    },
  };
}
