/**
 * The census pages over HTTP (Fastify's inject), on a real SQLite store with the 2008 directory:
 * campaign, drafts, submission, review (approve, reject with a comment, edit then approve),
 * conflicts, history and revert, what a contributor may not touch, and CSRF on every POST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGADIR_PARTNERSHIP, AGADIR_PROJECT, AIX_OUJDA, AIX_OUJDA_PROJECT, OUJDA, openMembersSite, text, type Browser, type MembersSite, openCampaign } from './testing.js';
import { formValues, recordFields } from './forms.js';
import { recordAudit } from '../../accounts/audit.js';
import { readStamp } from '../../store/stamp.js';

let site: MembersSite;
let editor: Browser;
let oujda: Browser;
let campaignId: string;

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
  oujda = await site.signIn('oujda');
  campaignId = await openCampaign(editor, 'Recensement 2026');
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

/** The project's form fields as the page pre-fills them, with some changed. */
async function projectForm(b: Browser, projectId: string, changes: Record<string, string>): Promise<Record<string, string>> {
  const page = await b.get(`/recensement/${campaignId}/fiche/projet/${projectId}`);
  expect(page.statusCode).toBe(200);
  const version = /name="baseVersion" value="(\d+)"/.exec(page.body)![1]!;
  const current = (await (await site.directory()).project(projectId))!;
  const { partnershipId: _p, ...record } = current;
  return { ...formValues(recordFields('project'), record), baseVersion: version, ...changes };
}

describe('campaign pages', () => {
  it('shows the contributor their collectivity, partnerships and projects, pre-filled', async () => {
    const page = await oujda.get(`/recensement/${campaignId}`);
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain("Commune urbaine d'Oujda");
    expect(body).toContain('Environnement et espaces verts');
    expect(body).not.toContain('Échanges universitaires'); // Montreuil ⇄ Agadir
    const form = await oujda.get(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`);
    expect(form.body).toContain('value="Environnement et espaces verts"');
    expect(form.body).toMatch(/<select id="f-status" name="status"[^>]*>[\s\S]*<option value="completed" selected>/);
  });

  it('refuses another collectivity’s record: the page and a forged POST', async () => {
    const page = await oujda.get(`/recensement/${campaignId}/fiche/projet/${AGADIR_PROJECT}`);
    expect(page.statusCode).toBe(403);
    const before = (await (await site.directory()).project(AGADIR_PROJECT))!;
    const forged = await oujda.post(`/recensement/${campaignId}/fiche/projet/${AGADIR_PROJECT}`, { title: 'Piraté', status: 'ongoing', baseVersion: '1' });
    expect(forged.statusCode).toBe(403);
    const history = await oujda.get(`/historique/partenariat/${AGADIR_PARTNERSHIP}`);
    expect(history.statusCode).toBe(403);
    const proposals = await site.store.db.selectFrom('proposals').selectAll().where('record_id', '=', AGADIR_PROJECT).execute();
    expect(proposals).toEqual([]);
    expect((await (await site.directory()).project(AGADIR_PROJECT))).toEqual(before);
  });

  it('refuses a POST without a CSRF token, or with a wrong one, and changes nothing', async () => {
    const fields = await projectForm(oujda, AIX_OUJDA_PROJECT, { title: 'Sans jeton' });
    const none = await oujda.post(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`, fields, { csrf: null });
    expect(none.statusCode).toBe(403);
    const wrong = await oujda.post(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`, fields, { csrf: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    const stranger = await site.anonymous().post('/recensement', { title: 'Forgée' }, { csrf: 'whatever' });
    expect(stranger.statusCode).toBe(403);
    const drafts = await site.store.db.selectFrom('proposals').selectAll().execute();
    expect(drafts.some((p) => (p.data ?? '').includes('Sans jeton'))).toBe(false);
    expect((await site.store.db.selectFrom('campaigns').selectAll().execute()).map((c) => c.title)).toEqual(['Recensement 2026']);
  });

  it('validates on the server: errors tied to their fields, in French, with what was typed', async () => {
    const fields = await projectForm(oujda, AIX_OUJDA_PROJECT, { title: '', startDate: 'mars 2007', 'totalCost.amount': 'beaucoup', 'totalCost.currency': 'EUR' });
    const page = await oujda.post(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`, fields);
    expect(page.statusCode).toBe(422);
    expect(page.body).toMatch(/<input id="f-title" name="title" type="text" value=""[^>]*aria-describedby="f-title-error" aria-invalid="true"/);
    expect(page.body).toContain('id="f-title-error"');
    expect(text(page.body)).toContain('Champ obligatoire.');
    expect(page.body).toContain('value="mars 2007"');
    expect(text(page.body)).toContain('Date au format AAAA, AAAA-MM ou AAAA-MM-JJ.');
    expect(page.body).toContain('value="beaucoup"');
    expect(text(page.body)).toContain('Indiquez un nombre.');
    expect(page.body).toContain('href="#f-totalCost-amount"');
  });

  it('saves a draft, submits it; an editor approves it and the public page shows it', async () => {
    const fields = await projectForm(oujda, AIX_OUJDA_PROJECT, {
      title: 'Environnement et espaces verts (2026)',
      status: 'ongoing',
      objectives: 'Planter 500 arbres\nCréer un jardin partagé',
      'totalCost.amount': '120000',
      'totalCost.currency': 'EUR',
    });
    const saved = await oujda.post(`/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`, fields);
    expect(saved.statusCode).toBe(303);
    const entries = await oujda.get(saved.headers.location!);
    expect(text(entries.body)).toContain('Brouillon enregistré.');
    const submitted = await oujda.post(`/recensement/${campaignId}/envoyer`, {});
    expect(submitted.statusCode).toBe(303);
    expect(text((await oujda.get(submitted.headers.location!)).body)).toContain('1 proposition transmise');

    const queue = await editor.get('/relecture');
    const link = /href="(\/relecture\/[^"]+)"/.exec(queue.body.split('<table class="queue">')[1]!)![1]!;
    const review = await editor.get(link);
    expect(review.statusCode).toBe(200);
    const body = text(review.body);
    expect(body).toContain('Environnement et espaces verts (2026)');
    expect(body).toContain('Planter 500 arbres');
    expect(body).toMatch(/État\s+modifié\s+Terminé\s+En cours/);
    const approved = await editor.post(`${link}/accepter`, { comment: '' });
    expect(approved.statusCode).toBe(303);

    const publicPage = await site.anonymous().get(`/projets/${AIX_OUJDA_PROJECT}`);
    expect(text(publicPage.body)).toContain('Environnement et espaces verts (2026)');
    expect(text(publicPage.body)).toContain('Planter 500 arbres');
    const json = await site.anonymous().get(`/projets/${AIX_OUJDA_PROJECT}.json`);
    expect(JSON.parse(json.body).title).toBe('Environnement et espaces verts (2026)');
    // its history names the campaign by its title, never by its id
    const history = text((await editor.get(`/historique/projet/${AIX_OUJDA_PROJECT}`)).body);
    expect(history).toContain('recensement « Recensement 2026 »');
    expect(history).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it('a rejection carries the editor’s comment to the contributor', async () => {
    const fields = await projectForm(oujda, 'aix-en-provence-oujda-echanges-culturels', { title: 'Échanges culturels et sportifs' });
    expect((await oujda.post(`/recensement/${campaignId}/fiche/projet/aix-en-provence-oujda-echanges-culturels`, fields)).statusCode).toBe(303);
    expect((await oujda.post(`/recensement/${campaignId}/envoyer`, {})).statusCode).toBe(303);
    const queue = await editor.get('/relecture');
    const link = /href="(\/relecture\/[^"]+)"/.exec(queue.body.split('<table class="queue">')[1]!)![1]!;
    const empty = await editor.post(`${link}/refuser`, { comment: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toMatch(/aria-invalid="true"/);
    const rejected = await editor.post(`${link}/refuser`, { comment: 'Le sport relève d’un autre partenariat.' });
    expect(rejected.statusCode).toBe(303);
    const entries = text((await oujda.get(`/recensement/${campaignId}`)).body);
    expect(entries).toContain('refusée');
    expect(entries).toContain('Le sport relève d’un autre partenariat.');
  });

  it('adds a project and declares a partnership as drafts; closes a project', async () => {
    const created = await oujda.post(`/recensement/${campaignId}/nouveau/projet`, { parentId: AIX_OUJDA, title: 'Mobilité douce', status: 'planned' });
    expect(created.statusCode).toBe(303);
    const invalid = await oujda.post(`/recensement/${campaignId}/nouveau/partenariat`, { tier: 'full', 'parties[0].collectivityId': OUJDA, 'parties[0].country': 'MA' });
    expect(invalid.statusCode).toBe(422);
    expect(text(invalid.body)).toContain('Un partenariat compte au moins deux parties.');
    const declared = await oujda.post(`/recensement/${campaignId}/nouveau/partenariat`, {
      tier: 'full',
      'parties[0].collectivityId': OUJDA,
      'parties[0].country': 'MA',
      'parties[1].collectivityId': 'fr-commune-lille',
      'parties[1].country': 'FR',
      frameworkKind: 'convention',
    });
    expect(declared.statusCode, declared.body.slice(0, 300)).toBe(303);
    const page = await oujda.get(`/recensement/${campaignId}`);
    const versionOf = /name="projectId" value="aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration"><input type="hidden" name="baseVersion" value="(\d+)"/.exec(page.body);
    const closed = await oujda.post(`/recensement/${campaignId}/clore-projet`, {
      projectId: 'aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration',
      baseVersion: versionOf![1]!,
      endDate: '2026',
    });
    expect(closed.statusCode).toBe(303);
    const entries = await oujda.get(`/recensement/${campaignId}`);
    const body = text(entries.body);
    expect(body).toContain('Mobilité douce');
    expect(body).toContain('Nouvelles fiches proposées');
    const draft = /href="(\/recensement\/[^"]+\/proposition\/[^"]+)">Modifier le brouillon<span class="visually-hidden"> Mobilité douce/.exec(entries.body)![1]!;
    const form = await oujda.get(draft);
    expect(form.body).toContain('value="Mobilité douce"');
    const edited = await oujda.post(draft, { title: 'Mobilité douce et vélo', status: 'planned' });
    expect(edited.statusCode).toBe(303);
    expect(text((await oujda.get(`/recensement/${campaignId}`)).body)).toContain('Mobilité douce et vélo');
  });

  it('shows editors the dashboard: who answered, who never signed in', async () => {
    await site.signIn('agadir');
    const page = await editor.get(`/recensement/${campaignId}/tableau-de-bord?comptes=1`);
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain("Commune urbaine d'Oujda");
    expect(body).toContain('envoyée le');
    expect(body).toContain("Commune urbaine d'Agadir");
    expect(body).toContain('sans réponse');
    const contributor = await oujda.get(`/recensement/${campaignId}/tableau-de-bord`);
    expect(contributor.statusCode).toBe(403);
  });
});

describe('conflicts and history', () => {
  it('the second of two editors editing the same record gets the conflict page, and can re-apply', async () => {
    const editor2 = await site.signIn('editor2');
    const url = `/modifier/partenariat/${AIX_OUJDA}`;
    const first = await editor.get(url);
    const second = await editor2.get(url);
    const version = /name="baseVersion" value="(\d+)"/.exec(first.body)![1]!;
    expect(/name="baseVersion" value="(\d+)"/.exec(second.body)![1]).toBe(version);
    const record = (await (await site.directory()).partnership(AIX_OUJDA))!;
    const { contacts: _c, ...rest } = record;
    const base = formValues(recordFields('partnership'), rest);
    const saved = await editor.post(url, { ...base, baseVersion: version, history: 'Jumelage signé en 1998 (premier éditeur).' });
    expect(saved.statusCode).toBe(303);
    const conflict = await editor2.post(url, { ...base, baseVersion: version, history: 'Version du second éditeur.' });
    expect(conflict.statusCode).toBe(409);
    const body = text(conflict.body);
    expect(body).toContain('Conflit de modification');
    expect(body).toContain('Jumelage signé en 1998 (premier éditeur).');
    expect(body).toContain('Version du second éditeur.');
    const newVersion = /name="baseVersion" value="(\d+)"/.exec(conflict.body)![1]!;
    expect(Number(newVersion)).toBe(Number(version) + 1);
    const reapplied = await editor2.post(url, { ...base, baseVersion: newVersion, history: 'Version du second éditeur.' });
    expect(reapplied.statusCode).toBe(303);
    expect(text((await site.anonymous().get(`/partenariats/${AIX_OUJDA}`)).body)).toContain('Version du second éditeur.');
  });

  it('lists versions, diffs two, and lets an editor revert (CSRF-checked)', async () => {
    const page = await editor.get(`/historique/partenariat/${AIX_OUJDA}`);
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('Éric Éditeur');
    expect(body).toContain('Inès Éditrice');
    expect(body).toContain('import de');
    const versions = [...page.body.matchAll(/name="version" value="(\d+)"/g)].map((m) => Number(m[1]));
    const current = Number(/name="baseVersion" value="(\d+)"/.exec(page.body)![1]);
    const diff = await editor.get(`/historique/partenariat/${AIX_OUJDA}?de=${current - 1}&a=${current}`);
    expect(text(diff.body)).toContain('Version du second éditeur.');
    const forged = await editor.post(`/historique/partenariat/${AIX_OUJDA}/retablir`, { version: String(Math.min(...versions)), baseVersion: String(current) }, { csrf: null });
    expect(forged.statusCode).toBe(403);
    const reverted = await editor.post(`/historique/partenariat/${AIX_OUJDA}/retablir`, { version: String(Math.min(...versions)), baseVersion: String(current) });
    expect(reverted.statusCode).toBe(303);
    expect(text((await site.anonymous().get(`/partenariats/${AIX_OUJDA}`)).body)).not.toContain('Version du second éditeur.');
    expect(text((await oujda.get(`/historique/partenariat/${AIX_OUJDA}`)).body)).toContain('retour à la version');
  });

  it('record pages link their history for members who may read it', async () => {
    expect((await oujda.get(`/partenariats/${AIX_OUJDA}`)).body).toContain(`href="/historique/partenariat/${AIX_OUJDA}"`);
    expect((await oujda.get(`/partenariats/${AGADIR_PARTNERSHIP}`)).body).not.toContain('/historique/');
    expect((await editor.get(`/projets/${AGADIR_PROJECT}`)).body).toContain(`href="/modifier/projet/${AGADIR_PROJECT}"`);
    expect((await site.anonymous().get(`/partenariats/${AIX_OUJDA}`)).body).not.toContain('/historique/');
  });
});

describe('approving a proposal on a record changed since', () => {
  it('shows the conflict page, and the editor re-applies on the current version', async () => {
    const project = 'aix-en-provence-oujda-eau-et-assainissement';
    const fields = await projectForm(oujda, project, { title: 'Eau et assainissement (2026)' });
    expect((await oujda.post(`/recensement/${campaignId}/fiche/projet/${project}`, fields)).statusCode).toBe(303);
    expect((await oujda.post(`/recensement/${campaignId}/envoyer`, {})).statusCode).toBe(303);
    // meanwhile an editor changes the record directly
    const edit = await editor.get(`/modifier/projet/${project}`);
    const version = /name="baseVersion" value="(\d+)"/.exec(edit.body)![1]!;
    const { partnershipId: _p, ...record } = (await (await site.directory()).project(project))!;
    const direct = await editor.post(`/modifier/projet/${project}`, { ...formValues(recordFields('project'), record), baseVersion: version, observations: 'Station d’épuration livrée.' });
    expect(direct.statusCode).toBe(303);

    const queue = await editor.get('/relecture');
    expect(text(queue.body)).toContain('fiche modifiée depuis');
    const link = /href="(\/relecture\/[^"]+)">projet : Eau et assainissement \(2026\)/.exec(queue.body)![1]!;
    const review = text((await editor.get(link)).body);
    expect(review).toContain('La fiche a changé depuis que cette proposition a été faite.');
    expect(review).toContain('Station d’épuration livrée.');
    const conflict = await editor.post(`${link}/accepter`, {});
    expect(conflict.statusCode).toBe(409);
    expect(text(conflict.body)).toContain('Conflit de modification');
    const current = /name="baseVersion" value="(\d+)"/.exec(conflict.body)![1]!;
    expect(Number(current)).toBe(Number(version) + 1);
    const values = Object.fromEntries([...conflict.body.matchAll(/<input id="f-[^"]*" name="([^"]+)" type="text"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')]));
    expect(values.title).toBe('Eau et assainissement (2026)');
    const reapplied = await editor.post(`${link}/modifier`, { ...values, status: 'completed', observations: 'Station d’épuration livrée.', baseVersion: current });
    expect(reapplied.statusCode, reapplied.body.slice(0, 400)).toBe(303);
    const page = text((await site.anonymous().get(`/projets/${project}`)).body);
    expect(page).toContain('Eau et assainissement (2026)');
    expect(page).toContain('Station d’épuration livrée.');
  });
});

describe('the public snapshot', () => {
  it('is read again after a change to the records, not after a sign-in', async () => {
    const db = site.store.db;
    const before = await readStamp(db);
    await recordAudit(db, { action: 'sign-in.success' });
    expect(await readStamp(db)).toBe(before);
    await recordAudit(db, { action: 'proposal.approve' });
    const after = await readStamp(db);
    expect(after).not.toBe(before);
    for (let i = 0; i < 1100; i += 1) await recordAudit(db, { action: 'sign-in.failure' });
    expect(await readStamp(db)).toBe(after);
  });
});
