/** What the census services are built with: the store and a clock (tests move it). */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { soleDirectoryId } from '../store/load-document.js';
import type { Database } from '../store/tables.js';
import { systemClock, type Clock } from '../accounts/clock.js';
import { Id } from '../model/schema.js';

export interface CensusDeps {
  db: Kysely<Database>;
  now?: Clock;
}

export function clockOf(deps: CensusDeps): Clock {
  return deps.now ?? systemClock;
}

/** The directory asked for, or the only one the store holds. */
export async function directoryOf(db: Kysely<Database>, directoryId: string | undefined): Promise<string> {
  return directoryId ?? soleDirectoryId(db);
}

export const RecordIdInput = Id.describe('identifiant');
export const VersionInput = z.coerce.number({ error: 'Numéro de version attendu.' }).int({ error: 'Numéro de version attendu.' }).min(0, { error: 'Numéro de version attendu.' });
