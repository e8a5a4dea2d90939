/** The collectivity page's coordination view, on the 2008 directory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSynthetic } from '../../../synth/write.js';
import { openTempStore } from '../../../test-support/temp-store.js';
import { COORDINATION_SHOWN } from '../../data/coordination.js';
import { readSiteDirectory, type Directory } from '../../data/directory.js';
import { openTestSite, renderContext, type TestSite } from '../../testing.js';
import { collectivityView } from './data.js';
import { renderCollectivity } from './render.js';

const TEST_CONTEXT = renderContext();

let site: TestSite;
let dir: Directory;

beforeAll(async () => {
  site = await openTestSite({ search: false });
  dir = await site.directory();
}, 60_000);

afterAll(async () => site?.dispose());

const names = (refs: { name: string }[]) => refs.map((r) => r.name);

describe('coordination', () => {
  it("Marrakech's page lists its French partners: Ajaccio, Clermont-Ferrand, Marseille, Tours and Bourgogne", async () => {
    const view = await collectivityView(dir, site.store.db, 'ma-commune-marrakech');
    expect(names(view.coordination.partners)).toEqual([
      "Ville d'Ajaccio",
      'Ville de Clermont-Ferrand',
      'Ville de Marseille',
      'Ville de Tours',
      'Conseil régional de Bourgogne',
    ]);
    // and who else on the Moroccan side works with them: Marseille's other partners, Bourgogne's co-party
    const marseille = view.coordination.samePartners.find((s) => s.partner.id === 'fr-commune-marseille')!;
    expect(names(marseille.others.map((o) => o.collectivity))).toEqual(['Commune urbaine de Rabat', 'Commune urbaine de Meknès', 'Commune urbaine de Fès']);
    const bourgogne = view.coordination.samePartners.find((s) => s.partner.id === 'fr-region-bourgogne')!;
    expect(names(bourgogne.others.map((o) => o.collectivity))).toEqual(['Commune urbaine de Meknès']);

    const body = (await site.app.inject({ url: '/collectivites/ma-commune-marrakech' })).body;
    const coordination = body.slice(body.indexOf('id="coordination"'));
    for (const name of ['Ajaccio', 'Clermont-Ferrand', 'Marseille', 'Tours', 'Bourgogne']) expect(coordination).toContain(name);
    expect(coordination).toContain('<h3>Partenaires de Marrakech</h3>');
    expect(coordination).toContain('<h3>Autres partenaires marocains de Marseille</h3>');
  });

  it("Tours' page shows the other French partners of Marrakech", async () => {
    const view = await collectivityView(dir, site.store.db, 'fr-commune-tours');
    expect(names(view.coordination.partners)).toEqual(['Commune urbaine de Marrakech']);
    const marrakech = view.coordination.samePartners[0]!;
    expect(names(marrakech.others.map((o) => o.collectivity))).toEqual([
      "Ville d'Ajaccio",
      'Ville de Clermont-Ferrand',
      'Ville de Marseille',
      'Conseil régional de Bourgogne',
    ]);
    expect(marrakech.others[2]!.partnerships.map((p) => p.id)).toEqual(['marseille-marrakech']);
    const body = (await site.app.inject({ url: '/collectivites/fr-commune-tours' })).body;
    expect(body).toContain('<h3>Autres partenaires français de Marrakech</h3>');
    expect(body).toContain('href="/collectivites/fr-commune-clermont-ferrand"');
  });

  it('who else works on water in the Souss-Massa-Drâa region', async () => {
    const view = await collectivityView(dir, site.store.db, 'ma-region-souss-massa-draa');
    expect(view.coordination.region).toBe('Souss-Massa-Drâa');
    const water = view.coordination.sameRegion.find((s) => s.domain.code === 'developpement-urbain-eau-assainissement')!;
    // Hérault's water is printed under Environnement, Loire-Atlantique's under urban development: one domain (issue 17)
    expect(water.others.map((o) => o.partnership.id)).toContain('loire-atlantique-agadir');
    expect(names(water.others.find((o) => o.partnership.id === 'loire-atlantique-agadir')!.collectivities)).toEqual(["Préfecture d'Agadir"]);
    const body = (await site.app.inject({ url: '/collectivites/ma-region-souss-massa-draa' })).body;
    expect(body).toContain('Qui d’autre travaille sur « Eau &amp; assainissement » dans la région Souss-Massa-Drâa ?');
  });

  it('projects and partnerships grouped by domain, in the taxonomy order', async () => {
    const view = await collectivityView(dir, site.store.db, 'fr-commune-tours');
    const codes = view.byDomain.map((g) => g.domain?.code);
    expect(codes).toContain('developpement-urbain-amenagement');
    const order = dir.domains.map((d) => d.code);
    const known = codes.filter((c): c is string => c !== undefined);
    expect(known).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const total = new Set(view.byDomain.flatMap((g) => g.projects.map((p) => p.id)));
    expect(total.size).toBe(7); // every project of tours-marrakech is somewhere
  });
});

describe('coordination on a large census', () => {
  it('looks for the others of the first partners only, and says how many partners there are', async () => {
    const store = await openTempStore();
    const written = writeSynthetic(store.path, { partnerships: 400, seed: 3 });
    const big = await readSiteDirectory(store.db, written.directoryId);
    const [hub] = await store.db
      .selectFrom('partnership_parties')
      .select(['collectivity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('directory_id', '=', written.directoryId)
      .groupBy('collectivity_id')
      .orderBy('n', 'desc')
      .limit(1)
      .execute();
    const view = await collectivityView(big, store.db, hub!.collectivity_id);
    const partners = view.coordination.partners.length;
    expect(partners).toBeGreaterThan(COORDINATION_SHOWN);
    expect(view.coordination.samePartnersTotal).toBe(partners);
    expect(view.coordination.samePartners.map((s) => s.partner.id)).toEqual(view.coordination.partners.slice(0, COORDINATION_SHOWN).map((p) => p.id));
    const body = renderCollectivity(view, TEST_CONTEXT).body.value;
    expect(body).toContain(`${COORDINATION_SHOWN} affichés sur ${partners}`);
  });
});
