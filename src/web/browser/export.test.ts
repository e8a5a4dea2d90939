/**
 * The search page's export in a real headless Chromium: search "eau" filtered by the PAD, open
 * the columns, untick one, choose CSV, click "Exporter ces résultats" (with JavaScript and
 * without): a zip downloads whose projects are exactly the search's project hits (read from the
 * search's JSON twin), without the column left out.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipBuffer } from '../../publish/testing/tools.js';
import { openBrowserSite, skipReason, TIMEOUTS, type BrowserSite } from './harness.js';
import { DIRECTORY_ID } from '../testing.js';

let s: BrowserSite;

interface SearchJson {
  pagination: { pages: number };
  hits: { type: string; id: string; partnershipId?: string }[];
}

/** Every hit of a search, from its JSON twin, page after page. */
async function hitsOf(query: string): Promise<SearchJson['hits']> {
  const hits: SearchJson['hits'] = [];
  for (let page = 1; ; page += 1) {
    const view = (await (await fetch(`${s.base}/recherche.json?${query}&perPage=100&page=${page}`)).json()) as SearchJson;
    hits.push(...view.hits);
    if (page >= view.pagination.pages) return hits;
  }
}

function rowsOf(csv: string): string[][] {
  return csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((line) => line.split(';'));
}

describe.skipIf(skipReason !== undefined)(`export in Chromium${skipReason ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    s = await openBrowserSite();
  }, TIMEOUTS.setup);
  afterAll(async () => s?.close());

  it.each([true, false])('a click on "Exporter ces résultats" downloads exactly the search\'s projects (JavaScript %s)', async (javaScriptEnabled) => {
    const page = await s.page({ javaScriptEnabled, acceptDownloads: true });
    await page.goto(`${s.base}/recherche?q=eau&pad=yes`);
    const form = page.getByRole('region', { name: 'Exporter les données' });
    await form.getByLabel('Format').selectOption('csv');
    // the tables' own names and codes (French words are the default: people.test.ts)
    await form.getByLabel('En-têtes et valeurs').selectOption('codes');
    await form.getByText('Colonnes (CSV et XLSX)').click();
    await form.locator('#export-col-projects-description').uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Exporter ces résultats' }).click()]);
    expect(download.suggestedFilename()).toBe('repertoire-franco-marocain-2008-recherche.zip');
    const files = await unzipBuffer(readFileSync((await download.path())!));

    const hits = await hitsOf('q=eau&pad=yes');
    const wanted = hits.filter((h) => h.type === 'project').map((h) => h.id);
    expect(wanted.length).toBeGreaterThan(0);
    const [header, ...rows] = rowsOf(files.get('projects.csv')!);
    expect(header).not.toContain('description');
    expect(header![0]).toBe('id');
    expect(rows.map((r) => r[0]).sort()).toEqual([...wanted].sort());
    const partnerships = new Set(rowsOf(files.get('partnerships.csv')!).slice(1).map((r) => r[0]));
    expect(partnerships).toEqual(new Set(hits.flatMap((h) => (h.type === 'partnership' ? [h.id] : h.partnershipId ? [h.partnershipId] : []))));
    await page.context().close();
  }, TIMEOUTS.test);

  it('"Exporter tout le répertoire" downloads every project, whatever the search', async () => {
    const page = await s.page({ acceptDownloads: true });
    await page.goto(`${s.base}/recherche?q=eau`);
    const form = page.getByRole('region', { name: 'Exporter les données' });
    await form.getByLabel('Format').selectOption('xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Exporter tout le répertoire' }).click()]);
    expect(download.suggestedFilename()).toBe('repertoire-franco-marocain-2008.xlsx');
    const zip = await unzipBuffer(readFileSync((await download.path())!));
    // the first sheet: one row per project
    const projects = zip.get('xl/worksheets/sheet1.xml')!;
    // every project of this directory, not of the store's other one
    const stored = await s.site.store.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', DIRECTORY_ID).executeTakeFirstOrThrow();
    expect((projects.match(/<row /g) ?? []).length - 1).toBe(Number(stored.n));
    await page.context().close();
  }, TIMEOUTS.test);
});
