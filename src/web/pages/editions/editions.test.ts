/** The editions pages over real HTTP, on a store holding two editions of FR–MA and a FR–SN directory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../../model/fixtures/index.js';
import { saveDocument } from '../../../store/save-document.js';
import { openTestSite, type TestSite } from '../../testing.js';
import type { ComparisonView, EditionsView } from './data.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite({ search: false, document: loadFixture() });
  const later = loadFixture();
  later.directory = { ...later.directory, id: 'franco-marocain-2026', edition: '2026' };
  const [oujda] = later.partnerships;
  oujda!.signedDate = '2009-03';
  // a named person's new phone number: private, so not a change anyone may see
  oujda!.contacts![0]!.phones = ['+33 4 42 00 00 00'];
  oujda!.projects![0]!.status = 'completed';
  later.partnerships = [oujda!];
  await saveDocument(site.store.db, later);
  const other = loadFixture();
  other.directory = { id: 'franco-senegalais', title: 'Répertoire franco-sénégalais', countries: ['FR', 'SN'] };
  await saveDocument(site.store.db, other);
}, 60_000);

afterAll(async () => site?.dispose());

const get = (url: string) => site.app.inject({ method: 'GET', url });

describe('editions', () => {
  it('lists the directories in series, with a comparison between consecutive editions', async () => {
    const response = await get('/repertoires.json');
    expect(response.statusCode).toBe(200);
    const view = response.json<EditionsView>();
    expect(view.series.map((s) => [s.key, s.editions.map((e) => e.id)])).toEqual([
      ['FR-MA', ['franco-marocain-2008', 'franco-marocain-2026']],
      ['FR-SN', ['franco-senegalais']],
    ]);
    const page = await get('/repertoires');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/editions/franco-marocain-2008/franco-marocain-2026"');
  });

  it('compares two editions: counts, ended records, and changes field by field, without private coordinates', async () => {
    const response = await get('/editions/franco-marocain-2008/franco-marocain-2026.json');
    expect(response.statusCode).toBe(200);
    const view = response.json<ComparisonView>();
    expect(view.partnerships.ended.map((p) => p.id)).toEqual(['aix-en-provence-oriental']);
    expect(view.partnerships.changed).toHaveLength(1);
    expect(view.partnerships.changed[0]!.fields.map((f) => f.field)).toEqual(['signedDate']);
    expect(view.projects.changed.map((p) => [p.id, p.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      ['aix-en-provence-oujda-plan-de-deplacements', [['status', 'ongoing', 'completed']]],
    ]);
    expect(view.projects.ended.map((p) => p.title)).toEqual([]);
    expect(response.body).not.toContain('42 00 00 00');
    expect(response.body).not.toContain('42 91 90 01');

    const page = await get('/editions/franco-marocain-2008/franco-marocain-2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('De l’édition juillet 2008 à l’édition 2026');
    expect(page.body).toContain('date de signature');
    expect(page.body).not.toContain('42 00 00 00');
  });

  it('answers 404 for a directory that is not there or not of the same series', async () => {
    expect((await get('/editions/franco-marocain-2008/nowhere')).statusCode).toBe(404);
    const other = await get('/editions/franco-marocain-2008/franco-senegalais.json');
    expect(other.statusCode).toBe(404);
    expect(other.body).toContain('not an edition');
  });
});
