/**
 * The directories a store holds, with what each contains: what `repertoire directories` prints
 * and what lets a site with several directories list them. Counts come from grouped reads (one
 * per table), so listing costs the same with one directory or twenty-five.
 */
import type { Kysely } from 'kysely';
import type { Directory } from '../model/schema.js';
import { directoryFrom } from './records/directory.js';
import type { Database } from './tables.js';

export interface DirectoryListing {
  /** the store's key of the directory: what `--directory ID` takes */
  id: string;
  directory: Directory;
  partnerships: number;
  projects: number;
  collectivities: number;
}

type CountedTable = 'partnerships' | 'projects' | 'collectivities';

async function countsByDirectory(db: Kysely<Database>, table: CountedTable): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(table)
    .select(['directory_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('directory_id')
    .execute();
  return new Map(rows.map((row) => [row.directory_id, Number(row.n)])); // PostgreSQL counts are bigint strings
}

/** Every directory of the store, by id. */
export async function listDirectories(db: Kysely<Database>): Promise<DirectoryListing[]> {
  const [rows, partnerships, projects, collectivities] = await Promise.all([
    db.selectFrom('directories').selectAll().orderBy('id').execute(),
    countsByDirectory(db, 'partnerships'),
    countsByDirectory(db, 'projects'),
    countsByDirectory(db, 'collectivities'),
  ]);
  return rows.map((row) => ({
    id: row.id,
    directory: directoryFrom(row),
    partnerships: partnerships.get(row.id) ?? 0,
    projects: projects.get(row.id) ?? 0,
    collectivities: collectivities.get(row.id) ?? 0,
  }));
}
