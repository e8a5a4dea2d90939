import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { openTempStore } from '../test-support/temp-store.js';
import { openStore } from './db.js';
import { createDialect } from './dialect.js';
import { migrationNames } from './migrations/index.js';
import { countRows } from './summary.js';

describe('openStore', () => {
  it('creates every table, with WAL and foreign keys on', async () => {
    const { db } = await openTempStore();
    expect(Object.values(await countRows(db)).every((n) => n === 0)).toBe(true);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    const keys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(keys.rows[0]?.foreign_keys).toBe(1);
  });

  it('opens an existing store again without migrating twice', async () => {
    const first = await openTempStore();
    await first.close();
    const again = await openStore(loadConfig({ DATABASE_URL: first.path }));
    const migrations = await again.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(migrations.map((row) => (row as { name: string }).name).sort()).toEqual(migrationNames(createDialect({ kind: 'sqlite', path: ':memory:' })));
    await again.close();
  });

  it('opens a SQLite store at once while another connection writes (an import in another process), instead of failing after the busy timeout', async () => {
    const first = await openTempStore();
    const writer = new Sqlite(first.path);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      const second = await openStore(loadConfig({ DATABASE_URL: first.path }));
      expect(performance.now() - started).toBeLessThan(2500); // not the 5 s busy timeout, nor its "database is locked"
      await second.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('says clearly when a PostgreSQL server cannot be reached', async () => {
    await expect(openStore(loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }))).rejects.toMatchObject({
      code: 'store',
      message: expect.stringContaining('cannot open the PostgreSQL store'),
    });
  });
});

describe.each(ENGINES)('openStore on %s', (engine) => {
  it('creates every table, empty, and migrates once', async () => {
    const { db, url } = await openEngineStore(engine);
    expect(Object.values(await countRows(db)).every((n) => n === 0)).toBe(true);
    const again = await openStore(loadConfig({ DATABASE_URL: url }));
    const names = await again.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(names.map((row) => (row as { name: string }).name).sort()).toEqual(migrationNames(createDialect({ kind: 'sqlite', path: ':memory:' })));
    await again.close();
  });
});
