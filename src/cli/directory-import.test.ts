/**
 * The 2008 directory through the command line, on a real SQLite file: import, re-import without
 * change, export → import → export identical, and a broken file that leaves the store as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINES, tempDatabaseUrl } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { EXIT, run } from './run.js';

const SEED = fileURLToPath(new URL('../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));

async function repertoire(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env });
  return { code, stdout, stderr };
}

describe.each(ENGINES)('importing the 2008 directory on %s', (engine) => {
  it('imports, prints its report, re-imports without change, and round-trips through JSON', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl(engine) };

    const first = await repertoire(['import', SEED], env);
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toMatch(/partnerships\s+50/);
    expect(first.stdout).toMatch(/line 8172.*Tifle/);

    const again = await repertoire(['import', SEED], env);
    expect(again.stdout).toMatch(/Store: 0 created, 0 updated, \d+ unchanged, 0 removed/);

    const exported = join(dir, 'a.json');
    expect((await repertoire(['export', '--format', 'json', '--out', exported], env)).code).toBe(EXIT.ok);
    const env2 = { DATABASE_URL: await tempDatabaseUrl(engine) };
    expect((await repertoire(['import', exported], env2)).code).toBe(EXIT.ok);
    const reexported = join(dir, 'b.json');
    expect((await repertoire(['export', '--out', reexported], env2)).code).toBe(EXIT.ok);
    expect(readFileSync(reexported, 'utf8')).toBe(readFileSync(exported, 'utf8'));
  }, 30_000);

  it('refuses a truncated directory, naming the line, and leaves the store as it was', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl(engine) };
    expect((await repertoire(['import', SEED], env)).code).toBe(EXIT.ok);
    const before = join(dir, 'before.json');
    await repertoire(['export', '--out', before], env);

    const cut = join(dir, 'repertoire-cut.txt');
    writeFileSync(cut, readFileSync(SEED, 'utf8').split('\n').slice(0, 5000).join('\n'));
    const { code, stderr } = await repertoire(['import', cut], env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toMatch(/repertoire-cut\.txt: line \d+: the document is truncated/);

    const after = join(dir, 'after.json');
    await repertoire(['export', '--out', after], env);
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(before, 'utf8'));
  }, 30_000);
});
