/**
 * A backup or an export killed mid-write (kill -9, Ctrl-C) leaves the file it was replacing as it
 * was: the built command, on a synthetic store big enough that writing takes seconds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli, startBuiltCli } from '../test-support/built-cli.js';
import { tempDir } from '../test-support/temp-store.js';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = tempDir(() => undefined);
  env = { DATABASE_URL: join(dir, 'store.db') };
  // about 5 500 projects: a backup takes a few seconds on a loaded machine
  expect((await runBuiltCli(['synth', '--partnerships', '500'], env)).code).toBe(0);
}, 120_000);

function partFiles(target: string): string[] {
  return readdirSync(dirname(target)).filter((name) => name.startsWith(`${basename(target)}.`) && name.endsWith('.part'));
}

/** Starts `args` writing over `target` and sends `signal` once it is well into writing. */
async function interrupt(args: string[], target: string, signal: NodeJS.Signals) {
  const before = statSync(target);
  const { child, outcome } = startBuiltCli(args, env);
  for (;;) {
    const now = statSync(target, { throwIfNoEntry: false });
    const writing = partFiles(target).some((name) => (statSync(join(dirname(target), name), { throwIfNoEntry: false })?.size ?? 0) > 64 * 1024);
    // Writing in place (the finding) shows as the target itself changing.
    if (writing || now?.size !== before.size || now.mtimeMs !== before.mtimeMs) break;
    if (child.exitCode !== null) throw new Error(`${args[0]} ended before it could be interrupted: ${(await outcome).stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill(signal);
  return outcome;
}

describe('interrupted writes (built command)', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('a backup stopped by %s leaves the previous backup whole, and it restores', async (signal) => {
    const file = join(dir, `previous-${signal}.backup.gz`);
    expect((await runBuiltCli(['backup', '--out', file], env)).code).toBe(0);
    const previous = readFileSync(file);

    expect(await interrupt(['backup', '--out', file], file, signal)).toMatchObject({ signal });
    expect(readFileSync(file).equals(previous)).toBe(true);
    // SIGTERM: the part file is removed at once; SIGKILL: by the next backup to the same file.
    if (signal === 'SIGTERM') expect(partFiles(file)).toEqual([]);
    const restored = await runBuiltCli(['restore', file], { DATABASE_URL: join(tempDir(), 'restored.db') });
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored \d+ rows/) });

    expect((await runBuiltCli(['backup', '--out', file], env)).code).toBe(0);
    expect(partFiles(file)).toEqual([]);
  }, 120_000);

  it.each(['SIGKILL', 'SIGTERM'] as const)('an export stopped by %s leaves the previous export whole', async (signal) => {
    const file = join(dir, `previous-${signal}.zip`);
    expect((await runBuiltCli(['export', '--format', 'csv', '--out', file], env)).code).toBe(0);
    const previous = readFileSync(file);

    expect(await interrupt(['export', '--format', 'csv', '--out', file], file, signal)).toMatchObject({ signal });
    expect(readFileSync(file).equals(previous)).toBe(true);
    if (signal === 'SIGTERM') expect(partFiles(file)).toEqual([]);
    expect((await runBuiltCli(['export', '--format', 'csv', '--out', file], env)).code).toBe(0);
    expect(partFiles(file)).toEqual([]);
  }, 120_000);
});
