/**
 * The command line as a process, against the floor any Node program pays (`node -e 0`, measured in
 * the same run): `repertoire --help`, `repertoire directories` over an empty store, and the import
 * of the 2008 directory into a new store. Runs the built command (`npm run build` first: the
 * benchmark builds it when dist/ is missing). Targets (issue 20): --help within 100 ms of the floor,
 * the import ≤ 400 ms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './timing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist/cli/main.js');
const SOURCE = join(ROOT, 'data/sources/repertoire-franco-marocain-2008.txt');

export async function run(): Promise<void> {
  if (!existsSync(MAIN)) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-bench-cli-'));
  try {
    const times = 9;
    const node = (args: string[], env: Record<string, string> = {}) => () => {
      execFileSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore'] });
    };
    const floor = await timed('node -e 0 (baseline)', times, node(['-e', '0']));
    const help = await timed('repertoire --help', times, node([MAIN, '--help']));
    const list = await timed('repertoire directories (empty store)', times, node([MAIN, 'directories'], { DATABASE_URL: join(dir, 'empty.db') }));
    let k = 0;
    const imported = await timed('repertoire import (2008 directory, new store)', times, () => node([MAIN, 'import', SOURCE], { DATABASE_URL: join(dir, `import-${k++}.db`) })());
    console.log(`--help: ${(help - floor).toFixed(0)} ms over the floor (target ≤ 100); directories: ${(list - floor).toFixed(0)} ms over; import: ${imported.toFixed(0)} ms (target ≤ 400), ${(imported / floor).toFixed(1)}× the floor`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of `times` runs, printed by `measure`. */
async function timed(label: string, times: number, work: () => void): Promise<number> {
  const durations: number[] = [];
  await measure(label, times, () => {
    const start = performance.now();
    work();
    durations.push(performance.now() - start);
  });
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)]!;
}
