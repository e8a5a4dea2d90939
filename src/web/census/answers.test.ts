/** The dashboard's answers by country and kind, their CSV export, and "invite every collectivity" (administrators), over the 2008 directory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMembersSite, text, type Browser, type MembersSite, openCampaign } from './testing.js';

let site: MembersSite;
let editor: Browser;
let admin: Browser;
let oujda: Browser;
let campaignId: string;

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
  admin = await site.signIn('admin');
  oujda = await site.signIn('oujda');
  campaignId = await openCampaign(editor, 'Recensement 2026');
  expect((await oujda.post(`/recensement/${campaignId}/envoyer`, {}, { csrfFrom: `/recensement/${campaignId}` })).statusCode).toBeLessThan(400);
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

describe('the answers of a campaign', () => {
  it('counts the answers by country and by kind on the dashboard', async () => {
    const page = await editor.get(`/recensement/${campaignId}/tableau-de-bord`);
    expect(page.statusCode).toBe(200);
    const shown = text(page.body);
    expect(shown).toContain('Réponses par pays et par type de collectivité');
    expect(shown).toMatch(/Maroc \d+ \d+ 1 0 \d+/);
    expect(shown).toContain('France');
    // the invitation of everyone is for administrators
    expect(page.body).not.toContain(`/recensement/${campaignId}/inviter-tous`);
    expect((await admin.get(`/recensement/${campaignId}/tableau-de-bord`)).body).toContain(`action="/recensement/${campaignId}/inviter-tous"`);
  });

  it('exports one CSV line per collectivity, for editors only', async () => {
    const csv = await editor.get(`/recensement/${campaignId}/reponses.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    // the exports' one CSV dialect (src/text/csv.ts): a BOM, ";", CRLF, so that French Excel opens it
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Identifiant;Collectivité;Pays;Type;Réponse;Envoyée le;Contributeurs;Propositions (brouillon, en relecture, acceptées, refusées)');
    const count = await site.store.db.selectFrom('collectivities').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', 'repertoire-franco-marocain-2008').executeTakeFirstOrThrow();
    expect(lines).toHaveLength(Number(count.n) + 1);
    expect(lines.find((line) => line.includes('staff@oujda.ma'))).toMatch(/;MA;[a-z-]+;submitted;20\d\d-/);
    expect((await oujda.get(`/recensement/${campaignId}/reponses.csv`)).statusCode).toBe(403);
  });

  it('invites every collectivity with an address at once (administrators), listing the others', async () => {
    const refused = await editor.post(`/recensement/${campaignId}/inviter-tous`, {}, { csrfFrom: `/recensement/${campaignId}/tableau-de-bord` });
    expect(refused.statusCode).toBe(403);
    const done = await admin.post(`/recensement/${campaignId}/inviter-tous`, {}, { csrfFrom: `/recensement/${campaignId}/tableau-de-bord` });
    expect(done.statusCode).toBe(200);
    const shown = text(done.body);
    expect(shown).toMatch(/Invitations envoyées : \d+ ; collectivités non invitées : \d+\./);
    expect(shown).toContain('a déjà un compte');
    const invited = Number(/Invitations envoyées : (\d+)/.exec(shown)![1]);
    const contributors = await site.store.db.selectFrom('users').select('email').where('role', '=', 'contributor').execute();
    expect(contributors.length).toBe(2 + invited);
  });
});
