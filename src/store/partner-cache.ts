/**
 * What the partner graph's build computes from a whole directory (a minute at 1 000 000
 * projects), kept between restarts: the graph's counts in one body (`partner_graphs`), and each
 * collectivity's suggestions in a row of its own (`partner_suggestions`), so that a restarted
 * server answers a collectivity's page with one indexed read instead of waiting for a build.
 *
 * Every row holds the version stamp of the store it was computed for (`readStamp`) and the
 * format of its body: a reader compares them with the version it serves, and a row of another
 * version is never taken for the current one. A directory's rows are replaced in one
 * transaction, the graph's row with them.
 *
 * A cache, not a record, like stamped-cache.ts: created on first use, never backed up or
 * copied; a store that cannot have it or write it still answers — reads find nothing, writes do
 * nothing. A store opened read-only (a replica) reads the writer's rows and never writes.
 */
import type { Kysely } from 'kysely';
import { cacheTables, stampedColumns } from './cache-tables.js';
import { isReadOnly } from './read-only.js';
import type { Database } from './tables.js';

type Db = Kysely<Database>;
type Tables = {
  partner_graphs: { directory_id: string; stamp: string; format: number; computed_at: string; body: string };
  partner_suggestions: { directory_id: string; collectivity_id: string; stamp: string; format: number; body: string };
};

/** The tables, by name: `synth` removes a rewritten directory's rows from each. */
export const PARTNER_CACHE_TABLES = ['partner_graphs', 'partner_suggestions'] as const;

/** Rows per insert: 5 parameters each, within SQLite's and PostgreSQL's limits. */
const ROWS_PER_INSERT = 500;

export interface KeptVersion {
  stamp: string;
  format: number;
}

const tables = (db: Db) => db.withTables<Tables>() as unknown as Kysely<Tables>;

const ensureTables = cacheTables(
  async (db) => {
    await stampedColumns(tables(db).schema.createTable('partner_graphs').ifNotExists()).execute();
    await tables(db)
      .schema.createTable('partner_suggestions')
      .ifNotExists()
      .addColumn('directory_id', 'text', (c) => c.notNull())
      .addColumn('collectivity_id', 'text', (c) => c.notNull())
      .addColumn('stamp', 'text', (c) => c.notNull())
      .addColumn('format', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('partner_suggestions_pk', ['directory_id', 'collectivity_id'])
      .execute();
  },
  (db) => Promise.all([tables(db).selectFrom('partner_graphs').select('directory_id').limit(1).execute(), tables(db).selectFrom('partner_suggestions').select('directory_id').limit(1).execute()]),
);

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The version the directory's kept graph was computed for, without its body; undefined when none is kept. */
export async function keptPartnerVersion(db: Db, directoryId: string): Promise<KeptVersion | undefined> {
  if (!(await ensureTables(db))) return undefined;
  const row = await tables(db).selectFrom('partner_graphs').select(['stamp', 'format']).where('directory_id', '=', directoryId).executeTakeFirst();
  return row === undefined ? undefined : { stamp: row.stamp, format: Number(row.format) };
}

/** The kept graph's body, if it was computed for this version and format. */
export async function readKeptGraph(db: Db, directoryId: string, version: KeptVersion): Promise<unknown> {
  if (!(await ensureTables(db))) return undefined;
  const row = await tables(db).selectFrom('partner_graphs').select(['stamp', 'format', 'body']).where('directory_id', '=', directoryId).executeTakeFirst();
  if (row === undefined || row.stamp !== version.stamp || Number(row.format) !== version.format) return undefined;
  return parse(row.body);
}

/** One collectivity's kept suggestions, with the version they were computed for (the caller compares it with its own). */
export async function readKeptSuggestions(db: Db, directoryId: string, collectivityId: string): Promise<(KeptVersion & { body: unknown }) | undefined> {
  if (!(await ensureTables(db))) return undefined;
  const row = await tables(db)
    .selectFrom('partner_suggestions')
    .select(['stamp', 'format', 'body'])
    .where('directory_id', '=', directoryId)
    .where('collectivity_id', '=', collectivityId)
    .executeTakeFirst();
  return row === undefined ? undefined : { stamp: row.stamp, format: Number(row.format), body: parse(row.body) };
}

/** Replaces the directory's kept graph and suggestions (every collectivity's, in one transaction); false when the store refused (it is left as it was). */
export async function keepPartnerGraph(
  db: Db,
  directoryId: string,
  version: KeptVersion,
  graph: unknown,
  suggestions: Iterable<readonly [collectivityId: string, body: unknown]>,
): Promise<boolean> {
  if (isReadOnly(db) || !(await ensureTables(db))) return false;
  const rows = [...suggestions].map(([collectivityId, body]) => ({
    directory_id: directoryId,
    collectivity_id: collectivityId,
    stamp: version.stamp,
    format: version.format,
    body: JSON.stringify(body),
  }));
  const graphRow = { directory_id: directoryId, stamp: version.stamp, format: version.format, computed_at: new Date().toISOString(), body: JSON.stringify(graph) };
  try {
    await tables(db)
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom('partner_suggestions').where('directory_id', '=', directoryId).execute();
        await trx.deleteFrom('partner_graphs').where('directory_id', '=', directoryId).execute();
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx.insertInto('partner_suggestions').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
        await trx.insertInto('partner_graphs').values(graphRow).execute();
      });
    return true;
  } catch {
    // a store that refuses the write (read-only) is answered all the same, from the graph in memory
    return false;
  }
}

/** Forgets the directory's kept graph and suggestions (the bench, to time a whole build). */
export async function dropKeptPartnerGraph(db: Db, directoryId: string): Promise<void> {
  if (isReadOnly(db) || !(await ensureTables(db))) return;
  await tables(db).deleteFrom('partner_suggestions').where('directory_id', '=', directoryId).execute();
  await tables(db).deleteFrom('partner_graphs').where('directory_id', '=', directoryId).execute();
}
