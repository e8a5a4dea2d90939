/**
 * Partner-search notices over real parts: the site over the 2008 directory listening on a loopback
 * port, a real SMTP server, requests by fetch. A contributor of Oujda publishes (a refused form
 * first), an editor approves, the public finds it (list, filter, words, the notice, the JSON
 * twins — no address anywhere), the collectivity pages show it, and a member of Agadir answers:
 * the author receives the message, Reply-To the member; a second answer the same day is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../accounts/audit.js';
import { SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { startSmtpServer, type TestSmtpServer } from '../../test-support/smtp.js';
import { openMembersSite, PASSWORD, PEOPLE, text, type MembersSite, type PersonName } from '../census/testing.js';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createNoticeService } from '../../census/partner-notice-service.js';
import { DIRECTORY_ID, openTestSite } from '../testing.js';

/** The site's public address, as its mails write it: not where the test reaches it, so the server can
 * listen on a port the system picks (no port chosen first and taken by another test meanwhile). */
const SITE_URL = 'https://repertoire.test';

interface Page {
  status: number;
  body: string;
  location: string | null;
}

/** A person over HTTP: a cookie, GETs, and POSTs of a form with the CSRF token of the page it is on. */
function person(base: string, cookie = '') {
  const get = async (path: string, accept = 'text/html'): Promise<Page> => {
    const response = await fetch(`${base}${path}`, { redirect: 'manual', headers: { accept, cookie } });
    return { status: response.status, body: await response.text(), location: response.headers.get('location') };
  };
  const post = async (path: string, from: string, fields: Record<string, string | string[]>): Promise<Page> => {
    const page = await get(from);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const params = new URLSearchParams({ _csrf: csrf });
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
    const response = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() });
    return { status: response.status, body: await response.text(), location: response.headers.get('location') };
  };
  return { get, post };
}

async function signIn(base: string, who: PersonName) {
  const first = await fetch(`${base}/connexion`, { headers: { accept: 'text/html' } });
  const pre = first.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? '';
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ _csrf: csrf, email: PEOPLE[who].email, password: PASSWORD }).toString(),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))?.split(';')[0];
  if (session === undefined) throw new Error(`sign-in of ${who} failed: ${response.status}`);
  return person(base, session);
}

describe('partner-search notices', () => {
  let site: MembersSite;
  let smtp: TestSmtpServer;
  let base: string;
  let domain: string;
  let aix: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    site = await openMembersSite({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Répertoire <repertoire@repertoire.test>', SITE_URL } });
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    const db = site.store.db;
    domain = (await db.selectFrom('domains').select('code').where('directory_id', '=', DIRECTORY_ID).orderBy('code').executeTakeFirstOrThrow()).code;
    aix = (await db.selectFrom('collectivities').select('id').where('directory_id', '=', DIRECTORY_ID).where('name', 'like', '%Aix-en-Provence%').where('country', '=', 'FR').executeTakeFirstOrThrow()).id;
  }, 120_000);

  afterAll(async () => {
    await site?.dispose();
    await smtp?.close();
  });

  it('are published, approved, found by the public and answered by mail, the addresses never shown', async () => {
    const oujda = await signIn(base, 'oujda');
    const form = await oujda.get('/recherches-de-partenaires/publier');
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="partnerKind"');

    // a form with mistakes: the summary names each field, nothing is stored
    const refused = await oujda.post('/recherches-de-partenaires/publier', '/recherches-de-partenaires/publier', { partnerCountry: 'FR', partnerKind: 'region-ma', description: 'court', until: '2001-01-01' });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('class="error-summary"');
    expect(text(refused.body)).toContain('Type de collectivité partenaire : Ce type n’est pas un type du pays choisi.');
    expect(text(refused.body)).toContain('En ligne jusqu’au : Cette date est passée.');
    expect(refused.body).toContain('href="#f-description"');
    expect(await site.store.db.selectFrom('partner_notices').select('id').execute()).toEqual([]);

    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const description = 'Oujda cherche une commune française pour un programme de gestion des déchets.';
    const sent = await oujda.post('/recherches-de-partenaires/publier', '/recherches-de-partenaires/publier', { domains: [domain], partnerCountry: 'FR', partnerKind: 'commune', description, until });
    expect(sent.status).toBe(303);
    const { id } = await site.store.db.selectFrom('partner_notices').select('id').executeTakeFirstOrThrow();

    // not public before an editor accepts it
    const anonymous = person(base);
    expect(text((await anonymous.get('/recherches-de-partenaires')).body)).not.toContain(description);
    expect((await anonymous.get(`/recherches-de-partenaires/${id}`)).status).toBe(404);

    const editor = await signIn(base, 'editor');
    const queue = await editor.get('/recherches-de-partenaires/relecture');
    expect(text(queue.body)).toContain(description);
    expect((await oujda.post(`/recherches-de-partenaires/${id}/accepter`, '/recherches-de-partenaires/publier', {})).status).toBe(403);
    expect((await editor.post(`/recherches-de-partenaires/${id}/accepter`, '/recherches-de-partenaires/relecture', {})).status).toBe(303);
    expect((await listAudit(site.store.db, { action: 'notice.approve' })).length).toBe(1);

    // the public finds it: the list, by domain, by words; the notice; their JSON twins
    const list = await anonymous.get('/recherches-de-partenaires');
    expect(text(list.body)).toContain(description);
    expect(text((await anonymous.get(`/recherches-de-partenaires?domain=${domain}`)).body)).toContain(description);
    expect(text((await anonymous.get('/recherches-de-partenaires?q=dechets')).body)).toContain(description);
    expect(text((await anonymous.get('/recherches-de-partenaires?q=jumelage')).body)).not.toContain(description);
    const page = await anonymous.get(`/recherches-de-partenaires/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`href="/recherches-de-partenaires/${id}/repondre"`);
    const json = JSON.parse((await anonymous.get(`/recherches-de-partenaires/${id}.json`)).body) as { notice: { collectivity: { id: string }; seeks: { country: string; kind: string } } };
    expect(json.notice).toMatchObject({ collectivity: { id: 'ma-commune-oujda' }, seeks: { country: 'FR', kind: 'commune' }, until });
    const listJson = (await anonymous.get('/recherches-de-partenaires.json')).body;
    expect(JSON.parse(listJson).notices).toHaveLength(1);
    for (const body of [list.body, page.body, listJson]) expect(body).not.toContain(PEOPLE.oujda.email);

    // on Oujda's page, and on a French commune's: "cherche un partenaire dans votre domaine"
    const own = JSON.parse((await anonymous.get('/collectivites/ma-commune-oujda.json')).body) as { notices: { own: { id: string }[]; matching: unknown[] } };
    expect(own.notices.own.map((n) => n.id)).toEqual([id]);
    const aixPage = await anonymous.get(`/collectivites/${aix}`);
    expect(text(aixPage.body)).toContain('Cherche un partenaire dans votre domaine');
    expect(aixPage.body).toContain(`href="/recherches-de-partenaires/${id}"`);

    // answering: signed in only; the mail goes to the author, Reply-To the member
    expect((await anonymous.get(`/recherches-de-partenaires/${id}/repondre`)).location).toMatch(/^\/connexion\?suite=/);
    const agadir = await signIn(base, 'agadir');
    const message = 'Agadir mène un programme de tri des déchets depuis 2005 : échangeons.';
    const answered = await agadir.post(`/recherches-de-partenaires/${id}/repondre`, `/recherches-de-partenaires/${id}/repondre`, { message });
    expect(answered.status).toBe(200);
    expect(text(answered.body)).toContain('Message envoyé.');
    expect(answered.body).not.toContain(PEOPLE.oujda.email);
    const mail = await smtp.next();
    expect(mail.to).toEqual([PEOPLE.oujda.email]);
    expect(mail.raw).toMatch(/^Reply-To: staff@agadir\.ma\r?$/m);
    expect(mail.text).toContain(message);
    expect(mail.text).toContain(`${SITE_URL}/recherches-de-partenaires/${id}`);
    const again = await agadir.post(`/recherches-de-partenaires/${id}/repondre`, `/recherches-de-partenaires/${id}/repondre`, { message });
    expect(again.status).toBe(429);
    expect(smtp.received).toHaveLength(1);

    // withdrawn by its collectivity: gone from the public pages
    expect((await oujda.post(`/recherches-de-partenaires/${id}/retirer`, '/recherches-de-partenaires/publier', {})).status).toBe(303);
    expect((await anonymous.get(`/recherches-de-partenaires/${id}`)).status).toBe(404);
  }, 60_000);

  it('of another directory are answered too: the notice names its directory, the mail links to its page there', async () => {
    const db = site.store.db;
    const other = (await db.selectFrom('directories').select('id').where('id', '!=', DIRECTORY_ID).orderBy('id').executeTakeFirstOrThrow()).id;
    const seeker = await db.selectFrom('collectivities').select(['id', 'country']).where('directory_id', '=', other).where('country', '=', 'SN').orderBy('id').executeTakeFirstOrThrow();
    const editorRow = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', PEOPLE.editor.email).executeTakeFirstOrThrow();
    // an editor publishes in the service's default directory: here, the other one
    const notices = createNoticeService({ db, defaultDirectory: async () => other });
    const editorActor = { ...editorRow, role: 'editor' as const };
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const notice = await notices.publish(editorActor, { collectivityId: seeker.id, partnerCountry: 'FR', description: 'Une collectivité sénégalaise cherche une commune française pour ses marchés.', until });
    await notices.approve(editorActor, notice.id);

    const anonymous = person(base);
    const page = await anonymous.get(`/r/${other}/recherches-de-partenaires/${notice.id}`);
    expect(page.status).toBe(200);
    const answerHref = /href="([^"]*\/repondre)"/.exec(page.body)?.[1];
    expect(answerHref).toBe(`/recherches-de-partenaires/${notice.id}/repondre`);

    const agadir = await signIn(base, 'agadir');
    const form = await agadir.get(answerHref!);
    expect(form.status).toBe(200);
    // the notice's links go to its directory's pages
    expect(form.body).toContain(`href="/r/${other}/recherches-de-partenaires/${notice.id}"`);
    const message = 'Agadir organise des marchés solidaires depuis dix ans : parlons-en.';
    const answered = await agadir.post(answerHref!, answerHref!, { message });
    expect(answered.status).toBe(200);
    expect(text(answered.body)).toContain('Message envoyé.');
    const mail = await smtp.next();
    expect(mail.to).toEqual([PEOPLE.editor.email]);
    expect(mail.text).toContain(`${SITE_URL}/r/${other}/recherches-de-partenaires/${notice.id}`);
    // an unknown notice is still not found
    expect((await agadir.get('/recherches-de-partenaires/nope/repondre')).status).toBe(404);
  }, 60_000);

  it('are no longer shown the day after their last day, even drawn and kept before (the pages are dated)', async () => {
    let now = new Date('2026-05-04T10:00:00Z');
    const dated = await openTestSite({ search: false, clock: () => new Date(now) });
    try {
      const notices = createNoticeService({ db: dated.store.db, now: () => new Date(now), defaultDirectory: async () => DIRECTORY_ID });
      const notice = await notices.publish(CLI_ACTOR, { collectivityId: 'ma-commune-oujda', partnerCountry: 'FR', description: 'Oujda cherche une collectivité française pour la semaine de la culture.', until: '2026-05-05' });
      await notices.approve(CLI_ACTOR, notice.id);
      const get = async (url: string) => dated.app.inject({ url, headers: { accept: 'text/html' } });
      const list = await get('/recherches-de-partenaires');
      expect(list.body).toContain(`/recherches-de-partenaires/${notice.id}`);
      expect((await get(`/recherches-de-partenaires/${notice.id}`)).statusCode).toBe(200);
      // its last day, late: still shown, the same page (and tag) as this morning
      now = new Date('2026-05-05T23:30:00Z');
      expect((await get('/recherches-de-partenaires')).body).toContain(`/recherches-de-partenaires/${notice.id}`);
      // the day after: the store has not changed, but the page is drawn again without it
      now = new Date('2026-05-06T00:30:00Z');
      const after = await get('/recherches-de-partenaires');
      expect(after.headers.etag).not.toBe(list.headers.etag);
      expect(after.body).not.toContain(`/recherches-de-partenaires/${notice.id}`);
      expect((await get(`/recherches-de-partenaires/${notice.id}`)).statusCode).toBe(404);
      expect(JSON.parse((await get('/collectivites/ma-commune-oujda.json')).body).notices).toEqual({ own: [], matching: [] });
    } finally {
      await dated.dispose();
    }
  }, 120_000);
});
