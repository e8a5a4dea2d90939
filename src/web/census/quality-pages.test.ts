/**
 * The data-quality desk for editors (issue 17): the page and its JSON twin list the findings by
 * kind with counts and a link to fix each; accepting one (with the form's CSRF token) hides it for
 * good; contributors and visitors are refused by the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMembersSite, text, type Browser, type MembersSite } from './testing.js';

let site: MembersSite;
let editor: Browser;

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

interface DeskJson {
  findings: { kind: string; record: { type: string; id: string }; message: string; key: string; href: string }[];
  counts: Record<string, number>;
  accepted: number;
}

describe('the data-quality desk', () => {
  it('lists the findings by kind with counts and a link to fix each, and its JSON twin says the same', async () => {
    const page = await editor.get('/qualite');
    expect(page.statusCode).toBe(200);
    const seen = text(page.body);
    expect(seen).toContain('Qualité des données');
    expect(seen).toContain('Projets sans domaine (28)');
    expect(seen).toContain('Financeurs non identifiés (1)');
    // the print's contradictions in the reader's language, as the import report page words them
    expect(seen).not.toContain('populations printed');
    expect(seen).not.toContain('funding lines add up to');
    expect(page.body).toContain('href="/modifier/projet/');
    expect(page.body).toContain('name="_csrf"');

    const twin = await editor.get('/qualite.json');
    expect(twin.headers['content-type']).toMatch(/^application\/json/);
    const desk = JSON.parse(twin.body) as DeskJson;
    expect(desk.counts['project-without-domain']).toBe(28);
    expect(desk.findings.filter((f) => f.kind === 'project-without-domain').every((f) => f.href === `/modifier/projet/${f.record.id}`)).toBe(true);
    // each link opens the record's form, to fix it in place
    for (const kind of ['project-without-domain', 'probable-duplicate-contact', 'population-differs']) {
      const f = desk.findings.find((x) => x.kind === kind)!;
      expect((await editor.get(f.href)).statusCode, f.href).toBe(200);
    }
  });

  it('hides a finding an editor accepts, and refuses a forged key or a missing token', async () => {
    const before = JSON.parse((await editor.get('/qualite.json')).body) as DeskJson;
    const finding = before.findings.find((f) => f.kind === 'unresolved-funder')!;
    expect((await editor.post('/qualite/accepter', { key: finding.key }, { csrf: null })).statusCode).toBe(403);
    expect((await editor.post('/qualite/accepter', { key: 'no-such-finding' }, { csrfFrom: '/qualite' })).statusCode).toBe(400);
    const accepted = await editor.post('/qualite/accepter', { key: finding.key }, { csrfFrom: '/qualite' });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/qualite?fait=accepte');
    const after = JSON.parse((await editor.get('/qualite.json')).body) as DeskJson;
    expect(after.counts['unresolved-funder']).toBe(before.counts['unresolved-funder']! - 1);
    expect(after.accepted).toBe(before.accepted + 1);
    expect(after.findings.some((f) => f.key === finding.key)).toBe(false);
    expect(text((await editor.get('/qualite?fait=accepte')).body)).toContain('Constat accepté');
  });

  it('is for editors only', async () => {
    const contributor = await site.signIn('oujda');
    expect((await contributor.get('/qualite')).statusCode).toBe(403);
    expect((await contributor.get('/qualite.json')).statusCode).toBe(403);
    expect((await contributor.post('/qualite/accepter', { key: 'x' }, { csrfFrom: '/compte' })).statusCode).toBe(403);
    const visitor = site.anonymous();
    expect((await visitor.get('/qualite')).statusCode).toBe(303);
  });
});
