/**
 * Partner-search notices in real Chromium, by keyboard only (focus, typing, Space, Enter): a
 * contributor of Oujda publishes a notice, an editor accepts it, a visitor finds it by domain and
 * words and opens it, and a member of Agadir answers it. axe-core finds no serious or critical
 * violation on the form and the list.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, openBrowserSite, seriousAxeViolations, skipReason, TIMEOUTS, type BrowserSite } from '../browser/harness.js';
import { openMembersSite, PASSWORD, PEOPLE, type MembersSite, type PersonName } from '../census/testing.js';
import { DIRECTORY_ID } from '../testing.js';

let s: BrowserSite<MembersSite>;

/** A page of its own context; the site's CSP bypassed so that axe-core can be injected. */
async function newPage(): Promise<Page> {
  return s.page({ bypassCSP: true });
}

/** Signs in by keyboard: type into the fields, Enter. */
async function signIn(who: PersonName): Promise<Page> {
  const page = await newPage();
  await page.goto(`${s.base}/connexion`);
  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.type(PEOPLE[who].email);
  await page.getByLabel('Mot de passe').focus();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByText(`Connecté : ${PEOPLE[who].name}`).waitFor();
  return page;
}

/** Activates a control by keyboard: focus, then Enter (a link or a button). */
async function press(page: Page, locator: ReturnType<Page['getByRole']>): Promise<void> {
  await locator.focus();
  await page.keyboard.press('Enter');
}

describe.skipIf(skipReason !== undefined)('partner-search notices in Chromium, by keyboard', () => {
  beforeAll(async () => {
    s = await openBrowserSite(() => openMembersSite());
  }, TIMEOUTS.setup);

  afterAll(async () => s?.close());

  it(
    'publish, accept, find by domain and words, open and answer',
    async () => {
      const domain = await s.site.store.db.selectFrom('domains').select(['code', 'label']).where('directory_id', '=', DIRECTORY_ID).where('parent', 'is', null).orderBy('code').executeTakeFirstOrThrow();
      const description = 'Oujda cherche une commune française pour former ses agents à la gestion de l’eau.';
      const until = new Date(Date.now() + 60 * 86_400_000);
      const [yyyy, mm, dd] = until.toISOString().slice(0, 10).split('-') as [string, string, string];

      // the contributor reaches the form from the members' bar, and fills it by keyboard
      const oujda = await signIn('oujda');
      await press(oujda, oujda.getByRole('link', { name: 'Publier une annonce' }));
      await oujda.getByRole('heading', { name: 'Publier une recherche de partenaire' }).waitFor();
      expect(describeViolations(await seriousAxeViolations(oujda))).toEqual([]);
      await oujda.getByRole('checkbox', { name: domain.label, exact: true }).focus();
      await oujda.keyboard.press('Space');
      await oujda.getByLabel('Pays du partenaire').focus();
      await oujda.keyboard.type('France');
      await oujda.getByLabel(/Type de collectivité partenaire/).focus();
      await oujda.keyboard.type('Commune');
      // submitted without a description: the summary links to the field
      await press(oujda, oujda.getByRole('button', { name: 'Envoyer l’annonce à relire' }));
      await oujda.getByRole('alert').getByRole('link', { name: /Description/ }).waitFor();
      expect(await oujda.getByRole('checkbox', { name: domain.label, exact: true }).isChecked()).toBe(true);
      await oujda.getByRole('textbox', { name: /Description/ }).focus();
      await oujda.keyboard.type(description);
      await oujda.getByLabel(/En ligne jusqu’au/).focus();
      await oujda.keyboard.type(`${dd}${mm}${yyyy}`);
      await press(oujda, oujda.getByRole('button', { name: 'Envoyer l’annonce à relire' }));
      await oujda.getByRole('status').getByText('Annonce envoyée').waitFor();

      // the editor accepts it from the queue
      const editor = await signIn('editor');
      await press(editor, editor.getByRole('link', { name: 'Annonces à relire' }));
      await editor.getByText(description).waitFor();
      await press(editor, editor.getByRole('button', { name: 'Accepter et publier' }));
      await editor.getByRole('status').getByText('Annonce publiée.').waitFor();

      // a visitor finds it from the map of gaps, by domain and words, and opens it
      const visitor = await newPage();
      await visitor.goto(`${s.base}/couverture`);
      await press(visitor, visitor.getByRole('link', { name: /Recherches de partenaires/ }));
      await visitor.getByRole('heading', { name: 'Recherches de partenaires', level: 1 }).waitFor();
      expect(describeViolations(await seriousAxeViolations(visitor))).toEqual([]);
      await visitor.getByLabel('Domaine').focus();
      await visitor.keyboard.type(domain.label);
      await visitor.getByLabel('Mots de la description').focus();
      await visitor.keyboard.type('eau agents');
      await visitor.keyboard.press('Enter');
      await visitor.waitForURL(/q=eau\+agents/);
      expect(visitor.url()).toContain(`domain=${domain.code}`);
      await press(visitor, visitor.getByRole('link', { name: /Oujda cherche/ }));
      await visitor.getByText(description).waitFor();
      const noticeUrl = visitor.url();

      // a member of Agadir answers it
      const agadir = await signIn('agadir');
      await agadir.goto(noticeUrl);
      await press(agadir, agadir.getByRole('link', { name: 'Répondre à cette annonce' }));
      await agadir.getByRole('textbox', { name: /Votre message/ }).focus();
      await agadir.keyboard.type('Agadir forme ses agents depuis 2006 : parlons-en.');
      await press(agadir, agadir.getByRole('button', { name: 'Envoyer' }));
      await agadir.getByRole('status').getByText('Message envoyé.').waitFor();
    },
    TIMEOUTS.test * 2,
  );
});
