/** Read-only statements on a search connection (the pool's workers', or a local searcher's): see store/off-thread.ts. */
import type Sqlite from 'better-sqlite3';
import { RepertoireError } from '../errors.js';

/** Statements kept prepared per connection, by SQL text: the same few counts come back at each change of the store. */
const prepared = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>();

export function readRows(db: Sqlite.Database, sql: string, parameters: readonly unknown[]): unknown[] {
  let kept = prepared.get(db);
  if (kept === undefined) prepared.set(db, (kept = new Map()));
  let statement = kept.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (!statement.reader) throw new RepertoireError('store', 'only statements that read run on a search connection', 500);
    if (kept.size < 64) kept.set(sql, statement);
  }
  return statement.all(...parameters);
}
