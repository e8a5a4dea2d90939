/**
 * A table file as rows, streamed, whatever its kind: CSV or TSV (dialect and encoding found by
 * csv.ts) or XLSX (exceljs's streaming reader: a sheet's rows are read as they come, never the
 * whole workbook in memory). The effect at the edge of the table reader: everything after works
 * on rows.
 */
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { RepertoireError } from '../../errors.js';
import { fileProblem } from '../../files.js';
import { CsvRecords, detectSeparator, TableDecoder } from './csv.js';
import type { TableMapping } from './mapping.js';
import type { TableRow, TableSource } from './rows.js';

export function openTable(path: string, table: TableMapping['table']): TableSource {
  const name = basename(path);
  if (extname(name).toLowerCase() === '.xlsx') return { name, kind: 'xlsx', rows: xlsxRows(path, name, table.sheet) };
  const tabByName = ['.tsv', '.tab'].includes(extname(name).toLowerCase());
  const separator = table.separator === 'auto' && tabByName ? '\t' : table.separator;
  return { name, kind: 'csv', rows: csvRows(chunksOf(path), name, separator, table.encoding) };
}

async function* chunksOf(path: string): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield chunk as Buffer;
  } catch (error) {
    throw fileProblem(error, path, 'read');
  }
}

/** CSV rows from bytes in chunks: the separator found in the first chunk's text when 'auto'. */
export async function* csvRows(chunks: AsyncIterable<Uint8Array>, name: string, separator: string, encoding: TableMapping['table']['encoding']): AsyncIterable<TableRow> {
  const decoder = new TableDecoder(encoding, name);
  let records: CsvRecords | undefined;
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    records ??= new CsvRecords({ name, separator: separator === 'auto' ? detectSeparator(text) : separator });
    yield* records.push(text);
  }
  const rest = decoder.end();
  records ??= new CsvRecords({ name, separator: separator === 'auto' ? detectSeparator(rest) : separator });
  yield* records.push(rest);
  yield* records.end();
}

async function* xlsxRows(path: string, name: string, sheet: string | number): AsyncIterable<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let index = 0;
  let found = false;
  try {
    for await (const worksheet of reader) {
      index += 1;
      const chosen = typeof sheet === 'number' ? index === sheet : (worksheet as unknown as { name: string }).name === sheet;
      for await (const row of worksheet) {
        if (!chosen) continue;
        found = true;
        const values = row.values as unknown[];
        yield { row: row.number, cells: values.slice(1).map(cellValue) };
      }
      if (chosen) found = true;
    }
  } catch (error) {
    if (error instanceof RepertoireError) throw error;
    if ((error as NodeJS.ErrnoException).code !== undefined) throw fileProblem(error, path, 'read');
    throw new RepertoireError('parse', `${name}: not a readable XLSX workbook: ${(error as Error).message}`, 400, { cause: error });
  }
  if (!found) throw new RepertoireError('parse', `${name}: no sheet ${typeof sheet === 'number' ? `number ${sheet}` : `"${sheet}"`} (the workbook has ${index})`, 400);
}

/** A cell as text, number or date: rich text joined, a formula's result, a link's text. */
function cellValue(value: unknown): string | number | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return undefined;
  }
  return undefined;
}
