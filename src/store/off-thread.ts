/**
 * A read-only Kysely over a SQLite store whose statements run elsewhere: on the search thread's
 * connection (`Searcher.read`). The counts of a whole directory (the pages' figures, the census
 * snapshot: seconds at 1 000 000 projects) would otherwise run on the serving thread, where
 * better-sqlite3 cannot be interrupted: every page would wait for them after each change of the
 * store. The same queries, compiled as for SQLite; writes and transactions are refused.
 */
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { RepertoireError } from '../errors.js';
import type { Database } from './tables.js';

export type ReadRows = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

class OffThreadConnection implements DatabaseConnection {
  constructor(private readonly read: ReadRows) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.read(compiled.sql, compiled.parameters)) as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw readOnly();
  }
}

function readOnly(): RepertoireError {
  return new RepertoireError('store', 'this connection only reads, and not in a transaction', 500);
}

class OffThreadDriver implements Driver {
  private readonly connection: OffThreadConnection;

  constructor(read: ReadRows) {
    this.connection = new OffThreadConnection(read);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw readOnly();
  }
  async commitTransaction(): Promise<void> {
    throw readOnly();
  }
  async rollbackTransaction(): Promise<void> {
    throw readOnly();
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** Reads through `read`; closing it closes nothing (the searcher owns the connection). */
export function offThreadReader(read: ReadRows): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new OffThreadDriver(read),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
