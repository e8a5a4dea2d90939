#!/usr/bin/env -S GLIBC_TUNABLES=glibc.malloc.mmap_threshold=262144 node --max-semi-space-size=1 --v8-pool-size=1 --expose-gc
/**
 * Entry point of the `repertoire` command: the real world's streams and environment, passed in.
 *
 * The first line is how the command runs (`npx repertoire`, `npm start`, the site bench): Node's
 * memory flags can only be given when the process starts. Measured with `serve` at 1 000 000
 * projects (docs/decisions/0006-serving-memory.md): a young generation of 2 × 1 MB instead of up
 * to 2 × 16 MB (in every thread: the flag overrides a worker's own limits), and one V8 helper
 * thread instead of one per core, cost nothing measurable in record-page latency or search
 * throughput; a young generation of 2 × 1 MB rather than 2 × 4 MB lowers the peak by 10–15 MB.
 *
 * GLIBC_TUNABLES fixes malloc's mmap threshold at 256 KB: glibc otherwise raises it after each large
 * block freed (up to 32 MB), so that the buffers of the counts and of the search thread's replies
 * were carved from its arenas and stayed there, fragmented, once freed (−20 MB at peak). Below it,
 * a search's bitsets (138 KB at a million documents) still come from the arenas. Other C
 * libraries ignore the variable.
 *
 * `--expose-gc` lets a long import collect its garbage every 10 000 records (collect-garbage.ts):
 * a table of 100 000 rows merged with the gazetteer peaked at 319 MB without, 238 MB with.
 */
import { run } from './run.js';

/** Runs `cleanup` on SIGINT or SIGTERM, then lets the signal end the process as it would have. */
function onInterrupt(cleanup: () => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    remove();
    cleanup();
    process.kill(process.pid, signal);
  };
  const remove = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return remove;
}

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, onInterrupt });
