/**
 * Every contact of the 2008 directory, read from the bundled source (not a sample, and not
 * through the decision under test): no named person's phone or fax (by its digits), e-mail (in
 * any case) or address appears in any public output — every page and its JSON twin, the
 * searches for each of them (results and excerpts), the site's exports in every format, and the
 * book written with the public's redactor.
 *
 * Which contacts are an organisation's own line, and so public, is written out here: a human
 * checked each one (none in the 2008 directory: every one of its 196 contact lines names a person,
 * nine of them of kind `other` beside their association, who were once published).
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { isNamedPerson } from '../census/privacy/index.js';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import type { Contact } from '../model/schema.js';
import { writeBookHtml } from '../publish/book/index.js';
import { unzipBuffer } from '../publish/testing/tools.js';
import { loadDocument } from '../store/load-document.js';
import { jsonTwin } from './paths.js';
import { DIRECTORY_ID, internalLinks, openTestSite, type TestSite } from './testing.js';

/** The 2008 directory's contact lines that are an organisation's or a service's own (by name): none. */
const INSTITUTIONAL_LINES_2008: readonly string[] = [];

const contacts: { partnershipId: string; contact: Contact }[] = readDirectory(readFileSync(BUNDLED_DIRECTORY, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt' , countries: SEED_COUNTRIES })
  .document.partnerships.flatMap((p) => (p.contacts ?? []).map((contact) => ({ partnershipId: p.id, contact })));
const people = contacts.filter(({ contact }) => !INSTITUTIONAL_LINES_2008.includes(contact.name));

/** A private coordinate and how to find it in a text (see `visible`). */
interface Secret {
  what: string;
  whose: string;
  found(text: string): boolean;
}

const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A phone by its last eight digits, whatever the separators and the prefix (+212, 0…) written before them. */
function phoneSecret(phone: string, whose: string): Secret | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return undefined;
  const pattern = new RegExp(`(?<!\\d)${[...digits.slice(-8)].join('[\\s().\\-/]*')}(?!\\d)`);
  return { what: `phone ${phone}`, whose, found: (text) => pattern.test(text) };
}

/** "46000 SAFI": a postcode and a town locate nobody (and are the wilaya's, the region's address too). */
const TOWN_ONLY = /^\d{2}\s?\d{3}\s+[\p{L}' -]+$/u;

const secrets: Secret[] = people.flatMap(({ partnershipId, contact }) => {
  const whose = `${contact.name} (${partnershipId})`;
  const out: (Secret | undefined)[] = [
    ...[...(contact.phones ?? []), ...(contact.faxes ?? [])].map((phone) => phoneSecret(phone, whose)),
    ...(contact.emails ?? []).map((email) => {
      const needle = email.toLowerCase().replace(/\.$/, '');
      return { what: `e-mail ${email}`, whose, found: (text: string) => text.includes(needle) };
    }),
    ...(contact.address === undefined || TOWN_ONLY.test(contact.address) ? [] : [{ what: `address ${contact.address}`, whose, found: (text: string) => text.includes(squeeze(contact.address!)) }]),
  ];
  return out.filter((s): s is Secret => s !== undefined);
});

/** What a reader sees of a body: entities decoded, lower case, single spaces (secrets are matched in it). */
function visible(body: string): string {
  const decoded = body
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return squeeze(decoded);
}

let site: TestSite;
/** every public output: where → what a reader sees of it */
const outputs = new Map<string, string>();
let searchesWithHits = 0;

async function read(url: string): Promise<{ status: number; type: string; body: string; raw: Buffer }> {
  const response = await site.app.inject({ url });
  return { status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body: response.body, raw: response.rawPayload };
}

beforeAll(async () => {
  site = await openTestSite();
  const doc = await loadDocument(site.store.db, DIRECTORY_ID);
  // every record's page, every list page and what they link to (not the searches: below)
  const queue = [
    '/',
    '/partenariats',
    '/projets',
    '/collectivites',
    '/domaines',
    '/synthese',
    '/autres-partenariats',
    '/rapport',
    '/statistiques',
    '/pad',
    ...doc.partnerships.map((p) => `/partenariats/${p.id}`),
    ...doc.partnerships.flatMap((p) => (p.projects ?? []).map((project) => `/projets/${project.id}`)),
    ...doc.collectivities.map((c) => `/collectivites/${c.id}`),
  ];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const page = await read(url);
    expect(page.status, url).toBe(200);
    outputs.set(url, visible(page.body));
    if (!page.type.startsWith('text/html')) continue;
    outputs.set(jsonTwin(url), visible((await read(jsonTwin(url))).body));
    for (const link of internalLinks(page.body)) {
      const target = link.split('#')[0]!;
      // the same pages in English and Arabic (the language switch): the same view models, public
      // alike, drawn by the same renderers; crawling them too would triple this crawl
      if (/^\/(en|ar)(\/|$)/.test(target)) continue;
      // a page of another directory (/r/<id>/…) is read like the default directory's
      const route = target.replace(/^\/r\/[^/]+(?=\/|$)/, '') || '/';
      // lists' pages and filters, the statistics' CSV files; searches are made below
      if (target === '' || route.startsWith('/recherche') || route.startsWith('/repertoires/recherche') || route.startsWith('/export') || target.startsWith('/assets/') || target.startsWith('/cartes/')) continue;
      if (target.startsWith('/connexion') || target.startsWith('/admin') || target.startsWith('/recensement') || target.startsWith('/relecture')) continue;
      // a record's PDF prints the public document's entries as the book does (the public book is read below)
      if (target.endsWith('.pdf')) continue;
      queue.push(target);
    }
  }
  // a search for each person's name and each of their coordinates, as someone looking for them would
  const queries = new Set(people.flatMap(({ contact }) => [contact.name, ...(contact.emails ?? []), ...(contact.phones ?? []), ...(contact.faxes ?? []), ...(contact.address ? [contact.address] : [])]));
  for (const q of queries) {
    // the results, not the query the page repeats (in its box, its title and every link)
    const url = `/recherche?q=${encodeURIComponent(q)}`;
    const page = await read(url);
    expect(page.status, url).toBe(200);
    outputs.set(url, visible(/<ol class="hits">[\s\S]*?<\/ol>/.exec(page.body)?.[0] ?? ''));
    const view = JSON.parse((await read(jsonTwin(url))).body) as { hits: unknown[] };
    outputs.set(jsonTwin(url), visible(JSON.stringify(view.hits)));
    if (view.hits.length > 0) searchesWithHits += 1;
  }
  // the site's exports of the whole directory, in every format
  for (const format of ['csv', 'xlsx', 'json', 'iati']) {
    const url = `/export?format=${format}&scope=all`;
    const file = await read(url);
    expect(file.status, url).toBe(200);
    if (format === 'csv' || format === 'xlsx') {
      for (const [name, text] of await unzipBuffer(file.raw)) outputs.set(`${url} ${name}`, visible(text));
    } else outputs.set(url, visible(file.body));
  }
  // the book, written with the public snapshot's redactor as the site's exports are
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk), done()) });
  await writeBookHtml(site.store.db, sink, { redactor: (await site.directory()).redactor, directoryId: DIRECTORY_ID });
  outputs.set('the HTML book', visible(Buffer.concat(chunks).toString('utf8')));
}, 600_000);

afterAll(async () => site?.dispose());

describe("named people's coordinates", () => {
  it('every contact line of the 2008 directory names a person, but the reviewed institutional lines', () => {
    expect(contacts.length).toBe(196);
    const decided = contacts.filter(({ contact }) => !isNamedPerson(contact)).map(({ contact }) => contact.name);
    expect(decided).toEqual([...INSTITUTIONAL_LINES_2008]);
  });

  it('are in no page, JSON twin, search, export or public book', () => {
    expect(secrets.length).toBeGreaterThan(150);
    expect(outputs.size).toBeGreaterThan(1000);
    expect(searchesWithHits).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const [where, text] of outputs) for (const secret of secrets) if (secret.found(text)) leaks.push(`${secret.whose}: ${secret.what} in ${where}`);
    expect(leaks).toEqual([]);
  });

  it('a person beside their association keeps name, role and organisation, and is marked restricted', async () => {
    const json = JSON.parse((await read('/partenariats/allier-tiflet.json')).body) as { contacts: Record<string, unknown>[] };
    expect(json.contacts.find((c) => c.name === 'Driss BOUNAIM')).toEqual({
      name: 'Driss BOUNAIM',
      role: "Secrétaire Général de l'Association Tiflet Al Maamora",
      kind: 'other',
      organization: 'Association Tiflet Al Maamora',
      collectivity: expect.objectContaining({ id: 'ma-cercle-tiflet' }),
      restricted: true,
    });
  });
});
