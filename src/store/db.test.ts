import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { openTempStore, tempDir } from '../test-support/temp-store.js';
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

describe.each(ENGINES)('openStore read-only (a replica) on %s', (engine) => {
  it('opens a current store without writing, refuses writes, and refuses a store whose schema is behind, saying what to run', async () => {
    const { url, db } = await openEngineStore(engine);
    const replica = await openStore(loadConfig({ DATABASE_URL: url, REPERTOIRE_READ_ONLY: '1' }));
    try {
      expect(replica.migrated).toEqual([]);
      expect(await countRows(replica.db)).toEqual(await countRows(db));
      // SQLite: the file opened read-only; PostgreSQL: every transaction read-only, as on a hot standby
      await expect(sql`CREATE TABLE written_by_replica (id integer)`.execute(replica.db)).rejects.toThrow(/read-?only/i);
    } finally {
      await replica.close();
    }
    await db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '0014_user_language_choice' as never).execute();
    await expect(openStore(loadConfig({ DATABASE_URL: url, REPERTOIRE_READ_ONLY: '1' }))).rejects.toMatchObject({
      code: 'store',
      message: expect.stringContaining('lacks 1 migration(s) (0014_user_language_choice): run `repertoire migrate`'),
    });
  });
});

it('refuses to open a SQLite store read-only where there is no file, rather than creating one', async () => {
  const path = `${tempDir()}/none.db`;
  await expect(openStore(loadConfig({ DATABASE_URL: path, REPERTOIRE_READ_ONLY: '1' }))).rejects.toMatchObject({ code: 'store', message: expect.stringContaining('read-only: no such file') });
});
