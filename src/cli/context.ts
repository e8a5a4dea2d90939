import type { OnInterrupt } from '../files.js';

/** What a command gets from the outside world; passed in, so tests can run commands in-process. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliContext {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** how a command cleans up if the process is interrupted (the real command: on SIGINT and SIGTERM) */
  readonly onInterrupt?: OnInterrupt;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * A command as the main help lists it, and how to load it: only the command asked for is loaded,
 * so that `repertoire --help` or a small command does not load the whole program (the site, the
 * publishers, the importer) first.
 */
export interface CommandEntry {
  readonly name: string;
  /** one line, for the main help */
  readonly summary: string;
  load(): Promise<Command>;
}

export interface Command {
  readonly name: string;
  /** the command's own help */
  readonly help: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** how many positional arguments it takes: exactly, or [at least, at most] */
  readonly positionals: number | readonly [number, number];
  run(values: OptionValues, positionals: string[], context: CliContext): Promise<number>;
}
