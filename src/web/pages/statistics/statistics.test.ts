/** The statistics and PAD pages, their JSON twins and CSVs, and the maps of home, a collectivity and the search, on the 2008 store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_TABLES, statsCsv } from '../../../stats/csv.js';
import { CensusStats } from '../../../stats/model.js';
import { loadStats } from '../../../stats/load.js';
import { openTestSite, renderContext, type TestSite } from '../../testing.js';
import { PadView } from '../pad/data.js';
import { StatisticsView } from './data.js';
import { claimVerdict, padComparison, statsLabels } from './parts.js';
import { FUNDERS_SHOWN, renderStatistics } from './render.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite();
}, 120_000);

afterAll(async () => site?.dispose());

const get = (url: string) => site.app.inject({ method: 'GET', url });

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF). */
/** The exports' dialect (src/text/csv.ts): a BOM, ";" between fields, CRLF. */
function parseCsv(withBom: string): string[][] {
  expect(withBom.startsWith('\uFEFF')).toBe(true);
  const text = withBom.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('/statistiques', () => {
  it('serves the census statistics, its JSON twin the CensusStats view model', async () => {
    const page = await get('/statistiques');
    expect(page.statusCode).toBe(200);
    const twin = await get('/statistiques.json');
    expect(twin.statusCode).toBe(200);
    const stats = CensusStats.parse(twin.json());
    const dir = await site.directory();
    expect(stats).toEqual(await loadStats(site.store.db, { directoryId: dir.id }));
    expect(stats.scope.filtered).toBe(false);
    const counted = await site.store.db.selectFrom('partnerships').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', dir.id).executeTakeFirstOrThrow();
    expect(stats.scope.partnerships).toBe(Number(counted.n));
    // every chart is an SVG with its table, the claim's verdict and the rate are shown
    const body = page.body;
    expect(body).toContain('class="repertoire-chart"');
    expect(body).not.toContain('<style>');
    expect(body).toContain('Années 1990');
    expect(body).toContain(claimVerdict('fr', stats.partnershipsByDecade.claim!).replace(/'/g, '&#39;'));
    expect(body).toContain('1 EUR = 11,4 MAD');
    // the statistics carry codes; the page labels them from the catalogue, as the project pages and the search do
    expect(stats.projectsByStatus.map((r) => r.key)).toContain('completed');
    expect(body).toContain('Terminé');
    expect(body).not.toContain('Réalisé');
    expect(body).toContain('<h3>France</h3>');
    expect(body.indexOf('<h3>France</h3>')).toBeLessThan(body.indexOf('<h3>Maroc</h3>'));
    for (const table of STATS_TABLES) expect(body).toContain(`href="/statistiques/${table}.csv"`);
  });

  it('lists the first FUNDERS_SHOWN funders on the page and says where the others are', async () => {
    const stats = CensusStats.parse((await get('/statistiques.json')).json());
    const funder = stats.funders[0]!;
    const many = { ...stats, funders: Array.from({ length: FUNDERS_SHOWN + 5 }, (_, i) => ({ ...funder, key: `f${i}`, funder: `Financeur ${i}` })) };
    const body = renderStatistics(many, renderContext('/statistiques')).body.value;
    expect(body).toContain(`Financeur ${FUNDERS_SHOWN - 1}<`);
    expect(body).not.toContain(`Financeur ${FUNDERS_SHOWN}<`);
    expect(body).toContain(`${FUNDERS_SHOWN} affichés sur ${FUNDERS_SHOWN + 5}. Tous les financeurs sont dans le fichier CSV ci-dessous.`);
  });

  it('offers each table as CSV, parseable and equal to the table', async () => {
    const stats = CensusStats.parse((await get('/statistiques.json')).json());
    for (const table of STATS_TABLES) {
      const res = await get(`/statistiques/${table}.csv`);
      expect(res.statusCode, table).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.body).toBe(statsCsv(stats, table, statsLabels('fr')));
      const rows = parseCsv(res.body);
      expect(rows.length).toBeGreaterThan(1);
      const width = rows[0]!.length;
      for (const row of rows) expect(row.length, `${table}: ${row.join('|')}`).toBe(width);
    }
    const decades = parseCsv((await get('/statistiques/partenariats-par-decennie.csv')).body).slice(1);
    expect(decades.map((r) => [r[0], Number(r[2])])).toEqual(stats.partnershipsByDecade.rows.map((r) => [r.key, r.count]));
    const statuses = parseCsv((await get('/statistiques/projets-par-etat.csv')).body).slice(1);
    expect(statuses.map((r) => [r[0], Number(r[2])])).toEqual(stats.projectsByStatus.map((r) => [r.key, r.count]));
    expect((await get('/statistiques/nope.csv')).statusCode).toBe(404);
    // the map's table too, for the whole census or a search's results
    const home = (await get('/index.json')).json() as { map: { points: { id: string; weight: number }[] } };
    const map = parseCsv((await get('/statistiques/carte.csv')).body);
    expect(map[0]).toEqual(['id', 'collectivité', 'pays', 'partenariats', 'latitude', 'longitude', 'x', 'y']);
    const weights = new Map(map.slice(1).map((r) => [r[0], Number(r[3])]));
    expect(weights).toEqual(new Map(home.map.points.map((p) => [p.id, p.weight])));
    const some = parseCsv((await get('/statistiques/carte.csv?q=eau')).body);
    expect(some.length).toBeGreaterThan(2);
    expect(some.length).toBeLessThan(map.length);
  });

  it('applies the search: the statistics of the results, the CSV too', async () => {
    const all = CensusStats.parse((await get('/statistiques.json')).json());
    const res = await get('/statistiques.json?q=eau');
    expect(res.statusCode).toBe(200);
    const some = CensusStats.parse(res.json());
    expect(some.scope.filtered).toBe(true);
    expect(some.scope.partnerships).toBeGreaterThan(0);
    expect(some.scope.partnerships).toBeLessThan(all.scope.partnerships);
    const csv = await get('/statistiques/projets-par-etat.csv?q=eau');
    expect(csv.body).toBe(statsCsv(some, 'projets-par-etat', statsLabels('fr')));
    const html = await get('/statistiques?q=eau');
    expect(html.body).toContain('Statistiques des résultats de la recherche');
    // the editorial speaks of the whole census: a search's results are not held against it
    expect(all.partnershipsByDecade.claim).not.toBeNull();
    expect(some.partnershipsByDecade.claim).toBeNull();
    expect(html.body).not.toContain("Ce que dit l'éditorial");
    expect(html.body).toContain('href="/statistiques/projets-par-etat.csv?q=eau"');
    // the search page links to them
    const search = await get('/recherche?q=eau');
    expect(search.body).toContain('href="/statistiques?q=eau"');
  });

  it("makes no claim for a directory whose text made none (the synthetic FR–SN one): the 2008 editorial is the 2008 directory's", async () => {
    const { directories } = (await get('/index.json')).json<{ directories: { id: string }[] }>();
    const other = directories[0];
    expect(other).toBeDefined();
    const stats = CensusStats.parse((await get(`/r/${other!.id}/statistiques.json`)).json());
    expect(stats.scope.partnerships).toBeGreaterThan(0);
    expect(stats.partnershipsByDecade.claim).toBeNull();
    const page = await get(`/r/${other!.id}/statistiques`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('franco-marocains');
  });

  it('of a search: counts that match its results, said in words, and the editorial compared with the whole census only', async () => {
    const search = (await get('/recherche.json?q=eau&perPage=100')).json() as { total: number; facets: { name: string; values: { value: string; count: number }[] }[] };
    const byType = new Map(search.facets.find((f) => f.name === 'type')!.values.map((v) => [v.value, v.count]));
    const some = StatisticsView.parse((await get('/statistiques.json?q=eau')).json());
    expect(some.search).toMatchObject({ q: 'eau', total: search.total, found: { project: byType.get('project') ?? 0, partnership: byType.get('partnership') ?? 0 } });
    // the projects counted are the projects found
    expect(some.scope.projects).toBe(byType.get('project'));
    expect(some.projectsByStatus.reduce((n, r) => n + r.count, 0)).toBe(some.scope.projects);
    expect(some.scope.partnerships).toBeGreaterThanOrEqual(byType.get('partnership') ?? 0);
    const page = (await get('/statistiques?q=eau')).body;
    expect(page).toContain(`Recherche « eau » : ${search.total} résultats`);
    expect(page).not.toContain('Les chiffres ne le confirment pas');
    expect(page).not.toContain('Les chiffres le confirment');
    expect(page).toContain('ne sont comparés qu’à ceux de tout le recensement');
    const whole = (await get('/statistiques')).body;
    expect(whole).toMatch(/Les chiffres (ne )?le confirment/);
    // a facet reads as its label, never its code
    const domain = (await get('/statistiques?domain=culture')).body;
    expect(domain).toContain('Domaine : Culture');
    expect(domain).not.toContain('domain : culture');
    // in Arabic, its clauses and counts joined as Arabic joins them: no French ' : ' nor a Latin comma
    const arabic = (await get('/ar/statistiques?q=eau')).body;
    expect(arabic).toMatch(/(?:مشروع|مشروعًا|مشاريع)، /);
    expect(arabic).not.toMatch(/(?:مشروع|مشروعًا|مشاريع), /);
  });

  it('reads a search with the former facet name frenchKind as homeKind', async () => {
    const renamed = CensusStats.parse((await get('/statistiques.json?homeKind=departement')).json());
    const old = CensusStats.parse((await get('/statistiques.json?frenchKind=departement')).json());
    expect(renamed.scope.filtered).toBe(true);
    expect(renamed.scope.partnerships).toBeGreaterThan(0);
    expect(old).toEqual(renamed);
  });
});

describe('/pad', () => {
  it('lists the PAD projects with both parties and amounts in euros, against the editorials', async () => {
    const page = await get('/pad');
    expect(page.statusCode).toBe(200);
    const view = PadView.parse((await get('/pad.json')).json());
    const dir = await site.directory();
    const pad = await site.store.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', dir.id).where('pad_cofinanced', '=', 1).executeTakeFirstOrThrow();
    expect(view.pad.count).toBe(Number(pad.n));
    expect(view.pad.rows.length).toBe(view.pad.count);
    expect(padComparison('fr', view.pad, false)).toMatch(/12|11/);
    expect(page.body).toContain(padComparison('fr', view.pad, false).replace(/'/g, '&#39;'));
    for (const row of view.pad.rows) expect(page.body).toContain(`href="/projets/${row.projectId}"`);
    expect(view.pad.rows.some((r) => r.maitreOuvrage.length > 0 && r.assistant.length > 0)).toBe(true);
    expect(page.body).toContain('1 EUR = 11,4 MAD');
  });
});

describe('maps', () => {
  it('the home page draws every partnership, then the data as a table', async () => {
    const page = await get('/');
    expect(page.body).toContain('class="repertoire-map"');
    expect(page.body).not.toContain('<style>');
    expect(page.body).toContain('class="map-table"');
    const view = (await get('/index.json')).json() as { map: { points: { id: string; weight: number }[]; links: unknown[] } };
    expect(view.map.points.length).toBeGreaterThan(50);
    expect(view.map.links.length).toBeGreaterThan(50);
    expect(page.body).toContain('href="/statistiques"');
    expect(page.body).toContain('href="/pad"');
    expect(page.body).toContain('href="/statistiques/carte.csv"');
  });

  it('a collectivity page maps it and its partners', async () => {
    const dir = await site.directory();
    const parties = await site.store.db.selectFrom('partnership_parties').select(['partnership_id', 'collectivity_id', 'country']).where('directory_id', '=', dir.id).execute();
    const own = (id: string) => new Set(parties.filter((x) => x.collectivity_id === id).map((x) => x.partnership_id));
    const c = { id: parties.find((x) => x.country === 'FR' && own(x.collectivity_id).size >= 2)!.collectivity_id };
    const view = (await get(`/collectivites/${c.id}.json`)).json() as { map: { points: { id: string; current?: boolean }[]; unlocated: { id: string }[] } };
    const shown = new Set([...view.map.points.map((p) => p.id), ...view.map.unlocated.map((u) => u.id)]);
    expect(view.map.points.find((p) => p.id === c.id)?.current).toBe(true);
    expect(shown).toEqual(new Set(parties.filter((x) => own(c.id).has(x.partnership_id)).map((x) => x.collectivity_id)));
    const page = await get(`/collectivites/${c.id}`);
    expect(page.body).toContain('id="carte-collectivite"');
  });

  it('the search page maps its results', async () => {
    const view = (await get('/recherche.json?q=eau')).json() as { map?: { points: unknown[] } };
    expect(view.map?.points.length).toBeGreaterThan(0);
    const page = await get('/recherche?q=eau');
    expect(page.body).toContain('id="carte-resultats"');
  });
});
