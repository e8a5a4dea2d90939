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
    const { code, stderr } = await repertoire(['import', cut, '--countries', 'FR,MA'], env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toMatch(/repertoire-cut\.txt: line \d+: the document is truncated/);

    const after = join(dir, 'after.json');
    await repertoire(['export', '--out', after], env);
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(before, 'utf8'));
  }, 30_000);
});

describe('the countries of a directory text', () => {
  const copy = (dir: string, name: string) => {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(SEED, 'utf8'));
    return path;
  };

  it('without --countries nor a metadata file beside it, is a usage error saying what to pass; nothing is imported', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl('sqlite') };
    const { code, stdout, stderr } = await repertoire(['import', copy(dir, 'directory.txt')], env);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toContain('directory.txt is a directory text that does not say its countries: pass them, home first (--countries FR,SN), or put directory.json beside it');
    expect((await repertoire(['export', '--format', 'json'], env)).stdout).not.toContain('aix-en-provence');
  });

  it('come from the metadata file beside the text, and --countries overrides it', async () => {
    const dir = tempDir();
    const text = copy(dir, 'directory.txt');
    writeFileSync(join(dir, 'directory.json'), '{"countries": ["FR", "MA"]}');
    const env = { DATABASE_URL: await tempDatabaseUrl('sqlite') };
    const imported = await repertoire(['import', text, '--json-report'], env);
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    expect(JSON.parse(imported.stdout).counts).toMatchObject({ partnerships: 50, 'collectivities.FR': 48, 'collectivities.MA': 33 });

    const env2 = { DATABASE_URL: await tempDatabaseUrl('sqlite') };
    const asSenegal = await repertoire(['import', text, '--countries', 'fr,sn', '--json-report'], env2);
    expect(asSenegal.code, asSenegal.stderr).toBe(EXIT.ok);
    expect(JSON.parse(asSenegal.stdout).counts).toMatchObject({ 'collectivities.FR': 48, 'collectivities.SN': 33 });
  }, 60_000);

  it('a metadata file that is wrong is refused, naming the file and the field', async () => {
    const dir = tempDir();
    const text = copy(dir, 'directory.txt');
    writeFileSync(join(dir, 'directory.json'), '{"countries": ["FR"]}');
    const env = { DATABASE_URL: await tempDatabaseUrl('sqlite') };
    const { code, stderr } = await repertoire(['import', text], env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toContain(`${join(dir, 'directory.json')}: countries`);
    const unknown = await repertoire(['import', text, '--countries', 'FR,XX'], env);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('“XX” is not a country code known to the profiles');
  });
});
