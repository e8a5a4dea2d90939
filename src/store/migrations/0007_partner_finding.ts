/**
 * Indexes for finding partners (src/partners/): the projects of one funder (similar projects look
 * for other projects with the same funder; without it each lookup scans every funding line of the
 * directory, millions at 1 000 000 projects), and the contacts of one collectivity (whom to
 * contact at a suggested partner).
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function partnerFindingMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.createIndex('funding_lines_funder_idx').ifNotExists().on('funding_lines').columns(['directory_id', 'funder', 'project_id']).execute();
      await db.schema.createIndex('contacts_collectivity_idx').ifNotExists().on('contacts').columns(['directory_id', 'collectivity_id']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('funding_lines_funder_idx').ifExists().execute();
      await db.schema.dropIndex('contacts_collectivity_idx').ifExists().execute();
    },
  };
}
