/**
 * Sign-in, sign-out, invitations, the session cookie, the account and administration pages, and
 * privacy (members see named people's coordinates, the public and the JSON twins never do unless
 * the person consented), over HTTP on a real SQLite store with the 2008 directory.
 */
import { loadDocument } from '../../store/load-document.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../../config.js';
import { createAccountService, SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { browser, openMembersSite, PASSWORD, PEOPLE, text, type MembersSite } from '../census/testing.js';

let site: MembersSite;

beforeAll(async () => {
  site = await openMembersSite();
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

const partnershipWithPeople = async () => {
  const dir = await site.directory();
  const ids = (await loadDocument(site.store.db, dir.id)).partnerships.map((p) => p.id);
  const found = (await dir.partnerships(ids)).find((p) => p.contacts?.some((c) => c.restricted));
  if (found === undefined) throw new Error('no partnership with a named person');
  return found;
};

describe('sign-in', () => {
  it('shows a form with the CSRF token of a pre-session (its id in a cookie), and signs in with a new session cookie', async () => {
    const b = site.anonymous();
    const page = await b.get('/connexion');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<label for="f-email">Adresse e-mail<\/label>/);
    expect(page.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(page.headers['set-cookie']).toMatch(/repertoire_presession=[^;]+;.*HttpOnly/);
    const response = await b.post('/connexion', { email: PEOPLE.oujda.email, password: PASSWORD }, { csrfFrom: '/connexion' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/recensement');
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE_NAME)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined(); // plain HTTP: no Secure, so localhost works
    const home = await b.get('/');
    expect(text(home.body)).toContain('Connecté : Karim Oujda (contributeur)');
    expect(home.body).toContain('href="/recensement"');
    expect(home.body).not.toContain('href="/relecture"');
  });

  it('marks the cookie Secure when SECURE_COOKIES says so (behind a proxy that terminates TLS)', async () => {
    const app = await buildApp({ store: site.store, config: loadConfig({ DATABASE_URL: site.path, SECURE_COOKIES: '1' }) });
    try {
      const b = browser(app);
      const response = await b.post('/connexion', { email: PEOPLE.editor.email, password: PASSWORD }, { csrfFrom: '/connexion' });
      expect(response.statusCode).toBe(303);
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE_NAME)?.secure).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('rotates the session at sign-in: the previous cookie stops working', async () => {
    const b = await site.signIn('editor');
    const first = b.cookies.get(SESSION_COOKIE_NAME)!;
    const again = await b.post('/connexion', { email: PEOPLE.editor.email, password: PASSWORD }, { csrfFrom: '/connexion' });
    expect(again.statusCode).toBe(303);
    expect(b.cookies.get(SESSION_COOKIE_NAME)).not.toBe(first);
    const stale = await site.app.inject({ method: 'GET', url: '/compte', headers: { cookie: `${SESSION_COOKIE_NAME}=${first}` } });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/connexion?suite=%2Fcompte');
  });

  it('refuses a sign-in without its CSRF token', async () => {
    const b = site.anonymous();
    await b.get('/connexion');
    const response = await b.post('/connexion', { email: PEOPLE.oujda.email, password: PASSWORD }, { csrf: null });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE_NAME)).toBeUndefined();
  });

  it('says in French what went wrong, keeps the address typed, and reports a locked account', async () => {
    const b = site.anonymous();
    const empty = await b.post('/connexion', { email: 'pas-une-adresse', password: '' }, { csrfFrom: '/connexion' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toMatch(/id="f-email" name="email" type="email" value="pas-une-adresse"[^>]*aria-describedby="f-email-error" aria-invalid="true"/);
    expect(text(empty.body)).toContain('Adresse e-mail invalide.');
    expect(text(empty.body)).toContain('Mot de passe : Champ obligatoire.');
    let last;
    for (let i = 0; i < 5; i += 1) last = await b.post('/connexion', { email: PEOPLE.agadir.email, password: 'mauvais mot de passe' }, { csrfFrom: '/connexion' });
    expect(last!.statusCode).toBe(429);
    expect(text(last!.body)).toMatch(/Compte verrouillé jusqu'à \d\d:\d\d/);
    const wrong = await site.anonymous().post('/connexion', { email: PEOPLE.admin.email, password: 'mauvais mot de passe' }, { csrfFrom: '/connexion' });
    expect(wrong.statusCode).toBe(401);
    expect(text(wrong.body)).toContain('Adresse e-mail ou mot de passe incorrect.');
  });

  it('reports a throttled client address in French', async () => {
    const accounts = createAccountService({ db: site.store.db, baseUrl: 'http://localhost', policy: { maxFailuresPerAddress: 3 } });
    const app = await buildApp({ store: site.store, accounts });
    try {
      const form = await app.inject({ method: 'GET', url: '/connexion', remoteAddress: '10.9.8.7' });
      const cookie = form.cookies.find((c) => c.name === 'repertoire_presession')!;
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const attempt = (email: string) =>
        app.inject({
          method: 'POST',
          url: '/connexion',
          remoteAddress: '10.9.8.7',
          headers: { cookie: `${cookie.name}=${cookie.value}`, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: token, email, password: 'mauvais mot de passe' }).toString(),
        });
      for (const n of [1, 2, 3]) expect((await attempt(`inconnu${n}@nulle-part.ma`)).statusCode).toBe(401);
      const throttled = await attempt(PEOPLE.editor.email);
      expect(throttled.statusCode).toBe(429);
      expect(text(throttled.body)).toMatch(/Trop de tentatives de connexion depuis votre adresse : réessayez après \d\d:\d\d/);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('sends a signed-out visitor of a members’ page to the sign-in form, and back after', async () => {
    const b = site.anonymous();
    const response = await b.get('/relecture');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/connexion?suite=%2Frelecture');
    const form = await b.get(response.headers.location!);
    expect(form.body).toContain('name="suite" value="/relecture"');
    const signed = await b.post('/connexion', { email: PEOPLE.editor2.email, password: PASSWORD, suite: '/relecture' }, { csrfFrom: '/connexion' });
    expect(signed.headers.location).toBe('/relecture');
    const evil = await site.anonymous().post('/connexion', { email: PEOPLE.editor2.email, password: PASSWORD, suite: '//evil.example' }, { csrfFrom: '/connexion' });
    expect(evil.headers.location).toBe('/recensement');
  });

  it('goes back to a local path only, percent-encoded; ignores a suite a header cannot carry, with no 500 and one session per sign-in', async () => {
    const sessions = async () => Number((await site.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const cases: [string, string][] = [
      ['/projets?q=\u4e2d\u6587', '/projets?q=%E4%B8%AD%E6%96%87'],
      ['/recherche?q=coopération', '/recherche?q=coop%C3%A9ration'],
      ['/collectivites/ma-commune-oujda#projets', '/collectivites/ma-commune-oujda#projets'],
      ['/relecture\u0007', '/recensement'],
      ['/relecture\r\nSet-Cookie: x=1', '/recensement'],
      ['/relecture\u0085', '/recensement'],
      ['/\\evil.example', '/recensement'],
      ['/\t/evil.example', '/recensement'],
      ['https://evil.example/', '/recensement'],
    ];
    for (const [suite, location] of cases) {
      const before = await sessions();
      const response = await site.anonymous().post('/connexion', { email: PEOPLE.editor2.email, password: PASSWORD, suite }, { csrfFrom: '/connexion' });
      expect({ suite, status: response.statusCode, location: response.headers.location }).toEqual({ suite, status: 303, location });
      expect(await sessions()).toBe(before + 1);
    }
    const form = await site.anonymous().get(`/connexion?suite=${encodeURIComponent('/relecture\u0007')}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('name="suite"');
  });

  it('signs out (CSRF-checked), and everywhere from the account page', async () => {
    const one = await site.signIn('admin');
    const two = await site.signIn('admin');
    expect((await one.post('/deconnexion', {}, { csrf: null })).statusCode).toBe(403);
    const out = await one.post('/deconnexion', {});
    expect(out.statusCode).toBe(303);
    expect((await one.get('/compte')).statusCode).toBe(303);
    const three = await site.signIn('admin');
    const account = await three.get('/compte');
    expect(text(account.body)).toContain('Se déconnecter partout');
    const everywhere = await three.post('/compte/deconnexion-partout', {}, { csrfFrom: '/compte' });
    expect(everywhere.statusCode).toBe(303);
    expect((await two.get('/compte')).statusCode).toBe(303);
    expect((await three.get('/compte')).statusCode).toBe(303);
  });
});

describe('invitations and accounts', () => {
  it('an administrator creates a user, sees the link once; the person chooses a password and is signed in', async () => {
    const admin = await site.signIn('admin');
    const invalid = await admin.post('/admin/utilisateurs', { email: 'nouvelle@oujda.ma', name: '', role: 'contributor', collectivityId: 'nulle-part' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('value="nouvelle@oujda.ma"');
    expect(invalid.body).toMatch(/aria-invalid="true"/);
    const created = await admin.post('/admin/utilisateurs', { email: 'nouvelle@oujda.ma', name: 'Nadia Oujda', role: 'contributor', collectivityId: 'ma-commune-oujda' });
    expect(created.statusCode).toBe(201);
    const link = /<code class="invitation-link">([^<]+)<\/code>/.exec(created.body)![1]!;
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/invitation\/[A-Za-z0-9_-]+$/);
    const path = new URL(link).pathname;

    const person = site.anonymous();
    const page = await person.get(path);
    expect(text(page.body)).toContain('Bonjour Nadia Oujda');
    const short = await person.post(path, { password: 'court', confirmation: 'court' }, { csrfFrom: path });
    expect(short.statusCode).toBe(422);
    expect(text(short.body)).toContain('Erreur : 12 caractères au moins.');
    const accepted = await person.post(path, { password: PASSWORD, confirmation: PASSWORD }, { csrfFrom: path });
    expect(accepted.statusCode).toBe(303);
    expect(text((await person.get('/compte')).body)).toContain('Nadia Oujda');
    expect((await site.anonymous().get(path)).statusCode).toBe(404);

    const list = await admin.get('/admin/utilisateurs');
    expect(text(list.body)).toContain('nouvelle@oujda.ma');
    const disabled = await admin.post('/admin/utilisateurs/desactiver', { email: 'nouvelle@oujda.ma' });
    expect(disabled.statusCode).toBe(200);
    expect(text(disabled.body)).toContain('désactivé');
    expect((await person.get('/compte')).statusCode).toBe(303);
    expect((await admin.post('/admin/utilisateurs/reactiver', { email: 'nouvelle@oujda.ma' })).statusCode).toBe(200);
  });

  it('refuses the administration pages to others', async () => {
    const editor = await site.signIn('editor');
    expect((await editor.get('/admin/utilisateurs')).statusCode).toBe(403);
    const forged = await editor.post('/admin/utilisateurs', { email: 'x@y.ma', name: 'X', role: 'admin' });
    expect(forged.statusCode).toBe(403);
    const oujda = await site.signIn('oujda');
    expect((await oujda.get('/relecture')).statusCode).toBe(403);
  });
});

describe('privacy', () => {
  it('shows named people’s coordinates to members only; the JSON twin never', async () => {
    const partnership = await partnershipWithPeople();
    const anonymous = await site.anonymous().get(`/partenariats/${partnership.id}`);
    const member = await (await site.signIn('oujda')).get(`/partenariats/${partnership.id}`);
    const json = await (await site.signIn('editor')).get(`/partenariats/${partnership.id}.json`);
    const raw = await site.store.db.selectFrom('contacts').selectAll().where('partnership_id', '=', partnership.id).execute();
    const emails = raw.flatMap((c) => JSON.parse(c.emails ?? '[]') as string[]);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(anonymous.body).not.toContain(email);
      expect(json.body).not.toContain(email);
    }
    expect(emails.some((email) => member.body.includes(email))).toBe(true);
    expect(member.headers['cache-control']).toBe('private, no-store');
  });

  it('publishes a person’s coordinates once they consented; exports and erases them', async () => {
    const partnership = await partnershipWithPeople();
    const person = partnership.contacts!.find((c) => c.restricted)!;
    const raw = (await site.store.db.selectFrom('contacts').selectAll().where('partnership_id', '=', partnership.id).where('name', '=', person.name).executeTakeFirst())!;
    const email = (JSON.parse(raw.emails ?? '[]') as string[])[0];
    const admin = await site.signIn('admin');
    const consent = await admin.post('/admin/donnees-personnelles/consentement', { name: person.name, collectivityId: person.collectivityId ?? '', publish: 'true' });
    expect(consent.statusCode).toBe(200);
    if (email) {
      expect((await site.anonymous().get(`/partenariats/${partnership.id}`)).body).toContain(email);
      expect((await site.anonymous().get(`/partenariats/${partnership.id}.json`)).body).toContain(email);
    }

    const exported = await admin.post('/admin/donnees-personnelles/export', { name: person.name, collectivityId: person.collectivityId ?? '' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="personne-.*\.json"$/);
    const data = JSON.parse(exported.body) as { contacts: unknown[] };
    expect(data.contacts.length).toBeGreaterThan(0);

    const unconfirmed = await admin.post('/admin/donnees-personnelles/effacer', { name: person.name, collectivityId: person.collectivityId ?? '' });
    expect(unconfirmed.statusCode).toBe(422);
    const erased = await admin.post('/admin/donnees-personnelles/effacer', { name: person.name, collectivityId: person.collectivityId ?? '', confirm: 'oui' });
    expect(erased.statusCode).toBe(200);
    expect(text(erased.body)).toMatch(/Effacement fait : [1-9]\d* contact/);
    expect(text((await site.anonymous().get(`/partenariats/${partnership.id}`)).body)).not.toContain(person.name);
    const editor = await site.signIn('editor');
    expect((await editor.post('/admin/donnees-personnelles/effacer', { name: 'Quelqu’un', confirm: 'oui' })).statusCode).toBe(403);
  });
});
