/**
 * Backups as a portable file: gzip-compressed JSON lines, a header then one line per table batch.
 * The same file restores into SQLite or PostgreSQL, so it also moves a store between engines.
 */
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { fileProblem, writeFileAtomically, type AtomicWriteOptions } from '../files.js';
import { describeIssue } from '../model/issues.js';
import type { TableBatch } from './transfer.js';
import { TABLE_ORDER } from './records/kind.js';

const Header = z.object({ format: z.literal('repertoire-backup'), version: z.literal(1), createdAt: z.string(), engine: z.string() });
/** A row's cells are what both engines store: text, numbers, booleans, nulls (dates are written as text). */
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Batch = z.strictObject({ table: z.enum(TABLE_ORDER as unknown as [string, ...string[]]), rows: z.array(z.record(z.string(), Cell)) });

/** Writes beside `path` and renames when complete: a failed or killed backup leaves the previous one as it was. */
export async function writeBackup(path: string, engine: string, batches: AsyncIterable<TableBatch>, options: AtomicWriteOptions & { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  async function* lines() {
    yield `${JSON.stringify({ format: 'repertoire-backup', version: 1, createdAt: now.toISOString(), engine })}\n`;
    for await (const batch of batches) yield `${JSON.stringify(batch)}\n`;
  }
  await writeFileAtomically(path, (file) => pipeline(Readable.from(lines()), createGzip(), file), options);
}

/** A backup file opened for reading: its header was read and checked; its batches follow. */
export interface BackupFile {
  readonly header: z.infer<typeof Header>;
  /** the table batches, each with where it starts in the file (`FILE: line N`) */
  batches(): AsyncGenerator<TableBatch>;
  close(): Promise<void>;
}

/**
 * Opens a backup file and reads its header, so that a missing file, a folder, or a file that is
 * not a backup is refused before anything is written. A damaged file fails later with the line it
 * breaks at. Every failure is a RepertoireError naming the file.
 */
export async function openBackup(path: string): Promise<BackupFile> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileProblem(error, path, 'read');
  });
  if ((await handle.stat()).isDirectory()) {
    await handle.close();
    throw new RepertoireError('file', `cannot read ${path}: it is a folder, not a file`);
  }
  const source = handle.createReadStream();
  const gunzip = createGunzip();
  // `pipe` does not pass a read error on: without this it would be an unhandled 'error' event.
  source.once('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let n = 0;
  const close = async () => {
    source.destroy();
    gunzip.destroy();
    await handle.close().catch(() => undefined);
  };
  const failure = (error: unknown) => new RepertoireError('parse', `${path}: line ${Math.max(1, n)}: ${problemOf(error)}`, undefined, { cause: error });

  let header;
  try {
    const first = await lines.next();
    n = 1;
    if (first.done) throw new Error('the file is empty');
    const parsed = Header.safeParse(parseLine(first.value));
    if (!parsed.success) throw new Error('not a Répertoire backup (its first line is not a backup header)');
    header = parsed.data;
  } catch (error) {
    await close();
    throw failure(error);
  }

  async function* batches(): AsyncGenerator<TableBatch> {
    try {
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        n += 1;
        if (!next.value.trim()) continue;
        const batch = Batch.safeParse(parseLine(next.value));
        if (!batch.success) throw new Error(`not a table batch: ${describeIssue(batch.error.issues[0]!).join('; ')}`);
        yield { ...batch.data, origin: `${path}: line ${n}` } as TableBatch;
      }
    } catch (error) {
      throw error instanceof RepertoireError ? error : failure(error);
    } finally {
      await close();
    }
  }
  return { header, batches, close };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
}

/** What is wrong with the file, in words: zlib's codes mean a cut or damaged file, or not gzip at all. */
function problemOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'Z_BUF_ERROR') return 'the file ends too early: it was cut short (an interrupted backup or copy?)';
  if (code === 'Z_DATA_ERROR') {
    return message === 'incorrect header check' ? 'not gzip-compressed: this is not a Répertoire backup' : `its compressed data is damaged (${message})`;
  }
  return message;
}
