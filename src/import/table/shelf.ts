/**
 * Where a table's records wait while its rows are read: a private temporary SQLite database
 * (better-sqlite3's empty file name: on disk once larger than its small cache, deleted when
 * closed), not the heap. A table of a million rows makes a million partnerships and as many
 * collectivities: about 1 KB each as objects, a gigabyte; on a shelf, a few megabytes of cache.
 * Each shelf is a map of JSON values by key that keeps the order keys were first set in.
 */
import Sqlite from 'better-sqlite3';

/** Sets between commits: the scratch database's transactions only make its writes cheaper. */
const SETS_PER_COMMIT = 5_000;

export class Shelves {
  private readonly db = new Sqlite('');
  private sets = 0;
  private open = true;

  constructor() {
    // A scratch file: nothing to recover after a crash, nothing to sync.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -8000');
    this.db.exec('BEGIN');
  }

  shelf<T>(name: string): Shelf<T> {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`a shelf's name is a word: ${name}`);
    this.db.exec(`CREATE TABLE ${name} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    return new Shelf<T>(this.db, name, () => this.wrote());
  }

  /** Deletes the scratch database. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.db.close();
  }

  private wrote(): void {
    this.sets += 1;
    if (this.sets % SETS_PER_COMMIT === 0) this.db.exec('COMMIT; BEGIN');
  }
}

export class Shelf<T> implements Iterable<[string, T]> {
  private readonly getOne: Sqlite.Statement<[string], { value: string }>;
  private readonly setOne: Sqlite.Statement<[string, string]>;
  private readonly count: Sqlite.Statement<[], { n: number }>;
  private readonly page: Sqlite.Statement<[number, number], { rowid: number; key: string; value: string }>;

  constructor(
    db: Sqlite.Database,
    table: string,
    private readonly wrote: () => void,
  ) {
    this.getOne = db.prepare(`SELECT value FROM ${table} WHERE key = ?`);
    // An update keeps the row's rowid: the order of first setting stays.
    this.setOne = db.prepare(`INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    this.count = db.prepare(`SELECT count(*) AS n FROM ${table}`);
    this.page = db.prepare(`SELECT rowid, key, value FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  }

  get(key: string): T | undefined {
    const row = this.getOne.get(key);
    return row === undefined ? undefined : (JSON.parse(row.value) as T);
  }

  has(key: string): boolean {
    return this.getOne.get(key) !== undefined;
  }

  set(key: string, value: T): this {
    this.setOne.run(key, JSON.stringify(value));
    this.wrote();
    return this;
  }

  get size(): number {
    return this.count.get()!.n;
  }

  /** The values in the order their keys were first set, `size` at a time. */
  *chunks(size: number): Generator<[string, T][]> {
    let after = 0;
    for (;;) {
      const rows = this.page.all(after, size);
      if (rows.length === 0) return;
      after = rows.at(-1)!.rowid;
      yield rows.map((row) => [row.key, JSON.parse(row.value) as T]);
    }
  }

  *entries(): Generator<[string, T]> {
    for (const chunk of this.chunks(1_000)) yield* chunk;
  }

  *values(): Generator<T> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): Iterator<[string, T]> {
    return this.entries();
  }
}
