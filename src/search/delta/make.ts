/**
 * The delta: after an edit, an approval or a withdrawal, the documents of the changed records
 * (and of those that show them: a partnership's projects carry its title and facets, a
 * collectivity's partnerships its name) are re-made by the build's own functions (documents.ts)
 * and stored in `search_delta` under their numbers in the index, with a new delta version the
 * searchers see on their next search (delta/overlay.ts). The index itself is not touched.
 *
 * What the delta cannot express asks for a full rebuild: a new record (its number would come
 * between the base's), a facet value the index's catalogue does not have (a new region, decade,
 * kind or funder), a change of any other kind of record (a domain's label is on every
 * document), or more than `DELTA_LIMIT` documents.
 */
import type { Kysely } from 'kysely';
import { distinctDomainLabels } from '../../model/domain-labels.js';
import type { Database } from '../../store/tables.js';
import { BODY_LIMIT, FACET_GROUPS, dateKey, sortName, type IndexDictionary } from '../build.js';
import { jsonList, type DocInput, type FacetIds, type IndexWords } from '../documents.js';
import { INDEX_VERSION, FACET_NAMES, type FacetName } from '../types.js';
import { forEachTerm } from '../text.js';
import { ensureSearchTables, type SearchTables } from '../tables.js';
import type { DeltaDoc } from './overlay.js';
import { NeedsRebuild, affectedRecords, makeRecordDocuments, type RecordRef, type RecordVocabulary } from './records.js';

export { NeedsRebuild, type RecordRef };
import { namePositions, readNameOrder, type NameOrder } from './names.js';

/** Past this many documents in the delta, the index is rebuilt instead (in the background, by the caller). */
export const DELTA_LIMIT = 1000;

/** What applying changes did: documents re-made, or why the whole index must be rebuilt. */
export type DeltaOutcome = { applied: number; size: number } | { rebuild: string };

/**
 * What one keeper's deltas keep from a change to the next, by directory: the index's dictionary
 * parsed and its name order, with the build they are of (`search_meta` 'stamp', which each build
 * writes anew). Read and parsed again at each change they took 30–80 ms at 1 000 000 projects.
 */
export type DeltaMemo = Map<string, { build: string; dict: IndexDictionary; names: NameOrder }>;

/** The changes (records by type and id) applied to the directory's delta, in one transaction. */
export async function applySearchDelta(db: Kysely<Database>, directoryId: string, changes: readonly RecordRef[], words?: IndexWords, memo?: DeltaMemo): Promise<DeltaOutcome> {
  const run = async (trx: Kysely<Database>): Promise<DeltaOutcome> => {
    try {
      return await apply(trx, directoryId, changes, words, memo);
    } catch (error) {
      if (error instanceof NeedsRebuild) return { rebuild: error.message };
      throw error;
    }
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

async function apply(db: Kysely<Database>, directoryId: string, changes: readonly RecordRef[], words: IndexWords | undefined, memo: DeltaMemo | undefined): Promise<DeltaOutcome> {
  await ensureSearchTables(db);
  const search = db.withTables<SearchTables>();
  const { dict, names } = await builtIndex(db, directoryId, memo);
  const vocabulary = await vocabularyOf(db, directoryId, dict, words);
  const records = await affectedRecords(db, directoryId, changes, DELTA_LIMIT);
  // their documents' numbers in the base
  const numbers = new Map<string, number>();
  const ids = [...records.values()].flatMap((list) => [...list]);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await search.selectFrom('search_docs').select(['doc', 'type', 'record_id']).where('directory_id', '=', directoryId).where('record_id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) numbers.set(`${row.type}\u0000${row.record_id}`, row.doc);
  }
  const made = await makeRecordDocuments(db, directoryId, vocabulary, records);
  const entries: DeltaDoc[] = [];
  const madeDocs: { doc: number; input: DocInput; until: number | undefined }[] = [];
  for (const [type, list] of records) {
    for (const id of list) {
      const doc = numbers.get(`${type}\u0000${id}`);
      const input = made.get(type)?.get(id);
      if (doc === undefined) {
        if (input !== undefined) throw new NeedsRebuild(`a new ${type} (${id})`);
        continue;
      }
      if (input === undefined) entries.push({ doc, removed: true });
      else madeDocs.push({ doc, input: input.doc, until: input.until });
    }
  }
  const positions = await namePositions(db, directoryId, names, madeDocs.map(({ doc, input }) => ({ doc, sortName: sortName(input.title) })));
  for (const { doc, input, until } of madeDocs) entries.push(entryOf(doc, input, positions.get(doc) ?? 0, until));

  // the delta so far, with these documents replaced
  const kept = await search.selectFrom('search_delta').select('doc').where('directory_id', '=', directoryId).execute();
  const size = new Set([...kept.map((row) => row.doc), ...entries.map((entry) => entry.doc)]).size;
  if (size > DELTA_LIMIT) throw new NeedsRebuild(`${size} documents changed since the build`);
  const docs = entries.map((entry) => entry.doc);
  for (let i = 0; i < docs.length; i += 500) await search.deleteFrom('search_delta').where('directory_id', '=', directoryId).where('doc', 'in', docs.slice(i, i + 500)).execute();
  for (let i = 0; i < entries.length; i += 500) {
    await search.insertInto('search_delta').values(entries.slice(i, i + 500).map((entry) => ({ directory_id: directoryId, doc: entry.doc, entry: JSON.stringify(entry) }))).execute();
  }
  await search.deleteFrom('search_meta').where('directory_id', '=', directoryId).where('key', '=', 'delta').execute();
  const version = Buffer.from(`${new Date().toISOString()} ${Math.random().toString(36).slice(2)}`);
  await search.insertInto('search_meta').values({ directory_id: directoryId, key: 'delta', value: version }).execute();
  return { applied: entries.length, size };
}

/** The index's dictionary and name order, kept in `memo` while the build is the same. */
async function builtIndex(db: Kysely<Database>, directoryId: string, memo: DeltaMemo | undefined): Promise<{ dict: IndexDictionary; names: NameOrder }> {
  const search = db.withTables<SearchTables>();
  const meta = async (key: string) => {
    const row = await search.selectFrom('search_meta').select('value').where('directory_id', '=', directoryId).where('key', '=', key).executeTakeFirst();
    return row === undefined ? undefined : Buffer.from(row.value as Uint8Array).toString('utf8');
  };
  // (PostgreSQL's build writes no stamp: nothing kept there)
  const build = await meta('stamp');
  const kept = build === undefined ? undefined : memo?.get(directoryId);
  if (kept !== undefined && kept.build === build) return kept;
  const text = await meta('dict');
  if (text === undefined) throw new NeedsRebuild('no index yet');
  const dict = JSON.parse(text) as IndexDictionary;
  if (dict.version !== INDEX_VERSION) throw new NeedsRebuild('an index of an older shape');
  const made = { dict, names: await readNameOrder(db, directoryId) };
  if (build !== undefined) memo?.set(directoryId, { build, ...made });
  return made;
}

/** A re-made document as the searchers read it: its terms, profiles, sort keys and shown row. */
function entryOf(doc: number, input: DocInput, namePosition: number, until: number | undefined): DeltaDoc {
  const terms = new Set<string>();
  const titleTerms = new Set<string>();
  forEachTerm(input.title, (term) => {
    terms.add(term);
    titleTerms.add(term);
  });
  forEachTerm(`${input.subtitle} ${input.body} ${input.extra}`, (term) => terms.add(term));
  return {
    doc,
    row: {
      type: input.type,
      record_id: input.recordId,
      partnership_id: input.partnershipId,
      title: input.title,
      subtitle: input.subtitle,
      date: input.date,
      pad: input.pad,
      body: input.body.length > BODY_LIMIT ? input.body.slice(0, BODY_LIMIT) : input.body,
    },
    terms: [...terms],
    titleTerms: [...titleTerms],
    profiles: FACET_GROUPS.map((group) => group.map((facet) => input.facets[facet] ?? [])),
    date: dateKey(input.sortDate),
    sortName: sortName(input.title),
    namePosition,
    ...(until === undefined ? {} : { until }),
  };
}

/** The vocabulary of the index being patched: its catalogue's values only (another asks for a rebuild); the collectivities come with the records (records.ts). */
async function vocabularyOf(db: Kysely<Database>, directoryId: string, dict: IndexDictionary, words: IndexWords | undefined): Promise<RecordVocabulary> {
  const values = {} as Record<FacetName, FacetIds>;
  for (const facet of FACET_NAMES) {
    const index = new Map((dict.facets[facet] ?? []).map((entry, i) => [entry.value, i]));
    values[facet] = {
      id(value) {
        const i = index.get(value);
        if (i === undefined) throw new NeedsRebuild(`a ${facet} the index does not know (${value})`);
        return i;
      },
    };
  }
  const directory = await db.selectFrom('directories').select('countries').where('id', '=', directoryId).executeTakeFirst();
  const domains = distinctDomainLabels(await db.selectFrom('domains').select(['code', 'label', 'parent']).where('directory_id', '=', directoryId).orderBy('position').execute());
  return {
    values,
    countries: { countries: jsonList(directory?.countries ?? null) },
    domainLabel: new Map(domains.map((d) => [d.code, d.label])),
    domainParent: new Map(domains.map((d) => [d.code, d.parent])),
    topFunders: new Set((dict.facets.funder ?? []).map((entry) => entry.label ?? entry.value)),
    words,
  };
}
