/** Reassembling a stored directory into an interchange document, in canonical form. */
import type { Kysely } from 'kysely';
import { RepertoireError } from '../errors.js';
import { canonicalDocument } from '../model/canonical.js';
import type { RepertoireDocument } from '../model/schema.js';
import { readCollectivities } from './records/collectivity.js';
import { listDirectoryIds, readDirectory } from './records/directory.js';
import { readDomains } from './records/domain.js';
import { readPartnerships } from './records/partnership.js';
import { readProjects } from './records/project.js';
import type { Database } from './tables.js';

/** The directory `directoryId`, or the only one the store holds. */
export async function loadDocument(db: Kysely<Database>, directoryId?: string): Promise<RepertoireDocument> {
  const id = directoryId ?? (await soleDirectoryId(db));
  const doc = await readDocument(db, id);
  if (doc === undefined) throw new RepertoireError('not-found', `the store holds no directory "${id}"`, 404);
  return doc;
}

export async function soleDirectoryId(db: Kysely<Database>): Promise<string> {
  const ids = await listDirectoryIds(db);
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) {
    throw new RepertoireError('not-found', 'the store holds no directory yet: run `repertoire setup` or `repertoire import FILE`', 404);
  }
  throw new RepertoireError('usage', `the store holds several directories (${ids.join(', ')}): say which one`, 400);
}

/** The stored directory, or undefined. Validated on the way out: what the store gives back is a valid document. */
export async function readDocument(db: Kysely<Database>, directoryId: string): Promise<RepertoireDocument | undefined> {
  const directory = await readDirectory(db, directoryId);
  if (directory === undefined) return undefined;
  const [domains, collectivities, partnerships, projects] = await Promise.all([
    readDomains(db, directoryId),
    readCollectivities(db, directoryId),
    readPartnerships(db, directoryId),
    readProjects(db, directoryId),
  ]);
  return canonicalDocument({
    format: 'repertoire',
    version: 1,
    directory,
    domains,
    collectivities,
    partnerships: partnerships.map((partnership) => ({ ...partnership, projects: projects.get(partnership.id) })),
  });
}
