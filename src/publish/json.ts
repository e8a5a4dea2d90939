/** Publishing a stored directory as an interchange document (JSON). */
import type { Kysely } from 'kysely';
import { canonicalDocument } from '../model/canonical.js';
import type { RepertoireDocument } from '../model/schema.js';
import { loadDocument } from '../store/load-document.js';
import type { Database } from '../store/tables.js';

/**
 * The document as text: canonical form, keys in the schema's order, 2-space indent, final
 * newline — so that exporting what was imported from an export gives the same bytes.
 */
export function formatDocument(doc: RepertoireDocument): string {
  return `${JSON.stringify(canonicalDocument(doc), null, 2)}\n`;
}

/** The directory `directoryId` (or the store's only one) as interchange JSON. */
export async function exportJson(db: Kysely<Database>, directoryId?: string): Promise<string> {
  return formatDocument(await loadDocument(db, directoryId));
}
