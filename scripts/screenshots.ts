/**
 * Screenshots of each kind of page at a phone's width (360 px) and a laptop's (1280 px), full
 * page up to 2000 px high, over the test site (the 2008 directory and a synthetic FR–SN one; an editor signed in for
 * the members' pages), written as `<kind>-<width>.jpg` to docs/screenshots/ or the folder given:
 *
 *   npx tsx scripts/screenshots.ts [FOLDER]
 *
 * Look at them before committing a change to the look, and commit the refreshed ones with it.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/web/browser/harness.js';
import { MEMBERS_PAGE_KINDS, PUBLIC_PAGE_KINDS } from '../src/web/browser/page-kinds.js';
import { openMembersSite, PASSWORD, PEOPLE } from '../src/web/census/testing.js';

const WIDTHS = [360, 1280] as const;
const MAX_HEIGHT = 2000;

const folder = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(folder, { recursive: true });
const site = await openMembersSite({ search: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const shoot = async (kinds: typeof PUBLIC_PAGE_KINDS) => {
      for (const [name, url] of kinds) {
        await page.goto(`${base}${url}`);
        const file = join(folder, `${name}-${width}.jpg`);
        // the whole page, up to a few screens (the statistics page is 15 screens long on a phone)
        const height = Math.min(MAX_HEIGHT, await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight));
        // JPEG: a tenth of PNG's weight in the repository, and sharp enough to look at
        await page.screenshot({ path: file, type: 'jpeg', quality: 60, fullPage: true, clip: { x: 0, y: 0, width, height } });
        process.stdout.write(`${file}\n`);
      }
    };
    await shoot(PUBLIC_PAGE_KINDS);
    await page.goto(`${base}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(PEOPLE.editor.email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/recensement`);
    await shoot(MEMBERS_PAGE_KINDS);
    await context.close();
  }
} finally {
  await browser.close();
  await site.dispose();
}
