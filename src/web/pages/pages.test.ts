/** Every page over real HTTP (inject), on the 2008 directory: its HTML, its JSON twin, its 404s. */
import { loadDocument } from '../../store/load-document.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../security-headers.js';
import type { Directory } from '../data/directory.js';
import { openTestSite, renderContext, type TestSite } from '../testing.js';
import { collectivitiesView } from './collectivities/data.js';
import { collectivityView } from './collectivity/data.js';
import { domainView, domainsView } from './domain/data.js';
import { homeView } from './home/data.js';
import { partnershipView } from './partnership/data.js';
import { briefView, partnershipsView } from './partnerships/data.js';
import { projectView } from './project/data.js';
import { projectsView } from './projects/data.js';
import { reportView } from './report/data.js';
import { message } from './report/render.js';
import { label } from '../i18n/index.js';
import { synthesisView } from './synthesis/data.js';

let site: TestSite;
let dir: Directory;

beforeAll(async () => {
  site = await openTestSite({ search: false });
  dir = await site.directory();
  // the suggestions come from the partner graph, built in the background: both sides with theirs
  await site.partnerGraph();
  await dir.partnerGraphReady();
}, 60_000);

afterAll(async () => site?.dispose());

async function get(url: string, headers: Record<string, string> = {}) {
  return site.app.inject({ method: 'GET', url, headers });
}

function headings(body: string, level: number): string[] {
  return [...body.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .trim(),
  );
}

const PROJECT = 'tours-marrakech-ingenierie-formation';

describe('pages and their JSON twins', () => {
  const cases: [string, string, string[], (d: Directory) => unknown | Promise<unknown>][] = [
    ['/', 'Répertoire des partenariats de coopération décentralisée franco-marocains', ['Chiffres clés', "Par domaine d'intervention", 'Par collectivité marocaine', 'Par collectivité française', 'Par type de collectivité'], (d) => homeView(d, site.store.db)],
    ['/partenariats', 'Partenariats', [], (d) => partnershipsView(d, site.store.db, {})],
    ['/partenariats?page=2', 'Partenariats', [], (d) => partnershipsView(d, site.store.db, { page: '2' })],
    ['/partenariats/tours-marrakech', 'Ville de Tours / Commune urbaine de Marrakech', ['Les parties', 'Projets (7 projets)', 'Budgets', 'Contacts', 'Autres partenariats de chaque partie'], (d) => partnershipView(d, 'tours-marrakech')],
    ['/projets', 'Projets', [], (d) => projectsView(d, site.store.db, {})],
    ['/projets?status=ongoing&pad=oui', 'Projets', [], (d) => projectsView(d, site.store.db, { status: 'ongoing', pad: 'oui' })],
    [`/projets/${PROJECT}`, 'Ingénierie, formation', ['Financement', 'Bénéficiaires', 'Observations'], (d) => projectView(d, PROJECT, site.store.db)],
    ['/collectivites', 'Collectivités', [], (d) => collectivitiesView(d, {})],
    ['/collectivites?country=MA&kind=region-ma', 'Collectivités', [], (d) => collectivitiesView(d, { country: 'MA', kind: 'region-ma' })],
    ['/collectivites/ma-commune-marrakech', 'Commune urbaine de Marrakech', ['Identité', "Coordonnées de l'institution", 'Ses partenariats (5)', 'Partenariats et projets par domaine', 'Coordination'], (d) => collectivityView(d, site.store.db, 'ma-commune-marrakech')],
    ['/domaines', "Domaines d'intervention", [], (d) => domainsView(d, {})],
    // 7: the Hérault's water, printed under Environnement, is the one water domain, urban development's (issue 17)
    ['/domaines/environnement', 'Environnement', ['Sous-domaines', 'Partenariats dans ce domaine (7)'], (d) => domainView(d, site.store.db, 'environnement')],
    ['/synthese', "Synthèse des coopérations par domaines d'intervention", ['Développement urbain', 'Patrimoine', 'Sport'], (d) => synthesisView(site.store.db, d)],
    ['/autres-partenariats', 'Autres partenariats répertoriés', [], (d) => briefView(d, site.store.db, {})],
    ['/rapport', "Rapport d'import", ['Comptes', 'Lignes non placées (0)', 'Incohérences (13)'], (d) => reportView(site.store.db, d.redactor)],
  ];

  it.each(cases)('%s: HTML with its headings', async (url, h1, h2s) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(response.body).toMatch(/^<!doctype html>\n<html lang="fr" dir="ltr">/);
    expect(headings(response.body, 1)).toEqual([h1]);
    const h2 = [...headings(response.body, 2), ...headings(response.body, 3)];
    for (const heading of h2s) expect(h2).toContain(heading);
    // every page has the search box and the way home
    expect(response.body).toContain('<form class="site-search" role="search" aria-label="Recherche dans le répertoire" action="/recherche" method="get">');
    expect(response.body).toContain('<a href="/">');
  });

  it.each(cases)('%s: the JSON twin is exactly the view model', async (url, _h1, _h2s, view) => {
    const [path, query] = url.split('?') as [string, string | undefined];
    const twin = `${path === '/' ? '/index' : path}.json${query ? `?${query}` : ''}`;
    const expected = JSON.parse(JSON.stringify(await view(dir))) as unknown;
    const json = await get(twin);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toEqual(expected);
    // and the same URL with Accept: application/json
    const negotiated = await get(url, { accept: 'application/json' });
    expect(negotiated.json()).toEqual(expected);
  });
});

describe('the HTML', () => {
  it('home: key figures and entry points', async () => {
    const body = (await get('/')).body;
    expect(body).toContain('<span class="value">50</span> <span class="caption">Partenariats</span>');
    expect(body).toContain('<span class="value">197</span>');
    expect(body).toContain('<span class="value">12</span> <span class="caption">Projets cofinancés par le PAD</span>');
    expect(body).toContain('href="/domaines/developpement-urbain"');
    expect(body).toContain('href="/collectivites/ma-commune-marrakech"');
    expect(body).toContain('href="/collectivites?country=MA&amp;kind=region-ma"');
    expect(body).toContain('href="/synthese"');
    expect(body).toContain('href="/rapport"');
  });

  it('JSON twins name the sides neutrally: home / partner, counts by country code', async () => {
    const home = (await get('/index.json')).json<Record<string, unknown> & { directory: { countries: string[] }; figures: { collectivities: { total: number; byCountry: Record<string, number> } } }>();
    expect(home.directory.countries).toEqual(['FR', 'MA']);
    const { total, byCountry } = home.figures.collectivities;
    expect(Object.keys(byCountry)).toEqual(['FR', 'MA']);
    expect(byCountry.FR! + byCountry.MA!).toBe(total);
    const sides = home as unknown as Record<'home' | 'partner', { collectivity: { id: string; country: string } }[]>;
    expect(sides.home.length).toBeGreaterThan(0);
    expect(sides.home.every((c) => c.collectivity.country === 'FR')).toBe(true);
    expect(sides.partner.every((c) => c.collectivity.country === 'MA')).toBe(true);
    expect(sides.partner.map((c) => c.collectivity.id)).toContain('ma-commune-marrakech');
    const list = (await get('/partenariats.json')).json<{ items: Record<string, { country: string }[]>[] }>();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      expect(item.home!.length, JSON.stringify(item)).toBeGreaterThan(0);
      expect(item.home!.every((c) => c.country === 'FR')).toBe(true);
      expect(item.partner!.every((c) => c.country !== 'FR')).toBe(true);
    }
    for (const body of [JSON.stringify(home), JSON.stringify(list)]) expect(body).not.toMatch(/"(french|moroccan|FR|MA)":\s*[[{]/);
  });

  it('project: amounts in French, approximate ones marked ≈, link to its partnership and source', async () => {
    const body = (await get(`/projets/${PROJECT}`)).body;
    expect(body).toMatch(/5\u202f133\s€/);
    expect(body).toContain('href="/partenariats/tours-marrakech"');
    // the book's page, not the transcription's lines (those stay in the JSON twin)
    expect(body).toMatch(/Source :<\/span> (page \d+ du|le) répertoire imprimé/);
    expect(body).not.toContain('lignes 3987');
    const approximate = (await loadDocument(site.store.db, dir.id)).partnerships.flatMap((p) => p.projects ?? []).find((p) => p.totalCost?.approximate === true);
    expect(approximate).toBeDefined();
    expect((await get(`/projets/${approximate!.id}`)).body).toMatch(/≈ [\d\u202f ,]+/);
  });

  it('partnership: parties, framework, domains as links, source with page', async () => {
    const body = (await get('/partenariats/tours-marrakech')).body;
    expect(body).toContain('href="/collectivites/fr-commune-tours"');
    expect(body).toContain('Accord de coopération');
    expect(body).toContain('href="/domaines/developpement-urbain-amenagement"');
    expect(body).toContain('page 76 du répertoire imprimé, rubrique « Villes »');
    expect(body).not.toContain('lignes 3940');
    expect(body).toContain('href="/partenariats/marseille-marrakech"'); // a neighbour through Marrakech
  });

  it('domains: one label, one domain; a link to a code merged into another is redirected (issue 17)', async () => {
    const body = (await get('/domaines')).body;
    expect(body.match(/>Eau &amp; assainissement</g)).toHaveLength(1);
    expect(body).toContain('Autres (Environnement)');
    for (const [from, to] of [
      ['/domaines/environnement-eau-assainissement', '/domaines/developpement-urbain-eau-assainissement'],
      ['/domaines/environnement-eau-assainissement.json', '/domaines/developpement-urbain-eau-assainissement.json'],
      ['/en/domaines/environnement-eau-assainissement?page=2', '/en/domaines/developpement-urbain-eau-assainissement?page=2'],
    ]) {
      const moved = await get(from!);
      expect(moved.statusCode, from).toBe(301);
      expect(moved.headers.location).toBe(to);
    }
    const water = (await get('/domaines/developpement-urbain-eau-assainissement.json')).json() as { partnerships: { id: string }[] };
    expect(water.partnerships.map((p) => p.id)).toContain('herault-souss-massa-draa');
  });

  it('synthesis: disagreements between print and data next to the pair they concern', async () => {
    const view = await synthesisView(site.store.db, dir);
    const social = view.domains.find((d) => d.domain.code === 'developpement-social')!;
    const health = social.children.find((c) => c.domain.code === 'developpement-social-sante')!;
    const caudebec = health.partnerships.find((p) => p.partnership.id === 'caudebec-les-elbeuf-souk-el-khemis')!;
    expect(caudebec.disagreements.map((d) => d.line)).toEqual([8134]);
    const youth = view.domains.find((d) => d.domain.code === 'education-et-jeunesse')!.children[0]!;
    expect(youth.partnerships.find((p) => p.partnership.id === 'vienne-tiflet')!.disagreements[0]!.message).toMatch(/Tifle/);
    expect(view.unplaced).toEqual([]);
    const body = (await get('/synthese')).body;
    expect(body).toContain('Divergence avec la synthèse imprimée : Synthèse, « ');
    expect(body).not.toContain('ligne 8134');
  });

  it('report: issues where a reader of the book finds them (page and section), their transcription lines in the JSON twin only', async () => {
    const body = (await get('/rapport')).body;
    expect(body).toContain('<td class="where" role="cell">page 13, rubrique «\u00a0Villes\u00a0»</td>');
    expect(body).toContain('<td class="where" role="cell">Synthèse</td>');
    expect(body).not.toMatch(/\bligne \d|\(l\. \d/);
    const twin = JSON.parse((await get('/rapport.json')).body) as { report: { inconsistencies: { line?: number; place?: { part: string; page?: number } }[] } };
    expect(twin.report.inconsistencies.find((issue) => issue.place?.page === 13)?.line).toBeGreaterThan(1);
    expect(body).toContain('data-kind="synthesis-pair-without-partner">Synthèse : partenaire absent</td>');
  });

  it('report: every issue of the 2008 import in French, from the catalogue', async () => {
    const body = (await get('/rapport')).body;
    expect(body).toContain('Synthèse, « Conseil général de Seine-Saint-Denis » : aucun partenaire n’est nommé');
    // numbers as French prints them, grouped by narrow no-break spaces
    expect(body).toMatch(/les lignes de financement totalisent 2\s032\s890 MAD, le coût total imprimé est de 2\s032\s800 MAD/);
    expect(body).toMatch(/Commune urbaine de Marrakech : populations imprimées 824\s000 \/ 844\s000 ; retenue : 824\s000/);
    // the populations printed are numbers in the report, written the page's way
    expect((await get('/en/rapport')).body).toMatch(/Marrakech(<\/bdi>)?: printed populations 824,000 \/ 844,000; kept: 824,000/);
    expect(body).toContain('Une ligne répète une ligne voisine : lue une fois');
    const { report } = await reportView(site.store.db);
    const issues = [...report!.unplaced, ...report!.inconsistencies, ...report!.warnings];
    expect(issues.length).toBeGreaterThan(30);
    const c = renderContext('/rapport');
    for (const issue of issues) {
      expect(issue.wording, issue.message).toBeDefined();
      expect(message(issue, c), issue.kind).not.toBe(issue.message);
      expect(label(c.locale, 'report.kind', issue.kind), issue.kind).not.toBe(issue.kind);
    }
  });
});

describe('bad input never gives a 500', () => {
  it.each([
    '/partenariats?page=-1',
    '/partenariats?page=1000000000',
    '/partenariats?page=abc',
    '/projets?status=%3Cscript%3E&pad=1',
    '/collectivites?country=ZZ&kind=%00',
    `/collectivites?kind=${'x'.repeat(10_000)}`.slice(0, 10_030),
    '/domaines?page=%E0%A4%A',
    '/partenariats?page[]=1&page[]=2',
  ])('%#: %s', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect((await get(url, { accept: 'application/json' })).statusCode).toBe(200);
  });

  it('a page past the end shows the last one, and says so', async () => {
    const response = await get('/partenariats?page=1000000000');
    expect(response.body).toContain("La page 1000000000 n&#39;existe pas : voici la page 3.");
    expect((await get('/partenariats.json?page=1000000000')).json()).toMatchObject({ pagination: { page: 3, asked: '1000000000' } });
  });
});

describe('404', () => {
  it.each(['/partenariats/nope', '/projets/nope', '/collectivites/nope', '/domaines/nope', '/nope', '/partenariats/a/b', `/projets/${'x'.repeat(600)}`])(
    'an HTML page and a JSON error (%#)',
    async (url) => {
      const html = await get(url);
      expect(html.statusCode).toBe(404);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(headings(html.body, 1)).toEqual(['Page introuvable']);
      expect(html.body).toContain('<a href="/">Revenir à l&#39;accueil</a>');
      const json = await get(url, { accept: 'application/json' });
      expect(json.statusCode).toBe(404);
      expect(json.json()).toMatchObject({ error: { status: 404, code: 'not-found' } });
    },
  );

  it('a path segment too long for the router is a 414, still a readable page', async () => {
    const response = await get(`/projets/${'x'.repeat(5000)}`);
    expect(response.statusCode).toBe(414);
    expect(headings(response.body, 1)).toEqual(['Requête incorrecte']);
  });

  it('a malformed URL is a 400, still a readable page', async () => {
    const response = await get('/projets/%E0%A4%A');
    expect(response.statusCode).toBe(400);
    expect(headings(response.body, 1)).toEqual(['Requête incorrecte']);
  });

  it('the .json twin of an unknown record is a JSON 404', async () => {
    const json = await get('/partenariats/nope.json');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual({ error: { status: 404, code: 'not-found', message: 'no partnership "nope"' } });
  });

  it('without a searcher, the search page says it is unavailable (503), the rest works', async () => {
    const response = await get('/recherche?q=eau');
    expect(response.statusCode).toBe(503);
    expect(headings(response.body, 1)).toEqual(['Service indisponible']);
    expect((await get('/recherche.json?q=eau')).json()).toMatchObject({ error: { status: 503, code: 'not-supported' } });
  });
});

describe('headers', () => {
  it('every answer carries the security headers, HTML, JSON, assets and errors alike', async () => {
    for (const url of ['/', '/index.json', '/assets/site.css', '/assets/site.js', '/nope', '/openapi.json']) {
      const response = await get(url);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name], `${url} ${name}`).toBe(value);
    }
  });

  it('the CSP forbids inline scripts, and no page has any', async () => {
    expect(SECURITY_HEADERS['content-security-policy']).toMatch(/script-src 'self';/);
    const body = (await get('/partenariats/tours-marrakech')).body;
    expect(body.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/site.js" defer>']);
    expect(body).not.toMatch(/ on[a-z]+="/);
    expect(body).not.toMatch(/ style="/);
  });

  it('serves the stylesheet and the script', async () => {
    expect((await get('/assets/site.css')).headers['content-type']).toMatch(/text\/css/);
    expect((await get('/assets/site.js')).headers['content-type']).toMatch(/javascript/);
  });
});
