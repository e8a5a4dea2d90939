/**
 * A list field edited by keyboard alone in real Chromium (Debian's, driven by playwright-core),
 * without JavaScript on the page: an editor tabs to a contact's remove button and presses Enter,
 * lands on the list's add button, presses Enter, lands in the new contact's first field, types a
 * name and presses Enter, which saves the record (the form's first button is the save, not a
 * list's add or remove).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserSite, skipReason, TIMEOUTS, type BrowserSite } from '../browser/harness.js';
import { AIX_OUJDA, openMembersSite, PASSWORD, PEOPLE, type MembersSite } from './testing.js';

let s: BrowserSite<MembersSite>;

/** The focused element, as a selector-like description: `tag#id[name=value]`. */
async function focused(page: Page): Promise<string> {
  // run in the page, where `document` is the page's (the test's own TypeScript has no DOM)
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (el === null) return '';
    const name = el.getAttribute('name');
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (name ? '[' + name + '=' + (el.getAttribute('value') ?? '') + ']' : '');
  })()`);
}

describe.skipIf(skipReason !== undefined)('a list field edited by keyboard in Chromium', () => {
  beforeAll(async () => {
    s = await openBrowserSite(() => openMembersSite());
  }, TIMEOUTS.setup);

  afterAll(async () => s?.close());

  it(
    'removes a contact, adds one and saves, with the keys alone',
    async () => {
      const before = (await (await s.site.directory()).partnership(AIX_OUJDA))!;
      expect(before.contacts?.length ?? 0).toBeGreaterThan(0);
      const context = await s.context({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${s.base}/connexion`);
      await page.getByLabel('Adresse e-mail').fill(PEOPLE.editor.email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(`${s.base}/recensement`);

      await page.goto(`${s.base}/modifier/partenariat/${AIX_OUJDA}`);
      // from the first contact's name, Tab until its remove button
      await page.locator('#f-contacts-0-name').focus();
      let presses = 0;
      while ((await focused(page)) !== 'button[_remove=contacts[0]]' && presses < 40) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      expect(await focused(page)).toBe('button[_remove=contacts[0]]');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      // the contact is gone from the form (nothing saved yet); the focus is on the list's add button
      expect(await focused(page)).toBe('button#f-contacts-add[_add=contacts]');
      const left = before.contacts!.slice(1).map((p) => p.name);
      expect(await page.locator('#f-contacts-0-name').inputValue()).toBe(left[0] ?? '');

      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const fresh = `input#f-contacts-${left.length}-name[contacts[${left.length}].name=]`;
      expect(await focused(page)).toBe(fresh);
      await page.keyboard.type('Nadia Clavier');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(`/partenariats/${AIX_OUJDA}`);

      const after = (await (await s.site.directory()).partnership(AIX_OUJDA))!;
      expect(after.contacts?.map((p) => p.name)).toEqual([...left, 'Nadia Clavier']);
      await context.close();
    },
    TIMEOUTS.test * 2,
  );
});
