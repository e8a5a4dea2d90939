/** Read-only statements on a search connection (the pool's workers', or a local searcher's): see store/off-thread.ts. */
import type Sqlite from 'better-sqlite3';
import { RepertoireError } from '../errors.js';

/** `prepare`: the connection's statements, kept (store/dialect.ts `statementKeeper`). */
export function readRows(prepare: (sql: string) => Sqlite.Statement, sql: string, parameters: readonly unknown[]): unknown[] {
  const statement = prepare(sql);
  if (!statement.reader) throw new RepertoireError('store', 'only statements that read run on a search connection', 500);
  return statement.all(...parameters);
}
