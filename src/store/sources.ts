/**
 * Provenance: for each record, the lines of the source document it was read from. The store
 * keeps what the last import that gave provenance said, and forgets it for removed records.
 */
import type { Kysely } from 'kysely';
import type { RecordType, SourceRef } from '../model/provenance.js';
import type { Database } from './tables.js';
import { chunks, insertRows } from './records/writer.js';

export async function listSources(
  db: Kysely<Database>,
  directoryId: string,
  record?: { recordType: RecordType; recordId: string },
): Promise<SourceRef[]> {
  let query = db.selectFrom('sources').selectAll().where('directory_id', '=', directoryId);
  if (record !== undefined) query = query.where('record_type', '=', record.recordType).where('record_id', '=', record.recordId);
  const rows = await query.orderBy('position').execute();
  return rows.map((row) => ({
    recordType: row.record_type as RecordType,
    recordId: row.record_id,
    document: row.document,
    lines: [row.first_line, row.last_line],
  }));
}

/** Replaces the directory's provenance, unless it is already exactly `sources`. */
export async function replaceSources(db: Kysely<Database>, directoryId: string, sources: readonly SourceRef[]): Promise<void> {
  const current = await listSources(db, directoryId);
  if (JSON.stringify(current) === JSON.stringify(sources.map(normalised))) return;
  await db.deleteFrom('sources').where('directory_id', '=', directoryId).execute();
  await insertRows(db, [
    {
      sources: sources.map((source, position) => ({
        directory_id: directoryId,
        position,
        record_type: source.recordType,
        record_id: source.recordId,
        document: source.document,
        first_line: source.lines[0],
        last_line: source.lines[1],
      })),
    },
  ]);
}

export async function forgetSources(db: Kysely<Database>, directoryId: string, recordType: RecordType, recordIds: readonly string[]) {
  for (const ids of chunks(recordIds)) {
    await db
      .deleteFrom('sources')
      .where('directory_id', '=', directoryId)
      .where('record_type', '=', recordType)
      .where('record_id', 'in', ids)
      .execute();
  }
}

/** Same key order as `listSources` returns, so that the two compare as text. */
function normalised(source: SourceRef): SourceRef {
  return { recordType: source.recordType, recordId: source.recordId, document: source.document, lines: [source.lines[0], source.lines[1]] };
}
