import { createWriteStream, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import { readJsonDocument } from '../import/json.js';
import { saveDocument } from '../store/save-document.js';
import { FORMULA_PAYLOADS } from '../test-support/formula-payloads.js';
import { csvCell, writeCsv } from './csv.js';
import { writeJson } from './json-stream.js';
import { importBundled, libreOfficeConvert, unzipBuffer } from './testing/tools.js';
import { TABLES } from './tables.js';
import { currencyFormat, writeXlsx } from './xlsx.js';

async function exportTo<T>(write: (out: Writable) => Promise<T>, path: string): Promise<T> {
  return write(createWriteStream(path));
}

/** The bundled directory with OWASP's payloads as the descriptions of its first projects (the first one's is issue #21's). */
async function importPayloads(db: Parameters<typeof saveDocument>[0]): Promise<void> {
  const { document, report, sources } = readDirectory(readFileSync(BUNDLED_DIRECTORY, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt' , countries: SEED_COUNTRIES });
  const projects = document.partnerships.flatMap((p) => p.projects ?? []);
  FORMULA_PAYLOADS.forEach((payload, i) => {
    projects[i]!.description = payload;
  });
  await saveDocument(db, document, { sources, report });
}

/** A sheet of a workbook (its first by default): a column's values under its header, and the cells holding a formula. */
async function readSheet(path: string, name?: string): Promise<{ column(name: string): unknown[]; formulas: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = name === undefined ? book.worksheets[0]! : book.getWorksheet(name)!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const formulas: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(`${cell.address}: ${String(cell.formula)}`))));
  return {
    column: (name) => [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2).getCell(header.indexOf(name) + 1).value),
    formulas,
  };
}

const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

describe.each(ENGINES)('CSV export on %s', (engine) => {
  it('writes one file per table, UTF-8 with BOM, ";" and decimal comma; LibreOffice reads accents and amounts back', async () => {
    const { db } = await openEngineStore(engine);
    await importBundled(db);
    const dir = tempDir();
    const zipPath = join(dir, 'export.zip');
    const counts = await exportTo((out) => writeCsv(db, out), zipPath);
    // 197 projects since issue 17: two partners of a list (Stains, PACA) were read as projects; 132 funding lines: 18 phrases that are not funders became notes, two lines that joined funders are three, a note named the INDH;
    // 33 domains: one water domain, not two
    expect(counts).toMatchObject({ partnerships: 50, projects: 197, funding: 132, contacts: 196, collectivities: 81, domains: 33 });

    const files = await unzipBuffer(readFileSync(zipPath));
    // the Data Package that describes them (datapackage.json), then each table
    expect([...files.keys()]).toEqual(['datapackage.json', ...TABLES.map((t) => `${t.name}.csv`)]);
    const funding = files.get('funding.csv')!;
    expect(funding.startsWith('\uFEFFproject_id;position;funder;')).toBe(true);
    expect(funding).toContain(';Aix-en-Provence;fr-commune-aix-en-provence;816560;MAD;');
    expect(funding).toMatch(/;0,3;/); // a share, with a decimal comma

    // LibreOffice opens funding.csv with the filter options the module documents, as a French user would.
    const csvPath = join(dir, 'funding.csv');
    writeFileSync(csvPath, funding);
    await libreOfficeConvert(csvPath, 'xlsx', join(dir, 'lo'), 'CSV:59,34,76,1,,1036');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'lo', 'funding.xlsx'));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2));
    const aix = rows.find((r) => r.getCell(at('funder')).value === 'Aix-en-Provence')!;
    expect(aix.getCell(at('amount')).value).toBe(816560);
    expect(aix.getCell(at('text')).value).toBe('Aix-en-Provence : 816.560 Dhs (Contributions financière et valorisée).');
    const share = rows.find((r) => typeof r.getCell(at('share')).value === 'number')!;
    expect(share.getCell(at('share')).value).toBeCloseTo(0.3, 10);
    const stored = await db.selectFrom('funding_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(stored.n));
  }, 120_000);

  it('writes only the chosen columns of the chosen records', async () => {
    const { db } = await openEngineStore(engine);
    await importBundled(db);
    const project = 'aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration';
    const zipPath = join(tempDir(), 'selection.zip');
    const counts = await exportTo(
      (out) => writeCsv(db, out, { selection: { projects: [project] }, columns: { projects: ['id', 'title', 'total_cost', 'currency'], funding: ['funder', 'amount', 'currency'] } }),
      zipPath,
    );
    expect(counts).toMatchObject({ partnerships: 1, projects: 1, funding: 3, collectivities: 2 });
    const files = await unzipBuffer(readFileSync(zipPath));
    expect(files.get('projects.csv')).toBe(`\uFEFFid;title;total_cost;currency\r\n${project};Assistance à maîtrise d'ouvrage pour l'élaboration du plan de déplacements urbains de la commune urbaine d'Oujda;2032800;MAD\r\n`);
    expect(files.get('funding.csv')!.split('\r\n')[2]).toBe('Aix-en-Provence;816560;MAD');
    // the parties by side of the directory (home: its first country), with the partner countries' codes
    const [header, row] = files.get('partnerships.csv')!.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^id;position;tier;section;home_parties;partner_parties;partner_countries;/);
    expect(header).not.toMatch(/french|moroccan/);
    expect(row!.split(';').slice(4, 7)).toEqual(["Ville d'Aix-en-Provence", "Commune urbaine d'Oujda", 'MA']);
    await expect(writeCsv(db, sink(), { columns: { projects: ['nope'] } })).rejects.toThrow(/no column "nope"/);
    await expect(writeCsv(db, sink(), { selection: { projects: ['nope'] } })).rejects.toThrow(/no record "nope"/);
  });

  it('quotes what must be quoted and keeps formulas from running', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvCell('ligne\nsuivante')).toBe('"ligne\nsuivante"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    // Excel takes "+ 33 (0)4 …" for a sum too: text starting with "+" is guarded, a phone as any other
    expect(csvCell('+ 33 (0)4 42 91 90 00')).toBe("'+ 33 (0)4 42 91 90 00");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell(1234.5)).toBe('1234,5');
    expect(csvCell(-12.5)).toBe('-12,5'); // a number, not text: never guarded
    expect(csvCell(true)).toBe('oui');
    expect(csvCell(null)).toBe('');
  });

  it("writes OWASP's formula payloads as guarded text and amounts as numbers; LibreOffice evaluates none", async () => {
    const { db } = await openEngineStore(engine);
    await importPayloads(db);
    const dir = tempDir();
    const zipPath = join(dir, 'payloads.zip');
    await exportTo((out) => writeCsv(db, out, { columns: { projects: ['id', 'description', 'total_cost', 'currency'] } }), zipPath);
    const projects = (await unzipBuffer(readFileSync(zipPath))).get('projects.csv')!;
    for (const payload of FORMULA_PAYLOADS) {
      const cell = /[;"\r\n]/.test(payload) ? `"'${payload.replace(/"/g, '""')}"` : `'${payload}`;
      expect(projects, JSON.stringify(payload)).toContain(`;${cell};`);
    }
    expect(projects.split('\r\n')[1]).toMatch(/;'-2\+3\+cmd\|' \/C calc'!A0;2032800;MAD$/); // the payload, its amount a number

    // LibreOffice opens the file as a French user would: no cell became a formula
    const csvPath = join(dir, 'projects.csv');
    writeFileSync(csvPath, projects);
    await libreOfficeConvert(csvPath, 'xlsx', join(dir, 'lo'), 'CSV:59,34,76,1,,1036');
    const sheet = await readSheet(join(dir, 'lo', 'projects.xlsx'));
    expect(sheet.formulas).toEqual([]);
    const descriptions = sheet.column('description').map((value) => String(value).replace(/\r\n?/g, '\n'));
    for (const payload of FORMULA_PAYLOADS) expect(descriptions, JSON.stringify(payload)).toContain(`'${payload}`.replace(/\r\n?/g, '\n'));
    expect(sheet.column('total_cost')[0]).toBe(2032800);
  }, 120_000);
});

describe.each(ENGINES)('XLSX export on %s', (engine) => {
  it('writes a sheet per table with a frozen header, an autofilter, amounts as numbers in their currency; LibreOffice reads it', async () => {
    const { db } = await openEngineStore(engine);
    await importBundled(db);
    const dir = tempDir();
    const path = join(dir, 'export.xlsx');
    await exportTo((out) => writeXlsx(db, out), path);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(TABLES.map((t) => t.name));
    const projects = book.getWorksheet('projects')!;
    expect(projects.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(projects.autoFilter).toBe(`A1:W${projects.rowCount}`);
    // the sheet's dimension, which streaming readers (openpyxl) trust, holds every row
    expect((await unzipBuffer(readFileSync(path))).get(`xl/worksheets/sheet${TABLES.findIndex((t) => t.name === 'projects') + 1}.xml`)).toContain(`<dimension ref="A1:W${projects.rowCount}"/>`);
    expect(projects.rowCount).toBe(198); // 197 projects and the header (issue 17)
    const header = (projects.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const first = projects.getRow(2);
    expect(first.getCell(at('total_cost')).value).toBe(2032800);
    expect(first.getCell(at('total_cost')).numFmt).toBe(currencyFormat('MAD'));
    expect(first.getCell(at('currency')).value).toBe('MAD');
    expect(first.getCell(at('start_date')).value).toBe('2007-07-09'); // a date at its precision, as text
    expect(first.getCell(at('pad_cofinanced')).value).toBe(true);
    const budgets = book.getWorksheet('budgets')!;
    expect(budgets.getRow(2).getCell(4).value).toBe(200000);
    expect(budgets.getRow(2).getCell(4).numFmt).toBe(currencyFormat('EUR'));

    // LibreOffice converts the funding sheet to CSV: accents and amounts survive.
    const fundingSheet = TABLES.findIndex((t) => t.name === 'funding') + 1;
    await libreOfficeConvert(path, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${fundingSheet}`, join(dir, 'lo'));
    const [csvName] = readdirSync(join(dir, 'lo')).filter((f) => f.endsWith('.csv'));
    const csv = readFileSync(join(dir, 'lo', csvName!), 'utf8');
    expect(csv.split('\n')[0]).toBe('project_id,position,funder,funder_collectivity_id,amount,currency,approximate,share,contribution,amount_text,text');
    expect(csv).toContain(',Aix-en-Provence,fr-commune-aix-en-provence,816560,MAD,,,mixed,816.560 Dhs,Aix-en-Provence : 816.560 Dhs (Contributions financière et valorisée).');
  }, 120_000);
  it("writes OWASP's formula payloads as their text in cells marked as text, never as formulas", async () => {
    const { db } = await openEngineStore(engine);
    await importPayloads(db);
    const dir = tempDir();
    const path = join(dir, 'payloads.xlsx');
    await exportTo((out) => writeXlsx(db, out, { columns: { projects: ['id', 'description', 'total_cost', 'currency'] } }), path);
    const files = await unzipBuffer(readFileSync(path));
    const sheetNumber = TABLES.findIndex((t) => t.name === 'projects') + 1;
    for (const [name, xml] of files) if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[ >]/);
    const xml = files.get(`xl/worksheets/sheet${sheetNumber}.xml`)!;
    // style 2 marks text (quotePrefix, as Excel records a typed '=…); the text itself is kept exactly
    expect(files.get('xl/styles.xml')).toMatch(/<cellXfs count="\d+"><xf [^>]*\/><xf [^>]*\/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"\/>/);
    const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#13;/g, '\r').replace(/&amp;/g, '&');
    const cells = [...xml.matchAll(/<c r="B\d+"(?: s="(\d+)")? t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)].map((m) => ({ style: m[1], text: unescape(m[2]!) }));
    for (const payload of FORMULA_PAYLOADS) expect(cells.find((c) => c.text === payload), JSON.stringify(payload)).toEqual({ style: '2', text: payload });
    // the directory's own descriptions that start with "- " (lists) are marked too; the others stay plain
    for (const cell of cells) expect(cell.style === '2', cell.text).toBe(/^[=+\-@\t\r]/.test(cell.text));
    expect(cells.filter((c) => c.style === undefined).length).toBeGreaterThan(100);

    const sheet = await readSheet(path, 'projects');
    expect(sheet.formulas).toEqual([]);
    for (const payload of FORMULA_PAYLOADS) expect(sheet.column('description'), JSON.stringify(payload)).toContain(payload);
    expect(sheet.column('total_cost')[0]).toBe(2032800);

    // LibreOffice opens it and writes it back as CSV: the payloads come out as their text, not as results
    await libreOfficeConvert(path, `csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,${sheetNumber}`, join(dir, 'lo'));
    const [csvName] = readdirSync(join(dir, 'lo')).filter((f) => f.endsWith('.csv'));
    const csv = readFileSync(join(dir, 'lo', csvName!), 'utf8');
    expect(csv).toContain("-2+3+cmd|' /C calc'!A0");
    expect(csv).toMatch(/;=1\+2;/);
    expect(csv).not.toMatch(/;3;/); // =1+2 evaluated
  }, 120_000);
});

describe.each(ENGINES)('JSON export of a selection on %s', (engine) => {
  it('keeps the selected records and the collectivities they name, as a valid document', async () => {
    const { db } = await openEngineStore(engine);
    await importBundled(db);
    const path = join(tempDir(), 'selection.json');
    const project = 'aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration';
    await exportTo((out) => writeJson(db, out, { selection: { projects: [project], partnerships: ['lyon-rabat'] } }), path);
    const doc = readJsonDocument(readFileSync(path, 'utf8'), 'selection.json').document;
    expect(doc.partnerships.map((p) => p.id)).toEqual(['aix-en-provence-oujda', 'lyon-rabat']);
    expect(doc.partnerships[0]!.projects!.map((p) => p.id)).toEqual([project]);
    // Projects were selected: exactly those; a partnership selected besides comes without its own.
    expect(doc.partnerships[1]!.projects).toBeUndefined();
    expect(doc.collectivities.map((c) => c.id)).toEqual(['fr-commune-aix-en-provence', 'ma-commune-oujda', 'ma-commune-rabat', 'fr-commune-lyon', 'fr-communaute-urbaine-lyon']);
  });
});
