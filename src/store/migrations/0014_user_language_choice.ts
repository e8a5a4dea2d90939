/**
 * A member's chosen language (issue 16): once they pick it on their account page, signing in
 * on another language's site no longer changes it (`language_chosen_at` set). Null: never
 * chosen, the language follows the pages they sign in on, as migration 0012 began.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function userLanguageChoiceMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('users').addColumn('language_chosen_at', 'text').execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('users').dropColumn('language_chosen_at').execute();
    },
  };
}
