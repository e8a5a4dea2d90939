/**
 * Moving whole stores: copy SQLite → PostgreSQL → SQLite, backup and restore on each engine,
 * migrate — compared by their exports, which must not change on the way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDialect } from '../store/dialect.js';
import { migrationNames } from '../store/migrations/index.js';
import { ENGINES, tempDatabaseUrl } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { EXIT, run } from './run.js';

const SEED = fileURLToPath(new URL('../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));

async function repertoire(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env });
  return { code, stdout, stderr };
}

async function exportOf(url: string, dir: string, name: string): Promise<string> {
  const out = join(dir, name);
  expect((await repertoire(['export', '--out', out], { DATABASE_URL: url })).code).toBe(EXIT.ok);
  const report = await repertoire(['report', '--json'], { DATABASE_URL: url });
  return readFileSync(out, 'utf8') + report.stdout;
}

describe('moving stores', () => {
  it.each(ENGINES.flatMap((a) => ENGINES.map((b) => [a, b] as const)))('copies %s → %s with the same content', async (from, to) => {
    const dir = tempDir();
    const source = await tempDatabaseUrl(from);
    const target = await tempDatabaseUrl(to);
    expect((await repertoire(['import', SEED], { DATABASE_URL: source })).code).toBe(EXIT.ok);
    const copy = await repertoire(['copy', '--from', source, '--to', target]);
    expect(copy).toMatchObject({ code: EXIT.ok, stdout: expect.stringMatching(/^Copied \d+ rows/) });
    expect(await exportOf(target, dir, 'b.json')).toBe(await exportOf(source, dir, 'a.json'));
    // A second copy into the now full target is refused, and changes nothing.
    expect(await repertoire(['copy', '--from', source, '--to', target])).toMatchObject({ code: EXIT.badInput, stderr: expect.stringContaining('not empty') });
  }, 60_000);

  it.each(ENGINES)('backs up and restores a %s store; a damaged backup changes nothing', async (engine) => {
    const dir = tempDir();
    const url = await tempDatabaseUrl(engine);
    expect((await repertoire(['import', SEED], { DATABASE_URL: url })).code).toBe(EXIT.ok);
    const file = join(dir, 'store.backup.gz');
    expect((await repertoire(['backup', '--out', file], { DATABASE_URL: url })).code).toBe(EXIT.ok);
    const before = await exportOf(url, dir, 'before.json');

    const other = await tempDatabaseUrl(engine);
    expect((await repertoire(['restore', file], { DATABASE_URL: other })).code).toBe(EXIT.ok);
    expect(await exportOf(other, dir, 'restored.json')).toBe(before);

    const damaged = join(dir, 'damaged.gz');
    writeFileSync(damaged, readFileSync(file).subarray(0, 2000));
    const attempt = await repertoire(['restore', damaged, '--replace'], { DATABASE_URL: other });
    expect(attempt.code).toBe(EXIT.badInput);
    expect(await exportOf(other, dir, 'after.json')).toBe(before);
  }, 60_000);

  it.each(ENGINES)('migrates a %s store once, then says it is up to date', async (engine) => {
    const url = await tempDatabaseUrl(engine);
    expect(await repertoire(['migrate'], { DATABASE_URL: url })).toMatchObject({ code: EXIT.ok, stdout: `Migrated: ${migrationNames(createDialect({ kind: 'sqlite', path: ':memory:' })).join(', ')}\n` });
    expect(await repertoire(['migrate'], { DATABASE_URL: url })).toMatchObject({ code: EXIT.ok, stdout: 'The store is up to date.\n' });
  });
});
