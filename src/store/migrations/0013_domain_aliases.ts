/**
 * One label, one domain (issue 17): a domain keeps the codes merged into it (`aliases`, JSON), and
 * a store filled before is unified as a new import would be (model/domain-labels.ts): in the 2008
 * directory "Eau & assainissement" under Environnement becomes the urban water domain, its
 * partnerships and projects filed there (once), its code an alias that the site redirects; each
 * "Autres" takes its parent's name. Down drops the column only: merged domains stay merged.
 */
import type { Kysely, Migration } from 'kysely';
import { unifyDomains } from '../../model/domain-labels.js';
import type { Domain } from '../../model/schema.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface DomainRow {
  directory_id: string;
  code: string;
  label: string;
  parent: string | null;
  aliases: string | null;
}

export function domainAliasesMigration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('domains').addColumn('aliases', 'text').execute();
      await unifyStoredDomains(db);
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('domains').dropColumn('aliases').execute();
    },
  };
}

/** Every directory's taxonomy of the store, one label one domain (exported for its test). */
export async function unifyStoredDomains(db: AnyDb): Promise<void> {
  const rows = (await db.selectFrom('domains').select(['directory_id', 'code', 'label', 'parent', 'aliases']).orderBy('directory_id').orderBy('position').execute()) as DomainRow[];
  const byDirectory = new Map<string, Domain[]>();
  for (const row of rows) byDirectory.set(row.directory_id, [...(byDirectory.get(row.directory_id) ?? []), {
      code: row.code,
      label: row.label,
      ...(row.parent === null ? {} : { parent: row.parent }),
      ...(row.aliases === null ? {} : { aliases: JSON.parse(row.aliases) as string[] }),
    }]);
  for (const [directoryId, domains] of byDirectory) await unifyStored(db, directoryId, domains);
}

async function unifyStored(db: AnyDb, directoryId: string, printed: readonly Domain[]): Promise<void> {
  const { domains, renamed } = unifyDomains(printed);
  for (const [from, to] of renamed) {
    for (const [table, owner] of [['partnership_domains', 'partnership_id'], ['project_domains', 'project_id']] as const) {
      // a record filed under both keeps one row: the merged domain's
      const both = db.selectFrom(`${table} as kept`).select(`kept.${owner}`).where('kept.directory_id', '=', directoryId).where('kept.domain_code', '=', to);
      await db.deleteFrom(table).where('directory_id', '=', directoryId).where('domain_code', '=', from).where(owner, 'in', both).execute();
      await db.updateTable(table).set({ domain_code: to }).where('directory_id', '=', directoryId).where('domain_code', '=', from).execute();
    }
    await db.deleteFrom('domains').where('directory_id', '=', directoryId).where('code', '=', from).execute();
  }
  const before = new Map(printed.map((d) => [d.code, d]));
  for (const d of domains) {
    const was = before.get(d.code);
    if (d.label === was?.label && JSON.stringify(d.aliases) === JSON.stringify(was.aliases)) continue;
    await db
      .updateTable('domains')
      .set({ label: d.label, aliases: d.aliases === undefined ? null : JSON.stringify(d.aliases) })
      .where('directory_id', '=', directoryId)
      .where('code', '=', d.code)
      .execute();
  }
}
