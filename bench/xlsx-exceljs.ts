/**
 * The former XLSX writer, kept as the benchmark's baseline (bench/publish.bench.ts): the same
 * workbook as xlsx.ts, by exceljs' streaming WorkbookWriter, about ten times slower.
 *
 * XLSX export: one sheet per table (tables.ts), written with exceljs' streaming WorkbookWriter so
 * that rows leave memory as soon as they are written. Each sheet has its header row frozen and
 * an autofilter over all its rows; amounts are numbers with the number format of their row's
 * currency ("2 032 800,00 MAD", "200 000,00 €"); dates stay text at their precision (a cell
 * holding a date would claim a day that "2007-07" does not give); booleans are booleans; lists
 * are text joined with " | ".
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../src/store/tables.js';
import type { ExportCounts, ExportOptions } from '../src/publish/options.js';
import { currencyFormat } from '../src/publish/xlsx.js';
import type { Cell, Column, Row } from '../src/publish/cells.js';
import { chooseColumns, countRows, progressCounter, resolveScope, tableRows } from '../src/publish/tables.js';

/** Excel refuses cells longer than this. */
const CELL_LIMIT = 32_767;
/** Rows written between two checks that the zip keeps up. */
const ROWS_PER_CHECK = 200;
/** 64 KB pieces of a sheet's XML the zip may hold unprocessed before rows wait. */
const PIECES_IN_FLIGHT = 4;

interface SheetStream {
  _pipe?: (chunk: unknown) => Promise<void>;
}

/**
 * Backpressure for exceljs' streaming writer. It hands each 64 KB piece of a sheet's XML to the
 * zip without waiting for it to be taken, so a writer faster than the compressor piles pieces up
 * in memory (hundreds of MB for a million rows). Its internal `_pipe` returns when the zip has
 * taken a piece: counting those in flight lets the rows wait. (exceljs 4.4 internals: where they
 * differ, there is no throttling, only more memory.)
 */
function throttle(stream: SheetStream): () => Promise<void> {
  const original = stream._pipe?.bind(stream);
  if (typeof original !== 'function') return async () => {};
  let inFlight = 0;
  let wake: (() => void) | undefined;
  stream._pipe = async (chunk) => {
    inFlight += 1;
    try {
      await original(chunk);
    } finally {
      inFlight -= 1;
      wake?.();
    }
  };
  return async () => {
    while (inFlight > PIECES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  };
}

function cellValue(value: Cell): ExcelJS.CellValue {
  if (typeof value === 'string' && value.length > CELL_LIMIT) return `${value.slice(0, CELL_LIMIT - 1)}…`;
  return value;
}

const WIDTHS: Partial<Record<Column['kind'], number>> = { integer: 10, number: 12, amount: 18, currency: 9, boolean: 9, date: 12 };

/** Writes the workbook to `out` and ends it. */
export async function writeXlsxExcelJs(db: Kysely<Database>, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  const tables = chooseColumns(options.columns);
  const scope = await resolveScope(db, options);
  const totals = await countRows(scope, tables);
  const progress = progressCounter(Object.values(totals).reduce((a, b) => a + b, 0), options.onProgress, options.rssCeilingMB);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Répertoire';
  workbook.created = new Date('2000-01-01T00:00:00Z');
  const counts: ExportCounts = {};
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.name, key: c.name, width: WIDTHS[c.kind] ?? (c.name === 'id' ? 30 : 24) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const keepUp = throttle((sheet as unknown as { stream: SheetStream }).stream);
    let n = 0;
    for await (const row of tableRows(scope, table.name) as AsyncIterable<Row>) {
      const added = sheet.addRow(table.columns.map((c) => cellValue(row[c.name] ?? null)));
      table.columns.forEach((c, i) => {
        if (c.kind === 'amount' && row[c.name] !== null) added.getCell(i + 1).numFmt = currencyFormat((row[c.currencyColumn ?? 'currency'] as string | null) ?? null);
      });
      added.commit();
      n += 1;
      progress.tick();
      if (n % ROWS_PER_CHECK === 0) await keepUp();
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: n + 1, column: table.columns.length } };
    sheet.commit();
    counts[table.name] = n;
  }
  await workbook.commit();
  progress.end();
  return counts;
}
