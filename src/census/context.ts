/** What the census services are built with: the store and a clock (tests move it). */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { soleDirectoryId } from '../store/load-document.js';
import type { Database } from '../store/tables.js';
import { systemClock, type Clock } from '../accounts/clock.js';
import { NO_MAIL, type Postman } from '../accounts/mail.js';
import { Id } from '../model/schema.js';

export interface CensusDeps {
  db: Kysely<Database>;
  now?: Clock;
  /**
   * The directory a request that names none works on: the site's default directory. Without it,
   * the only one the store holds (a store of several directories then needs the id named).
   */
  defaultDirectory?: () => Promise<string>;
  /** who tells contributors of review decisions and reminds them of campaigns (default: nobody) */
  mail?: Postman;
}

export function postmanOf(deps: CensusDeps): Postman {
  return deps.mail ?? NO_MAIL;
}

export function clockOf(deps: CensusDeps): Clock {
  return deps.now ?? systemClock;
}

/** The directory asked for, else the default one, else the only one the store holds. */
export async function directoryOf(deps: CensusDeps, directoryId: string | undefined): Promise<string> {
  if (directoryId !== undefined) return directoryId;
  return deps.defaultDirectory !== undefined ? deps.defaultDirectory() : soleDirectoryId(deps.db);
}

export const RecordIdInput = Id.describe('identifiant');
export const VersionInput = z.coerce.number({ error: 'Numéro de version attendu.' }).int({ error: 'Numéro de version attendu.' }).min(0, { error: 'Numéro de version attendu.' });
