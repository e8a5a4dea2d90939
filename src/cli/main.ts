#!/usr/bin/env -S node --max-semi-space-size=4 --v8-pool-size=1
/**
 * Entry point of the `repertoire` command: the real world's streams and environment, passed in.
 *
 * The first line is how the command runs (`npx repertoire`, `npm start`, the site bench): Node's
 * memory flags can only be given when the process starts. Measured with `serve` at 1 000 000
 * projects (docs/decisions/0006-serving-memory.md): a young generation of 2 × 4 MB instead of up
 * to 2 × 16 MB, and one V8 helper thread instead of one per core, take the server's peak RSS from
 * 294 to 252 MB with the same record-page latency and search throughput.
 */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
