/**
 * A failure of the census or accounts layer reaches the reader in the page's language: the layers
 * below throw a code (RepertoireError.wording, ValidationError.fieldWordings) beside their French
 * message, and web/failures.ts words it. Over the members' site, on /en/ and /ar/: an unknown
 * campaign, a page refused to a contributor, an unknown proposal's JSON twin, a form's field errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValues, recordFields } from './forms.js';
import { AIX_OUJDA_PROJECT, openMembersSite, text, type Browser, type MembersSite, openCampaign } from './testing.js';

let site: MembersSite;
let editor: Browser;
let oujda: Browser;
let campaignId: string;

beforeAll(async () => {
  site = await openMembersSite();
  editor = await site.signIn('editor');
  oujda = await site.signIn('oujda');
  campaignId = await openCampaign(editor, 'Recensement des langues');
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

describe('a failure of the layers below, in the page’s language', () => {
  it('says an unknown campaign in English and Arabic, in French at the root', async () => {
    const url = `/recensement/inconnue/fiche/projet/${AIX_OUJDA_PROJECT}`;
    const fr = await oujda.get(url);
    expect(fr.statusCode).toBe(404);
    expect(text(fr.body)).toContain('Campagne de recensement inconnue.');
    const en = await oujda.get(`/en${url}`);
    expect(en.statusCode).toBe(404);
    expect(text(en.body)).toContain('Unknown census campaign.');
    expect(text(en.body)).not.toContain('Campagne de recensement inconnue');
    const ar = await oujda.get(`/ar${url}`);
    expect(ar.statusCode).toBe(404);
    expect(text(ar.body)).toContain('حملة إحصاء غير معروفة.');
  });

  it('words a refusal of the accounts layer (editors only) on the refusal page', async () => {
    const en = await oujda.get('/en/relecture');
    expect(en.statusCode).toBe(403);
    expect(text(en.body)).toContain('Editors only.');
    const ar = await oujda.get('/ar/relecture');
    expect(ar.statusCode).toBe(403);
    expect(text(ar.body)).toContain('مخصص للمحررين.');
  });

  it('gives a JSON twin the message in the reader’s language and the wording’s key', async () => {
    for (const [prefix, message] of [['/en', 'Proposal not found.'], ['/ar', 'الاقتراح غير موجود.'], ['', 'Proposition introuvable.']] as const) {
      const response = await editor.get(`${prefix}/relecture/inconnue.json`);
      expect(response.statusCode).toBe(404);
      expect(JSON.parse(response.body)).toEqual({ error: { status: 404, code: 'not-found', message, key: 'failure.proposal.unknown' } });
    }
  });

  it('words a form’s field errors: Zod’s checks by their code', async () => {
    const url = `/recensement/${campaignId}/fiche/projet/${AIX_OUJDA_PROJECT}`;
    const form = await oujda.get(url);
    const version = /name="baseVersion" value="(\d+)"/.exec(form.body)![1]!;
    const { partnershipId: _p, ...record } = (await (await site.directory()).project(AIX_OUJDA_PROJECT))!;
    const fields = { ...formValues(recordFields('project'), record), baseVersion: version, title: '' };
    const en = await oujda.post(`/en${url}`, fields);
    expect(en.statusCode).toBe(422);
    expect(text(en.body)).toContain('Error: Required field.');
    const ar = await oujda.post(`/ar${url}`, fields);
    expect(ar.statusCode).toBe(422);
    expect(text(ar.body)).toContain('حقل إلزامي.');
  });

  it('words a broken reference (an unknown domain) found by the directory’s check, in each language', async () => {
    const url = `/modifier/projet/${AIX_OUJDA_PROJECT}`;
    const page = await editor.get(url);
    const version = /name="baseVersion" value="(\d+)"/.exec(page.body)![1]!;
    const { partnershipId: _p, ...record } = (await (await site.directory()).project(AIX_OUJDA_PROJECT))!;
    const fields = { ...formValues(recordFields('project'), record), baseVersion: version, domains: ['domaine-qui-n-existe-pas'] };
    for (const [prefix, message] of [['', 'Domaine inconnu : « domaine-qui-n-existe-pas ».'], ['/en', 'Unknown domain: “domaine-qui-n-existe-pas”.'], ['/ar', 'مجال غير معروف: «\u2068domaine-qui-n-existe-pas\u2069».']] as const) {
      const refused = await editor.post(`${prefix}${url}`, fields);
      expect(refused.statusCode, refused.body.slice(0, 300)).toBe(422);
      // in Arabic the Latin id is isolated (FSI … PDI) inside the sentence
      expect(text(refused.body)).toContain(message);
    }
  });
});
