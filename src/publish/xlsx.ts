/**
 * XLSX export: one sheet per table (tables.ts). The workbook's XML is written here, straight
 * into the zip (yazl) as the rows are read, a sheet after the other: nothing but a batch of rows
 * and the compressor's window is held, and no spreadsheet library builds an object per cell
 * (exceljs did, and took ten times longer: bench/publish.bench.ts compares them).
 *
 * Each sheet has its header row bold and frozen and an autofilter over all its rows; amounts
 * are numbers with the number format of their row's currency ("2 032 800,00 MAD",
 * "200 000,00 €"), one shared style per currency; dates stay text at their precision (a cell
 * holding a date would claim a day that "2007-07" does not give); booleans are booleans; lists
 * are text joined with " | ". Strings are inline (no shared-strings table to hold in memory), and
 * never formulas: one that starts like a formula keeps its text and is marked as text (QUOTED).
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import { startsLikeFormula } from '../formula-guard.js';
import type { Database } from '../store/tables.js';
import type { ExportCounts, ExportOptions } from './options.js';
import type { Cell, Column, Row, Table } from './cells.js';
import { CODES, headers, presenter, sheetName, type ExportLabels } from './labels.js';
import { chooseColumns, countRows, progressCounter, resolveScope, tableRows } from './tables.js';

/** Excel refuses cells longer than this. */
const CELL_LIMIT = 32_767;
/** A fixed date for the zip's entries: the same store gives the same bytes. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');
/** Characters of XML gathered before a chunk is handed to the zip. */
const CHUNK = 64 * 1024;

const CURRENCY_FORMATS: Readonly<Record<string, string>> = {
  EUR: '#,##0.00 [$€-40C]',
  MAD: '#,##0.00 "MAD"',
};

export function currencyFormat(currency: string | null): string {
  if (currency === null) return '#,##0.00';
  return CURRENCY_FORMATS[currency] ?? `#,##0.00 "${currency.replace(/"/g, '')}"`;
}

const WIDTHS: Partial<Record<Column['kind'], number>> = { integer: 10, number: 12, amount: 18, currency: 9, boolean: 9, date: 12 };

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/**
 * Text as XML character data: escaped, without the characters XML 1.0 forbids. A carriage return
 * is written as a reference: a raw one reaches readers as a line feed (XML's end-of-line rule).
 */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '').replace(/[&<>"\r]/g, (c) => XML_ESCAPES[c]!);
}

/** A, B, …, Z, AA, AB… */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Cell styles every workbook has: plain, the bold header, text that starts like a formula. */
const PLAIN = 0;
const HEADER = 1;
/**
 * Text that a spreadsheet would take for a formula ("=cmd|…", "-2+3+cmd|…": formula-guard.ts).
 * An inline string is never evaluated (a formula is an <f> element, which this writer never
 * writes), so its text is kept exactly, without the CSV's "'"; the style's quotePrefix is what
 * Excel itself records when one types '=…: the cell stays text even when someone edits it and
 * presses Enter, which would otherwise make the payload a live formula.
 */
const QUOTED = 2;

/**
 * The workbook's cell styles (styles.xml): PLAIN, HEADER, QUOTED, then one per number format
 * met (amounts without currency, each currency). Filled in as the sheets are written.
 */
class Styles {
  private readonly formats = new Map<string, number>();

  /** the style index of an amount in `currency` */
  amount(currency: string | null): number {
    const format = currencyFormat(currency);
    let style = this.formats.get(format);
    if (style === undefined) {
      style = 3 + this.formats.size;
      this.formats.set(format, style);
    }
    return style;
  }

  xml(): string {
    const formats = [...this.formats.keys()];
    const numFmts = formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join('');
    const xfs = formats.map((_code, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
    return (
      `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${3 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
      `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** One cell's XML, or '' for an empty one. */
function cellXml(ref: string, value: Cell, style: number): string {
  if (value === null) return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value.length > CELL_LIMIT ? `${value.slice(0, CELL_LIMIT - 1)}…` : value;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

/**
 * A sheet's XML, as chunks, rows read as the zip asks for them. `expected`: the rows counted
 * before writing, for the sheet's dimension (readers such as openpyxl trust it).
 */
async function* sheetChunks(rows: AsyncIterable<Row>, table: Table, labels: ExportLabels, expected: number, styles: Styles, tick: () => void): AsyncGenerator<Buffer> {
  const { columns } = table;
  const cells = presenter(table, labels);
  const letters = columns.map((_c, i) => columnLetters(i));
  const last = letters[letters.length - 1]!;
  const widths = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${WIDTHS[c.kind] ?? (c.name === 'id' ? 30 : 24)}" customWidth="1"/>`).join('');
  let buffer =
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}${expected + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols><sheetData>` +
    `<row r="1">${headers(table, labels).map((name, i) => cellXml(`${letters[i]}1`, name, HEADER)).join('')}</row>`;
  let r = 1;
  for await (const row of rows) {
    r += 1;
    let line = `<row r="${r}">`;
    const values = cells(row);
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = values[i] ?? null;
      const style =
        column.kind === 'amount' && value !== null
          ? styles.amount(column.currency ?? (row[column.currencyColumn ?? 'currency'] as string | null | undefined) ?? null)
          : typeof value === 'string' && startsLikeFormula(value)
            ? QUOTED
            : PLAIN;
      line += cellXml(`${letters[i]}${r}`, value, style);
    }
    buffer += `${line}</row>`;
    tick();
    if (buffer.length >= CHUNK) {
      yield Buffer.from(buffer, 'utf8');
      buffer = '';
    }
  }
  buffer += `</sheetData><autoFilter ref="A1:${last}${r}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  yield Buffer.from(buffer, 'utf8');
}

function workbookXml(tables: readonly Table[], counts: ExportCounts, labels: ExportLabels): string {
  const sheets = tables.map((t, i) => `<sheet name="${xmlText(sheetName(t.name, labels))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const filters = tables
    .map((t, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(sheetName(t.name, labels).replace(/'/g, "''"))}'!$A$1:$${columnLetters(t.columns.length - 1)}$${(counts[t.name] ?? 0) + 1}</definedName>`)
    .join('');
  return `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`;
}

function packageParts(tables: readonly Table[]): Record<string, string> {
  const sheetTypes = tables
    .map((_t, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const sheetRels = tables.map((_t, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return {
    '[Content_Types].xml':
      `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels':
      `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/app.xml': `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Répertoire</Application></Properties>`,
    'docProps/core.xml':
      `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      '<dc:creator>Répertoire</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created></cp:coreProperties>',
    'xl/_rels/workbook.xml.rels':
      `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}` +
      `<Relationship Id="rId${tables.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  };
}

/** Writes the workbook to `out` and ends it. */
export async function writeXlsx(db: Kysely<Database>, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  const tables = chooseColumns(options.columns);
  const scope = await resolveScope(db, options);
  const totals = await countRows(scope, tables);
  const progress = progressCounter(Object.values(totals).reduce((a, b) => a + b, 0), options.onProgress, options.rssCeilingMB);
  const counts: ExportCounts = {};
  const styles = new Styles();
  const labels = options.labels ?? CODES;
  const zip = new yazl.ZipFile();
  const failures: unknown[] = [];
  const lazy = (name: string, source: () => Readable) =>
    zip.addReadStreamLazy(name, { mtime: ZIP_DATE }, (callback) => {
      const stream = source();
      // yazl does not pass on a source's error: keep it, and end the zip's stream with it.
      stream.on('error', (error) => {
        failures.push(error);
        (zip.outputStream as Readable).destroy(error);
      });
      callback(null, stream);
    });
  for (const [name, text] of Object.entries(packageParts(tables))) zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: ZIP_DATE });
  tables.forEach((table, i) => {
    lazy(`xl/worksheets/sheet${i + 1}.xml`, () => {
      counts[table.name] = 0;
      const tick = () => {
        counts[table.name]! += 1;
        progress.tick();
      };
      return Readable.from(sheetChunks(tableRows(scope, table.name), table, labels, totals[table.name] ?? 0, styles, tick));
    });
  });
  // Written after the sheets (yazl takes entries in order): the styles met and the rows counted are known.
  lazy('xl/styles.xml', () => Readable.from([Buffer.from(styles.xml(), 'utf8')]));
  lazy('xl/workbook.xml', () => Readable.from([Buffer.from(workbookXml(tables, counts, labels), 'utf8')]));
  zip.end();
  await pipeline(zip.outputStream as Readable, out);
  if (failures.length) throw failures[0];
  progress.end();
  return counts;
}
