/**
 * The members' pages built with defineMemberPage (auth/member-page.ts), over real HTTP: each JSON
 * twin, fetched with a member's session cookie, validates against the schema /openapi.json gives
 * for it and says what the HTML says; the permission is the HTML's (a contributor gets 403 from the
 * editors' twins, with the error view; a visitor is sent to the sign-in page and back).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValues, recordFields } from './forms.js';
import { AIX_OUJDA, AIX_OUJDA_PROJECT, openMembersSite, text, type Browser, type MembersSite, openCampaign } from './testing.js';

let site: MembersSite;
let base: string;
let editor: Browser;
let oujda: Browser;
let admin: Browser;
let campaignId: string;
let proposalId: string;
let draftId: string;

interface OpenApi {
  paths: Record<string, { get: { security?: Record<string, string[]>[]; responses: Record<string, { content?: { 'application/json': { schema: { $ref: string } } } }> } }>;
  components: { schemas: Record<string, object>; securitySchemes?: Record<string, { type: string; in: string; name: string }> };
}

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
  oujda = await site.signIn('oujda');
  admin = await site.signIn('admin');
  campaignId = await openCampaign(editor, 'Recensement des pages');
  // a proposal from Oujda, with a list changed (the objectives): the review page's diff
  const form = await oujda.get(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`);
  const version = /name="baseVersion" value="(\d+)"/.exec(form.body)![1]!;
  const { partnershipId: _p, ...record } = (await (await site.directory()).project(AIX_OUJDA_PROJECT))!;
  const fields = { ...formValues(recordFields('project'), record), baseVersion: version, title: 'Espaces verts (revu)', objectives: 'Planter 500 arbres' };
  expect((await oujda.post(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`, fields)).statusCode).toBe(303);
  expect((await oujda.post(`/recensement/${campaignId}/envoyer`, {})).statusCode).toBe(303);
  proposalId = (await site.store.db.selectFrom('proposals').select('id').where('record_id', '=', AIX_OUJDA_PROJECT).executeTakeFirstOrThrow()).id;
  // a new project's draft: the form that edits it again
  expect((await oujda.post(`/recensement/${campaignId}/nouveau/projet`, { parentId: AIX_OUJDA, title: 'Mobilité douce', status: 'planned' })).statusCode).toBe(303);
  draftId = (await site.store.db.selectFrom('proposals').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow()).id;
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

/** A GET over HTTP with a browser's session cookie (none for a visitor). */
async function fetchAs(who: Browser | undefined, url: string): Promise<Response> {
  const cookie = who === undefined ? '' : [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return fetch(`${base}${url}`, { headers: cookie === '' ? {} : { cookie }, redirect: 'manual' });
}

describe('the members’ pages and their JSON twins', () => {
  it('each twin validates against its OpenAPI schema, under the session cookie', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApi;
    expect(document.components.securitySchemes?.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'repertoire_session' });
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const examples: Record<string, string[]> = {
      '/recensement.json': ['/recensement.json'],
      '/recensement/{campaign}/tableau-de-bord.json': [`/recensement/${campaignId}/tableau-de-bord.json`, `/recensement/${campaignId}/tableau-de-bord.json?comptes=1`],
      '/relecture.json': ['/relecture.json', '/relecture.json?etat=approved'],
      '/relecture/{proposal}.json': [`/relecture/${proposalId}.json`],
      '/recensement/{campaign}.json': [`/recensement/${campaignId}.json`, `/recensement/${campaignId}.json?nom=oujda`, `/recensement/${campaignId}.json?collectivite=ma-commune-oujda&fait=envoye&envoyees=1`],
      '/recensement/{campaign}/fiche/{type}/{id}.json': [`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}.json?collectivite=ma-commune-oujda`, `/recensement/${campaignId}/fiche/partenariat/${AIX_OUJDA}.json?collectivite=ma-commune-oujda`],
      '/recensement/{campaign}/nouveau/{kind}.json': [`/recensement/${campaignId}/nouveau/projet.json?collectivite=ma-commune-oujda&partenariat=${AIX_OUJDA}`, `/recensement/${campaignId}/nouveau/partenariat.json?collectivite=ma-commune-oujda`],
      '/recensement/{campaign}/proposition/{proposal}.json': [`/recensement/${campaignId}/proposition/${draftId}.json?collectivite=ma-commune-oujda`],
      '/historique/{type}/{id}.json': [`/historique/projet/${AIX_OUJDA_PROJECT}.json`, `/historique/collectivite/ma-commune-oujda.json?de=1&a=1`],
      '/modifier/{type}/{id}.json': [`/modifier/projet/${AIX_OUJDA_PROJECT}.json`, '/modifier/partenariat/aix-en-provence-oujda.json'],
      '/relecture/{proposal}/modifier.json': [`/relecture/${proposalId}/modifier.json`],
      '/qualite.json': ['/qualite.json'],
      '/admin/utilisateurs.json': ['/admin/utilisateurs.json'],
      '/admin/donnees-personnelles.json': ['/admin/donnees-personnelles.json'],
    };
    for (const [path, urls] of Object.entries(examples)) {
      const who = path.startsWith('/admin/utilisateurs') ? admin : editor;
      const operation = document.paths[path]!.get;
      expect(operation.security, path).toEqual([{ session: [] }]);
      const validate = ajv.getSchema(operation.responses['200']!.content!['application/json'].schema.$ref)!;
      for (const url of urls) {
        const response = await fetchAs(who, url);
        expect(response.status, url).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        const body: unknown = await response.json();
        expect(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it('says what the HTML says', async () => {
    const twin = (await (await fetchAs(editor, `/recensement/${campaignId}/tableau-de-bord.json?comptes=1`)).json()) as { campaign: { title: string }; onlyAccounts: boolean; rows: { name: string }[] };
    expect(twin.campaign.title).toBe('Recensement des pages');
    expect(twin.onlyAccounts).toBe(true);
    expect(twin.rows.map((row) => row.name)).toContain("Commune urbaine d'Oujda");
    const page = text(await (await fetchAs(editor, `/recensement/${campaignId}/tableau-de-bord?comptes=1`)).text());
    for (const row of twin.rows) expect(page).toContain(row.name);
    const campaigns = (await (await fetchAs(editor, '/recensement.json')).json()) as { campaigns: { id: string; dashboardHref?: string }[]; openForm?: { title: string } };
    expect(campaigns.campaigns.find((c) => c.id === campaignId)?.dashboardHref).toBe(`/recensement/${campaignId}/tableau-de-bord`);
    expect(campaigns.openForm?.title).toMatch(/^Recensement \d{4}$/);
    // one route for a page whose path ends with a parameter: the HTML, and the twin by its .json
    const proposal = (await (await fetchAs(editor, `/relecture/${proposalId}.json`)).json()) as { id: string; label: string; changes: { field: string; after?: unknown }[]; decide?: { rejectAction: string } };
    expect(proposal.id).toBe(proposalId);
    expect(proposal.changes.find((change) => change.field === 'title')?.after).toBe('Espaces verts (revu)');
    expect(proposal.decide?.rejectAction).toBe(`/relecture/${proposalId}/refuser`);
    const review = await fetchAs(editor, `/relecture/${proposalId}`);
    expect(review.headers.get('content-type')).toMatch(/^text\/html/);
    const shown = text(await review.text());
    expect(shown).toContain(proposal.label);
    expect(shown).toContain('Planter 500 arbres');
    expect((await fetchAs(editor, '/relecture/nulle-part.json')).status).toBe(404);
    // a collectivity's records: a contributor's own; an editor picks one first
    const own = (await (await fetchAs(oujda, `/recensement/${campaignId}.json`)).json()) as { kind: string; collectivity: { name: string }; partnerships: { label: string; projects: { id: string; state: string }[] }[]; proposals: { status: string }[] };
    expect(own.kind).toBe('entries');
    expect(own.collectivity.name).toBe("Commune urbaine d'Oujda");
    expect(own.partnerships.flatMap((p) => p.projects).find((p) => p.id === AIX_OUJDA_PROJECT)?.state).toBe('submitted');
    expect(own.proposals.map((p) => p.status)).toEqual(['submitted', 'draft']);
    const ownPage = text(await (await fetchAs(oujda, `/recensement/${campaignId}`)).text());
    for (const partnership of own.partnerships) expect(ownPage).toContain(partnership.label);
    const picker = (await (await fetchAs(editor, `/recensement/${campaignId}.json?nom=oujda`)).json()) as { kind: string; matches: { id: string; href: string }[] };
    expect(picker.kind).toBe('picker');
    expect(picker.matches.find((m) => m.id === 'ma-commune-oujda')?.href).toBe(`/recensement/${campaignId}?collectivite=ma-commune-oujda`);
    expect((await fetchAs(editor, '/recensement/nulle-part.json')).status).toBe(404);
    // an editor's form: the record's values and the choices its fields offer
    const form = (await (await fetchAs(editor, `/modifier/projet/${AIX_OUJDA_PROJECT}.json`)).json()) as { form: { values: Record<string, string>; hidden: { baseVersion: string }; choices: { collectivities: unknown[] } } };
    expect(form.form.values.title).toBe('Environnement et espaces verts');
    expect(form.form.hidden.baseVersion).toMatch(/^\d+$/);
    expect(form.form.choices.collectivities.length).toBeGreaterThan(50);
    expect((await fetchAs(oujda, `/modifier/projet/${AIX_OUJDA_PROJECT}.json`)).status).toBe(403);
    const correcting = (await (await fetchAs(editor, `/relecture/${proposalId}/modifier.json`)).json()) as { form: { values: Record<string, string>; action: string } };
    expect(correcting.form.values.title).toBe('Espaces verts (revu)');
    expect(correcting.form.action).toBe(`/relecture/${proposalId}/modifier`);
    expect(text(await (await fetchAs(editor, `/relecture/${proposalId}/modifier`)).text())).toContain('Planter 500 arbres');
    expect((await fetchAs(oujda, `/relecture/${proposalId}/modifier.json`)).status).toBe(403);
    // a record's history: a contributor sees their own records' (a page whose path ends with a parameter, too)
    const history = (await (await fetchAs(oujda, `/historique/projet/${AIX_OUJDA_PROJECT}.json`)).json()) as { label: string; versions: { version: number; current: boolean }[]; revert?: unknown };
    expect(history.versions[0]?.current).toBe(true);
    expect(history.revert).toBeUndefined();
    expect(text(await (await fetchAs(oujda, `/historique/projet/${AIX_OUJDA_PROJECT}`)).text())).toContain(history.label);
    expect((await fetchAs(editor, `/historique/fiche/${AIX_OUJDA_PROJECT}.json`)).status).toBe(404);
  });

  it('answers 403 to a contributor on the editors’ pages, HTML and JSON alike, and shows them only their part', async () => {
    for (const url of [`/recensement/${campaignId}/tableau-de-bord`, '/relecture', `/relecture/${proposalId}`, '/qualite']) {
      expect((await fetchAs(oujda, url)).status, url).toBe(403);
      const json = `${url}.json`;
      const refused = await fetchAs(oujda, json);
      expect(refused.status, json).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await refused.json()) as { error: { status: number; code: string } }).error).toMatchObject({ status: 403, code: 'forbidden' });
    }
    // a record of another collectivity: its history is not Oujda's to read
    expect((await fetchAs(oujda, '/historique/projet/montreuil-agadir-echanges-universitaires.json')).status).toBe(403);
    expect((await fetchAs(oujda, '/historique/projet/montreuil-agadir-echanges-universitaires')).status).toBe(403);
    // the accounts are the administrators' alone: an editor is refused too
    expect((await fetchAs(editor, '/admin/utilisateurs.json')).status).toBe(403);
    expect((await fetchAs(editor, '/admin/utilisateurs')).status).toBe(403);
    const accounts = (await (await fetchAs(admin, '/admin/utilisateurs.json')).json()) as { users: { email: string; self: boolean; collectivityName?: string }[]; invitation?: unknown };
    expect(accounts.users.find((u) => u.email === 'admin@repertoire.test')?.self).toBe(true);
    expect(accounts.users.find((u) => u.email === 'staff@oujda.ma')?.collectivityName).toBe("Commune urbaine d'Oujda");
    expect(accounts.invitation).toBeUndefined();
    // personal data: editors record consent; exporting and erasing are the administrators'
    expect((await fetchAs(oujda, '/admin/donnees-personnelles.json')).status).toBe(403);
    expect((await fetchAs(oujda, '/admin/donnees-personnelles')).status).toBe(403);
    const asEditor = (await (await fetchAs(editor, '/admin/donnees-personnelles.json')).json()) as { actions: { export?: string; erase?: string; consent: string } };
    expect(asEditor.actions).toEqual({ consent: '/admin/donnees-personnelles/consentement' });
    const asAdmin = (await (await fetchAs(admin, '/admin/donnees-personnelles.json')).json()) as { actions: { export?: string; erase?: string } };
    expect(asAdmin.actions.erase).toBe('/admin/donnees-personnelles/effacer');
    expect(await (await fetchAs(editor, '/admin/donnees-personnelles')).text()).not.toContain('/admin/donnees-personnelles/effacer');
    const own = (await (await fetchAs(oujda, '/recensement.json')).json()) as { campaigns: { dashboardHref?: string }[]; openForm?: unknown };
    expect(own.campaigns.length).toBeGreaterThan(0);
    expect(own.campaigns.every((c) => c.dashboardHref === undefined)).toBe(true);
    expect(own.openForm).toBeUndefined();
  });

  it('sends a visitor to the sign-in page, and back after', async () => {
    for (const url of ['/relecture.json', '/recensement', `/recensement/${campaignId}/tableau-de-bord.json`, `/recensement/${campaignId}.json`, `/relecture/${proposalId}.json`]) {
      const response = await fetchAs(undefined, url);
      expect(response.status, url).toBe(303);
      expect(response.headers.get('location')).toBe(`/connexion?suite=${encodeURIComponent(url)}`);
    }
  });

  it('shows a proposal again with the rejection’s missing comment, from the same view model', async () => {
    const refused = await editor.post(`/relecture/${proposalId}/refuser`, { comment: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-reject-comment-error"');
    expect(text(refused.body)).toContain('Espaces verts (revu)');
  });

  it('names the record’s fields in the page’s language: forms and differences', async () => {
    const english = text(await (await fetchAs(editor, `/en/modifier/projet/${AIX_OUJDA_PROJECT}`)).text());
    expect(english).toContain('Expected results');
    expect(english).not.toContain('Résultats attendus');
    const arabic = text(await (await fetchAs(editor, `/ar/modifier/projet/${AIX_OUJDA_PROJECT}`)).text());
    expect(arabic).toContain('النتائج المنتظرة');
    expect(arabic).not.toContain('Résultats attendus');
    const review = text(await (await fetchAs(editor, `/en/relecture/${proposalId}`)).text());
    expect(review).toContain('Objectives');
    expect(review).not.toContain('Objectifs');
    expect(text(await (await fetchAs(editor, `/relecture/${proposalId}`)).text())).toContain('Objectifs');
  });

  it('shows the campaigns form again with what was wrong, from the same view model', async () => {
    const refused = await editor.post('/recensement', { title: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('aria-invalid="true"');
    expect(text(refused.body)).toContain('Recensement des pages');
  });
});
