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

/** Every directory of the store, by id, without counting anything: what a page lists on every visit. */
export async function readDirectories(db: Kysely<Database>): Promise<{ id: string; directory: Directory }[]> {
  const rows = await db.selectFrom('directories').selectAll().orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, directory: directoryFrom(row) }));
}

/** Every directory of the store, by id, with its counts. */
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

/** A collectivity's partnerships in another directory of the store. */
export interface PartnershipsElsewhere {
  directoryId: string;
  title: string;
  edition?: string;
  countries: string[];
  /** its partnerships there, in that directory's order (at most `limit`), each with its parties' names in order */
  partnerships: { id: string; parties: string[] }[];
  total: number;
}

/**
 * Where else the collectivity `collectivityId` of `country` is party to partnerships: the other
 * directories holding a collectivity of that id (ids are the slugs the importer derives from a
 * collectivity's kind and name, so the same town read in two directories has the same id).
 */
export async function partnershipsElsewhere(
  db: Kysely<Database>,
  collectivityId: string,
  country: string,
  exceptDirectoryId: string,
  limit = 20,
): Promise<PartnershipsElsewhere[]> {
  const directories = await db
    .selectFrom('collectivities')
    .innerJoin('directories', 'directories.id', 'collectivities.directory_id')
    .select(['directories.id', 'directories.title', 'directories.edition', 'directories.countries', 'directories.explicit_id', 'directories.publishers', 'directories.language', 'directories.source'])
    .where('collectivities.id', '=', collectivityId)
    .where('collectivities.country', '=', country)
    .where('collectivities.directory_id', '<>', exceptDirectoryId)
    .orderBy('directories.id')
    .execute();
  const found = await Promise.all(
    directories.map(async (row) => {
      const rows = await db
        .selectFrom('partnership_parties as party')
        .innerJoin('partnerships', (join) => join.onRef('partnerships.id', '=', 'party.partnership_id').onRef('partnerships.directory_id', '=', 'party.directory_id'))
        .select(['partnerships.id', 'partnerships.position'])
        .distinct()
        .where('party.directory_id', '=', row.id)
        .where('party.collectivity_id', '=', collectivityId)
        .orderBy('partnerships.position')
        .execute();
      const directory = directoryFrom(row);
      const shown = rows.slice(0, limit).map((r) => r.id);
      const parties =
        shown.length === 0
          ? []
          : await db
              .selectFrom('partnership_parties as party')
              .innerJoin('collectivities as c', (join) => join.onRef('c.id', '=', 'party.collectivity_id').onRef('c.directory_id', '=', 'party.directory_id'))
              .select(['party.partnership_id', 'party.position', 'c.name', 'c.short_name'])
              .where('party.directory_id', '=', row.id)
              .where('party.partnership_id', 'in', shown)
              .orderBy('party.partnership_id')
              .orderBy('party.position')
              .execute();
      const names = new Map<string, string[]>();
      for (const p of parties) names.set(p.partnership_id, [...(names.get(p.partnership_id) ?? []), p.short_name ?? p.name]);
      return {
        directoryId: row.id,
        title: directory.title,
        ...(directory.edition !== undefined ? { edition: directory.edition } : {}),
        countries: directory.countries,
        partnerships: shown.map((id) => ({ id, parties: names.get(id) ?? [] })),
        total: rows.length,
      };
    }),
  );
  return found.filter((entry) => entry.total > 0);
}
