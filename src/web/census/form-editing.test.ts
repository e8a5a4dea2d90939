/**
 * The record forms people fill (issue 19, item 4), over HTTP on the 2008 directory: a
 * collectivity's kind and country as choices from the country profiles, a project's domains as
 * checkboxes grouped by parent domain, list fields edited in place by their add and remove
 * buttons without saving anything, and the editors' searchable collectivity picker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AIX_OUJDA, AIX_OUJDA_PROJECT, OUJDA, openMembersSite, text, type Browser, type MembersSite, openCampaign } from './testing.js';
import { formValues, recordFields } from './forms.js';

let site: MembersSite;
let editor: Browser;
let campaignId: string;

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
  campaignId = await openCampaign(editor, 'Recensement des formulaires');
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

/** A form's own fields as the page fills them: every input, select, checkbox and textarea, by name. */
function fieldsOf(body: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (name: string, value: string) => (out[name] ??= []).push(value.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  for (const m of body.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (name === undefined || name.startsWith('_')) continue;
    if (/type="checkbox"/.test(attrs) && !/ checked/.test(attrs)) continue;
    put(name, /value="([^"]*)"/.exec(attrs)?.[1] ?? '');
  }
  for (const m of body.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) put(m[1]!, /<option value="([^"]*)" selected>/.exec(m[2]!)?.[1] ?? '');
  for (const m of body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) put(m[1]!, m[2]!);
  return out;
}

describe('choices instead of free text', () => {
  it('offers a collectivity’s kind from the profiles of the directory’s countries, grouped by country, and its country as a choice', async () => {
    const page = await editor.get(`/modifier/collectivite/${OUJDA}`);
    expect(page.statusCode).toBe(200);
    const kind = /<select id="f-kind" name="kind"[^>]*>([\s\S]*?)<\/select>/.exec(page.body)?.[1];
    expect(kind).toBeDefined();
    expect(kind).toMatch(/<optgroup label="Maroc">[\s\S]*<option value="commune-urbaine" selected>Commune urbaine<\/option>/);
    expect(kind).toMatch(/<optgroup label="France">[\s\S]*<option value="region">/);
    expect(page.body).toMatch(/<select id="f-country" name="country"[^>]*>[\s\S]*<option value="MA" selected>Maroc<\/option>/);
  });

  it('shows a project’s domains as checkboxes under their parent domain, and saves what is ticked', async () => {
    const page = await editor.get(`/modifier/projet/${AIX_OUJDA_PROJECT}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<fieldset class="group domains" id="f-domains"/);
    expect(page.body).toMatch(/<fieldset class="domain-group"><legend>[^<]+<\/legend>[\s\S]*?type="checkbox"/);
    const before = (await (await site.directory()).project(AIX_OUJDA_PROJECT))!;
    const ticked = fieldsOf(page.body).domains ?? [];
    expect(ticked.sort()).toEqual([...(before.domains ?? [])].sort());
    const all = [...page.body.matchAll(/type="checkbox" id="f-domains-[^"]+" name="domains" value="([^"]+)"/g)].map((m) => m[1]!);
    const added = all.find((code) => !ticked.includes(code))!;
    const fields = fieldsOf(page.body);
    const saved = await editor.post(`/modifier/projet/${AIX_OUJDA_PROJECT}`, { ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v])), domains: [...ticked, added] });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const after = (await (await site.directory()).project(AIX_OUJDA_PROJECT))!;
    expect([...(after.domains ?? [])].sort()).toEqual([...ticked, added].sort());
  });
});

describe('list fields edited in place', () => {
  it('adds an item and removes one without saving, keeping what was typed, then saves the list as shown', async () => {
    const url = `/modifier/partenariat/${AIX_OUJDA}`;
    const page = await editor.get(url);
    expect(page.body).toContain('name="_add" value="contacts"');
    const current = (await (await site.directory()).partnership(AIX_OUJDA))!;
    const values = { ...formValues(recordFields('partnership'), current), baseVersion: /name="baseVersion" value="(\d+)"/.exec(page.body)![1]!, history: 'Tapé avant la liste' };
    const contacts = Object.keys(values).filter((k) => /^contacts\[\d+\]\.name$/.test(k)).length;

    const added = await editor.post(url, { ...values, _add: 'contacts' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Tapé avant la liste');
    // the new item's first field has the focus; one more empty item than before
    expect(added.body).toMatch(new RegExp(`name="contacts\\[${contacts}\\]\\.name"[^>]*autofocus`));
    expect(added.body).toContain(`name="contacts[${contacts + 1}].name"`);
    expect(((await (await site.directory()).partnership(AIX_OUJDA))!).history).toBe(current.history); // nothing saved

    const withTwo = { ...values, [`contacts[${contacts}].name`]: 'Nadia Nouvelle', [`contacts[${contacts}].role`]: 'chargée de mission' };
    const removed = await editor.post(url, { ...withTwo, _remove: 'contacts[0]' });
    expect(removed.statusCode).toBe(200);
    const shown = fieldsOf(removed.body);
    expect(shown[`contacts[${contacts - 1}].name`]).toEqual(['Nadia Nouvelle']);
    expect(Object.keys(shown).filter((k) => /^contacts\[\d+\]\.name$/.test(k) && shown[k]![0] !== '').length).toBe(contacts);
    expect(removed.body).toMatch(/id="f-contacts-add"[^>]*autofocus/);

    const { baseVersion } = values;
    const saved = await editor.post(url, { ...Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v[0]!])), baseVersion });
    expect(saved.statusCode, text(saved.body).slice(0, 400)).toBe(303);
    const after = (await (await site.directory()).partnership(AIX_OUJDA))!;
    expect(after.contacts?.map((p) => p.name)).toEqual([...(current.contacts ?? []).slice(1).map((p) => p.name), 'Nadia Nouvelle']);
    expect(after.history).toBe('Tapé avant la liste');
  });

  it('heads each item with the list’s own word for one item, numbered, in each language', async () => {
    const headings = async (url: string) => [...(await editor.get(url)).body.matchAll(/<fieldset class="item"><legend>([^<]+)<\/legend>/g)].map((m) => m[1]!);
    const french = await headings(`/modifier/partenariat/${AIX_OUJDA}`);
    expect(french).toEqual(expect.arrayContaining(['Partie 1', 'Partie 2', 'Contact 1']));
    const arabic = await headings(`/ar/modifier/partenariat/${AIX_OUJDA}`);
    expect(arabic).toEqual(expect.arrayContaining(['الطرف 1', 'الطرف 2', 'جهة الاتصال 1']));
    // never the list's plural name, with or without its last letter
    expect(arabic.some((h) => h.includes('الأطرا') || h.includes('جهات'))).toBe(false);
    const project = await headings(`/en/modifier/projet/${AIX_OUJDA_PROJECT}`);
    expect(project.some((h) => /^Partner \d+/.test(h))).toBe(true);
    const page = (await editor.get(`/ar/modifier/partenariat/${AIX_OUJDA}`)).body;
    expect(page).toContain('حذف: الطرف 1');
  });

  it('labels the domain checkboxes in the page’s language (the directory’s French at the root)', async () => {
    const boxes = async (url: string) => [...(await editor.get(url)).body.matchAll(/name="domains" value="[^"]+"[^>]*><label for="[^"]+">([^<]+)<\/label>/g)].map((m) => m[1]!);
    expect(await boxes(`/modifier/projet/${AIX_OUJDA_PROJECT}`)).toContain('Eau &amp; assainissement');
    const english = await boxes(`/en/modifier/projet/${AIX_OUJDA_PROJECT}`);
    expect(english).toContain('Water &amp; sanitation');
    expect(english).not.toContain('Eau &amp; assainissement');
    expect(await boxes(`/ar/modifier/projet/${AIX_OUJDA_PROJECT}`)).toContain('الماء والتطهير السائل');
  });

  it('saves, not removes, when Enter is pressed in a field: the form’s first button is the save', async () => {
    const page = await editor.get(`/modifier/partenariat/${AIX_OUJDA}`);
    const form = /<form method="post" action="\/modifier\/partenariat[^"]*"[^>]*>([\s\S]*?)<\/form>/.exec(page.body)![1]!;
    const first = /<button[^>]*>/.exec(form)![0];
    expect(first).not.toMatch(/name="_(add|remove)"/);
  });
});

describe('the editors’ collectivity picker', () => {
  it('finds collectivities by a part of their name, accents and case aside, and links to their records', async () => {
    const empty = await editor.get(`/recensement/${campaignId}`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('name="nom"');
    expect(empty.body).not.toContain('<select id="f-collectivite"');
    const found = await editor.get(`/recensement/${campaignId}?nom=OUJDA`);
    expect(text(found.body)).toContain("Commune urbaine d'Oujda");
    expect(found.body).toContain(`href="/recensement/${campaignId}?collectivite=${OUJDA}"`);
    const accents = await editor.get(`/recensement/${campaignId}?nom=${encodeURIComponent('régión')}`);
    expect(text(accents.body)).toMatch(/Collectivités trouvées pour « régión » : \d+/);
    const none = await editor.get(`/recensement/${campaignId}?nom=zzzqqq`);
    expect(text(none.body)).toContain('Aucune collectivité ne correspond à « zzzqqq ».');
    const picked = await editor.get(`/recensement/${campaignId}?collectivite=${OUJDA}`);
    expect(text(picked.body)).toContain("Commune urbaine d'Oujda");
  });
});
