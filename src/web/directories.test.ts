/**
 * A store holding two directories (FR–MA 2008 and a FR–SN one), over real HTTP: each directory's
 * pages under /r/<id>, linking within it; the default directory at the root as before.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../model/fixtures/index.js';
import { saveDocument } from '../store/save-document.js';
import { synthDirectoryId } from '../synth/generate.js';
import { DIRECTORY_ID, internalLinks, openTestSite, PARTNER_DIRECTORY, siteEngine, type TestSite } from './testing.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite({ search: false });
  const other = loadFixture();
  other.directory = { id: 'franco-senegalais', title: 'Répertoire franco-sénégalais', countries: ['FR', 'SN'], edition: '2026' };
  await saveDocument(site.store.db, other);
}, 60_000);

afterAll(async () => site?.dispose());

const get = (url: string) => site.app.inject({ method: 'GET', url });

describe('several directories in one site', () => {
  it('holds both directories in a store of the engine the run asks for (TEST_SITE_ENGINE: the suite runs the site tests on each)', async () => {
    expect(site.engine).toBe(siteEngine());
    const server = await sql<{ v: string }>`select ${sql.raw(site.engine === 'postgres' ? 'version()' : "'SQLite ' || sqlite_version()")} as v`.execute(site.store.db);
    expect(server.rows[0]!.v).toMatch(site.engine === 'postgres' ? /^PostgreSQL / : /^SQLite /);
    const held = await site.store.db.selectFrom('directories').select('id').orderBy('id').execute();
    expect(held.map((d) => d.id)).toEqual(expect.arrayContaining([DIRECTORY_ID, synthDirectoryId({ ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] })]));
  });

  it('serves each directory under /r/<id>, its links staying in it', async () => {
    const home = await get('/r/franco-senegalais');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Répertoire franco-sénégalais');
    const links = internalLinks(home.body).filter((href) => href.startsWith('/partenariats') || href.startsWith('/projets') || href.startsWith('/collectivites'));
    expect(links).toEqual([]);
    expect(internalLinks(home.body)).toContain('/r/franco-senegalais/partenariats');

    const list = await get('/r/franco-senegalais/partenariats.json');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('/r/franco-senegalais/partenariats/aix-en-provence-oujda');
    const record = await get('/r/franco-senegalais/partenariats/aix-en-provence-oujda');
    expect(record.statusCode).toBe(200);
  });

  it('keeps the default directory at the root, with its own records', async () => {
    const root = await get('/partenariats.json');
    expect(root.statusCode).toBe(200);
    expect(root.body).not.toContain('/r/');
    const home = await get('/');
    expect(home.body).toMatch(/<h1>[^<]*franco-marocains<\/h1>/);
    // the other directories are listed, each at its own address
    const other = (await get('/index.json')).json<{ directories: { id: string; href: string }[] }>().directories;
    expect(other).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'franco-senegalais', href: '/r/franco-senegalais' })]));
    expect(other.map((d) => d.id)).not.toContain('repertoire-franco-marocain-2008');
    expect((await get('/r/franco-senegalais/index.json')).json<{ directories: { id: string }[] }>().directories.map((d) => d.id)).toContain('repertoire-franco-marocain-2008');
    expect((await get('/partenariats/tours-marrakech')).statusCode).toBe(200);
    expect((await get('/r/repertoire-franco-marocain-2008/partenariats/tours-marrakech')).statusCode).toBe(200);
  });

  it('answers 404 for a directory the store does not hold, and keeps nothing of it', async () => {
    const response = await get('/r/nowhere/partenariats');
    expect(response.statusCode).toBe(404);
    expect((await get('/r/nowhere')).statusCode).toBe(404);
  });

  it('shows each directory its own import report', async () => {
    const own = await get('/r/franco-senegalais/rapport.json');
    const root = await get('/rapport.json');
    expect(own.json<{ report?: { directoryId: string } }>().report).toBeUndefined(); // saved, not imported: no report
    expect(root.json<{ report: { directoryId: string } }>().report.directoryId).toBe('repertoire-franco-marocain-2008');
  });

  it('gives a collectivity of several directories one page listing its partnerships in the others', async () => {
    const synthetic = synthDirectoryId({ ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
    // a French town the 2008 directory and the synthetic FR–SN one both hold, party to partnerships in both
    const shared = await site.store.db
      .selectFrom('partnership_parties as a')
      .innerJoin('partnership_parties as b', (join) => join.onRef('a.collectivity_id', '=', 'b.collectivity_id'))
      .select('a.collectivity_id')
      .where('a.directory_id', '=', DIRECTORY_ID)
      .where('b.directory_id', '=', synthetic)
      .orderBy('a.collectivity_id')
      .executeTakeFirstOrThrow();
    type View = { elsewhere: { directory: { id: string; href: string }; partnerships: { href: string; title: string }[]; total: number }[] };
    const here = (await get(`/collectivites/${shared.collectivity_id}.json`)).json<View>();
    const there = here.elsewhere.find((e) => e.directory.id === synthetic)!;
    expect(there.directory.href).toBe(`/r/${synthetic}`);
    expect(there.total).toBeGreaterThan(0);
    expect(there.partnerships[0]!.href.startsWith(`/r/${synthetic}/partenariats/`)).toBe(true);
    expect((await get(there.partnerships[0]!.href)).statusCode).toBe(200);
    const back = (await get(`/r/${synthetic}/collectivites/${shared.collectivity_id}.json`)).json<View>();
    expect(back.elsewhere.map((e) => e.directory.id)).toContain(DIRECTORY_ID);
    const page = await get(`/collectivites/${shared.collectivity_id}`);
    expect(page.body).toContain('dans les autres répertoires');
  });

  it('links every page of a directory within it (a crawl of the synthetic directory’s pages)', async () => {
    const synthetic = synthDirectoryId({ ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
    const prefix = `/r/${synthetic}`;
    const queue = [prefix, `${prefix}/partenariats`, `${prefix}/projets`, `${prefix}/collectivites`, `${prefix}/statistiques`, `${prefix}/synthese`, `${prefix}/domaines`];
    const seen = new Set<string>();
    const unscoped: string[] = [];
    while (queue.length > 0 && seen.size < 250) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      for (const link of internalLinks(page.body)) {
        const target = link.split('#')[0]!;
        if (/^\/(partenariats|projets|collectivites|domaines|statistiques|synthese|recherche|rapport|autres-partenariats|pad|export)\b/.test(target)) unscoped.push(`${target} on ${url}`);
        else if (target.startsWith(`${prefix}/`) && !target.includes('.csv') && !target.endsWith('.pdf') && !target.includes('/recherche') && !target.includes('/export')) queue.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(unscoped).toEqual([]);
  }, 120_000);

  it('lists the directories, each linked to its home', async () => {
    const page = await get('/repertoires');
    expect(page.statusCode).toBe(200);
    expect(internalLinks(page.body)).toEqual(expect.arrayContaining(['/r/franco-senegalais', '/r/repertoire-franco-marocain-2008']));
  });
});
