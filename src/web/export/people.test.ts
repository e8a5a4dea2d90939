/**
 * The site's exports for people, over real HTTP: French sheet names, headers and values by
 * default (codes with `labels=codes`), the one-sheet table of projects (both parties, status,
 * domains, dates, cost in its currency and in euros at the profiles' rate, funders), alone with
 * `content=summary`.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../model/schema.js';
import { DataPackage } from '../../publish/datapackage.js';
import { unzipBuffer } from '../../publish/testing/tools.js';
import { loadDocument } from '../../store/load-document.js';
import { DIRECTORY_ID, servedTestSite } from '../testing.js';

const served = servedTestSite();

async function get(path: string) {
  const response = await fetch(`${served.base}${path}`);
  expect(response.status, path).toBe(200);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as records by header. */
function records(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1).value])));
  });
  return out;
}

describe('exports for people', () => {
  it('XLSX: French sheet names, headers and values by default; the tables’ codes on request', async () => {
    const french = await workbookOf((await get('/export?format=xlsx')).body);
    expect(french.worksheets.map((s) => s.name)).toEqual([
      'Projets', 'Collectivités', 'Partenariats', 'Parties des partenariats', 'Projets (détail)', 'Financements',
      'Partenaires des projets', 'Budgets', 'Contacts', 'Domaines',
    ]);
    const detail = records(french.getWorksheet('Projets (détail)')!);
    const statuses = new Set(detail.map((r) => r['État']));
    expect([...statuses].sort()).toEqual(['En cours', 'En projet', 'Terminé'].filter((s) => statuses.has(s)));
    expect(statuses.has('En cours') && statuses.has('Terminé')).toBe(true);
    const collectivities = records(french.getWorksheet('Collectivités')!);
    expect(new Set(collectivities.map((r) => r['Pays']))).toEqual(new Set(['France', 'Maroc']));
    expect(collectivities.some((r) => r['Type'] === 'Commune urbaine')).toBe(true);
    const cells = JSON.stringify(detail);
    expect(cells).not.toMatch(/"(ongoing|completed|planned)"/);

    const codes = await workbookOf((await get('/export?format=xlsx&labels=codes')).body);
    expect(codes.worksheets.map((s) => s.name)[0]).toBe('project_summary');
    const coded = records(codes.getWorksheet('projects')!);
    expect(new Set(coded.map((r) => r.status))).toEqual(new Set(detail.map((r) => ({ 'En cours': 'ongoing', Terminé: 'completed', 'En projet': 'planned' })[r['État'] as string] ?? r['État'])));
  });

  it('CSV: French file names and headers in the exports’ dialect (BOM, ";")', async () => {
    const files = await unzipBuffer((await get('/export?format=csv')).body);
    expect([...files.keys()].filter((name) => name.endsWith('.csv'))).toEqual([
      'projets.csv', 'collectivites.csv', 'partenariats.csv', 'parties-des-partenariats.csv', 'projets-detail.csv', 'financements.csv',
      'partenaires-des-projets.csv', 'budgets.csv', 'contacts.csv', 'domaines.csv',
    ]);
    const summary = files.get('projets.csv')!;
    expect(summary.startsWith('\uFEFFProjet (identifiant);Intitulé;État;Collectivités (France);Pays (France);Collectivités partenaires (Maroc);Pays partenaires;Domaines;')).toBe(true);
  });

  it('the CSV zip describes itself: datapackage.json, a Tabular Data Package naming each file’s fields as its header does', async () => {
    for (const labels of ['fr', 'codes']) {
      const files = await unzipBuffer((await get(`/export?format=csv&labels=${labels}&q=eau`)).body);
      const descriptor = DataPackage.parse(JSON.parse(files.get('datapackage.json')!));
      expect(descriptor.licenses[0]!.name).toBe('etalab-2.0');
      expect(descriptor.sources[0]!.title).toContain('Répertoire des partenariats');
      expect(descriptor.resources.map((r) => r.path).sort()).toEqual([...files.keys()].filter((name) => name.endsWith('.csv')).sort());
      for (const resource of descriptor.resources) {
        const header = files.get(resource.path)!.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(';');
        expect(header, resource.path).toEqual(resource.schema.fields.map((f) => f.name));
        expect(resource.dialect.delimiter).toBe(';');
      }
      const summary = descriptor.resources[0]!;
      const cost = summary.schema.fields.find((f) => f.name === (labels === 'fr' ? 'Coût total en euros' : 'total_cost_eur'))!;
      expect(cost).toEqual({ name: cost.name, type: 'number', decimalChar: ',' });
      expect(summary.schema.primaryKey).toEqual([labels === 'fr' ? 'Projet (identifiant)' : 'project_id']);
    }
  });

  it('one row per project: both parties, status, domains, dates, cost in its currency and in euros, funders', async () => {
    const { response, body } = await get('/export?format=xlsx&content=summary');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${DIRECTORY_ID}-projets.xlsx"`);
    const workbook = await workbookOf(body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Projets']);
    const rows = records(workbook.getWorksheet('Projets')!);
    const doc = await loadDocument(served.site.store.db, DIRECTORY_ID);
    const projects = doc.partnerships.flatMap((p) => (p.projects ?? []).map((project) => ({ partnership: p, project })));
    expect(rows).toHaveLength(projects.length);
    const names = new Map(doc.collectivities.map((c) => [c.id, { name: c.name, country: c.country }]));
    const domains = new Map(doc.domains.map((d) => [d.code, d.label]));

    const inMad = projects.find(({ project }) => project.totalCost?.currency === 'MAD' && (project.funding?.length ?? 0) > 0 && (project.domains?.length ?? 0) > 0)!;
    expect(inMad).toBeDefined();
    const row = rows.find((r) => r['Projet (identifiant)'] === inMad.project.id)!;
    const parties = inMad.partnership.parties.map((p) => names.get(p.collectivityId)!);
    expect(row['Collectivités (France)']).toBe(parties.filter((p) => p.country === 'FR').map((p) => p.name).join(' | '));
    expect(row['Collectivités partenaires (Maroc)']).toBe(parties.filter((p) => p.country === 'MA').map((p) => p.name).join(' | '));
    expect(row['Pays partenaires']).toBe('Maroc');
    expect(row['État']).toBe(({ ongoing: 'En cours', completed: 'Terminé', planned: 'En projet', other: 'Autre' } as Record<Project['status'], string>)[inMad.project.status]);
    expect(row['Domaines']).toBe(inMad.project.domains!.map((d) => domains.get(d)).join(' | '));
    expect(row['Coût total']).toBe(inMad.project.totalCost!.amount);
    expect(row['Devise']).toBe('MAD');
    // the profiles' 2008 reference rate: 1 EUR = 11.40 MAD
    expect(row['Coût total en euros']).toBeCloseTo(inMad.project.totalCost!.amount / 11.4, 2);
    expect(row['Financeurs']).toBe([...new Set(inMad.project.funding!.map((f) => f.funder))].join(' | '));

    const inEur = projects.find(({ project }) => project.totalCost?.currency === 'EUR')!;
    const eurRow = rows.find((r) => r['Projet (identifiant)'] === inEur.project.id)!;
    expect(eurRow['Coût total en euros']).toBe(inEur.project.totalCost!.amount);
  });

  it('the search page’s form offers the content and the words, and names the columns in French', async () => {
    const page = await (await fetch(`${served.base}/recherche?q=eau`)).text();
    expect(page).toContain('<select id="export-content" name="content">');
    expect(page).toContain('<option value="summary">');
    expect(page).toContain('<select id="export-labels" name="labels">');
    expect(page).toMatch(/<legend>Projets<\/legend>/);
    expect(page).toContain('value="project_summary:total_cost_eur" checked> <label for="export-col-project_summary-total_cost_eur">Coût total en euros</label>');
  });

  it('refuses an unknown labels or content value with a 400 page naming it', async () => {
    for (const [query, name] of [['format=csv&labels=klingon', 'labels'], ['format=xlsx&content=some', 'content']] as const) {
      const response = await fetch(`${served.base}/export?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toContain(`Le paramètre « ${name} » est refusé`);
    }
  });
});
