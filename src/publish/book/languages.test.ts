/**
 * The book in English and in Arabic: `repertoire export --format pdf --lang en|ar` on the 2008
 * directory, printed by Chromium, read by pdftotext and pdffonts. The book's own words (headings,
 * labels) are in the language asked, none of the French ones left; the Arabic book is set right
 * to left in Amiri. The records' text stays French (it is the source's).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, run } from '../../cli/run.js';
import { loadConfig } from '../../config.js';
import { openStore } from '../../store/db.js';
import { importBundled } from '../testing/tools.js';
import { BOOK_WORDS } from './words.js';

const exec = promisify(execFile);

async function repertoire(argv: string[], env: Record<string, string>) {
  let stderr = '';
  const code = await run(argv, { stdout: { write: () => true, isTTY: false }, stderr: { write: (text: string) => (stderr += text), isTTY: false }, env });
  return { code, stderr };
}

/** Headings the French book prints, which no other language's may. */
const FRENCH_HEADINGS = ['Sommaire', 'PROJETS EN COURS', 'PROJETS RÉALISÉS', 'Description du projet', 'INFORMATIONS RELATIVES AU PARTENARIAT', 'Cadre juridique :', 'Autres partenariats répertoriés', 'SYNTHÈSE DES COOPÉRATIONS'];

describe('the book in a language', () => {
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    // a store for the whole suite (tempDir belongs to one test)
    dir = mkdtempSync(join(tmpdir(), 'repertoire-book-lang-'));
    env = { DATABASE_URL: join(dir, 'store.db') };
    const store = await openStore(loadConfig(env));
    try {
      await importBundled(store.db);
    } finally {
      await store.close();
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function printed(lang: string): Promise<{ text: string; fonts: string; html: string }> {
    const pdf = join(dir, `book-${lang}.pdf`);
    const html = join(dir, `book-${lang}.html`);
    expect((await repertoire(['export', '--format', 'pdf', '--lang', lang, '--out', pdf], env)).code).toBe(EXIT.ok);
    expect((await repertoire(['export', '--format', 'html', '--lang', lang, '--out', html], env)).code).toBe(EXIT.ok);
    const text = (await exec('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 2 ** 20 })).stdout.replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    const fonts = (await exec('pdffonts', [pdf])).stdout;
    return { text, fonts, html: readFileSync(html, 'utf8') };
  }

  it('prints the English book with English headings and no French ones', async () => {
    const { text, html } = await printed('en');
    for (const heading of ['Contents', 'ONGOING PROJECTS', 'COMPLETED PROJECTS', 'Project description', 'ABOUT THE PARTNERSHIP', 'Legal framework:', 'OTHER LISTED PARTNERSHIPS', 'July 2008'])
      expect(text, heading).toContain(heading);
    for (const heading of FRENCH_HEADINGS) expect(text, heading).not.toContain(heading);
    expect(html).toContain('<html lang="en" dir="ltr">');
    // the Sommaire found the pages (no placeholder left)
    expect(text).not.toContain('p.000');
  }, 180_000);

  it('prints the Arabic book right to left, in Amiri, with Arabic headings and no French ones', async () => {
    const { text, fonts, html } = await printed('ar');
    const w = BOOK_WORDS.ar;
    // pdftotext splits some Arabic words where a letter does not join the next (ر then ي): compared without blanks
    const solid = (t: string) => t.replace(/\s+/g, '');
    for (const heading of [w.toc, w.status.ongoing, w.status.completed, w.description, w.partnershipInformation, w.legalFramework, w.briefTitle])
      expect(solid(text), heading).toContain(solid(heading));
    // the edition in Arabic words; pdftotext gives the year and the month in either order
    expect(solid(text)).toMatch(/يوليوز2008|2008يوليوز/);
    for (const heading of FRENCH_HEADINGS) expect(text, heading).not.toContain(heading);
    expect(fonts).toMatch(/Amiri-Regular/);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/font-family: "Amiri"/);
    expect(text).not.toContain('p.000');
  }, 180_000);

  it('refuses a language it does not have, naming the option', async () => {
    const refused = await repertoire(['export', '--format', 'pdf', '--lang', 'de', '--out', join(dir, 'x.pdf')], env);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toMatch(/--lang: "de" is not one of fr, en, ar/);
    expect((await repertoire(['export', '--format', 'iati', '--lang', 'en'], env)).code).toBe(EXIT.usage);
  });
});
