/**
 * The site's exports over real HTTP: the search page's form, the whole directory and exactly a
 * search's results in each format, the column choice, the public's privacy (consents included),
 * and the 400 page for refused parameters.
 */
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createAccountService } from '../../accounts/service.js';
import { MemoryPostman } from '../../accounts/mail.js';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createCensus } from '../../census/index.js';
import { actorOf } from '../../census/testing.js';
import type { Contact } from '../../model/schema.js';
import { TABLES } from '../../publish/tables.js';
import { MAX_PER_PAGE, type SearchQuery } from '../../search/types.js';
import { loadDocument } from '../../store/load-document.js';
import { isNamedPerson } from '../../census/privacy/index.js';
import { DIRECTORY_ID, servedTestSite } from '../testing.js';
import { registerExports } from './index.js';
import { unzipBuffer } from '../../publish/testing/tools.js';

const served = servedTestSite();

/** A CSV file of the export (no quoted line breaks in the first column): its rows as records. */
function csvRows(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  const names = header.split(';');
  return lines
    .filter((line) => !line.startsWith('"') || line.endsWith('"') || line.includes(';'))
    .map((line) => Object.fromEntries(line.split(';').map((value, i) => [names[i] ?? `_${i}`, value])));
}

async function get(path: string) {
  const response = await fetch(`${served.base}${path}`);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** Every hit of a search, by type, straight from the searcher. */
async function hitsOf(query: Partial<SearchQuery>) {
  const dir = await served.site.directory();
  const out = { partnership: new Set<string>(), project: new Set<string>(), collectivity: new Set<string>(), notice: new Set<string>(), projectPartnership: new Set<string>() };
  for (let page = 1; ; page += 1) {
    const result = await served.site.searcher!.search({ q: '', filters: {}, sort: 'relevance', ...query, page, perPage: MAX_PER_PAGE }, dir.id);
    for (const hit of result.hits) {
      out[hit.type].add(hit.id);
      if (hit.type === 'project' && hit.partnershipId) out.projectPartnership.add(hit.partnershipId);
    }
    if (page >= result.pages) break;
  }
  return out;
}

describe('the export form on the search page', () => {
  it('carries the search as hidden inputs, a format select, the columns as ticked checkboxes in a <details>, and two buttons', async () => {
    const { body } = await get('/recherche?q=eau&status=completed');
    const page = body.toString('utf8');
    const form = /<form class="export-form" method="get" action="\/export">[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
    expect(form).toContain('<input type="hidden" name="q" value="eau">');
    expect(form).toContain('<input type="hidden" name="status" value="completed">');
    expect(form).toMatch(/<select id="export-format" name="format"><option value="csv">/);
    for (const format of ['csv', 'xlsx', 'json', 'iati']) expect(form).toContain(`<option value="${format}">`);
    const boxes = [...form.matchAll(/<input type="checkbox" id="[^"]+" name="columns" value="([^"]+)" checked>/g)].map((m) => m[1]);
    expect(boxes).toEqual(TABLES.flatMap((t) => t.columns.map((c) => `${t.name}:${c.name}`)));
    expect(form).toMatch(/<details class="export-columns"><summary>/);
    expect(form).toContain('<button type="submit" name="scope" value="search">Exporter ces résultats</button>');
    expect(form).toContain('<button type="submit" name="scope" value="all">Exporter tout le répertoire</button>');
  });
});

describe('GET /export', () => {
  it('a search as CSV: exactly its projects and partnerships, its collectivities beside the parties', async () => {
    const { response, body } = await get('/export?format=csv&scope=search&q=eau&labels=codes');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="repertoire-franco-marocain-2008-recherche.zip"');
    const files = await unzipBuffer(body);
    const hits = await hitsOf({ q: 'eau' });
    expect(hits.project.size).toBeGreaterThan(0);
    const projects = csvRows(files.get('projects.csv')!).map((r) => r.id);
    expect(new Set(projects)).toEqual(hits.project);
    expect(projects.length).toBe(hits.project.size);
    const partnerships = new Set(csvRows(files.get('partnerships.csv')!).map((r) => r.id));
    expect(partnerships).toEqual(new Set([...hits.partnership, ...hits.projectPartnership]));
    const collectivities = new Set(csvRows(files.get('collectivities.csv')!).map((r) => r.id));
    for (const id of hits.collectivity) expect(collectivities.has(id), id).toBe(true);
  });

  it('gives domains in the export’s language: English on /en/, the directory’s French at the root', async () => {
    // the projects' file, named in the export's language (projects.csv, projets.csv)
    const projects = async (path: string) => [...(await unzipBuffer((await get(path)).body)).entries()].find(([name]) => name.startsWith('proj'))?.[1] ?? '';
    const english = await projects('/en/export?format=csv&scope=search&q=eau');
    expect(english).toContain('Water & sanitation');
    expect(english).not.toContain('Eau & assainissement');
    expect(await projects('/export?format=csv&scope=search&q=eau')).toContain('Eau & assainissement');
  });

  it('everything (scope=all, or no search) as XLSX with the chosen columns only', async () => {
    const { response, body } = await get('/export?format=xlsx&scope=all&q=eau&labels=codes&columns=projects:title&columns=projects:id&columns=funding:amount,currency');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="repertoire-franco-marocain-2008.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['projects', 'funding']);
    const projects = workbook.getWorksheet('projects')!;
    expect(projects.getRow(1).values).toEqual([undefined, 'id', 'title']);
    const doc = await loadDocument(served.site.store.db, DIRECTORY_ID);
    expect(projects.rowCount - 1).toBe(doc.partnerships.flatMap((p) => p.projects ?? []).length);
    const funding = workbook.getWorksheet('funding')!;
    expect(funding.getRow(1).values).toEqual([undefined, 'amount', 'currency']);
    expect(typeof funding.getRow(2).getCell(1).value === 'number' || funding.getRow(2).getCell(1).value === null).toBe(true);
  });

  it('a search as JSON and as IATI: the same projects', async () => {
    const hits = await hitsOf({ q: 'formation', filters: { type: ['project'] } });
    const json = await get('/export?format=json&q=formation&type=project');
    expect(json.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(json.body.toString('utf8')) as { partnerships: { projects?: { id: string }[] }[] };
    expect(new Set(doc.partnerships.flatMap((p) => (p.projects ?? []).map((x) => x.id)))).toEqual(hits.project);
    const iati = (await get('/export?format=iati&q=formation&type=project')).body.toString('utf8');
    expect((iati.match(/<iati-activity /g) ?? []).length).toBe(hits.project.size);
  });

  it("never holds a named person's coordinates, unless they consented", async () => {
    const doc = await loadDocument(served.site.store.db, DIRECTORY_ID);
    const people = doc.partnerships.flatMap((p) => p.contacts ?? []).filter((c) => isNamedPerson(c) && (c.emails?.length ?? 0) > 0);
    const emails = [...new Set(people.flatMap((c) => c.emails ?? []).map((e) => e.toLowerCase().replace(/\.$/, '')))];
    expect(emails.length).toBeGreaterThan(50);
    const institutional = doc.partnerships.flatMap((p) => p.contacts ?? []).filter((c) => !isNamedPerson(c) && (c.emails?.length ?? 0) > 0);
    const leaks = (text: string) => emails.filter((email) => text.toLowerCase().includes(email));

    const csv = await unzipBuffer((await get('/export?format=csv')).body);
    const everything = [...csv.values()].join('\n');
    expect(leaks(everything)).toEqual([]);
    expect(everything).toContain('Roseline GIRARD'); // names stay
    if (institutional[0]) expect(everything).toContain(institutional[0].emails![0]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('/export?format=xlsx')).body as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
    expect(leaks(cells.join('\n'))).toEqual([]);
    for (const format of ['json', 'iati']) expect(leaks((await get(`/export?format=${format}`)).body.toString('utf8')), format).toEqual([]);

    // a person who consents is published, in the exports as on the pages
    const person: Contact = people[0]!;
    const accounts = createAccountService({ db: served.site.store.db, baseUrl: 'https://repertoire.test', mail: new MemoryPostman() });
    const editor = actorOf((await accounts.createUser({ email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' }, CLI_ACTOR)).user);
    await createCensus({ db: served.site.store.db, defaultDirectory: async () => DIRECTORY_ID }).privacy.setConsent(editor, { name: person.name, ...(person.collectivityId ? { collectivityId: person.collectivityId } : {}), publish: true });
    const after = await unzipBuffer((await get('/export?format=csv')).body);
    const contacts = after.get('contacts.csv')!;
    expect(contacts.toLowerCase()).toContain(person.emails![0]!.toLowerCase().replace(/\.$/, ''));
    const own = new Set((person.emails ?? []).map((e) => e.toLowerCase().replace(/\.$/, '')));
    const others = people.filter((c) => c.name !== person.name).flatMap((c) => c.emails ?? []).map((e) => e.toLowerCase().replace(/\.$/, ''));
    expect(leaks(contacts).filter((email) => !own.has(email) && others.includes(email))).toEqual([]);
  });

  it('a search with more results than an export holds: a 422 page offering the whole directory', async () => {
    // the same routes on an app of their own, with a limit of 5 results (the site's is 10 000)
    const app = Fastify();
    const dir = await served.site.directory();
    registerExports(app, { db: served.site.store.db, searcher: served.site.searcher, directory: async () => dir, page: async (_request, page) => `<main>${page.body.value}</main>`, limit: 5 });
    const small = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const total = (await served.site.searcher!.search({ q: 'eau', filters: {}, sort: 'relevance', page: 1, perPage: 1 }, dir.id)).total;
      expect(total).toBeGreaterThan(5);
      const response = await fetch(`${small}/export?format=xlsx&q=eau`);
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain(`Cette recherche donne ${total} résultats ; l’export d’une recherche s’arrête à 5 résultats.`);
      expect(page).toContain('<a href="/export?format=xlsx&amp;scope=all">Exporter tout le répertoire</a>');
      const all = await fetch(`${small}/export?format=xlsx&scope=all&q=eau`);
      expect(all.status).toBe(200);
      expect((await all.arrayBuffer()).byteLength).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['format=pdf', 'format', '« pdf »'],
    ['', 'format', 'aucun format'],
    ['format=csv&columns=projects:nope', 'columns', '« nope »'],
    ['format=xlsx&columns=nowhere:id', 'columns', '« nowhere »'],
    ['format=xlsx&columns=projects', 'columns', 'TABLE:COLONNE'],
    ['format=csv&scope=some', 'scope', '« some »'],
  ])('refuses %s with a 400 page naming %s', async (query, parameter, detail) => {
    const { response, body } = await get(`/export?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = body.toString('utf8');
    expect(page).toContain(`Le paramètre « ${parameter} » est refusé`);
    expect(page).toContain(detail);
  });
});
