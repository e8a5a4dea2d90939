/**
 * An index for reads across the directories of a store: where else a collectivity is (Marseille
 * in FR–MA and in FR–SN has one page listing the partnerships of both). The site's other indexes
 * start with the directory; this one starts with the collectivity.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function acrossDirectoriesMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.createIndex('collectivities_across_idx').ifNotExists().on('collectivities').columns(['id', 'country', 'directory_id']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('collectivities_across_idx').ifExists().execute();
    },
  };
}
