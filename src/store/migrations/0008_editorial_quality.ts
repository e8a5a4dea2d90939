/**
 * Records an editor would sign (issue 17): people's civilities as printed, the funder each funding
 * line points to (an id of the funder registry, or a party's collectivity), the rule that derived a
 * project's domains when the print gave them only by its heading or its partnership, and the
 * data-quality findings an editor accepted (hidden from the desk from then on).
 * All additions are nullable columns or a new table: a store of 0006 reads as before.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function editorialQualityMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('collectivities').addColumn('executive_civility', 'text').execute();
      await db.schema.alterTable('partnership_parties').addColumn('executive_civility', 'text').execute();
      await db.schema.alterTable('contacts').addColumn('civility', 'text').execute();
      await db.schema.alterTable('funding_lines').addColumn('funder_id', 'text').execute();
      await db.schema.alterTable('projects').addColumn('domain_rule', 'text').execute();
      await db.schema
        .createTable('quality_acceptances')
        .addColumn('directory_id', 'text', (c) => c.notNull())
        .addColumn('finding_key', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text', (c) => c.notNull())
        .addColumn('accepted_by', 'text')
        .addPrimaryKeyConstraint('quality_acceptances_pk', ['directory_id', 'finding_key'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('quality_acceptances').ifExists().execute();
      await db.schema.alterTable('projects').dropColumn('domain_rule').execute();
      await db.schema.alterTable('funding_lines').dropColumn('funder_id').execute();
      await db.schema.alterTable('contacts').dropColumn('civility').execute();
      await db.schema.alterTable('partnership_parties').dropColumn('executive_civility').execute();
      await db.schema.alterTable('collectivities').dropColumn('executive_civility').execute();
    },
  };
}
