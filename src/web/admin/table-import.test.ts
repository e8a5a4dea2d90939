/**
 * `/admin/tableaux`: an editor pastes the Czech register, chooses its shipped mapping, sees the
 * first rows and the dry run (nothing written), then imports; the same counts as the command.
 * Members only, editors only, CSRF checked; a bad mapping is a message, not a 5xx.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../store/load-document.js';
import { openMembersSite, text, type MembersSite } from '../census/testing.js';

const TABLE = readFileSync(fileURLToPath(new URL('../../import/table/fixtures/vztahy.tsv', import.meta.url)), 'utf8');
const PATH = '/admin/tableaux';

let site: MembersSite;
beforeAll(async () => {
  site = await openMembersSite();
}, 120_000);
afterAll(() => site.dispose());

describe('importing a table on the site', () => {
  it('is for editors: anonymous readers are sent to sign in, contributors refused, forms need their CSRF token', async () => {
    expect((await site.anonymous().get(PATH)).statusCode).toBe(303);
    expect((await (await site.signIn('oujda')).get(PATH)).statusCode).toBe(403);
    const editor = await site.signIn('editor');
    const refused = await editor.post(PATH, { mapping: 'twinnings-cz.json', table: TABLE, action: 'importer' }, { csrf: null });
    expect(refused.statusCode).toBe(403);
    expect(await readDocument(site.store.db, 'jumelages-cz-2013')).toBeUndefined();
  });

  it('shows the first rows and the dry run, writing nothing; then imports', async () => {
    const editor = await site.signIn('editor');
    const form = await editor.get(PATH);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<option value="twinnings-cz.json" selected>');

    const dry = await editor.post(PATH, { mapping: 'twinnings-cz.json', mappingText: '', table: TABLE, directory: '', action: 'essai' }, { csrfFrom: PATH });
    expect(dry.statusCode).toBe(200);
    const seen = text(dry.body);
    expect(seen).toContain('Premières lignes');
    expect(dry.body).toContain('<th scope="col">kod1</th>');
    expect(seen).toContain('Essai (rien n’est enregistré) dans le répertoire « jumelages-cz-2013 »');
    expect(seen).toContain('Lignes : 964 créées, 0 mises à jour, 0 inchangées, 2 rejetées.');
    expect(seen).toContain('Lignes rejetées (2)');
    expect(seen).toMatch(/759 stat2 partner\.country: "Korea" is ambiguous/);
    expect(seen).toContain('37546 read as an Excel serial date: 2002-10-17');
    expect(await readDocument(site.store.db, 'jumelages-cz-2013')).toBeUndefined();

    const done = await editor.post(PATH, { mapping: 'twinnings-cz.json', mappingText: '', table: TABLE, directory: '', action: 'importer' }, { csrfFrom: PATH });
    expect(done.statusCode).toBe(200);
    expect(text(done.body)).toContain('Importé dans le répertoire « jumelages-cz-2013 »');
    const doc = await readDocument(site.store.db, 'jumelages-cz-2013');
    expect(doc?.partnerships.length).toBe(963);
  }, 120_000);

  it('says what is wrong with a mapping, with the table and the store as they were', async () => {
    const editor = await site.signIn('editor');
    const bad = JSON.stringify({ format: 'repertoire-table-mapping', version: 1, directory: { id: 'x', title: 'X' }, home: { name: 'obec9' }, partner: { name: 'obec2' } });
    const response = await editor.post(PATH, { mapping: '', mappingText: bad, table: TABLE, directory: '', action: 'importer' }, { csrfFrom: PATH });
    expect(response.statusCode).toBe(422);
    expect(text(response.body)).toContain('tableau-colle.csv: row 1 (the headers): the mapping names columns the table does not have: "obec9" (home.name)');
    expect(response.body).toContain('obec9');
    expect(await readDocument(site.store.db, 'x')).toBeUndefined();
  }, 60_000);
});
