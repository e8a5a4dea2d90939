/**
 * PostgreSQL's search against SQLite's on the 2008 directory: the same directory imported into
 * a real SQLite file and a real PostgreSQL database, each indexed by its own engine; every query
 * of the list must give the same total, the same hits in the same order, the same facet counts,
 * notices and suggestions — both on PostgreSQL's searcher (the engine's core on the stored bitsets)
 * and on its SQL one (tsvector, GIN).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { readDirectory } from '../../import/directory/index.js';
import { SEED_COUNTRIES } from '../../import/directory/testing.js';
import { openStore, type Store } from '../../store/db.js';
import { saveDocument } from '../../store/save-document.js';
import { ENGINES, openEngineStore, tempDatabaseUrl } from '../../test-support/engines.js';
import { parseSearchParams } from '../params.js';
import { localSearcher } from '../pool.js';
import { DIRECTORY_2008, DIRECTORY_2008_ID, indexed2008Store, type IndexedStore } from '../testing.js';
import type { SearchResult, Searcher } from '../types.js';
import { rebuildPostgresSearchIndex } from './build.js';
import { openPostgresSearcher, postgresReads } from './engine.js';
import { openPostgresSqlSearcher } from './searcher.js';
import { searchWords } from '../../web/i18n/codes.js';

const QUERIES: Record<string, string | string[]>[] = [
  {},
  { q: 'de' },
  { q: 'eau' },
  { q: 'eaux potables' },
  { q: 'développement' },
  { q: 'dév' },
  { q: 'dé' },
  { q: 'fes' },
  { q: 'FÈS' },
  { q: 'coeur' },
  { q: 'œuvre' },
  { q: 'échanges culturels' },
  { q: 'Aix-en-Provence' },
  { q: "l'eau" },
  { q: 'formation des jeunes' },
  { q: 'marrakech culture' },
  { q: 'coopération décentralisée' },
  { q: 'tourisme ru' },
  { q: '"NEAR" (eau* -:' },
  { q: 'zzqx' },
  { q: 'assainisement' },
  { q: 'de', type: 'project', status: 'ongoing' },
  { q: 'eau', sort: 'date' },
  { q: 'eau', sort: 'name' },
  { sort: 'date', perPage: '100' },
  { type: 'partnership', sort: 'name', page: '2' },
  { domain: 'culture' },
  { pad: 'yes', sort: 'date' },
  { q: 'projet', homeKind: 'commune', decade: '2000' },
  { q: 'formation', domain: ['culture', 'education'], type: ['project', 'partnership'] },
  { q: 'eau', page: '500' },
  { funder: 'pad', sort: 'name' },
  { q: 'jeunes', region: 'oriental' },
  { domain: 'no-such-domain', q: 'eau' },
  // OR and exclusion
  { q: 'eau OR assainissement' },
  { q: 'eau ou assainissement', type: 'project' },
  { q: 'culture -festival' },
  { q: 'culture -festival -musique', sort: 'date' },
  { q: 'marrakech culture OR agadir eau' },
  { q: 'eau OR assain' },
  { q: '-eau', sort: 'name' },
  { q: 'eau OR' },
];

const comparable = (result: SearchResult) => ({ ...result, tookMs: 0 });

describe.skipIf(!ENGINES.includes('postgres'))('search on PostgreSQL', () => {
  let sqlite: IndexedStore;
  let postgres: Store;
  let onSqlite: Searcher;
  let onPostgres: Searcher;
  let inSql: Searcher;

  beforeAll(async () => {
    sqlite = await indexed2008Store();
    onSqlite = localSearcher({ databasePath: sqlite.path });
    postgres = await openStore(loadConfig({ DATABASE_URL: await tempDatabaseUrl('postgres', (drop) => afterAll(drop)) }));
    const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt' , countries: SEED_COUNTRIES });
    await saveDocument(postgres.db, read.document, { sources: read.sources, report: read.report });
    await rebuildPostgresSearchIndex(postgres.db, DIRECTORY_2008_ID, undefined, searchWords('fr')); // as indexed2008Store builds the SQLite one
    onPostgres = openPostgresSearcher(postgres.db);
    inSql = openPostgresSqlSearcher(postgres.db);
  }, 120_000);

  afterAll(async () => {
    await onSqlite?.close();
    await onPostgres?.close();
    await inSql?.close();
    await postgres?.close();
    await sqlite?.dispose();
  });

  it.each(QUERIES.map((params) => [JSON.stringify(params), params] as const))('%s gives the same answer on both engines', async (_, params) => {
    const query = parseSearchParams(params).query;
    const [expected, actual, sqlAnswer] = await Promise.all([
      onSqlite.search(query, DIRECTORY_2008_ID),
      onPostgres.search(query, DIRECTORY_2008_ID),
      inSql.search(query, DIRECTORY_2008_ID),
    ]);
    expect(comparable(actual)).toEqual(comparable(expected));
    expect(comparable(sqlAnswer)).toEqual(comparable(expected));
  });

  it('finds what the words say, whatever their accents, case and number', async () => {
    const search = (q: string) => onPostgres.search(parseSearchParams({ q }).query);
    const fes = await search('fes');
    expect(fes.total).toBeGreaterThan(0);
    expect(fes.hits.map((h) => h.excerptHtml).join(' ')).toContain('<mark>Fès</mark>');
    expect((await search('dév')).total).toBeGreaterThan((await search('développement')).total);
    expect((await search('eaux ')).total).toBe((await search('eau ')).total);
  });

  it('says the index is not built yet on a store without one, on either searcher', async () => {
    const bare = await openEngineStore('postgres');
    for (const searcher of [openPostgresSearcher(bare.db), openPostgresSqlSearcher(bare.db)]) {
      const result = await searcher.search(parseSearchParams({ q: 'eau' }).query);
      expect(result.total).toBe(0);
      expect(result.notices.join(' ')).toContain("pas encore construit");
    }
  });

  it('notices a rebuild committed between its reads (then searches again in one snapshot)', async () => {
    const stamp = () => sql<{ value: Uint8Array }>`SELECT value FROM search_meta WHERE directory_id = ${DIRECTORY_2008_ID} AND key = 'stamp'`.execute(postgres.db);
    const before = (await stamp()).rows[0]!.value;
    const reads = postgresReads(postgres.db, true);
    expect(await reads.stamp(DIRECTORY_2008_ID)).toBe(Buffer.from(before).toString('utf8'));
    expect((await reads.postings(DIRECTORY_2008_ID, { terms: ['eau'], prefixes: ['de'], ranges: ['develop'] })).terms.has('eau')).toBe(true);
    const set = (value: Uint8Array) => sql`UPDATE search_meta SET value = ${value} WHERE directory_id = ${DIRECTORY_2008_ID} AND key = 'stamp'`.execute(postgres.db);
    await set(Buffer.from('another build'));
    try {
      await expect(reads.postings(DIRECTORY_2008_ID, { terms: ['eau'], prefixes: [], ranges: [] })).rejects.toThrow(/rebuilt/);
      await expect(reads.docs(DIRECTORY_2008_ID, [0, 1])).rejects.toThrow(/rebuilt/);
      const query = parseSearchParams({ q: 'eau' }).query;
      expect(comparable(await onPostgres.search(query, DIRECTORY_2008_ID))).toEqual(comparable(await onSqlite.search(query, DIRECTORY_2008_ID)));
    } finally {
      await set(before);
    }
  });
});
