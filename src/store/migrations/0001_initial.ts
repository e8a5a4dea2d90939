/**
 * The first schema. A shipped migration never changes: later changes are new migrations.
 * Only Kysely's schema builder is used, so the same migration runs on SQLite and PostgreSQL;
 * the one difference (auto-numbered ids) comes from the dialect.
 */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../dialect.js';

// Migrations see the database as it was then, not as `tables.ts` describes it today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Table = CreateTableBuilder<string, string>;

const REAL = 'double precision'; // 8-byte on both engines (PostgreSQL's `real` is 4-byte)

/** The table belongs to one directory, and goes with it. */
const inDirectory = (t: Table) =>
  t.addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'));

const withSource = (t: Table) =>
  t
    .addColumn('source_document', 'text')
    .addColumn('source_first_line', 'integer')
    .addColumn('source_last_line', 'integer')
    .addColumn('source_page', 'integer');

/** A sum of money in four columns; `text` is the amount as written in the source. */
const withMoney = (t: Table, prefix: '' | 'total_cost_', required: boolean) =>
  t
    .addColumn(`${prefix}amount`, REAL, (c) => (required ? c.notNull() : c))
    .addColumn(`${prefix}currency`, 'text', (c) => (required ? c.notNull() : c))
    .addColumn(`${prefix}approximate`, 'integer')
    .addColumn(prefix === '' ? 'amount_text' : `${prefix}text`, 'text');

/** A table of the rows of an ordered list belonging to a partnership or a project. */
const childTable = (db: AnyDb, name: string, parentTable: 'partnerships' | 'projects', parentColumn: string) =>
  inDirectory(db.schema.createTable(name))
    .addColumn(parentColumn, 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['directory_id', parentColumn, 'position'])
    .addForeignKeyConstraint(`${name}_parent_fk`, ['directory_id', parentColumn], parentTable, ['directory_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    );

const refersTo = (t: Table, name: string, column: string, table: 'collectivities' | 'domains') =>
  t.addForeignKeyConstraint(name, ['directory_id', column], table, ['directory_id', table === 'domains' ? 'code' : 'id']);

export function initialMigration(dialect: Pick<StoreDialect, 'identity'>): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('directories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('explicit_id', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('countries', 'text', (c) => c.notNull())
        .addColumn('edition', 'text')
        .addColumn('publishers', 'text')
        .addColumn('language', 'text')
        .addColumn('source', 'text')
        .execute();

      await inDirectory(db.schema.createTable('domains'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('parent', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('domains_pk', ['directory_id', 'code'])
        // deferred: a child may be written before its parent within one save
        .addForeignKeyConstraint('domains_parent_fk', ['directory_id', 'parent'], 'domains', ['directory_id', 'code'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .execute();

      await inDirectory(db.schema.createTable('collectivities'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('population', 'integer')
        .addColumn('population_year', 'integer')
        .addColumn('executive_name', 'text')
        .addColumn('executive_title', 'text')
        .addColumn('address', 'text')
        .addColumn('phones', 'text')
        .addColumn('faxes', 'text')
        .addColumn('emails', 'text')
        .addColumn('websites', 'text')
        .addColumn('lat', REAL)
        .addColumn('lon', REAL)
        .addColumn('region', 'text')
        .addColumn('aliases', 'text')
        .addPrimaryKeyConstraint('collectivities_pk', ['directory_id', 'id'])
        .execute();

      await withSource(
        inDirectory(db.schema.createTable('partnerships'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('tier', 'text', (c) => c.notNull())
          .addColumn('section', 'text')
          .addColumn('legal_framework', 'text')
          .addColumn('framework_kind', 'text')
          .addColumn('date_text', 'text')
          .addColumn('signed_date', 'text')
          .addColumn('history', 'text')
          .addColumn('domains_text', 'text')
          .addColumn('human_resources', 'text')
          .addColumn('other_partnerships', 'text')
          .addColumn('notes', 'text'),
      )
        .addPrimaryKeyConstraint('partnerships_pk', ['directory_id', 'id'])
        .execute();

      await refersTo(
        childTable(db, 'partnership_parties', 'partnerships', 'partnership_id')
          .addColumn('collectivity_id', 'text', (c) => c.notNull())
          .addColumn('country', 'text', (c) => c.notNull())
          .addColumn('executive_name', 'text')
          .addColumn('executive_title', 'text'),
        'partnership_parties_collectivity_fk',
        'collectivity_id',
        'collectivities',
      ).execute();

      await refersTo(
        childTable(db, 'partnership_domains', 'partnerships', 'partnership_id').addColumn('domain_code', 'text', (c) =>
          c.notNull(),
        ),
        'partnership_domains_domain_fk',
        'domain_code',
        'domains',
      ).execute();

      await refersTo(
        withMoney(childTable(db, 'partnership_budgets', 'partnerships', 'partnership_id'), '', true)
          .addColumn('collectivity_id', 'text')
          .addColumn('period', 'text')
          .addColumn('text', 'text'),
        'partnership_budgets_collectivity_fk',
        'collectivity_id',
        'collectivities',
      ).execute();

      await refersTo(
        childTable(db, 'contacts', 'partnerships', 'partnership_id')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('kind', 'text')
          .addColumn('collectivity_id', 'text')
          .addColumn('organization', 'text')
          .addColumn('phones', 'text')
          .addColumn('faxes', 'text')
          .addColumn('emails', 'text')
          .addColumn('address', 'text'),
        'contacts_collectivity_fk',
        'collectivity_id',
        'collectivities',
      ).execute();

      await withSource(
        withMoney(
          inDirectory(db.schema.createTable('projects'))
            .addColumn('id', 'text', (c) => c.notNull())
            .addColumn('partnership_id', 'text', (c) => c.notNull())
            .addColumn('position', 'integer', (c) => c.notNull())
            .addColumn('title', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('themes', 'text')
            .addColumn('period_text', 'text')
            .addColumn('start_date', 'text')
            .addColumn('end_date', 'text')
            .addColumn('duration_months', 'integer')
            .addColumn('pad_cofinanced', 'integer')
            .addColumn('objectives', 'text')
            .addColumn('description', 'text'),
          'total_cost_',
          false,
        )
          .addColumn('funding_text', 'text')
          .addColumn('expected_results', 'text')
          .addColumn('obtained_results', 'text')
          .addColumn('beneficiaries', 'text')
          .addColumn('observations', 'text'),
      )
        .addPrimaryKeyConstraint('projects_pk', ['directory_id', 'id'])
        .addForeignKeyConstraint('projects_partnership_fk', ['directory_id', 'partnership_id'], 'partnerships', ['directory_id', 'id'], (fk) =>
          fk.onDelete('cascade'),
        )
        .execute();
      await db.schema.createIndex('projects_partnership_idx').on('projects').columns(['directory_id', 'partnership_id']).execute();

      await refersTo(
        childTable(db, 'project_domains', 'projects', 'project_id').addColumn('domain_code', 'text', (c) => c.notNull()),
        'project_domains_domain_fk',
        'domain_code',
        'domains',
      ).execute();

      await refersTo(
        childTable(db, 'project_partners', 'projects', 'project_id')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('country', 'text')
          .addColumn('collectivity_id', 'text')
          .addColumn('contact', 'text'),
        'project_partners_collectivity_fk',
        'collectivity_id',
        'collectivities',
      ).execute();

      await refersTo(
        withMoney(childTable(db, 'funding_lines', 'projects', 'project_id'), '', false)
          .addColumn('funder', 'text', (c) => c.notNull())
          .addColumn('funder_collectivity_id', 'text')
          .addColumn('share', REAL)
          .addColumn('contribution', 'text')
          .addColumn('text', 'text'),
        'funding_lines_funder_fk',
        'funder_collectivity_id',
        'collectivities',
      ).execute();

      // Provenance is polymorphic (collectivities, contacts, funding lines…): no foreign key.
      await inDirectory(db.schema.createTable('sources'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('first_line', 'integer', (c) => c.notNull())
        .addColumn('last_line', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sources_pk', ['directory_id', 'position'])
        .execute();
      await db.schema.createIndex('sources_record_idx').on('sources').columns(['directory_id', 'record_type', 'record_id']).execute();

      await db.schema
        .createTable('import_reports')
        .addColumn('id', 'integer', dialect.identity)
        .addColumn('directory_id', 'text', (c) => c.notNull().references('directories.id').onDelete('cascade'))
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('created', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('removed', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
