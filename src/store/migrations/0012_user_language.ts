/**
 * A member's language (issue 16): the mail they get — invitation, reminders, password reset,
 * review decisions — is written in it. `fr` for the accounts made before; set from the page's
 * language when an account is made, when its invitation is accepted and at each sign-in.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function userLanguageMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('users').addColumn('language', 'text', (c) => c.notNull().defaultTo('fr')).execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('users').dropColumn('language').execute();
    },
  };
}
