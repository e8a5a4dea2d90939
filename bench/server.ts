/** What the HTTP benchmarks share: `repertoire serve` in its own process, as `npm start` starts it, and percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Starts dist/cli/main.js serve on `databasePath`, on a free port of the loopback, with `env`
 * besides: resolves when it prints its address. SITE_BENCH_NODE_FLAGS="--flag …" starts it with
 * those Node flags instead of the command's own (the first line of src/cli/main.ts).
 */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string; startMs: number }> {
  const started = performance.now();
  const main = join(ROOT, 'dist/cli/main.js');
  const flags = process.env.SITE_BENCH_NODE_FLAGS?.split(' ').filter(Boolean);
  const [command, args] = flags === undefined ? [main, ['serve']] : [process.execPath, [...flags, main, 'serve']];
  const child = spawn(command, args, {
    env: { ...process.env, ...env, DATABASE_URL: databasePath, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/[^/\s]+\//.exec(out);
      if (found) resolve(found[0].replace(/\/$/, ''));
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stdout.write(`  server: ${chunk.toString()}`));
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
  });
  return { child, base, startMs: performance.now() - started };
}

/** Stops a server started by startServer and waits for its exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

export function percentiles(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}
