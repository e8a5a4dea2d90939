/**
 * The editions pages' view models: the directories of the store grouped in series (the same
 * countries: the 2008 census, then a later one), and the comparison of two editions — the
 * partnerships and projects new, ended and changed, field by field (census/editions.ts).
 *
 * Both editions are compared as the public sees them: each one's named people's coordinates are
 * cut out (its own contacts and consents) before anything is compared, so that a change of a
 * private phone number shows as nothing at all.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { compareEditions, seriesKey } from '../../../census/editions.js';
import { RepertoireError } from '../../../errors.js';
import type { RepertoireDocument } from '../../../model/schema.js';
import { redactDocument } from '../../../publish/redact.js';
import { listDirectories } from '../../../store/directories.js';
import { readDocument } from '../../../store/load-document.js';
import { readContacts } from '../../../store/records/partnership.js';
import type { Database } from '../../../store/tables.js';
import { readConsents } from '../../data/directory.js';
import { Redactor } from '../../../census/privacy/index.js';

const Edition = z.object({
  id: z.string(),
  title: z.string(),
  edition: z.string().optional(),
  countries: z.array(z.string()),
});

const Listed = Edition.extend({ partnerships: z.number().int(), projects: z.number().int(), collectivities: z.number().int() });

export const EditionsView = z.object({
  series: z.array(
    z.object({
      key: z.string(),
      countries: z.array(z.string()),
      /** oldest first */
      editions: z.array(Listed),
    }),
  ),
});
export type EditionsView = z.infer<typeof EditionsView>;

const FieldChange = z.object({
  /** the field's path in the record (its name in each language: the page's catalogue) */
  field: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

const Compared = z.object({ id: z.string(), title: z.string(), partnershipId: z.string().optional() });
const Changes = z.object({
  new: z.array(Compared),
  ended: z.array(Compared),
  changed: z.array(Compared.extend({ previousId: z.string().optional(), fields: z.array(FieldChange) })),
  unchanged: z.number().int(),
});

export const ComparisonView = z.object({
  from: Edition,
  to: Edition,
  partnerships: Changes,
  projects: Changes,
});
export type ComparisonView = z.infer<typeof ComparisonView>;

/** Editions sort by their edition (2008-07 before 2026), then by id. */
const byEdition = (a: { edition?: string; id: string }, b: { edition?: string; id: string }) =>
  (a.edition ?? '').localeCompare(b.edition ?? '') || a.id.localeCompare(b.id);

export async function editionsView(db: Kysely<Database>): Promise<EditionsView> {
  const series = new Map<string, z.infer<typeof Listed>[]>();
  for (const listing of await listDirectories(db)) {
    const { directory } = listing;
    const key = seriesKey(directory);
    series.set(key, [
      ...(series.get(key) ?? []),
      {
        id: listing.id,
        title: directory.title,
        ...(directory.edition !== undefined ? { edition: directory.edition } : {}),
        countries: directory.countries,
        partnerships: listing.partnerships,
        projects: listing.projects,
        collectivities: listing.collectivities,
      },
    ]);
  }
  return EditionsView.parse({
    series: [...series.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, editions]) => ({ key, countries: editions[0]?.countries ?? [], editions: editions.sort(byEdition) })),
  });
}

async function publicDocument(db: Kysely<Database>, id: string): Promise<RepertoireDocument> {
  const [document, contacts, consents] = await Promise.all([readDocument(db, id), readContacts(db, id), readConsents(db, id)]);
  if (document === undefined) throw new RepertoireError('not-found', `the store holds no directory "${id}"`, 404);
  return redactDocument(document, new Redactor(contacts, { audience: 'public', consents }));
}

export async function comparisonView(db: Kysely<Database>, fromId: string, toId: string): Promise<ComparisonView> {
  const [from, to] = await Promise.all([publicDocument(db, fromId), publicDocument(db, toId)]);
  if (seriesKey(from.directory) !== seriesKey(to.directory)) {
    throw new RepertoireError('not-found', `"${toId}" is not an edition of the series of "${fromId}"`, 404);
  }
  const comparison = compareEditions({ id: fromId, document: from }, { id: toId, document: to });
  // the lists' item changes stay out of the page: what changed in a list is its before and after
  const fields = (changes: typeof comparison.partnerships) => ({
    ...changes,
    changed: changes.changed.map((record) => ({ ...record, fields: record.fields.map(({ list: _list, ...field }) => field) })),
  });
  return ComparisonView.parse({ ...comparison, partnerships: fields(comparison.partnerships), projects: fields(comparison.projects) });
}
