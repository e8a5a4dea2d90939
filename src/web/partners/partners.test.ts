/** Finding partners on the 2008 directory, on every engine: similar projects, suggestions, the map of gaps, and their JSON twins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNamedPerson } from '../../census/privacy/index.js';
import { ENGINES } from '../../test-support/engines.js';
import { openTestSite, type TestSite } from '../testing.js';

describe.each(ENGINES)('finding partners on %s', (engine) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await openTestSite({ engine, search: false });
    // the suggestions come from the partner graph, built in the background: pages never wait for it
    await site.partnerGraph();
  }, 120_000);
  afterAll(async () => site?.dispose());

  const json = async <T>(url: string): Promise<T> => {
    const response = await site.app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    return response.json<T>();
  };

  it('shows similar projects of other partnerships on a project page, with their reasons, and in its JSON twin', async () => {
    const id = 'ajaccio-marrakech-echange-de-jeunes';
    const view = await json<ProjectJson>(`/projets/${id}.json`);
    expect(view.similar.length).toBeGreaterThan(0);
    expect(view.similar.length).toBeLessThanOrEqual(5);
    // never a project of the same partnership, best first, each with a shared domain or funder
    for (const s of view.similar) {
      expect(s.partnership.id).not.toBe(view.partnership.id);
      expect(s.reasons.some((r) => r.code === 'domain' || r.code === 'funder')).toBe(true);
    }
    expect(view.similar.map((s) => s.score)).toEqual([...view.similar.map((s) => s.score)].sort((a, b) => b - a));
    // the youth exchange of Ajaccio–Marrakech: first the other youth exchange in the Marrakech region
    expect(view.similar[0]!.project.title).toBe('Échanges de jeunes');
    expect(view.similar[0]!.reasons).toContainEqual({ code: 'domain', value: 'education-et-jeunesse-chantiers-et-echanges-de-jeunes', label: 'Chantiers et échanges de jeunes' });
    expect(view.similar[0]!.reasons).toContainEqual({ code: 'region', value: 'Marrakech-Tensift-Al Haouz', country: 'MA' });

    const body = (await site.app.inject({ url: `/projets/${id}` })).body;
    const section = body.slice(body.indexOf('id="projets-comparables"'));
    expect(section).toContain('<h2 id="projets-comparables-titre">Projets comparables</h2>');
    expect(section).toContain('même domaine : Chantiers et échanges de jeunes ; même région : Marrakech-Tensift-Al Haouz (Maroc)');
    expect(section).toContain(`href="${view.similar[0]!.project.href}"`);
  });

  it('names a shared funder: "même bailleur"', async () => {
    const dir = await site.directory();
    // a project with an outside funder that another partnership's project shares
    const rows = await site.store.db
      .selectFrom('funding_lines as a')
      .innerJoin('funding_lines as b', (j) => j.onRef('a.directory_id', '=', 'b.directory_id').onRef('a.funder', '=', 'b.funder'))
      .innerJoin('projects as pa', (j) => j.onRef('pa.directory_id', '=', 'a.directory_id').onRef('pa.id', '=', 'a.project_id'))
      .innerJoin('projects as pb', (j) => j.onRef('pb.directory_id', '=', 'b.directory_id').onRef('pb.id', '=', 'b.project_id'))
      .select(['a.project_id', 'a.funder'])
      .where('a.directory_id', '=', dir.id)
      .where('a.funder_collectivity_id', 'is', null)
      .where('b.funder_collectivity_id', 'is', null)
      .whereRef('pa.partnership_id', '<>', 'pb.partnership_id')
      .orderBy('a.project_id')
      .limit(1)
      .execute();
    expect(rows.length).toBe(1);
    const view = await json<ProjectJson>(`/projets/${rows[0]!.project_id}.json`);
    const funders = view.similar.flatMap((s) => s.reasons.filter((r) => r.code === 'funder').map((r) => r.value));
    expect(funders.length).toBeGreaterThan(0);
    const body = (await site.app.inject({ url: `/projets/${rows[0]!.project_id}` })).body;
    expect(body).toContain(`même bailleur : ${escapeHtml(funders[0]!)}`);
  });

  it("suggests partners on a collectivity's page: not its partners, with reasons and institutional coordinates only", async () => {
    const view = await json<CollectivityJson>('/collectivites/fr-commune-tours.json');
    const partners = view.coordination.partners.map((p) => p.id);
    expect(partners).toEqual(['ma-commune-marrakech']);
    expect(view.suggestions.length).toBeGreaterThan(0);
    for (const s of view.suggestions) {
      expect(s.collectivity.country).toBe('MA');
      expect(partners).not.toContain(s.collectivity.id);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    // Marseille shares Marrakech with Tours, and works with Meknès, Rabat and Fès too
    expect(view.suggestions[0]!.collectivity.name).toBe('Commune urbaine de Meknès');
    expect(view.suggestions[0]!.reasons[0]).toMatchObject({ code: 'neighbours', value: 'fr-commune-marseille', count: 2 });
    const body = (await site.app.inject({ url: '/collectivites/fr-commune-tours' })).body;
    const section = body.slice(body.indexOf('id="suggestions"'));
    expect(section).toContain('<h2 id="suggestions-titre">Partenaires à contacter</h2>');
    expect(section).toContain('partenaire de 2 collectivités qui ont un partenaire en commun avec elle, dont Marseille');
    expect(section).toContain('active dans ses domaines : Patrimoine, Environnement');
  });

  it('never shows a named person among the contacts of a suggestion', async () => {
    const dir = await site.directory();
    for (const c of dir.collectivities.slice(0, 40)) {
      const view = await json<CollectivityJson>(`/collectivites/${c.id}.json`);
      for (const s of view.suggestions) for (const contact of s.contacts) expect(isNamedPerson({ name: contact.name, organization: contact.organization }), contact.name).toBe(false);
    }
  });

  it('maps the gaps at /couverture: divisions of both countries, filtered by domain and kind, each gap linked to its row', async () => {
    const all = await json<CoverageJson>('/couverture.json');
    expect(all.countries).toEqual(['FR', 'MA']);
    expect(all.summary).toEqual([
      { country: 'FR', level: 'region', levelKind: 'region', units: 22, gaps: expect.any(Number) },
      { country: 'FR', level: 'departement', levelKind: 'departement', units: 96, gaps: expect.any(Number) },
      { country: 'MA', level: 'region', levelKind: 'region-ma', units: 16, gaps: expect.any(Number) },
    ]);
    const unit = (country: string, code: string) => all.units.find((u) => u.country === country && u.code === code)!;
    // Marrakech's région works with France; Souss-Massa-Drâa too; Tours is in Centre, Indre-et-Loire
    expect(unit('MA', 'marrakech-tensift-al-haouz')).toMatchObject({ gap: false });
    expect(unit('FR', 'centre').named.map((c) => c.id)).toContain('fr-commune-tours');
    expect(unit('FR', '37').named.map((c) => c.id)).toContain('fr-commune-tours');
    expect(unit('FR', '37').gap).toBe(false);
    // a gap has no active collectivity, and a point on the map leading to its row
    const gaps = all.units.filter((u) => u.gap);
    expect(gaps.length).toBe(all.summary.reduce((n, s) => n + s.gaps, 0));
    for (const gap of gaps) expect(gap.active).toBe(0);
    expect(all.gapPoints.length).toBeGreaterThan(0);

    // a domain leaves fewer divisions covered; a kind, fewer still
    const water = await json<CoverageJson>('/couverture.json?domain=environnement');
    const waterGaps = water.summary.reduce((n, s) => n + s.gaps, 0);
    expect(waterGaps).toBeGreaterThan(gaps.length);
    const rural = await json<CoverageJson>('/couverture.json?domain=environnement&kind=commune-rurale');
    expect(rural.kind).toBe('commune-rurale');
    expect(rural.summary.reduce((n, s) => n + s.gaps, 0)).toBeGreaterThanOrEqual(waterGaps);
    // an unknown domain or kind is no filter
    expect((await json<CoverageJson>('/couverture.json?domain=nope&kind=nope')).summary).toEqual(all.summary);

    const body = (await site.app.inject({ url: '/couverture?domain=environnement' })).body;
    expect(body).toContain('<h1>Carte des lacunes</h1>');
    expect(body).toContain('<option value="environnement" selected>');
    expect(body).toContain('id="carte-lacunes"');
    const point = water.gapPoints[0]!;
    expect(body).toContain(`href="${point.href}"`);
    expect(body).toContain(`id="${point.href.slice(1)}"`);
  });

  it('maps the gaps of any directory: the FR–SN one at /r/<id>/couverture, from the profiles', async () => {
    const list = await json<{ series: { countries: string[]; editions: { id: string }[] }[] }>('/repertoires.json');
    const id = list.series.find((s) => s.countries.join('-') === 'FR-SN')!.editions[0]!.id;
    const view = await json<CoverageJson>(`/r/${id}/couverture.json`);
    expect(view.countries).toEqual(['FR', 'SN']);
    const senegal = view.summary.find((s) => s.country === 'SN')!;
    expect(senegal.units).toBeGreaterThan(10);
    const html = (await site.app.inject({ url: `/r/${id}/couverture` })).body;
    expect(html).toContain('Divisions : Sénégal');
    expect(html).toContain(`action="/r/${id}/couverture"`);
  });
});

type Reason = { code: string; value: string; label?: string; country?: string; count?: number };
interface ProjectJson {
  partnership: { id: string };
  similar: { project: { title: string; href: string }; partnership: { id: string }; score: number; reasons: Reason[] }[];
}
interface CollectivityJson {
  coordination: { partners: { id: string }[] };
  suggestions: { collectivity: { id: string; name: string; country: string }; reasons: Reason[]; contacts: { name: string; organization?: string }[] }[];
}

interface CoverageJson {
  countries: string[];
  kind?: string;
  summary: { country: string; level: string; levelKind: string; units: number; gaps: number }[];
  units: { country: string; code: string; gap: boolean; active: number; named: { id: string }[] }[];
  gapPoints: { href: string }[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
