/**
 * Two directories in one site, in a real headless Chromium: the 2008 FR–MA directory and the
 * synthetic FR–SN one every test site holds (web/testing.ts). Each one's home draws the map of its own countries
 * (France and Morocco; France and Senegal), a record of each opens from its own pages, the
 * links of a directory stay in it, and the list of directories leads to both. At 360 and 1280 px,
 * with no horizontal overflow and no console error. Screenshots under $TMPDIR/repertoire-screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthDirectoryId } from '../../synth/generate.js';
import { PARTNER_DIRECTORY } from '../testing.js';
import { horizontalOverflow, openBrowserSite, PHONE, screenshotPath, skipReason, TIMEOUTS, type BrowserSite } from './harness.js';

let s: BrowserSite;
let senegal: string;

describe.skipIf(skipReason !== undefined)(`two directories in Chromium${skipReason ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    s = await openBrowserSite();
    // every test site holds a synthetic FR–SN directory beside the 2008 one
    senegal = synthDirectoryId({ ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
  }, TIMEOUTS.setup);

  afterAll(async () => s?.close());

  it(
    'opens each directory’s home, with the map of its own countries, and a record of each',
    async () => {
      for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
        const page = await s.page({ viewport });
        for (const [home, countries] of [
          ['/', ['France', 'Maroc']],
          [`/r/${senegal}`, ['France', 'Sénégal']],
        ] as const) {
          await page.goto(`${s.base}${home}`);
          const map = page.locator('svg#carte-partenariats');
          await map.scrollIntoViewIfNeeded();
          await map.screenshot({ path: screenshotPath(`directories-map-${home === '/' ? 'fr-ma' : 'fr-sn'}-${viewport.width}`) });
          const legend = (await map.textContent()) ?? '';
          for (const country of countries) expect(legend, `${home}: the map names ${country}`).toContain(country);
          expect(await horizontalOverflow(page), `${home} at ${viewport.width} px`).toBe(0);

          // a record of this directory, through its own list
          await page.goto(`${s.base}${home === '/' ? '' : home}/partenariats`);
          const first = page.locator('main a[href*="/partenariats/"]').first();
          const href = (await first.getAttribute('href')) ?? '';
          expect(href.startsWith(home === '/' ? '/partenariats/' : `/r/${senegal}/partenariats/`), href).toBe(true);
          await first.click();
          await page.getByRole('heading', { level: 1 }).waitFor();
          expect(new URL(page.url()).pathname).toBe(href);
          await page.screenshot({ path: screenshotPath(`directories-record-${home === '/' ? 'fr-ma' : 'fr-sn'}-${viewport.width}`), fullPage: true });
          // every link to a record of this page stays in its directory
          const links = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
          const records = links.filter((l) => /\/(partenariats|projets|collectivites)\//.test(l));
          expect(records.length).toBeGreaterThan(0);
          for (const link of records) expect(link.startsWith('/r/'), link).toBe(home !== '/');
        }
        await page.close();
      }
      expect(s.errors).toEqual([]);
    },
    TIMEOUTS.test * 2,
  );

  it(
    'lists the directories, each leading to its home',
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/repertoires`);
      await page.getByRole('link', { name: /Sénégal/ }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/r/${senegal}`);
      await page.close();
    },
    TIMEOUTS.test,
  );
});
