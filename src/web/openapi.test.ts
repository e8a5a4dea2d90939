/**
 * /openapi.json describes every JSON endpoint; each endpoint's JSON twin, fetched over real HTTP,
 * validates with Ajv against the response schema the document gives for it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../accounts/roles.js';
import { createNoticeService } from '../census/partner-notice-service.js';
import { MEMBER_PAGES } from './member-pages.js';
import { PAGES } from './pages/index.js';
import { DIRECTORY_ID, servedTestSite } from './testing.js';

const served = servedTestSite();
let document: { openapi: string; paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }> } }>; components: { schemas: Record<string, object> } };

beforeAll(async () => {
  // a partner-search notice, accepted, so that its page has one to show
  const notices = createNoticeService({ db: served.site.store.db, defaultDirectory: async () => DIRECTORY_ID });
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const notice = await notices.publish(CLI_ACTOR, { collectivityId: 'ma-commune-marrakech', domains: ['environnement'], partnerCountry: 'FR', partnerKind: 'commune', description: 'Marrakech cherche une commune française pour ses jardins.', until });
  await notices.approve(CLI_ACTOR, notice.id);
  EXAMPLES['/recherches-de-partenaires/{id}.json'] = [`/recherches-de-partenaires/${notice.id}.json`];
  document = (await (await fetch(`${served.base}/openapi.json`)).json()) as typeof document;
}, 60_000);

/** Concrete URLs for each documented path: path parameters filled with real ids, a few query strings. */
const EXAMPLES: Record<string, string[]> = {
  '/index.json': ['/index.json'],
  '/recherche.json': ['/recherche.json', '/recherche.json?q=eau', '/recherche.json?q=eau&domain=culture&sort=date&page=2', '/recherche.json?q=zzzzqqq', '/recherche.json?page=-1&perPage=1000'],
  '/partenariats.json': ['/partenariats.json', '/partenariats.json?page=3&tier=full'],
  '/partenariats/{id}.json': ['/partenariats/tours-marrakech.json', '/partenariats/woippy-sale.json', '/partenariats/bourgogne-marrakech-meknes.json'],
  '/projets.json': ['/projets.json', '/projets.json?status=planned&pad=oui'],
  '/projets/{id}.json': ['/projets/tours-marrakech-ingenierie-formation.json'],
  '/collectivites.json': ['/collectivites.json', '/collectivites.json?country=FR&kind=region'],
  '/collectivites/{id}.json': ['/collectivites/ma-commune-marrakech.json', '/collectivites/fr-commune-tours.json', '/collectivites/ma-region-souss-massa-draa.json'],
  '/domaines.json': ['/domaines.json'],
  '/domaines/{code}.json': ['/domaines/environnement.json', '/domaines/culture-lecture.json', '/domaines/sport.json'],
  '/synthese.json': ['/synthese.json'],
  '/autres-partenariats.json': ['/autres-partenariats.json'],
  '/rapport.json': ['/rapport.json'],
  '/statistiques.json': ['/statistiques.json', '/statistiques.json?q=eau', '/statistiques.json?q=zzzzqqq'],
  '/pad.json': ['/pad.json'],
  '/couverture.json': ['/couverture.json', '/couverture.json?domain=environnement&kind=commune-urbaine'],
  '/recherches-de-partenaires.json': ['/recherches-de-partenaires.json', '/recherches-de-partenaires.json?domain=environnement&q=jardins', '/recherches-de-partenaires.json?q=zzzzqqq'],
  // filled in once the notice exists (beforeAll)
  '/recherches-de-partenaires/{id}.json': [],
  '/repertoires.json': ['/repertoires.json'],
  '/repertoires/recherche.json': ['/repertoires/recherche.json?q=eau', '/repertoires/recherche.json?q=eau&sort=date&page=2'],
  // one directory in this store: an edition compared with itself (everything unchanged)
  '/editions/{from}/{to}.json': ['/editions/repertoire-franco-marocain-2008/repertoire-franco-marocain-2008.json'],
};

/** Paths that are not JSON twins: files (their own tests check what they serve). */
const FILES = ['/export', '/partenariats/{id}.pdf', '/collectivites/{id}.pdf', '/statistiques/{table}.csv'];

/** The members' pages' JSON twins: census/member-pages.test.ts fetches them signed in. */
const MEMBERS = ['/recensement.json', '/recensement/{campaign}/tableau-de-bord.json', '/relecture.json', '/relecture/{proposal}.json', '/recensement/{campaign}.json', '/recensement/{campaign}/fiche/{type}/{id}.json', '/recensement/{campaign}/nouveau/{kind}.json', '/recensement/{campaign}/proposition/{proposal}.json', '/historique/{type}/{id}.json', '/modifier/{type}/{id}.json', '/relecture/{proposal}/modifier.json', '/qualite.json', '/admin/utilisateurs.json', '/admin/donnees-personnelles.json'];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every page, with its view model', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([...Object.keys(EXAMPLES), ...FILES, ...MEMBERS].sort());
    for (const page of [...PAGES, ...MEMBER_PAGES]) expect(document.components.schemas[page.name], page.name).toBeDefined();
    expect(document.components.schemas.ErrorView).toBeDefined();
  });

  it("every endpoint's JSON twin validates against its response schema", async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    let checked = 0;
    for (const [path, urls] of Object.entries(EXAMPLES)) {
      const ref = document.paths[path]!.get.responses['200']!.content['application/json'].schema.$ref;
      const validate = ajv.getSchema(ref)!;
      for (const url of urls) {
        const response = await fetch(`${served.base}${url}`);
        expect(response.status, url).toBe(200);
        const body: unknown = await response.json();
        const valid = validate(body);
        expect(valid, `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('errors validate against ErrorView', async () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(document.components.schemas.ErrorView!);
    for (const url of ['/partenariats/nope.json', '/nope.json']) {
      const response = await fetch(`${served.base}${url}`);
      expect(response.status).toBe(404);
      expect(validate(await response.json())).toBe(true);
    }
  });
});
