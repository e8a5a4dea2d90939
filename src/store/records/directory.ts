/** The directory edition a document describes: one row, the scope of all other records. */
import type { Kysely, Selectable } from 'kysely';
import type { Directory } from '../../model/schema.js';
import { decodeJson, encodeJson, orNull, orUndefined, present } from '../codec.js';
import type { Database, DirectoryTable } from '../tables.js';
import { slugOf } from '../../text/fold.js';

/**
 * The directory's key in the store: its id, or when the document gives none, a slug of its
 * title and edition, so that re-importing the same edition finds the same records.
 */
export function directoryKey(directory: Directory): string {
  return directory.id ?? (slugOf([directory.title, directory.edition].filter(Boolean).join(' '), 200) || 'directory');
}

export function directoryRow(directory: Directory): DirectoryTable {
  return {
    id: directoryKey(directory),
    explicit_id: directory.id === undefined ? 0 : 1,
    title: directory.title,
    countries: encodeJson(directory.countries) ?? '[]',
    edition: orNull(directory.edition),
    publishers: encodeJson(directory.publishers),
    language: orNull(directory.language),
    source: encodeJson(directory.source),
  };
}

export function directoryFrom(row: Selectable<DirectoryTable>): Directory {
  return present({
    id: row.explicit_id ? row.id : undefined,
    title: row.title,
    countries: decodeJson<string[]>(row.countries) ?? [],
    edition: orUndefined(row.edition),
    publishers: decodeJson<string[]>(row.publishers),
    language: orUndefined(row.language),
    source: decodeJson<Directory['source']>(row.source),
  });
}

export async function listDirectoryIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('directories').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

export async function readDirectory(db: Kysely<Database>, id: string): Promise<Directory | undefined> {
  const row = await db.selectFrom('directories').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : directoryFrom(row);
}
