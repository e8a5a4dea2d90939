/**
 * Indexes for the site's per-record reads (see src/web/data/directory.ts): a collectivity's
 * partnerships, the partnerships and projects of a domain, the book's order, and the counts. Without them
 * each of those pages scans the whole directory, which at 100 000 partnerships is seconds.
 */
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const INDEXES: readonly { name: string; table: string; columns: string[] }[] = [
  { name: 'partnership_parties_collectivity_idx', table: 'partnership_parties', columns: ['directory_id', 'collectivity_id', 'partnership_id'] },
  { name: 'partnership_domains_domain_idx', table: 'partnership_domains', columns: ['directory_id', 'domain_code', 'partnership_id'] },
  { name: 'project_domains_domain_idx', table: 'project_domains', columns: ['directory_id', 'domain_code', 'project_id'] },
  { name: 'partnerships_position_idx', table: 'partnerships', columns: ['directory_id', 'position'] },
  // a partnership's place and tier without reading its (wide) row: lists of refs, the book's order
  { name: 'partnerships_head_idx', table: 'partnerships', columns: ['directory_id', 'id', 'position', 'tier'] },
  // covering the counts by tier, status and PAD: read from the index, not from the wide rows
  { name: 'partnerships_tier_idx', table: 'partnerships', columns: ['directory_id', 'tier', 'position'] },
  { name: 'projects_status_idx', table: 'projects', columns: ['directory_id', 'status', 'pad_cofinanced', 'partnership_id'] },
];

export function siteIndexesMigration(): Migration {
  return {
    async up(db: AnyDb) {
      for (const index of INDEXES) await db.schema.createIndex(index.name).ifNotExists().on(index.table).columns(index.columns).execute();
    },
    async down(db: AnyDb) {
      for (const index of INDEXES) await db.schema.dropIndex(index.name).ifExists().execute();
    },
  };
}
