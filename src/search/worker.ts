/** A search worker thread: its own read-only connection and engine; answers one query at a time. */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { SearchEngine, type LoadedIndex } from './engine.js';
import { statementKeeper } from '../store/statements.js';
import { readRows } from './read.js';
import type { SearchQuery } from './types.js';

interface Data {
  databasePath: string;
  cache?: boolean;
}

type Request =
  | { id: number; query: SearchQuery; directoryId?: string; today?: string }
  | { id: number; read: { sql: string; parameters: unknown[] } }
  | { id: number; tally: { query: SearchQuery; directoryId?: string; rankLimit: number; today?: string } }
  | { install: LoadedIndex };

const { databasePath, cache } = workerData as Data;
const port = parentPort!;

/**
 * Searches give way to the serving thread: a record page must not wait behind a heavy search for
 * a core. On Linux a thread's nice value is its own (setpriority on the calling thread); elsewhere
 * it would lower the whole process, so it is left alone there.
 */
const SEARCH_NICE = 19;
/** this thread's SQLite page cache (SQLite's build keeps 16 MB a connection) */
const SEARCH_CACHE_KB = 4096;
if (process.platform === 'linux') {
  try {
    setPriority(0, SEARCH_NICE);
  } catch {
    // not allowed here: searches keep the server's priority
  }
}

try {
  const db = new Sqlite(databasePath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // the index is in memory once loaded; the page cache only serves the posting lists read per search
  db.pragma(`cache_size = ${-SEARCH_CACHE_KB}`);
  const statements = statementKeeper(db);
  // an index this worker loads is handed to the pool, which gives it to the other workers: shared memory, loaded once
  const engine = new SearchEngine(db, { ...(cache === undefined ? {} : { cache }), onLoad: (index) => port.postMessage({ loaded: index }) });
  port.on('message', (request: Request) => {
    if ('install' in request) {
      engine.install(request.install);
      return;
    }
    try {
      if ('read' in request) port.postMessage({ id: request.id, rows: readRows(statements, request.read.sql, request.read.parameters) });
      else if ('tally' in request) {
        const { query, directoryId, rankLimit, today } = request.tally;
        port.postMessage({ id: request.id, result: engine.tally(query, directoryId, rankLimit, today) });
      }
      else port.postMessage({ id: request.id, result: engine.search(request.query, request.directoryId, request.today) });
    } catch (error) {
      port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
}
