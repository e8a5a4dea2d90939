/**
 * Backups as a portable file: gzip-compressed JSON lines, a header then one line per table batch.
 * The same file restores into SQLite or PostgreSQL, so it also moves a store between engines.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { writeFileAtomically, type AtomicWriteOptions } from '../files.js';
import type { TableBatch } from './transfer.js';
import { TABLE_ORDER } from './records/kind.js';

const Header = z.object({ format: z.literal('repertoire-backup'), version: z.literal(1), createdAt: z.string(), engine: z.string() });
const Batch = z.object({ table: z.enum(TABLE_ORDER as unknown as [string, ...string[]]), rows: z.array(z.record(z.string(), z.unknown())) });

/** Writes beside `path` and renames when complete: a failed or killed backup leaves the previous one as it was. */
export async function writeBackup(path: string, engine: string, batches: AsyncIterable<TableBatch>, options: AtomicWriteOptions & { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  async function* lines() {
    yield `${JSON.stringify({ format: 'repertoire-backup', version: 1, createdAt: now.toISOString(), engine })}\n`;
    for await (const batch of batches) yield `${JSON.stringify(batch)}\n`;
  }
  await writeFileAtomically(path, (file) => pipeline(Readable.from(lines()), createGzip(), file), options);
}

/** The batches of a backup file; a damaged file fails with the line it breaks at. */
export async function* readBackup(path: string): AsyncGenerator<TableBatch> {
  const input = createReadStream(path).pipe(createGunzip());
  let n = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      n += 1;
      if (!line.trim()) continue;
      const value = JSON.parse(line) as unknown;
      if (n === 1) {
        if (!Header.safeParse(value).success) throw new Error('not a Répertoire backup (its first line is not a backup header)');
        continue;
      }
      const batch = Batch.safeParse(value);
      if (!batch.success) throw new Error(`not a table batch: ${batch.error.issues[0]?.message}`);
      yield batch.data as TableBatch;
    }
    if (n === 0) throw new Error('the file is empty');
  } catch (error) {
    throw new RepertoireError('parse', `${path}: line ${Math.max(1, n)}: ${(error as Error).message}`, undefined, { cause: error });
  }
}
