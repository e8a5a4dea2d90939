/**
 * Every kind of page at the widths readers use (a phone, a tablet, laptops, a wide screen), in a
 * real headless Chromium: no word broken across lines, no element overflowing its box, no chart
 * label cut, no sideways scroll (layout-defects.ts says what each means). The members' pages are
 * visited signed in as an editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openMembersSite, PASSWORD, PEOPLE, type MembersSite } from '../census/testing.js';
import { openBrowserSite, skipReason, TIMEOUTS, type BrowserSite } from './harness.js';
import { layoutDefects } from './layout-defects.js';
import { MEMBERS_PAGE_KINDS, PUBLIC_PAGE_KINDS } from './page-kinds.js';

const WIDTHS = [360, 768, 1024, 1280, 1600] as const;

let opened: BrowserSite<MembersSite>;
let base: string;

function newPage(width: number): Promise<Page> {
  return opened.page({ viewport: { width, height: 900 } });
}

async function defectsOf(page: Page, pages: readonly (readonly [string, string])[]): Promise<string[]> {
  const found: string[] = [];
  for (const [what, url] of pages) {
    const response = await page.goto(`${base}${url}`);
    expect(response?.status(), url).toBe(200);
    for (const d of await layoutDefects(page)) found.push(`${what} ${url}: ${d.kind} at ${d.where}: ${d.text}`);
  }
  return found;
}

describe.skipIf(skipReason !== undefined)('the layout at every width', () => {
  beforeAll(async () => {
    opened = await openBrowserSite(() => openMembersSite({ search: true }));
    base = opened.base;
  }, TIMEOUTS.setup);

  afterAll(async () => {
    await opened?.close();
  });

  it('the checks find each defect on a page drawn to have them (the test can fail)', async () => {
    const page = await newPage(360);
    await page.setContent(`<!doctype html><html><body style="margin:0">
<dl style="display:grid;grid-template-columns:8rem 1fr;width:10rem"><dt>Population</dt><dd style="overflow-wrap:anywhere;margin:0">150000 habitants</dd></dl>
<div style="width:5rem;white-space:nowrap">une boîte trop étroite pour son texte</div>
<p style="width:6rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">Région (conseil régional)</p>
<svg width="100" height="20" viewBox="0 0 100 20"><text x="0" y="15">Région (conseil régi…</text></svg>
<nav><ul><li><a href="#">Se connecter</a></li></ul></nav>
<div style="width:600px;height:1px"></div>
</body></html>`);
    const kinds = new Set((await layoutDefects(page)).map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['broken-word', 'bullet-in-nav', 'cut', 'overflow', 'sideways-scroll']);
  });

  for (const width of WIDTHS) {
    it(
      `${width} px: no broken word, overflowing box, cut label or sideways scroll on any kind of page`,
      async () => {
        const page = await newPage(width);
        const found = await defectsOf(page, PUBLIC_PAGE_KINDS);
        await page.goto(`${base}/connexion`);
        await page.getByLabel('Adresse e-mail').fill(PEOPLE.editor.email);
        await page.getByLabel('Mot de passe').fill(PASSWORD);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.waitForURL(`${base}/recensement`);
        found.push(...(await defectsOf(page, MEMBERS_PAGE_KINDS)));
        expect(found).toEqual([]);
      },
      TIMEOUTS.test * 3,
    );
  }
});
