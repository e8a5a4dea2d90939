/**
 * The data-quality findings editors accepted (migration 0008): a finding accepted stays hidden
 * from the desk, by its key, until it no longer holds or the acceptance is removed.
 */
import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

export async function acceptedFindings(db: Kysely<Database>, directoryId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('quality_acceptances').select('finding_key').where('directory_id', '=', directoryId).execute();
  return new Set(rows.map((r) => r.finding_key));
}

/** Records an acceptance; accepting twice keeps the first. */
export async function acceptFinding(db: Kysely<Database>, directoryId: string, key: string, by: string | null, at: Date): Promise<void> {
  await db
    .insertInto('quality_acceptances')
    .values({ directory_id: directoryId, finding_key: key, accepted_at: at.toISOString(), accepted_by: by })
    .onConflict((oc) => oc.columns(['directory_id', 'finding_key']).doNothing())
    .execute();
}
