/**
 * The delta against a fresh build: after seeded random edits to the 2008 directory (titles,
 * texts, statuses, dates, a collectivity's name, a project removed), the searches over the index
 * as built plus the delta must give what they give over an index rebuilt from scratch — totals,
 * hits in order, facet counts — on either engine.
 */
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random.js';
import { loadConfig } from '../../config.js';
import { readDirectory } from '../../import/directory/index.js';
import { SEED_COUNTRIES } from '../../import/directory/testing.js';
import { openStore } from '../../store/db.js';
import { saveDocument } from '../../store/save-document.js';
import type { Database } from '../../store/tables.js';
import { ENGINES, tempDatabaseUrl } from '../../test-support/engines.js';
import { searchWords } from '../../web/i18n/codes.js';
import { rebuildSearchIndex } from '../build.js';
import { parseSearchParams } from '../params.js';
import { localSearcher } from '../pool.js';
import { openPostgresSearcher } from '../postgres/engine.js';
import { rebuildPostgresSearchIndex } from '../postgres/build.js';
import { DIRECTORY_2008, DIRECTORY_2008_ID } from '../testing.js';
import type { SearchResult, Searcher } from '../types.js';
import { applySearchDelta, type DeltaMemo, type RecordRef } from './make.js';

const WORDS = ['bibliothèque', 'vélos', 'zéphyr', 'apiculture', 'marrakech', 'eau', 'jeunesse'];
const QUERIES: Record<string, string | string[]>[] = [
  {},
  { q: 'de' },
  { q: 'eau' },
  { q: 'dév' },
  { q: 'bibliothèques' },
  { q: 'vélo' },
  { q: 'zéphyr', sort: 'name' },
  { q: 'api' },
  { q: 'apicul' },
  { q: 'jeunesse', sort: 'date' },
  { q: 'marrakech culture' },
  { q: 'eau OR zéphyr' },
  { q: 'culture -vélos' },
  { sort: 'name', perPage: '100' },
  { sort: 'date', perPage: '100', page: '3' },
  { type: 'project', status: 'completed' },
  { q: 'projet', decade: '2000' },
  { pad: 'yes', sort: 'name' },
  { q: 'eau', domain: 'culture' },
  { type: 'collectivity', sort: 'name' },
];


/** Random edits straight in the store's tables (what an edit or an approval writes), and the records they changed. */
async function edit(db: Kysely<Database>, seed: number): Promise<RecordRef[]> {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const word = () => pick(WORDS);
  const d = DIRECTORY_2008_ID;
  const projects = await db.selectFrom('projects').select(['id', 'title']).where('directory_id', '=', d).orderBy('id').execute();
  const partnerships = await db.selectFrom('partnerships').select(['id', 'signed_date']).where('directory_id', '=', d).orderBy('id').execute();
  const collectivities = await db.selectFrom('collectivities').select(['id', 'name']).where('directory_id', '=', d).orderBy('id').execute();
  const changes: RecordRef[] = [];
  for (let i = 0; i < 12; i += 1) {
    const p = pick(projects);
    await db
      .updateTable('projects')
      .set({ title: `${p.title} ${word()}`, description: `${word()} ${word()}`, status: pick(['ongoing', 'completed', 'planned']), pad_cofinanced: next() < 0.5 ? 1 : 0 })
      .where('directory_id', '=', d)
      .where('id', '=', p.id)
      .execute();
    changes.push({ type: 'project', id: p.id });
  }
  for (let i = 0; i < 4; i += 1) {
    const p = pick(partnerships);
    // a date another partnership has: its decade is in the catalogue
    await db.updateTable('partnerships').set({ history: `${word()} ${word()}`, signed_date: pick(partnerships).signed_date }).where('directory_id', '=', d).where('id', '=', p.id).execute();
    changes.push({ type: 'partnership', id: p.id });
  }
  const c = pick(collectivities);
  await db.updateTable('collectivities').set({ name: `${word()} ${c.name}` }).where('directory_id', '=', d).where('id', '=', c.id).execute();
  changes.push({ type: 'collectivity', id: c.id });
  const gone = pick(projects.filter((p) => !changes.some((change) => change.id === p.id)));
  for (const table of ['project_domains', 'funding_lines', 'project_partners'] as const) await db.deleteFrom(table).where('directory_id', '=', d).where('project_id', '=', gone.id).execute();
  await sql`DELETE FROM projects WHERE directory_id = ${d} AND id = ${gone.id}`.execute(db);
  changes.push({ type: 'project', id: gone.id });
  return changes;
}

const comparable = (result: SearchResult) => ({ ...result, tookMs: 0 });

describe.each(ENGINES)('the search delta on %s', (engine) => {
  it('gives what a fresh build gives, after random edits', async () => {
    const url = engine === 'sqlite' ? `${(await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/repertoire-delta-`)}/store.db` : await tempDatabaseUrl('postgres', (drop) => afterAll(drop));
    const store = await openStore(loadConfig({ DATABASE_URL: url }));
    const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES });
    await saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
    const words = searchWords('fr');
    const rebuild = () => (engine === 'postgres' ? rebuildPostgresSearchIndex(store.db, DIRECTORY_2008_ID, undefined, words) : rebuildSearchIndex(store.db, DIRECTORY_2008_ID, undefined, undefined, words));
    await rebuild();
    const searcher: Searcher = engine === 'postgres' ? openPostgresSearcher(store.db) : localSearcher({ databasePath: url });
    try {
      const answers = async () => {
        const out: SearchResult[] = [];
        for (const params of QUERIES) out.push(comparable(await searcher.search(parseSearchParams(params).query, DIRECTORY_2008_ID, '2026-12-01')));
        return out;
      };
      // kept from one delta to the next, as the site keeps it: after a rebuild, read again
      const memo: DeltaMemo = new Map();
      for (const seed of [20, 21]) {
        const before = await answers(); // the base loaded: the delta goes over an index in use
        const changes = await edit(store.db, seed);
        const outcome = await applySearchDelta(store.db, DIRECTORY_2008_ID, changes, words, memo);
        expect(outcome).toMatchObject({ applied: expect.any(Number) });
        const withDelta = await answers();
        expect(withDelta).not.toEqual(before); // the edits show
        await rebuild();
        const fresh = await answers();
        QUERIES.forEach((params, i) => expect(withDelta[i], `${seed} ${JSON.stringify(params)}`).toEqual(fresh[i]));
      }
      if (engine === 'sqlite') expect(memo.size).toBe(1);
    } finally {
      await searcher.close();
      await store.close();
    }
  }, 180_000);
});

