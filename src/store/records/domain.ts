/** Domains of intervention: a two-level taxonomy, kept in the document's order. */
import type { Kysely } from 'kysely';
import type { Domain } from '../../model/schema.js';
import { decodeJson, encodeJson, orNull, orUndefined, present } from '../codec.js';
import type { Database } from '../tables.js';
import type { RecordKind } from './kind.js';

export const domainKind: RecordKind<Domain> = {
  table: 'domains',
  key: 'code',
  children: [],
  keyOf: (domain) => domain.code,
  rows: (directoryId, { record, position }) => ({
    domains: [{ directory_id: directoryId, code: record.code, label: record.label, parent: orNull(record.parent), position, aliases: encodeJson(record.aliases) }],
  }),
};

export async function readDomains(db: Kysely<Database>, directoryId: string): Promise<Domain[]> {
  const rows = await db.selectFrom('domains').selectAll().where('directory_id', '=', directoryId).orderBy('position').execute();
  return rows.map((row) => present({ code: row.code, label: row.label, parent: orUndefined(row.parent), aliases: decodeJson<string[]>(row.aliases) }));
}
