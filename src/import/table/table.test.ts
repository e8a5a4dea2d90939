/**
 * The table reader on small tables written by the test: CSV dialects (separator, quotes, line
 * breaks in cells), encodings (UTF-8 with and without its mark, Windows-1252), XLSX through
 * exceljs (dates, numbers, serial dates), value readers, and refusals naming row and column.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isRepertoireError } from '../../errors.js';
import { tempDir } from '../../test-support/temp-store.js';
import { CsvRecords, detectSeparator } from './csv.js';
import { openTable, readTable, TableMapping, type TableRead } from './index.js';
import { readDate, readNumber } from './values.js';

const MAPPING = TableMapping.parse({
  format: 'repertoire-table-mapping',
  version: 1,
  directory: { id: 'essai', title: 'Essai' },
  language: 'fr',
  home: { name: 'Collectivité', country: { value: 'FR' }, kind: { column: 'Type', default: 'commune' } },
  partner: { name: 'Partenaire', country: 'Pays', lat: 'Lat', lon: 'Lon' },
  partnership: { date: 'Date', framework: 'Cadre', frameworkKinds: { Jumelage: 'jumelage' }, listSeparator: ',' },
  project: { title: 'Projet', amount: 'Montant', currency: { value: 'EUR' }, funders: 'Financeurs' },
  decimalComma: true,
});

const HEADER = 'Collectivité;Type;Partenaire;Pays;Lat;Lon;Date;Cadre;Projet;Montant;Financeurs';

async function readCsv(bytes: string | Buffer, mapping: TableMapping = MAPPING, name = 'table.csv'): Promise<TableRead> {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return readTable(openTable(path, mapping.table), mapping);
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(isRepertoireError(error)).toBe(true);
  return (error as Error).message;
}

describe('CSV dialects and encodings', () => {
  it('finds the separator among , ; tab |, quotes aside', () => {
    expect(detectSeparator('a;b;c\n1;"x,y,z";3\n')).toBe(';');
    expect(detectSeparator('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectSeparator('a\tb\n1\t2\n')).toBe('\t');
    expect(detectSeparator('a|b\n1|2\n')).toBe('|');
  });

  it('reads quoted cells with separators, doubled quotes and line breaks, keeping each record\'s first line', () => {
    const records = new CsvRecords({ separator: ',', name: 't.csv' });
    const rows = [...records.push('a,b\r\n"x, ""y""","line one\nline two"\n'), ...records.push('3,4'), ...records.end()];
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x, "y"', 'line one\nline two'] },
      { row: 4, cells: ['3', '4'] },
    ]);
  });

  it('reads UTF-8 with or without its mark, and Windows-1252', async () => {
    const text = `${HEADER}\nAix-en-Provence;;Tétouan;Maroc;35,57;-5,37;2005;Jumelage;École;1 234,50;AFD, Région\n`;
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), Buffer.from(text, 'latin1')]) {
      const read = await readCsv(bytes);
      expect(read.document.collectivities.map((c) => c.name)).toEqual(['Aix-en-Provence', 'Tétouan']);
      const p = read.document.partnerships[0]!;
      expect(p).toMatchObject({ signedDate: '2005', frameworkKind: 'jumelage' });
      expect(p.projects?.[0]).toMatchObject({ title: 'École', totalCost: { amount: 1234.5, currency: 'EUR' }, funding: [{ funder: 'AFD' }, { funder: 'Région' }] });
      expect(read.document.collectivities[1]).toMatchObject({ country: 'MA', location: { lat: 35.57, lon: -5.37 } });
    }
  });

  it('refuses an unclosed quote in a large file at its row and column, without reading it all into a cell', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Ville ${i};;P ${i};Maroc;;;2005;;;;`);
    const message = await refusal(readCsv(`${HEADER}\n${rows.join('\n')}\nVille;;"never closed;Maroc;;;2005;;;;\n${rows.join('\n').repeat(3)}`));
    expect(message).toBe('table.csv: line 20002, column 3: a row longer than 1 MB (a quote opened there is never closed): is this a table?');
  });
});

describe('the mapping against the table', () => {
  it('names every mapped column the headers lack, at once', async () => {
    const message = await refusal(readCsv('Collectivité;Partenaire\nAix;Tétouan\n'));
    expect(message).toContain('table.csv: row 1 (the headers): the mapping names columns the table does not have: "Type" (home.kind), "Pays" (partner.country), "Lat" (partner.lat)');
    expect(message).toContain("the table's columns are: Collectivité, Partenaire");
  });

  it('stops at a value of the wrong type, naming row and column; or rejects the row when the mapping says so', async () => {
    const table = `${HEADER}\nAix;;Tétouan;Maroc;35,57;-5,37;2005;;;;\nAix;;Fès;Maroc;trente;-5;2005;;;;\n`;
    expect(await refusal(readCsv(table))).toBe(
      'table.csv: row 3, column "Lat" (partner.lat): "trente" is not a number. Nothing was imported; correct the table or the mapping (or say "onBadValue": "reject-row" to import the other rows)',
    );
    const read = await readCsv(table, { ...MAPPING, onBadValue: 'reject-row' });
    expect(read.rows).toEqual({ read: 2, rejected: 1 });
    expect(read.report.unplaced[0]).toMatchObject({ row: 3, column: 'Lat', kind: 'bad-value' });
  });

  it('rejects a row without a name or with an unknown country, and reads the others', async () => {
    const read = await readCsv(`${HEADER}\nAix;;;Maroc;;;;;;;\nAix;;Tétouan;Atlantide;;;;;;;\nAix;;Tétouan;Maroc;;;n.c.;;;;\n`);
    expect(read.report.unplaced.map((i) => [i.row, i.column, i.kind])).toEqual([
      [2, 'Partenaire', 'no-name'],
      [3, 'Pays', 'unknown-country'],
    ]);
    expect(read.document.partnerships[0]!.signedDate).toBeUndefined();
  });
});

describe('values', () => {
  it('reads dates as text, years and Excel serials', () => {
    expect(readDate('2007', 'auto')).toEqual({ value: '2007' });
    expect(readDate('9/7/2007', 'auto')).toEqual({ value: '2007-07-09' });
    expect(readDate('09.07.2007', 'auto')).toEqual({ value: '2007-07-09' });
    expect(readDate('2007-07', 'auto')).toEqual({ value: '2007-07' });
    expect(readDate(37546, 'year')).toEqual({ value: '2002-10-17', note: '37546 read as an Excel serial date: 2002-10-17' });
    expect(readDate(37546, 'excel-serial')).toEqual({ value: '2002-10-17' });
    expect(readDate('31/02/2007', 'auto')).toEqual({ fault: '"31/02/2007": no such day' });
    expect(readDate('', 'auto')).toEqual({ unknown: true });
  });

  it('reads numbers with a decimal comma or thousands separators', () => {
    expect(readNumber('1 234,5', true)).toEqual({ value: 1234.5 });
    expect(readNumber('1.234,5', true)).toEqual({ value: 1234.5 });
    expect(readNumber('1,234.5', false)).toEqual({ value: 1234.5 });
    expect(readNumber('12,5', false)).toMatchObject({ fault: expect.stringContaining('decimal comma') });
  });
});

describe('XLSX', () => {
  it('streams a sheet: text, numbers, dates and serial numbers, with the rows as the sheet numbers them', async () => {
    const path = join(tempDir(), 'table.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['not this one']);
    const sheet = workbook.addWorksheet('Partenariats');
    sheet.addRow(['Liste des partenariats']);
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['Aix', 'commune', 'Tétouan', 'Marokko', 35.57, -5.37, new Date(Date.UTC(2005, 5, 1)), 'Jumelage', 'École', 1234.5, 'AFD']);
    sheet.addRow(['Aix', 'commune', 'Fès', 'Morocco', null, null, 37546, null, null, null, null]);
    await workbook.xlsx.writeFile(path);
    const mapping = TableMapping.parse({ ...MAPPING, decimalComma: false, table: { sheet: 'Partenariats', headerRow: 2 } });
    const read = await readTable(openTable(path, mapping.table), mapping);
    expect(read.rows).toEqual({ read: 2, rejected: 0 });
    const [tetouan, fes] = read.document.partnerships;
    expect(tetouan).toMatchObject({ signedDate: '2005-06-01', source: { document: 'table.xlsx', lines: [3, 3] } });
    expect(tetouan!.projects?.[0]?.totalCost).toEqual({ amount: 1234.5, currency: 'EUR' });
    expect(fes!.signedDate).toBe('2002-10-17');
    expect(read.report.warnings).toEqual([expect.objectContaining({ row: 4, column: 'Date', kind: 'excel-serial-date' })]);
  });
});

describe('the report of a large table', () => {
  it('lists the first issues of each kind and counts them all', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Tours;;Ville ${i};${i % 3 === 0 ? 'Atlantide' : 'Maroc'};;;2005;;;;`);
    const path = join(tempDir(), 'grande.csv');
    writeFileSync(path, [HEADER, ...rows].join('\n'));
    const read = await readTable(openTable(path, MAPPING.table), MAPPING, { issuesPerKind: 4 });
    try {
      expect(read.rows).toEqual({ read: 30, rejected: 10 });
      expect(read.report.unplaced.map((i) => i.row)).toEqual([2, 5, 8, 11]);
      expect(read.report.counts).toMatchObject({ rejectedRows: 10, 'rejected.unknown-country': 10, partnerships: 20, collectivities: 21 });
    } finally {
      read.close();
    }
  });
});
