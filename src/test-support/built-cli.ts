/**
 * The built command, `dist/cli/main.js`, in a child process: what users run, with its real
 * signals, exit codes and standard error (`npm run build` first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the command; `outcome` settles when it has exited. */
export function startBuiltCli(args: readonly string[], env: Record<string, string>): { child: ChildProcess; outcome: Promise<Outcome> } {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // decoded as a stream: a chunk may end inside a multi-byte character ("é" split in two bytes read as "��")
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const outcome = new Promise<Outcome>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, outcome };
}

export function runBuiltCli(args: readonly string[], env: Record<string, string>): Promise<Outcome> {
  return startBuiltCli(args, env).outcome;
}

/** No line of a JavaScript stack, no Node error dump: what a person should never be shown. */
export const NO_TRACE = /^\s+at |^\w*Error: |node:internal|Unhandled 'error' event/m;
