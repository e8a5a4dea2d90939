/**
 * The campaign's three form pages (a record's, a new record's, a new record's draft) built as
 * members' pages: each view model is the page's JSON twin (`.json`, or `Accept: application/json`)
 * and says what the HTML says; the permission is the HTML's (another contributor gets 403 on a
 * record that is not theirs, 404 on a draft that is not theirs, on the page and its twin alike);
 * a form sent back shows what was typed and what was wrong from the same view model; the edit
 * conflict answers with its view model when asked for JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValues, recordFields } from './forms.js';
import { AIX_OUJDA, AIX_OUJDA_PROJECT, OUJDA, openMembersSite, text, type Browser, type MembersSite, openCampaign } from './testing.js';

let site: MembersSite;
let editor: Browser;
let oujda: Browser;
let agadir: Browser;
let campaignId: string;
let draftUrl: string;

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
  oujda = await site.signIn('oujda');
  agadir = await site.signIn('agadir');
  campaignId = await openCampaign(editor, 'Recensement des formulaires');
  expect((await oujda.post(`/recensement/${campaignId}/nouveau/projet`, { parentId: AIX_OUJDA, title: 'Mobilité douce', status: 'planned' })).statusCode).toBe(303);
  const entries = await oujda.get(`/recensement/${campaignId}`);
  draftUrl = /href="(\/recensement\/[^"]+\/proposition\/[^"]+)">/.exec(entries.body)![1]!;
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

/** A GET with the member's session, asking for JSON by Accept or for HTML. */
async function getAs(who: Browser, url: string, accept = 'text/html') {
  const cookie = [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return site.app.inject({ method: 'GET', url, headers: { cookie, accept } });
}

interface FormView {
  href: string;
  campaign: { id: string; title: string; href: string };
  label?: string;
  form: { action: string; values: Record<string, string>; errors: Record<string, string>; hidden: Record<string, string> };
}

const json = (body: string) => JSON.parse(body) as FormView;

describe('the campaign’s form pages and their JSON twins', () => {
  it('a record’s form: the twin by .json and by Accept, saying what the HTML says', async () => {
    const url = `/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`;
    const twin = await getAs(oujda, `${url}.json`);
    expect(twin.statusCode).toBe(200);
    expect(twin.headers['cache-control']).toBe('no-store');
    const view = json(twin.body);
    expect(view.form.values.title).toBe('Environnement et espaces verts');
    expect(view.form.action).toBe(url);
    expect(view.form.hidden.baseVersion).toMatch(/^\d+$/);
    expect(view.form.hidden.collectivityId).toBeUndefined();
    expect(view.campaign).toEqual({ id: campaignId, title: 'Recensement des formulaires', href: `/recensement/${campaignId}` });
    const accepted = await getAs(oujda, url, 'application/json');
    expect(accepted.headers['content-type']).toMatch(/^application\/json/);
    // HTML or JSON at one address: a cache between keys on Accept
    expect(String(accepted.headers.vary)).toContain('Accept');
    expect(String((await getAs(oujda, url)).headers.vary)).toContain('Accept');
    expect(json(accepted.body)).toEqual(view);
    const page = await getAs(oujda, url);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(`name="baseVersion" value="${view.form.hidden.baseVersion}"`);
    expect(text(page.body)).toContain(view.label!);
  });

  it('a new record’s form and a draft’s: their first values, the partnership, the draft', async () => {
    const project = json((await getAs(oujda, `/recensement/${campaignId}/nouveau/projet.json?partenariat=${AIX_OUJDA}`)).body) as FormView & { partnership: { id: string; label: string } };
    expect(project.partnership.id).toBe(AIX_OUJDA);
    expect(project.form.hidden.parentId).toBe(AIX_OUJDA);
    expect(project.form.values.status).toBe('ongoing');
    expect(project.href).toBe(`/recensement/${campaignId}/nouveau/projet?partenariat=${AIX_OUJDA}`);
    expect(text((await getAs(oujda, project.href)).body)).toContain(project.partnership.label);
    const partnership = json((await getAs(oujda, `/recensement/${campaignId}/nouveau/partenariat`, 'application/json')).body);
    expect(partnership.form.values['parties[0].collectivityId']).toBe(OUJDA);
    const draft = json((await getAs(oujda, `${draftUrl}.json`)).body);
    expect(draft.form.values.title).toBe('Mobilité douce');
    expect(draft.form.action).toBe(draftUrl);
    expect((await getAs(oujda, `/recensement/${campaignId}/nouveau/autre.json`)).statusCode).toBe(404);
  });

  it('an editor answers for the collectivity named by ?collectivite=, which goes with the form', async () => {
    const view = json((await getAs(editor, `/recensement/${campaignId}/fiche/collectivite/${OUJDA}.json?collectivite=${OUJDA}`)).body);
    expect(view.form.hidden.collectivityId).toBe(OUJDA);
    expect(view.campaign.href).toBe(`/recensement/${campaignId}?collectivite=${OUJDA}`);
  });

  it('refuses another contributor: 403 on a record or a partnership not theirs, 404 on a draft not theirs, page and twin alike', async () => {
    const refused = [`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`, `/recensement/${campaignId}/nouveau/projet?partenariat=${AIX_OUJDA}`];
    for (const url of refused) {
      expect((await getAs(agadir, url)).statusCode, url).toBe(403);
      const [path, query] = url.split('?');
      const twin = await getAs(agadir, `${path}.json${query ? `?${query}` : ''}`);
      expect(twin.statusCode, url).toBe(403);
      expect(JSON.parse(twin.body).error).toMatchObject({ status: 403, code: 'forbidden' });
      expect((await getAs(agadir, url, 'application/json')).statusCode, url).toBe(403);
    }
    expect((await getAs(agadir, draftUrl)).statusCode).toBe(404);
    const twin = await getAs(agadir, `${draftUrl}.json`);
    expect(twin.statusCode).toBe(404);
    expect(twin.body).not.toContain('Mobilité douce');
    const visitor = await site.app.inject({ method: 'GET', url: `${draftUrl}.json` });
    expect(visitor.statusCode).toBe(303);
  });

  it('a form sent back keeps what was typed, with each error tied to its field', async () => {
    const sent = await oujda.post(`/recensement/${campaignId}/nouveau/projet`, { parentId: AIX_OUJDA, title: '', status: 'planned', startDate: 'bientôt' });
    expect(sent.statusCode).toBe(422);
    expect(sent.body).toContain('href="#f-title"');
    expect(sent.body).toContain('aria-describedby="f-title-error" aria-invalid="true"');
    expect(sent.body).toContain('value="bientôt"');
    expect(sent.body).toContain(`name="parentId" value="${AIX_OUJDA}"`);
    const draft = await oujda.post(draftUrl, { title: 'Mobilité douce', status: 'planned', startDate: 'bientôt' });
    expect(draft.statusCode).toBe(422);
    expect(draft.body).toContain('href="#f-startDate"');
    expect(draft.body).toContain('value="Mobilité douce"');
  });

  it('the edit conflict: its view model when asked for JSON', async () => {
    const editor2 = await site.signIn('editor2');
    const url = `/modifier/projet/${AIX_OUJDA_PROJECT}`;
    const version = /name="baseVersion" value="(\d+)"/.exec((await editor.get(url)).body)![1]!;
    const { partnershipId: _p, ...record } = (await (await site.directory()).project(AIX_OUJDA_PROJECT))!;
    const base = formValues(recordFields('project'), record);
    expect((await editor.post(url, { ...base, baseVersion: version, observations: 'Premier éditeur.' })).statusCode).toBe(303);
    const cookie = [...editor2.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = await editor2.csrfOf(url, url);
    const payload = new URLSearchParams({ ...base, baseVersion: version, observations: 'Second éditeur.', _csrf: csrf }).toString();
    const conflict = await site.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } });
    expect(conflict.statusCode).toBe(409);
    const view = JSON.parse(conflict.body) as { theirs: { version: number; by?: string }; yours: { version: number }; differences: { field: string }[]; form: FormView['form']; back: { to: string } };
    expect(view.yours.version).toBe(Number(version));
    expect(view.theirs.version).toBe(Number(version) + 1);
    expect(view.theirs.by).toBe('Éric Éditeur');
    expect(view.differences.map((d) => d.field)).toContain('observations');
    expect(view.form.values.observations).toBe('Second éditeur.');
    expect(view.form.hidden.baseVersion).toBe(String(view.theirs.version));
    expect(view.back.to).toBe('record');
  });
});
