/**
 * The census in real Chromium (Debian's, driven by playwright-core): a real server on port 0 over
 * a temporary SQLite store with the 2008 directory, accounts created through the account service.
 * Elements are found by role and accessible name, as a screen reader user would find them.
 *
 *   - an editor opens "Recensement 2026";
 *   - a contributor from Oujda updates a project of Aix-en-Provence ⇄ Oujda and submits it; the
 *     page for a project of Agadir's refuses, and so does the server for a forged POST;
 *   - a POST without the CSRF token is refused;
 *   - an editor approves the change, and the public page shows it;
 *   - a reviewer rejects another change with a comment, and the contributor reads it;
 *   - two editors edit the same record: the second gets the conflict page and re-applies;
 *   - axe-core finds no serious or critical violation on the sign-in, campaign and queue pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, openBrowserSite, seriousAxeViolations, skipReason, TIMEOUTS, type BrowserSite } from '../browser/harness.js';
import { AGADIR_PROJECT, AIX_OUJDA, openMembersSite, PASSWORD, PEOPLE, type MembersSite, type PersonName } from './testing.js';

const PROJECT = 'aix-en-provence-oujda-environnement-et-espaces-verts';
const OTHER_PROJECT = 'aix-en-provence-oujda-echanges-culturels';

let opened: BrowserSite<MembersSite>;
let site: MembersSite;
let base: string;
let campaignPath: string;

function newPage(): Promise<Page> {
  // bypassCSP: axe-core is injected as a script, which the site's CSP would refuse
  return opened.page({ bypassCSP: true });
}

async function signIn(who: PersonName): Promise<Page> {
  const page = await newPage();
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(PEOPLE[who].email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${base}/recensement`);
  await page.getByText(`Connecté : ${PEOPLE[who].name}`).waitFor();
  return page;
}

/** The token of the page's first form that posts to `action`. */
async function csrfOn(page: Page, action: string): Promise<string> {
  return page.locator(`form[action="${action}"] input[name="_csrf"]`).first().inputValue();
}

describe.skipIf(skipReason !== undefined)('the census in Chromium', () => {
  beforeAll(async () => {
    opened = await openBrowserSite(() => openMembersSite());
    ({ site, base } = opened);
  }, TIMEOUTS.setup);

  afterAll(async () => {
    await opened?.close();
  });

  it(
    'the sign-in page has no serious accessibility violation, and says what is wrong in French',
    async () => {
      const page = await newPage();
      await page.goto(`${base}/connexion`);
      expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
      await page.getByLabel('Adresse e-mail').fill('personne@nulle-part.ma');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByText('Champ obligatoire.').first().waitFor();
      expect(await page.getByLabel('Mot de passe').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('personne@nulle-part.ma');
      expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
    },
    TIMEOUTS.test,
  );

  it(
    'an editor opens "Recensement 2026"',
    async () => {
      const page = await signIn('editor');
      await page.getByLabel(/Titre de la campagne/).fill('Recensement 2026');
      await page.getByRole('button', { name: 'Ouvrir la campagne' }).click();
      await page.getByRole('heading', { level: 1, name: 'Recensement 2026' }).waitFor();
      campaignPath = new URL(page.url()).pathname;
      expect(campaignPath).toMatch(/^\/recensement\/[^/]+$/);
    },
    TIMEOUTS.test,
  );

  it(
    'a contributor from Oujda updates a project of Aix-en-Provence ⇄ Oujda and cannot touch Agadir’s',
    async () => {
      const page = await signIn('oujda');
      await page.getByRole('link', { name: 'Recensement 2026 : Répondre' }).click();
      await page.getByRole('heading', { level: 1, name: /Recensement 2026 — Commune urbaine d'Oujda/ }).waitFor();
      expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);

      await page.getByRole('link', { name: 'Mettre à jour Environnement et espaces verts' }).click();
      await page.getByRole('heading', { level: 1, name: /Mettre à jour : Environnement et espaces verts/ }).waitFor();
      expect(await page.getByRole('textbox', { name: /^Titre/ }).inputValue()).toBe('Environnement et espaces verts');
      expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
      await page.getByRole('textbox', { name: /^Titre/ }).fill('Environnement et espaces verts (2026)');
      await page.getByRole('combobox', { name: /^État/ }).selectOption({ label: 'En cours' });
      await page.getByRole('textbox', { name: /^Objectifs/ }).fill('Planter 500 arbres\nCréer un jardin partagé');
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await page.getByText('Brouillon enregistré.').waitFor();
      await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await page.getByText(/1 proposition transmise aux éditeurs/).waitFor();

      // Agadir's project: the page refuses…
      const refused = await page.goto(`${base}${campaignPath}/fiche/projet/${AGADIR_PROJECT}`);
      expect(refused?.status()).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
      // …and so does the server for a POST forged with a valid session and token.
      const token = await csrfOn(page, '/deconnexion');
      const forged = await page.request.post(`${base}${campaignPath}/fiche/projet/${AGADIR_PROJECT}`, {
        form: { _csrf: token, title: 'Piraté', status: 'ongoing', baseVersion: '1' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      const proposals = await site.store.db.selectFrom('proposals').select('record_id').execute();
      expect(proposals.map((p) => p.record_id)).toEqual([PROJECT]);
    },
    TIMEOUTS.test,
  );

  it(
    'a forged POST without the CSRF token is refused and changes nothing',
    async () => {
      const page = await signIn('oujda');
      const forged = await page.request.post(`${base}${campaignPath}/nouveau/projet`, { form: { parentId: AIX_OUJDA, title: 'Forgé', status: 'planned' }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain('Le formulaire a expiré ou ne vient pas de ce site');
      const wrong = await page.request.post(`${base}/deconnexion`, { form: { _csrf: 'faux' }, maxRedirects: 0 });
      expect(wrong.status()).toBe(403);
      const proposals = await site.store.db.selectFrom('proposals').select('record_id').execute();
      expect(proposals).toHaveLength(1);
    },
    TIMEOUTS.test,
  );

  it(
    'an editor approves the change from the queue, and the public page shows it',
    async () => {
      const page = await signIn('editor');
      await page.getByRole('navigation', { name: 'Espace membres' }).getByRole('link', { name: 'Relecture' }).click();
      await page.getByRole('heading', { level: 1, name: 'Relecture' }).waitFor();
      expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
      await page.getByRole('link', { name: /Environnement et espaces verts \(2026\)/ }).click();
      await page.getByRole('heading', { level: 1, name: /Relire : Environnement et espaces verts \(2026\)/ }).waitFor();
      const row = page.getByRole('row', { name: /^Titre/ });
      expect(await row.textContent()).toContain('Environnement et espaces verts (2026)');
      expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
      await page.getByRole('button', { name: 'Accepter', exact: true }).click();
      await page.getByText(/Proposition acceptée : la fiche est publiée/).waitFor();

      const visitor = await newPage();
      await visitor.goto(`${base}/projets/${PROJECT}`);
      await visitor.getByRole('heading', { level: 1, name: 'Environnement et espaces verts (2026)' }).waitFor();
      expect(await visitor.getByText('Planter 500 arbres').count()).toBeGreaterThan(0);
    },
    TIMEOUTS.test,
  );

  it(
    'a reviewer rejects a change with a comment, and the contributor sees it',
    async () => {
      const contributor = await signIn('oujda');
      await contributor.goto(`${base}${campaignPath}`);
      await contributor.getByRole('link', { name: 'Mettre à jour Échanges culturels' }).click();
      await contributor.getByRole('textbox', { name: /^Titre/ }).fill('Échanges culturels et sportifs');
      await contributor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await contributor.getByText('Brouillon enregistré.').waitFor();
      await contributor.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await contributor.getByText(/1 proposition transmise/).waitFor();

      const reviewer = await signIn('editor2');
      await reviewer.goto(`${base}/relecture`);
      await reviewer.getByRole('link', { name: /Échanges culturels et sportifs/ }).click();
      await reviewer.getByRole('button', { name: 'Refuser' }).click();
      await reviewer.getByText('Champ obligatoire.').first().waitFor();
      expect(await reviewer.getByRole('textbox', { name: /Motif du refus/ }).getAttribute('aria-invalid')).toBe('true');
      await reviewer.getByRole('textbox', { name: /Motif du refus/ }).fill('Le sport relève d’un autre partenariat.');
      await reviewer.getByRole('button', { name: 'Refuser' }).click();
      await reviewer.getByText('Proposition refusée.').waitFor();

      await contributor.goto(`${base}${campaignPath}`);
      await contributor.getByText('Commentaire de l’éditeur : Le sport relève d’un autre partenariat.').first().waitFor();
      expect(await contributor.getByRole('table').last().textContent()).toContain('refusée');
      const project = await site.directory();
      expect((await project.project(OTHER_PROJECT))?.title).toBe('Échanges culturels');
    },
    TIMEOUTS.test,
  );

  it(
    'two editors edit the same record: the second sees the conflict page and re-applies',
    async () => {
      const first = await signIn('editor');
      const second = await signIn('editor2');
      for (const page of [first, second]) {
        await page.goto(`${base}/partenariats/${AIX_OUJDA}`);
        await page.getByRole('navigation', { name: 'Outils des membres' }).getByRole('link', { name: 'Modifier cette fiche' }).click();
        await page.getByRole('heading', { level: 1, name: /^Modifier :/ }).waitFor();
      }
      await first.getByRole('textbox', { name: /^Historique/ }).fill('Jumelage renouvelé en 2026 (premier éditeur).');
      await first.getByRole('button', { name: 'Enregistrer' }).click();
      await first.waitForURL(`${base}/partenariats/${AIX_OUJDA}`);
      await first.getByText('Jumelage renouvelé en 2026 (premier éditeur).').waitFor();

      await second.getByRole('textbox', { name: /^Historique/ }).fill('Coopération décentralisée depuis 1998 (second éditeur).');
      await second.getByRole('button', { name: 'Enregistrer' }).click();
      await second.getByRole('heading', { level: 1, name: /^Conflit de modification/ }).waitFor();
      const table = second.getByRole('table');
      expect(await table.textContent()).toContain('Jumelage renouvelé en 2026 (premier éditeur).');
      expect(await table.textContent()).toContain('Coopération décentralisée depuis 1998 (second éditeur).');
      expect(await second.getByRole('textbox', { name: /^Historique/ }).inputValue()).toBe('Coopération décentralisée depuis 1998 (second éditeur).');
      expect(describeViolations(await seriousAxeViolations(second))).toEqual([]);
      await second.getByRole('button', { name: 'Réappliquer ma modification' }).click();
      await second.waitForURL(`${base}/partenariats/${AIX_OUJDA}`);
      await second.getByText('Coopération décentralisée depuis 1998 (second éditeur).').waitFor();

      await second.getByRole('link', { name: 'Historique des versions' }).click();
      const versions = second.getByRole('table').first();
      expect(await versions.textContent()).toContain('Inès Éditrice');
      expect(await versions.textContent()).toContain('Éric Éditeur');
    },
    TIMEOUTS.test,
  );
});
