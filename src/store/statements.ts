/** Prepared statements kept per SQLite connection: the store's (dialect.ts) and the search threads' (search/read.ts). */
import type Sqlite from 'better-sqlite3';

/**
 * How many prepared statements a SQLite connection keeps: the site runs a few dozen queries, some
 * with lists of every length, and a statement with hundreds of parameters weighs tens of KB of
 * malloc'd memory until it is finalised. 256 of them held 8 MB of the server's C heap after a
 * few collectivity pages at 1 000 000 projects.
 */
const STATEMENTS_KEPT = 64;

/**
 * A connection's statements kept prepared by SQL text (the most recently used): Kysely prepares
 * every query it runs, and compiling the statement cost as much as running it for a page's small
 * indexed reads. A statement still being iterated (a stream) is busy: another is prepared then.
 */
export function statementKeeper(database: Sqlite.Database): (sql: string) => Sqlite.Statement {
  const kept = new Map<string, Sqlite.Statement>();
  return (sql) => {
    const statement = kept.get(sql);
    if (statement !== undefined && !statement.busy) {
      kept.delete(sql); // most recently used last
      kept.set(sql, statement);
      return statement;
    }
    const prepared = database.prepare(sql);
    if (statement === undefined) {
      kept.set(sql, prepared);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    }
    return prepared;
  };
}
