/**
 * One writer of a directory's records at a time. A transaction that reads the records and then
 * writes what it decided from them (an import keeping the edited records, an editor's save
 * checking its version) takes this lock before it reads: a second writer waits until the first
 * has committed, then reads what it wrote, so that neither overwrites what it has not seen.
 *
 * One statement for both engines: an UPDATE of the directory's row that changes nothing. On
 * PostgreSQL it holds that row until the transaction ends, and the next writer, waiting on it,
 * reads the newest records after it (READ COMMITTED reads anew at each statement). On SQLite any
 * write takes the database's write lock: taken first in a transaction, before any read, a writer
 * of another process waits for it (busy_timeout) instead of failing on a stale snapshot, and a
 * writer of the same process waits for the one connection anyway. A directory not stored yet has
 * no row to lock: its first import creates it, and a second concurrent one fails on its key.
 */
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export async function lockDirectoryWrites(trx: Kysely<Database>, directoryId: string): Promise<void> {
  await trx
    .updateTable('directories')
    .set((eb) => ({ title: eb.ref('title') }))
    .where('id', '=', directoryId)
    .execute();
}
