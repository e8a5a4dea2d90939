/**
 * A record's own PDF over real HTTP: a partnership's and a collectivity's pages link to it; it is
 * a PDF (printed by Chromium) whose text, read by pdftotext, holds the record's names and its
 * entries as the book prints them, and no named person's private coordinates; an unknown record
 * is a 404, and prints beyond the limit a 503.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isNamedPerson } from '../../census/privacy/index.js';
import { loadDocument } from '../../store/load-document.js';
import { DIRECTORY_ID, servedTestSite } from '../testing.js';
import { registerRecordPdfs } from './index.js';

const run = promisify(execFile);
const served = servedTestSite();

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'record-pdf-'));
  try {
    await writeFile(join(dir, 'r.pdf'), pdf);
    return (await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The link the page gives, followed. */
async function pdfFromPage(page: string): Promise<{ response: Response; text: string; body: Buffer }> {
  const htmlText = await (await fetch(`${served.base}${page}`)).text();
  const href = /<p class="record-pdf"><a href="([^"]+)" download type="application\/pdf" rel="nofollow">Télécharger cette fiche en PDF<\/a><\/p>/.exec(htmlText)?.[1];
  expect(href, page).toBe(`${page}.pdf`);
  const response = await fetch(`${served.base}${href}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { response, body, text: response.status === 200 ? await pdfText(body) : '' };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe("a record's own PDF", () => {
  it('a partnership: its page links to a PDF holding its parties, its projects, its directory', async () => {
    const doc = await loadDocument(served.site.store.db, DIRECTORY_ID);
    const partnership = doc.partnerships.find((p) => p.id === 'tours-marrakech')!;
    const names = new Map(doc.collectivities.map((c) => [c.id, c.name]));
    const { response, body, text } = await pdfFromPage('/partenariats/tours-marrakech');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="tours-marrakech.pdf"');
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const words = flat(text);
    for (const party of partnership.parties) expect(words).toContain(names.get(party.collectivityId)!);
    for (const project of partnership.projects ?? []) expect(words).toContain(flat(project.title).slice(0, 40));
    expect(words).toContain('Extrait du « Répertoire des partenariats');
    expect(words).toContain('» (juillet 2008)'); // the edition in words, not 2008-07
    expect(words).toContain(`${served.base}/partenariats/tours-marrakech`);
    // short: the entry, not the book
    expect((text.match(/\f/g) ?? []).length).toBeLessThan(10);
    // the public's view: no named person's e-mail
    for (const contact of (partnership.contacts ?? []).filter(isNamedPerson)) for (const email of contact.emails ?? []) expect(text).not.toContain(email);
  }, 60_000);

  it('in the page’s language: /en/…pdf has the book’s English words and the English heading', async () => {
    const response = await fetch(`${served.base}/en/partenariats/tours-marrakech.pdf`);
    expect(response.status).toBe(200);
    const words = flat(await pdfText(Buffer.from(await response.arrayBuffer())));
    expect(words).toContain('(July 2008)');
    expect(words).toContain('Project description');
    expect(words).not.toContain('Description du projet');
    expect(words).toContain(`${served.base}/en/partenariats/tours-marrakech`);
  }, 60_000);

  it('a collectivity: a PDF of its name and each of its partnerships', async () => {
    const doc = await loadDocument(served.site.store.db, DIRECTORY_ID);
    const id = 'ma-commune-marrakech';
    const own = doc.partnerships.filter((p) => p.parties.some((party) => party.collectivityId === id));
    expect(own.length).toBeGreaterThan(1);
    const names = new Map(doc.collectivities.map((c) => [c.id, c.name]));
    const { response, text } = await pdfFromPage(`/collectivites/${id}`);
    expect(response.status).toBe(200);
    const words = flat(text);
    expect(words).toContain(names.get(id)!);
    for (const p of own) for (const party of p.parties) expect(words, p.id).toContain(names.get(party.collectivityId)!);
  }, 60_000);

  it('an unknown record is a 404 page, not a PDF', async () => {
    for (const path of ['/partenariats/nope.pdf', '/collectivites/nope.pdf']) {
      const response = await fetch(`${served.base}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).not.toContain('pdf');
    }
  });

  it('prints at most maxPrinting at once: the next one is the site’s 503 « try again »', async () => {
    const app = Fastify();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    registerRecordPdfs(app, {
      db: served.site.store.db,
      directory: () => served.site.directory(),
      maxPrinting: 1,
      print: async () => {
        await held;
        return Buffer.from('%PDF-1.4\n');
      },
    });
    app.setErrorHandler((error: { status?: number; code?: string }, _request, reply) => reply.status(error.status ?? 500).send({ code: error.code }));
    const first = app.inject({ url: '/partenariats/tours-marrakech.pdf' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await app.inject({ url: '/partenariats/woippy-sale.pdf' });
    expect(second.statusCode).toBe(503);
    expect(second.json()).toEqual({ code: 'overloaded' }); // the site's "try again", with its Retry-After
    release();
    expect((await first).statusCode).toBe(200);
    await app.close();
  });
});
