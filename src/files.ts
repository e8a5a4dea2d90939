/**
 * The files the commands read and write. A file is written beside its target and renamed over it
 * when complete, so that the target is always either the previous file or the new one, never half
 * of one (a killed backup once cut a good backup in three). File-system failures become one
 * sentence naming the file, not Node's error codes.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { RepertoireError } from './errors.js';

/** Registers a cleanup to run if the process is interrupted (SIGINT, SIGTERM); returns its removal. */
export type OnInterrupt = (cleanup: () => void) => () => void;

export interface AtomicWriteOptions {
  readonly onInterrupt?: OnInterrupt;
}

/**
 * Calls `write` with a stream to a part file beside `path` (`write` ends the stream), then renames
 * the part file to `path`. On failure or interruption the part file is removed and `path` is left
 * as it was; a part file left by a killed run (kill -9) is removed by the next write to `path`.
 * The target's folder is created if needed.
 */
export async function writeFileAtomically<T>(path: string, write: (out: Writable) => Promise<T>, options: AtomicWriteOptions = {}): Promise<T> {
  await prepareTarget(path);
  const partial = partFile(path, process.pid);
  // `flush`: the data reaches the disk before the rename makes it the target.
  const stream = createWriteStream(partial, { flags: 'wx', flush: true });
  // Only the part file's own failures are told as file problems (not the writer's, such as a lost database).
  let streamError: unknown;
  stream.once('error', (error) => (streamError = error));
  const removeOnInterrupt = options.onInterrupt?.(() => rmSync(partial, { force: true }));
  try {
    const result = await write(stream);
    await closed(stream);
    await rename(partial, path).catch((error: unknown) => {
      throw fileProblem(error, path, 'write');
    });
    return result;
  } catch (error) {
    // The file may still be opening when the writer fails (a bad id is found at once): close
    // the stream first, or it would create the part file after we removed it.
    stream.destroy();
    await closed(stream);
    await rm(partial, { force: true });
    throw error === streamError ? fileProblem(error, path, 'write') : error;
  } finally {
    removeOnInterrupt?.();
  }
}

/** The part file of a target, named after the process writing it (so two writers never share one). */
function partFile(path: string, pid: number): string {
  return `${path}.${pid}.part`;
}

/** Refuses a target that cannot be written before any work is done; removes part files of dead runs. */
async function prepareTarget(path: string): Promise<void> {
  const folder = dirname(path);
  if ((await stat(path).catch(() => undefined))?.isDirectory()) throw new RepertoireError('file', `cannot write ${path}: it is a folder, not a file`);
  try {
    await mkdir(folder, { recursive: true });
    const own = new RegExp(`^${escapeRegExp(basename(path))}\\.(\\d+)\\.part$`);
    for (const name of await readdir(folder)) {
      const pid = own.exec(name)?.[1];
      if (pid !== undefined && !isAlive(Number(pid))) await rm(join(folder, name), { force: true });
    }
  } catch (error) {
    throw fileProblem(error, path, 'write');
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function closed(stream: Writable & { closed?: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.closed) return resolve();
    stream.once('close', () => resolve());
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A system call's failure (EISDIR, ENOENT…); callers pass only errors of their own file's calls. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return error instanceof Error && typeof syscall === 'string' && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * A file-system failure as a sentence naming the file: "cannot read x.json: it is a folder, not a
 * file". Anything that is not a file-system error is returned as it is.
 */
export function fileProblem(error: unknown, path: string, action: 'read' | 'write'): unknown {
  const reason = fileFailure(error, action);
  return reason === undefined ? error : new RepertoireError('file', `cannot ${action} ${path}: ${reason}`, undefined, { cause: error });
}

/** What a file-system failure means, in words ("it is a folder, not a file"); undefined for other errors. */
export function fileFailure(error: unknown, action: 'read' | 'write' | 'create'): string | undefined {
  if (!isFileSystemError(error)) return undefined;
  if (error.code === 'ENOENT') return action === 'read' ? 'no such file' : 'its folder does not exist';
  // mkdir says EEXIST when a file stands where a folder of the path should be
  if (error.code === 'EEXIST' && action !== 'read') return FILE_PROBLEMS.ENOTDIR;
  return FILE_PROBLEMS[error.code ?? ''] ?? error.message;
}

const FILE_PROBLEMS: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};
