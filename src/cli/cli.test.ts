/**
 * End to end: the real command in a child process (through tsx, so it tests the sources, not a
 * possibly stale dist/), against a SQLite file in a temp folder.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, type TestContext } from 'vitest';
import { FIXTURE_PATH, fixtureText } from '../model/fixtures/index.js';
import { tempDir } from '../test-support/temp-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const FIXTURE = fileURLToPath(FIXTURE_PATH);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function repertoire(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function storeEnv(onFinished: TestContext['onTestFinished']) {
  const dir = tempDir(onFinished);
  return { dir, env: { DATABASE_URL: join(dir, 'nested', 'store.db') } };
}

// Each child process costs most of a second (tsx compiles the sources): a few, run side by side;
// the rest of the command line is tested in-process in run.test.ts.
describe.concurrent('repertoire (spawned)', () => {
  it('prints its help', async () => {
    const { code, stdout } = await repertoire(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^repertoire — /);
    expect(stdout).toContain('import FILE [--json-report]');
  });

  it('imports a JSON document and exports it byte for byte', async ({ onTestFinished }) => {
    const { env } = storeEnv(onTestFinished);
    const imported = await repertoire(['import', FIXTURE], env);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('Imported complete-document.json (json)');
    expect(imported.stdout).toContain('Store: 11 created, 0 updated, 0 unchanged, 0 removed');
    expect(await repertoire(['export', '--format', 'json'], env)).toEqual({ code: 0, stdout: fixtureText(), stderr: '' });
  });

  it('exits 1 on a malformed JSON file, naming the file and the line', async ({ onTestFinished }) => {
    const { dir, env } = storeEnv(onTestFinished);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "format": "repertoire",\n  "version": 1,,\n}\n');
    const { code, stderr } = await repertoire(['import', bad], env);
    expect(code).toBe(1);
    expect(stderr).toBe(`repertoire: bad.json: invalid JSON at line 3, column 16: unexpected ",", expected a property name in double quotes\n`);
  });

  it('exits 2 on a usage error', async () => {
    const { code, stderr } = await repertoire(['export', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown export format "xml"');
  });
});
