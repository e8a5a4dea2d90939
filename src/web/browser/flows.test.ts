/**
 * The site in a real headless Chromium, as a reader uses it: search "eau", open the Hérault ⇄
 * Souss Massa Drâa project, filter by PAD, go back and forth in the history (the URL holds the
 * state) — with the mouse, with the keyboard only, and with JavaScript off; the coordination view
 * of Marrakech; the JSON twin link. Elements are found by role and accessible name.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserSite, skipReason, tabTo, TIMEOUTS, type BrowserSite } from './harness.js';

const PROJECT_TITLE = "Accompagnement du processus de décentralisation marocain sur le thème de la gestion de l'eau";
const PROJECT_PATH = '/projets/herault-souss-massa-draa-accompagnement-du-processus-de-decentralisation';
const PARTNERSHIP_TITLE = "Conseil général de l'Hérault / Conseil régional de Souss Massa Drâa";
const PAD = /^Cofinancé par le PAD\b/;

let s: BrowserSite;
/** the search's totals, from the JSON twin: what the pages must show */
let totals: { all: number; pad: number };

async function total(url: string): Promise<number> {
  const response = await fetch(`${s.base}${url}`);
  return ((await response.json()) as { total: number }).total;
}

const urlOf = (page: Page) => new URL(page.url());

/** The results' summary line, e.g. "29 résultats en 3 ms", read through the results region. */
async function resultCount(page: Page): Promise<number> {
  const text = await page.getByRole('region', { name: 'Résultats' }).getByText(/^\d+ résultats? /).textContent();
  return Number((text ?? '').match(/^(\d+)/)?.[1]);
}

async function expectSearchPage(page: Page, expected: { pad: boolean; count: number }) {
  await page.getByRole('heading', { level: 1, name: 'Recherche : eau' }).waitFor();
  expect(urlOf(page).pathname).toBe('/recherche');
  expect(urlOf(page).searchParams.get('q')).toBe('eau');
  expect(urlOf(page).searchParams.getAll('pad')).toEqual(expected.pad ? ['yes'] : []);
  expect(await page.getByRole('checkbox', { name: PAD }).isChecked()).toBe(expected.pad);
  expect(await resultCount(page)).toBe(expected.count);
  // the project is among the results, filtered or not (it is cofinanced by the PAD)
  await page.getByRole('link', { name: PROJECT_TITLE, exact: true }).waitFor();
  // the search box still holds the query
  expect(await page.getByRole('search', { name: 'Modifier la recherche' }).getByRole('searchbox', { name: 'Rechercher' }).inputValue()).toBe('eau');
}

async function expectProjectPage(page: Page) {
  await page.getByRole('heading', { level: 1, name: PROJECT_TITLE }).waitFor();
  expect(urlOf(page).pathname).toBe(PROJECT_PATH);
  expect(await page.getByRole('main').getByRole('link', { name: PARTNERSHIP_TITLE }).count()).toBeGreaterThan(0);
  expect(await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: PARTNERSHIP_TITLE }).count()).toBe(1);
}

describe.skipIf(skipReason !== undefined)(`in Chromium${skipReason ? ` (${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    s = await openBrowserSite();
    totals = { all: await total('/recherche.json?q=eau'), pad: await total('/recherche.json?q=eau&pad=yes') };
    expect(totals.pad).toBeGreaterThan(0);
    expect(totals.pad).toBeLessThan(totals.all);
  }, TIMEOUTS.setup);

  afterAll(async () => s?.close());

  it(
    'search "eau", open the Hérault ⇄ Souss Massa Drâa project, filter by PAD, and go back and forth',
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/`);
      const siteSearch = page.getByRole('search', { name: 'Recherche dans le répertoire' });
      await siteSearch.getByRole('searchbox', { name: 'Rechercher' }).fill('eau');
      await siteSearch.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL(/\/recherche\?q=eau$/);
      await expectSearchPage(page, { pad: false, count: totals.all });

      await page.getByRole('link', { name: PROJECT_TITLE, exact: true }).click();
      await page.waitForURL(`**${PROJECT_PATH}`);
      await expectProjectPage(page);

      await page.goBack();
      await expectSearchPage(page, { pad: false, count: totals.all });

      await page.getByRole('checkbox', { name: PAD }).click();
      await page.waitForURL(/[?&]pad=yes/);
      await expectSearchPage(page, { pad: true, count: totals.pad });
      // the filter shows among the active ones, with a way to remove it
      await page.getByRole('link', { name: 'Retirer « Cofinancé par le PAD »' }).waitFor();

      await page.goBack();
      await expectSearchPage(page, { pad: false, count: totals.all });
      await page.goForward();
      await expectSearchPage(page, { pad: true, count: totals.pad });
      // the state is the URL: opened afresh, it gives the same page
      const fresh = await s.page();
      await fresh.goto(page.url());
      await expectSearchPage(fresh, { pad: true, count: totals.pad });
      expect(s.errors).toEqual([]);
    },
    TIMEOUTS.test,
  );

  it(
    'the same by keyboard only: skip link, search box, result, PAD facet (Space), with a visible focus',
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/`);

      // the first Tab reaches the skip link, shown on focus; Enter moves on to the main content
      const skip = await tabTo(page, () => true, 'the first focusable element', 1);
      expect(skip).toMatchObject({ tag: 'a', name: 'Aller au contenu', href: '#main', visible: true });
      expect(skip.outlineStyle).not.toBe('none');
      expect(skip.outlineWidth).toBeGreaterThanOrEqual(2);
      await page.keyboard.press('Enter');
      // following an in-page link is a navigation of its own: the URL changes once it is done
      await page.waitForURL((url) => url.hash === '#main');
      expect(urlOf(page).hash).toBe('#main');
      const afterSkip = await tabTo(page, () => true, 'the element after the skip link', 1);
      expect(afterSkip.inMain).toBe(true);

      // back to the header's search box (Shift+Tab), type, Enter
      const box = await tabTo(page, (f) => f.tag === 'input', 'the search box', 40, 'Shift+Tab');
      expect(box.outlineStyle).not.toBe('none');
      await page.keyboard.type('eau');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/recherche\?q=eau$/);
      await expectSearchPage(page, { pad: false, count: totals.all });

      // Tab to the project's link: every stop on the way has a visible focus ring
      const link = await tabTo(page, (f) => f.name === PROJECT_TITLE, 'the project link');
      expect(link).toMatchObject({ tag: 'a', inMain: true, visible: true });
      expect(link.outlineStyle).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${PROJECT_PATH}`);
      await expectProjectPage(page);

      await page.goBack();
      await expectSearchPage(page, { pad: false, count: totals.all });

      // "Affiner la recherche" leads to the facets; Space toggles the PAD facet, as on a checkbox
      // (wherever the history left the focus: Tab goes round the page)
      const toFacets = await tabTo(page, (f) => f.name === 'Affiner la recherche', 'the link to the facets', 200);
      expect(toFacets.inMain).toBe(true);
      await page.keyboard.press('Enter');
      const facet = await tabTo(page, (f) => f.role === 'checkbox' && PAD.test(f.name), 'the PAD facet', 120);
      expect(facet.visible).toBe(true);
      expect(facet.outlineStyle).not.toBe('none');
      await page.keyboard.press(' ');
      await page.waitForURL(/[?&]pad=yes/);
      await expectSearchPage(page, { pad: true, count: totals.pad });

      await page.goBack();
      await expectSearchPage(page, { pad: false, count: totals.all });
      expect(s.errors).toEqual([]);
    },
    TIMEOUTS.test,
  );

  it(
    'without JavaScript: the same flow, and the sort order applied by its button',
    async () => {
      const page = await s.page({ javaScriptEnabled: false });
      await page.goto(`${s.base}/`);
      const siteSearch = page.getByRole('search', { name: 'Recherche dans le répertoire' });
      await siteSearch.getByRole('searchbox', { name: 'Rechercher' }).fill('eau');
      await siteSearch.getByRole('searchbox', { name: 'Rechercher' }).press('Enter');
      await page.waitForURL(/\/recherche\?q=eau$/);
      await expectSearchPage(page, { pad: false, count: totals.all });

      await page.getByRole('link', { name: PROJECT_TITLE, exact: true }).click();
      await page.waitForURL(`**${PROJECT_PATH}`);
      await expectProjectPage(page);
      await page.goBack();
      await expectSearchPage(page, { pad: false, count: totals.all });

      // a facet is a link: Enter follows it with no script at all
      await page.getByRole('checkbox', { name: PAD }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]pad=yes/);
      await expectSearchPage(page, { pad: true, count: totals.pad });
      await page.goBack();
      await expectSearchPage(page, { pad: false, count: totals.all });

      // the sort order: choose, then the button applies it (the filters and the query are kept)
      await page.getByRole('combobox', { name: 'Trier par' }).selectOption('date');
      await page.getByRole('button', { name: 'Appliquer' }).click();
      await page.waitForURL(/[?&]sort=date/);
      expect(urlOf(page).searchParams.get('q')).toBe('eau');
      expect(await page.getByRole('combobox', { name: 'Trier par' }).inputValue()).toBe('date');

      // a page with nothing found still answers, with its suggestions
      await page.goto(`${s.base}/recherche?q=zzzzqqq`);
      await page.getByText('Aucun résultat.').waitFor();
    },
    TIMEOUTS.test,
  );

  it(
    "Marrakech's page shows the coordination view: its partners, and who else works with them",
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/collectivites/ma-commune-marrakech`);
      await page.getByRole('heading', { level: 1, name: 'Commune urbaine de Marrakech' }).waitFor();
      const coordination = page.getByRole('region', { name: 'Coordination' });
      await coordination.getByRole('heading', { level: 2, name: 'Coordination' }).waitFor();
      await coordination.getByRole('heading', { level: 3, name: 'Partenaires de Marrakech' }).waitFor();
      for (const name of ["Ville d'Ajaccio", 'Ville de Clermont-Ferrand', 'Ville de Marseille', 'Ville de Tours', 'Conseil régional de Bourgogne']) {
        expect(await coordination.getByRole('link', { name, exact: true }).count(), name).toBeGreaterThan(0);
      }
      await coordination.getByRole('heading', { level: 3, name: 'Autres partenaires marocains de Marseille' }).waitFor();
      for (const name of ['Commune urbaine de Rabat', 'Commune urbaine de Meknès', 'Commune urbaine de Fès']) {
        expect(await coordination.getByRole('link', { name, exact: true }).count(), name).toBeGreaterThan(0);
      }
      // its links lead on: Marseille's own page
      await coordination.getByRole('link', { name: 'Ville de Marseille', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Ville de Marseille' }).waitFor();
      expect(s.errors).toEqual([]);
    },
    TIMEOUTS.test,
  );

  it(
    "the JSON twin link gives the page's view model",
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}${PROJECT_PATH}`);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Cette page en JSON' }).click();
      await page.waitForURL(`**${PROJECT_PATH}.json`);
      const view = JSON.parse(await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText)) as {
        title: string;
        padCofinanced: boolean;
        partnership: { title: string };
      };
      expect(view).toMatchObject({ title: PROJECT_TITLE, padCofinanced: true, partnership: { title: PARTNERSHIP_TITLE } });

      // the search's twin keeps the query and the filters
      await page.goto(`${s.base}/recherche?q=eau&pad=yes`);
      const twin = page.getByRole('contentinfo').getByRole('link', { name: 'Cette page en JSON' });
      expect(await twin.getAttribute('href')).toBe('/recherche.json?q=eau&pad=yes');
      const response = await fetch(new URL((await twin.getAttribute('href')) ?? '', s.base));
      expect(((await response.json()) as { total: number }).total).toBe(totals.pad);
    },
    TIMEOUTS.test,
  );

  it(
    'a page title and heading name the page; the home page says which Agadir is which',
    async () => {
      const page = await s.page();
      await page.goto(`${s.base}/`);
      expect(await page.title()).toBe('Accueil — Répertoire');
      const partnerSide = page.getByRole('region', { name: 'Par collectivité marocaine' });
      for (const name of ['Agadir (commune urbaine)', 'Agadir (préfecture)', 'Ouarzazate (commune urbaine)', 'Ouarzazate (province)', 'Tiflet (commune urbaine)', 'Tiflet (cercle)']) {
        expect(await partnerSide.getByRole('link', { name, exact: true }).count(), name).toBe(1);
      }
      expect(await partnerSide.getByRole('link', { name: 'Agadir', exact: true }).count()).toBe(0);
      const homeSide = page.getByRole('region', { name: 'Par collectivité française' });
      for (const name of ['Lyon (commune)', 'Lyon (communauté urbaine)']) expect(await homeSide.getByRole('link', { name, exact: true }).count(), name).toBe(1);
      await partnerSide.getByRole('link', { name: 'Agadir (préfecture)' }).click();
      await page.getByRole('heading', { level: 1, name: "Préfecture d'Agadir" }).waitFor();
    },
    TIMEOUTS.test,
  );
});
