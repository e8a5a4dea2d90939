/**
 * The command line: picks the command, parses its options with node:util's parseArgs, runs it,
 * and turns failures into a message and an exit code (0 ok, 1 bad input, 2 usage error).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RepertoireError } from '../errors.js';
import { backupCommand } from './commands/backup.js';
import { compareCommand } from './commands/compare.js';
import { copyCommand } from './commands/copy.js';
import { directoriesCommand } from './commands/directories.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { qualityCommand } from './commands/quality.js';
import { reportCommand } from './commands/report.js';
import { serveCommand } from './commands/serve.js';
import { restoreCommand } from './commands/restore.js';
import { setupCommand } from './commands/setup.js';
import { userCommand } from './commands/user.js';
import { synthCommand } from './commands/synth.js';
import type { CliContext, Command } from './context.js';

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

const COMMANDS: readonly Command[] = [setupCommand, importCommand, directoriesCommand, compareCommand, exportCommand, reportCommand, qualityCommand, migrateCommand, copyCommand, backupCommand, restoreCommand, userCommand, serveCommand, synthCommand];

const HELP = `repertoire — the census of decentralised-cooperation partnerships between the local authorities of a home country and its partner countries

Usage: repertoire COMMAND [options]

Commands:
${COMMANDS.map((command) => `  ${command.summary}`).join('\n')}

Options:
  -h, --help      show this help; \`repertoire COMMAND --help\` shows a command's
  -v, --version   show the version

Environment:
  DATABASE_URL    the store: a SQLite file path, sqlite:PATH or file:PATH (default data/repertoire.db),
                  or postgres://user@host:port/db

Exit codes: 0 success, 1 bad input, 2 usage error.
`;

export async function run(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    return await dispatch(argv, context);
  } catch (error) {
    return fail(error, context);
  }
}

async function dispatch(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    context.stdout.write(HELP);
    return EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    context.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) throw new RepertoireError('usage', `unknown command "${name}"`);

  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    context.stdout.write(command.help);
    return EXIT.ok;
  }
  const [least, most] = typeof command.positionals === 'number' ? [command.positionals, command.positionals] : command.positionals;
  if (positionals.length < least || positionals.length > most) {
    const expected = most === 0 ? 'no arguments' : least === most ? `${least} argument(s)` : `${least} to ${most} arguments`;
    throw new RepertoireError('usage', `${command.name} takes ${expected}, got ${positionals.length}`);
  }
  return command.run(values, positionals, context);
}

function parseCommandArgs(command: Command, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors with ERR_PARSE_ARGS_* codes.
    throw new RepertoireError('usage', `${command.name}: ${(error as Error).message}`, 400, { cause: error });
  }
}

function fail(error: unknown, context: CliContext): number {
  if (error instanceof RepertoireError && error.code === 'usage') {
    context.stderr.write(`repertoire: ${error.message}\nRun \`repertoire --help\` for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof RepertoireError) {
    context.stderr.write(`repertoire: ${error.message}\n`);
    return EXIT.badInput;
  }
  // Not one of ours: a bug or an environment failure. Show everything.
  context.stderr.write(`repertoire: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.badInput;
}

function version(): string {
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
