/**
 * How the store's cache tables (stamped-cache.ts, partner-cache.ts, stats/kept-pairs.ts) are made
 * ready: created on first use, not by the migrations, since they hold nothing that cannot be
 * computed again and are never backed up. One way for all of them: a read-only store (a replica,
 * read-only.ts) only looks whether the writer's tables are there; another creates them, and when
 * the create fails (two processes creating at once on PostgreSQL, a role without the right) the
 * tables answer if they are there all the same.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import { isReadOnly } from './read-only.js';
import type { Database } from './tables.js';

type Db = Kysely<Database>;

/** `ready(db)`: whether the tables are there to read and write, asked once per store handle. */
export function cacheTables(create: (db: Db) => Promise<unknown>, present: (db: Db) => Promise<unknown>): (db: Db) => Promise<boolean> {
  const ready = new WeakMap<Db, Promise<boolean>>();
  const there = (db: Db) =>
    present(db).then(
      () => true,
      () => false,
    );
  return (db) => {
    let known = ready.get(db);
    if (known === undefined) {
      known = isReadOnly(db) ? there(db) : create(db).then(() => true, () => there(db));
      ready.set(db, known);
    }
    return known;
  };
}

/** The columns of a table of one body per directory, valid for one version stamp and one format of the body. */
export function stampedColumns<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('directory_id', 'text', (c) => c.primaryKey())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull());
}
