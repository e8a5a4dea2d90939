/**
 * The interchange JSON (json.ts) as a publisher: the whole document, or the selected part of it,
 * written to a stream.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Partnership, RepertoireDocument } from '../model/schema.js';
import { loadDocument } from '../store/load-document.js';
import type { Database } from '../store/tables.js';
import { exportJson, formatDocument } from './json.js';
import type { ExportCounts, ExportOptions } from './options.js';
import { redactDocument } from './redact.js';
import { resolveScope } from './tables.js';

/**
 * The selected partnerships and projects (as tables.ts selects them), with the collectivities
 * they name — parties, funders, partners, contacts, budgets — so that the document stays valid.
 */
export async function selectedDocument(db: Kysely<Database>, options: ExportOptions): Promise<RepertoireDocument> {
  const scope = await resolveScope(db, options);
  const doc = await loadDocument(db, scope.directoryId);
  if (scope.whole) return doc;
  const keep = new Set(scope.partnershipIds);
  const partnerships = doc.partnerships
    .filter((p) => keep.has(p.id))
    .map((p): Partnership => {
      const projects = p.projects?.filter((project) => scope.projectIds === undefined || scope.projectIds.has(project.id));
      const { projects: _all, ...rest } = p;
      return projects?.length ? { ...rest, projects } : rest;
    });
  const named = new Set<string>(scope.collectivityIds ?? []);
  const add = (id: string | undefined) => id !== undefined && named.add(id);
  for (const p of partnerships) {
    p.parties.forEach((party) => add(party.collectivityId));
    p.budgets?.forEach((b) => add(b.collectivityId));
    p.contacts?.forEach((c) => add(c.collectivityId));
    for (const project of p.projects ?? []) {
      project.partners?.forEach((partner) => add(partner.collectivityId));
      project.funding?.forEach((f) => add(f.funderCollectivityId));
    }
  }
  return { ...doc, collectivities: doc.collectivities.filter((c) => named.has(c.id)), partnerships };
}

/** One document, written at once: no progress to show. */
export async function writeJson(db: Kysely<Database>, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  let text: string;
  if (options.redactor) text = formatDocument(redactDocument(await selectedDocument(db, options), options.redactor));
  else text = options.selection ? formatDocument(await selectedDocument(db, options)) : await exportJson(db, options.directoryId);
  await pipeline(Readable.from([Buffer.from(text, 'utf8')]), out);
  return { bytes: Buffer.byteLength(text) };
}
