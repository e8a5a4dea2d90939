/**
 * The maps, the statistics and the PAD page in a real headless Chromium: the points are drawn
 * where the places are (from their rendered positions: Oujda east of Fès, Agadir south of
 * Marrakech, Strasbourg north-east of Bordeaux), every point is a link named by its label and
 * reached by the keyboard with a visible ring, the CSP refuses nothing (the SVG's inline styles
 * are gone), and axe-core finds no serious or critical violation. Screenshots are left under
 * $TMPDIR/repertoire-screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, horizontalOverflow, openBrowserSite, PHONE, screenshotPath, skipReason, tabTo, TIMEOUTS, type BrowserSite } from '../browser/harness.js';

let s: BrowserSite;

interface PointBox {
  href: string;
  name: string;
  x: number;
  y: number;
}

/** The centre of every point link of a map, in page coordinates, by the collectivity's URL. */
async function points(page: Page, mapId: string): Promise<Map<string, PointBox>> {
  const list = await page.locator(`svg#${mapId} a`).evaluateAll((links) =>
    links.map((link) => {
      const el = link as unknown as {
        getAttribute(name: string): string | null;
        textContent: string | null;
        getBoundingClientRect(): { left: number; top: number; width: number; height: number };
      };
      const box = el.getBoundingClientRect();
      return { href: el.getAttribute('href') ?? '', name: el.textContent ?? '', x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }),
  );
  return new Map(list.map((p) => [p.href, p]));
}

function at(map: Map<string, PointBox>, id: string): PointBox {
  const p = map.get(`/collectivites/${id}`);
  if (p === undefined) throw new Error(`no point for ${id}`);
  return p;
}

describe.skipIf(skipReason !== undefined)(`maps and statistics in Chromium${skipReason ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    s = await openBrowserSite();
  }, TIMEOUTS.setup);

  afterAll(async () => s?.close());

  it(
    'the home map puts the places where they are, each point a named link reached by the keyboard',
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/`);
      const map = page.locator('svg#carte-partenariats');
      await map.scrollIntoViewIfNeeded();
      await map.screenshot({ path: screenshotPath('map-home') });
      const box = await map.boundingBox();
      expect(box!.width).toBeGreaterThan(300);

      const all = await points(page, 'carte-partenariats');
      expect(all.size).toBeGreaterThan(50);
      const oujda = at(all, 'ma-commune-oujda');
      const fes = at(all, 'ma-commune-fes');
      const agadir = at(all, 'ma-commune-agadir');
      const marrakech = at(all, 'ma-commune-marrakech');
      const strasbourg = at(all, 'fr-commune-strasbourg');
      const bordeaux = at(all, 'fr-commune-bordeaux');
      expect(oujda.x).toBeGreaterThan(fes.x); // east
      expect(agadir.y).toBeGreaterThan(marrakech.y); // south
      expect(strasbourg.x).toBeGreaterThan(bordeaux.x); // east…
      expect(strasbourg.y).toBeLessThan(bordeaux.y); // …and north
      // France is north of Morocco on the one map of both
      expect(bordeaux.y).toBeLessThan(fes.y);
      // every point lies inside the map
      for (const p of all.values()) {
        expect(p.x).toBeGreaterThanOrEqual(box!.x);
        expect(p.x).toBeLessThanOrEqual(box!.x + box!.width);
        expect(p.y).toBeGreaterThanOrEqual(box!.y);
        expect(p.y).toBeLessThanOrEqual(box!.y + box!.height);
      }

      // each point is a link named by its label (its <title>, the tooltip on hover)
      const link = page.getByRole('link', { name: /^Marrakech — 5 partenariats$/ });
      expect(await link.count()).toBe(1);
      // two Agadirs are told apart by their kind
      expect(await page.getByRole('link', { name: /^Agadir \(préfecture\) — / }).count()).toBe(1);

      // hovering a point rings it; so does the keyboard's focus, with a dark stroke
      const circle = page.locator('svg#carte-partenariats a[href="/collectivites/ma-commune-marrakech"] circle');
      await circle.hover();
      expect(await circle.evaluate((c) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(c).stroke)).toBe('rgb(17, 17, 17)');
      await map.screenshot({ path: screenshotPath('map-home-hover') });
      await page.getByRole('heading', { name: 'Carte des partenariats' }).click();
      const focused = await tabTo(page, (f) => (f.href ?? '').startsWith('/collectivites/') && f.tag.toLowerCase() === 'a' && f.name.includes(' — '), 'a point of the map', 20);
      expect(focused.name).toMatch(/ — \d+ partenariats?$/);
      const ring = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { activeElement: { querySelector(s: string): unknown } | null } }).document;
        const c = doc.activeElement?.querySelector('circle');
        return c ? (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string; strokeWidth: string } }).getComputedStyle(c) : null;
      });
      expect(ring?.stroke).toBe('rgb(17, 17, 17)');

      // the data as a table; the CSP refused nothing (no inline style left in the SVG)
      await page.getByText('Les données de la carte en tableau').first().click();
      expect(await page.locator('table.map-table tbody tr').count()).toBe(all.size);
      expect(s.errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    },
    TIMEOUTS.test,
  );

  it(
    "a collectivity's map shows it and its partners, linked; the search maps its results",
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/collectivites/ma-commune-oujda`);
      const map = page.locator('svg#carte-collectivite');
      await map.scrollIntoViewIfNeeded();
      await map.screenshot({ path: screenshotPath('map-collectivity-oujda') });
      const own = await points(page, 'carte-collectivite');
      expect(own.has('/collectivites/ma-commune-oujda')).toBe(true);
      expect(own.size).toBeGreaterThan(1);
      for (const p of own.values()) if (!p.href.endsWith('ma-commune-oujda')) expect(p.y).toBeLessThan(at(own, 'ma-commune-oujda').y); // its partners are French, to the north
      // the page's own collectivity is the one point marked current, ringed, drawn last (on top)
      const current = map.locator('a[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.getAttribute('href')).toBe('/collectivites/ma-commune-oujda');
      expect(await current.locator('circle').count()).toBe(2);
      expect(await map.locator('a').last().getAttribute('aria-current')).toBe('page');
      // the base map is an image of its own, which the browser loaded (and keeps between pages):
      // it draws the régions as lines, clipped to the countries
      const baseHref = (await map.locator('image').getAttribute('href')) ?? '';
      expect(baseHref).toMatch(/^\/cartes\/fond-both\.svg\?v=[\w-]+$/);
      const loaded = await page.evaluate(
        (href) =>
          (performance as unknown as { getEntriesByType(type: string): { name: string; responseStatus?: number }[] }).getEntriesByType('resource').find((e) => e.name.endsWith(href))?.responseStatus,
        baseHref,
      );
      expect(loaded).toBe(200);
      const base = await s.page();
      const response = await base.goto(`${s.base}${baseHref}`);
      expect(response?.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(response?.headers()['cache-control']).toContain('immutable');
      expect(await base.locator('path.boundary-region').count()).toBe(2);

      await page.goto(`${s.base}/recherche?q=eau`);
      const results = page.locator('svg#carte-resultats');
      await results.scrollIntoViewIfNeeded();
      await results.screenshot({ path: screenshotPath('map-search-eau') });
      expect((await points(page, 'carte-resultats')).size).toBeGreaterThan(1);
      await page.getByRole('link', { name: 'Statistiques de ces résultats' }).click();
      await page.waitForURL(/\/statistiques\?q=eau/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Statistiques des résultats de la recherche');
      // the charts' inline styles are gone too: the CSP refused nothing on any of these pages
      expect(s.errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    },
    TIMEOUTS.test,
  );

  it(
    'axe-core: no serious or critical violation on the statistics, the PAD page and pages with a map (desktop and phone)',
    async () => {
      const found: string[] = [];
      for (const viewport of [undefined, PHONE]) {
        const context = await s.context({ ...(viewport ? { viewport } : {}), bypassCSP: true });
        const page = await context.newPage();
        for (const url of ['/statistiques', '/statistiques?q=eau', '/pad', '/', '/collectivites/ma-commune-oujda', '/recherche?q=eau']) {
          const response = await page.goto(`${s.base}${url}`);
          expect(response?.status(), url).toBe(200);
          const violations = await axeViolations(page);
          const failing = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          found.push(...describeViolations(failing).map((line) => `${url} (${viewport ? 'phone' : 'desktop'}): ${line}`));
          // at 360 px the page never scrolls sideways: maps and charts scale down, tables scroll in their region
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) found.push(`${url} (${viewport ? 'phone' : 'desktop'}): scrolls sideways by ${overflow} px`);
          if (url === '/statistiques' || url === '/pad') {
            const name = `${url.slice(1)}-${viewport ? 'phone' : 'desktop'}`;
            await page.screenshot({ path: screenshotPath(name), fullPage: true });
            await page.screenshot({ path: screenshotPath(`${name}-top`) });
          }
        }
      }
      expect(found).toEqual([]);
    },
    TIMEOUTS.test * 3,
  );
});
