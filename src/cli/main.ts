#!/usr/bin/env node
/** Entry point of the `repertoire` command: the real world's streams and environment, passed in. */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
