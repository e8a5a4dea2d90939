/**
 * The error view of a store held by another writer (a long import): each engine's real refusal,
 * got by holding its write lock from a second connection, is a 503 to try again, not a 500.
 */
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ENGINES, openEngineStore, type Engine } from '../test-support/engines.js';
import { errorView } from './errors.js';

/** The engine's own error for a write that meets another connection's write lock. */
async function busyRefusal(engine: Engine): Promise<unknown> {
  const { url } = await openEngineStore(engine);
  if (engine === 'sqlite') {
    const holder = new Sqlite(url);
    const writer = new Sqlite(url);
    onTestFinished(() => {
      writer.close();
      holder.close();
    });
    holder.exec('BEGIN IMMEDIATE');
    writer.pragma('busy_timeout = 0');
    try {
      writer.exec("UPDATE directories SET id = id WHERE id = 'x'");
    } catch (error) {
      return error;
    } finally {
      holder.exec('ROLLBACK');
    }
    throw new Error('the write went through the lock');
  }
  const holder = new pg.Client({ connectionString: url });
  const writer = new pg.Client({ connectionString: url });
  await holder.connect();
  await writer.connect();
  onTestFinished(async () => {
    await writer.end();
    await holder.end();
  });
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE directories IN EXCLUSIVE MODE');
  await writer.query("SET lock_timeout = '50ms'");
  const refusal = await writer.query("UPDATE directories SET id = id WHERE id = 'x'").then(
    () => new Error('the write went through the lock'),
    (error: unknown) => error,
  );
  await holder.query('ROLLBACK');
  return refusal;
}

describe('error view', () => {
  for (const engine of ENGINES) {
    it(`answers 503 "try again" when another writer holds the store, not 500 (${engine})`, async () => {
      const view = errorView(await busyRefusal(engine));
      expect(view).toEqual({ error: { status: 503, code: 'store-busy', message: 'the directory is being updated: try again in a few seconds' } });
    });
  }

  it('keeps any other engine failure a 500 whose details stay in the log', () => {
    const database = new Sqlite(':memory:');
    let failure: unknown;
    try {
      database.exec('SELECT * FROM no_such_table');
    } catch (error) {
      failure = error;
    } finally {
      database.close();
    }
    expect(errorView(failure)).toEqual({ error: { status: 500, code: 'internal', message: 'internal error' } });
  });
});
