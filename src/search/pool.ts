/**
 * `openSearcher`: searches run in a pool of worker threads, each with its own read-only SQLite
 * connection, so that a heavy search never blocks the thread serving the other pages
 * (better-sqlite3 is synchronous). Queries wait in one queue and go to the first idle worker.
 *
 * The worker is the compiled `worker.js` next to this module in production; when this module
 * runs from its TypeScript source (tsx, Vitest), `worker.ts` is started with tsx's loader.
 */
import { availableParallelism } from 'node:os';
import Sqlite from 'better-sqlite3';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RepertoireError } from '../errors.js';
import { SearchEngine, type EngineOptions, type LoadedIndex } from './engine.js';
import { sanitizeQuery } from './params.js';
import { readRows } from './read.js';
import { statementKeeper } from '../store/statements.js';
import type { SearchQuery, SearchResult, SearchTally, Searcher, SearcherOptions } from './types.js';

/** A search, or a read-only statement to run on the worker's connection. */
type Work =
  | { query: SearchQuery; directoryId: string | undefined; today: string | undefined }
  | { tally: { query: SearchQuery; directoryId: string | undefined; rankLimit: number; today: string | undefined } }
  | { read: { sql: string; parameters: readonly unknown[] } };

interface Task {
  id: number;
  work: Work;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

type Reply = { id: number; result: SearchResult | SearchTally | undefined } | { id: number; rows: unknown[] } | { id: number; error: string } | { loaded: LoadedIndex };

/**
 * One search thread per core but one, at least one and at most two: the serving thread keeps a
 * core for the pages (measured on 2 cores at 1 000 000 projects: one worker gave 57 % of a plain
 * loop's searches per second and 376 MB peak, two gave 44 % and 468 MB).
 */
const DEFAULT_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** without Node flags (tests, the benches in process); `repertoire serve` sets a smaller one for every thread (src/cli/main.ts) */
const YOUNG_GENERATION_MB = 4;

export async function openSearcher(options: SearcherOptions & Pick<EngineOptions, 'cache'>): Promise<Searcher> {
  const count = Math.max(0, Math.min(16, Math.trunc(options.workers ?? DEFAULT_WORKERS)));
  if (count === 0) return localSearcher(options);
  return WorkerPool.start(options.databasePath, count, options.cache);
}

/** Searches on the calling thread: for tests, scripts and the bench's plain loop. */
export function localSearcher(options: { databasePath: string } & Pick<EngineOptions, 'cache'>): Searcher {
  const db = openReadOnly(options.databasePath);
  const engine = new SearchEngine(db, options);
  const statements = statementKeeper(db);
  return {
    search: async (query, directoryId, today) => engine.search(query, directoryId, today),
    tally: async (query, directoryId, rankLimit, today) => engine.tally(query, directoryId, rankLimit, today),
    read: async (sql, parameters) => readRows(statements, sql, parameters),
    close: async () => {
      db.close();
    },
  };
}

function openReadOnly(path: string): Sqlite.Database {
  try {
    const db = new Sqlite(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new RepertoireError('store', `cannot open the SQLite store ${path} for searching: ${(error as Error).message}`, 500, { cause: error });
  }
}

/**
 * The compiled worker next to this module; from sources, a small bootstrap that registers tsx's
 * loader in the worker before importing `worker.ts` (on Node 20, `execArgv: ['--import', 'tsx']`
 * does not reach a worker's own entry module: it fails with "Unknown file extension .ts").
 */
function workerSpec(): { entry: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./worker.js', import.meta.url), eval: false };
  const source = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return { entry: code, eval: true };
}

function tsxApi(): string {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      // fall through
    }
  }
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  return new URL('./dist/esm/api/index.mjs', pathToFileURL(manifest)).href;
}

class WorkerPool implements Searcher {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** the latest index each directory was loaded as, in shared memory, for every worker */
  private readonly loaded = new Map<string, LoadedIndex>();

  private constructor(
    private readonly databasePath: string,
    private readonly cache: boolean | undefined,
  ) {}

  static async start(databasePath: string, count: number, cache: boolean | undefined): Promise<WorkerPool> {
    openReadOnly(databasePath).close(); // fail here, with a clear message, if the store cannot be read
    const pool = new WorkerPool(databasePath, cache);
    try {
      await Promise.all(Array.from({ length: count }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    // load the default directory's index now, in one worker, which shares it with the others before any
    // search reaches them (two workers loading at once would hold two copies until their next full GC)
    await pool.search({ q: '', filters: {}, sort: 'relevance', page: 1, perPage: 1 }).catch(() => undefined);
    return pool;
  }

  private spawn(): Promise<void> {
    const spec = workerSpec();
    const worker = new Worker(spec.entry, {
      eval: spec.eval,
      workerData: { databasePath: this.databasePath, cache: this.cache },
      // a search makes short-lived bitsets of 140 KB: a small young generation collects them soon
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, task: undefined };
    this.slots.push(slot);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: { ready: boolean; error?: string } | Reply) => {
        if ('ready' in message) {
          if (message.ready) {
            ready = true;
            for (const index of this.loaded.values()) worker.postMessage({ install: index });
            resolve();
            this.dispatch();
          } else reject(new RepertoireError('store', `search worker failed to start: ${message.error ?? 'unknown error'}`, 500));
          return;
        }
        if ('loaded' in message) {
          const known = this.loaded.get(message.loaded.directoryId);
          if (known !== undefined && known.stamp === message.loaded.stamp) {
            worker.postMessage({ install: known }); // two workers loaded the same build at once: keep one copy
          } else {
            this.loaded.set(message.loaded.directoryId, message.loaded);
            for (const other of this.slots) if (other !== slot) other.worker.postMessage({ install: message.loaded });
          }
          return;
        }
        const task = slot.task;
        slot.task = undefined;
        if (task !== undefined && task.id === message.id) {
          if ('error' in message) task.reject(new RepertoireError('store', `${'read' in task.work ? 'a read' : 'tally' in task.work ? 'a search\'s tally' : 'search'} failed: ${message.error}`, 500));
          else task.resolve('rows' in message ? message.rows : message.result);
        }
        this.dispatch();
      });
      const fail = (error: Error) => {
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        slot.task?.reject(new RepertoireError('store', `search worker stopped: ${error.message}`, 500, { cause: error }));
        slot.task = undefined;
        if (!ready) reject(error);
        else if (!this.closed) {
          // replace it, and carry on with the queue
          this.spawn().catch((spawnError: Error) => {
            for (const task of this.queue.splice(0)) task.reject(spawnError);
          });
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.closed && this.slots.includes(slot)) fail(new Error(`exited with code ${code}`));
      });
    });
  }

  search(query: SearchQuery, directoryId?: string, today?: string): Promise<SearchResult> {
    if (this.closed) return Promise.reject(new RepertoireError('store', 'the searcher is closed', 500));
    // cleaned here: what is posted to a worker must be plain data
    const clean = sanitizeQuery(query);
    return this.run<SearchResult>({ query: clean.query, directoryId: typeof directoryId === 'string' ? directoryId : undefined, today }).then((result) => {
      result.notices = [...clean.notices.filter((n) => !result.notices.includes(n)), ...result.notices];
      return result;
    });
  }

  /** A query's tallies, summed on a worker (which keeps them once read: tens of megabytes at 1 000 000 projects). */
  tally(query: SearchQuery, directoryId: string | undefined, rankLimit: number, today?: string): Promise<SearchTally | undefined> {
    if (this.closed) return Promise.reject(new RepertoireError('store', 'the searcher is closed', 500));
    return this.run<SearchTally | undefined>({ tally: { query: sanitizeQuery(query).query, directoryId, rankLimit, today } });
  }

  /** A read-only statement on a worker's connection: long counts leave the serving thread free (they wait behind searches). */
  read(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new RepertoireError('store', 'the searcher is closed', 500));
    return this.run<unknown[]>({ read: { sql, parameters: [...parameters] } });
  }

  private run<T>(work: Work): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, work, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task !== undefined) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, ...task.work });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new RepertoireError('store', 'the searcher was closed', 500);
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const slot of this.slots) slot.task?.reject(error);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }
}
