/**
 * The CSV zip describes itself: `datapackage.json`, a Frictionless Tabular Data Package
 * (https://specs.frictionlessdata.io/tabular-data-package/, v1). One resource per CSV file, with
 * its Table Schema — each field named exactly as the file's header names it (words or codes,
 * labels.ts), its type (numbers with the decimal comma, booleans "oui"/"non"), the key of the
 * tables that have one — the dialect the files are written in (src/text/csv.ts), the licence, the
 * source document and its publishers. No date in it: the same store gives the same bytes.
 */
import { z } from 'zod';
import type { Directory } from '../model/schema.js';
import { CSV_EOL, CSV_SEPARATOR } from '../text/csv.js';
import type { CellKind, Table } from './cells.js';
import { headers, tableFileName, type ExportLabels } from './labels.js';
import { DATA_LICENCE } from './licence.js';

const Name = z.string().regex(/^([-a-z0-9._/])+$/);

const Field = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'integer', 'number', 'boolean']),
  decimalChar: z.string().optional(),
  trueValues: z.array(z.string()).optional(),
  falseValues: z.array(z.string()).optional(),
});

/** The fields a Tabular Data Package requires (and the ones this one promises), checked before it is written. */
export const DataPackage = z.object({
  profile: z.literal('tabular-data-package'),
  name: Name,
  title: z.string().min(1),
  licenses: z.array(z.object({ name: z.string().regex(/^([-a-zA-Z0-9._])+$/), path: z.url(), title: z.string() })).min(1),
  sources: z.array(z.object({ title: z.string().min(1) })).min(1),
  contributors: z.array(z.object({ title: z.string().min(1), role: z.literal('publisher') })).min(1).optional(),
  resources: z
    .array(
      z.object({
        profile: z.literal('tabular-data-resource'),
        name: Name,
        path: z.string().min(1),
        format: z.literal('csv'),
        mediatype: z.literal('text/csv'),
        encoding: z.literal('utf-8'),
        dialect: z.object({ delimiter: z.string().length(1), lineTerminator: z.string(), quoteChar: z.string().length(1), doubleQuote: z.boolean(), header: z.boolean() }),
        schema: z.object({ fields: z.array(Field).min(1), primaryKey: z.array(z.string()).optional() }),
      }),
    )
    .min(1),
});
export type DataPackage = z.infer<typeof DataPackage>;

function field(name: string, kind: CellKind): z.infer<typeof Field> {
  switch (kind) {
    case 'integer':
      return { name, type: 'integer' };
    case 'number':
    case 'amount':
      return { name, type: 'number', decimalChar: ',' };
    case 'boolean':
      return { name, type: 'boolean', trueValues: ['oui'], falseValues: ['non'] };
    default:
      // dates stay text at their precision ("2007", "2007-07"): a Table Schema date wants a day
      return { name, type: 'string' };
  }
}

/** The file name of a table in the zip. */
export function csvFileName(table: Table, labels: ExportLabels): string {
  return `${tableFileName(table.name, labels)}.csv`;
}

/** The key of a table: its `id` column, or the project's in the one-sheet table, when chosen. */
const KEYS: Readonly<Record<string, string>> = { project_summary: 'project_id', collectivities: 'id', partnerships: 'id', projects: 'id', domains: 'code' };

export function dataPackage(directoryId: string, directory: Directory, tables: readonly Table[], labels: ExportLabels): DataPackage {
  const edition = directory.edition ? ` (${directory.edition})` : '';
  const publishers = directory.publishers ?? [];
  return DataPackage.parse({
    profile: 'tabular-data-package',
    name: directoryId.toLowerCase().replace(/[^-a-z0-9._/]+/g, '-'),
    title: directory.title,
    licenses: [{ name: DATA_LICENCE.id, path: DATA_LICENCE.url, title: DATA_LICENCE.title }],
    sources: [{ title: `${directory.title}${edition}${publishers.length ? `, ${publishers.join(', ')}` : ''}` }],
    ...(publishers.length ? { contributors: publishers.map((title) => ({ title, role: 'publisher' as const })) } : {}),
    resources: tables.map((table) => {
      const names = headers(table, labels);
      const key = KEYS[table.name];
      const keyIndex = key === undefined ? -1 : table.columns.findIndex((c) => c.name === key);
      return {
        profile: 'tabular-data-resource',
        name: tableFileName(table.name, labels),
        path: csvFileName(table, labels),
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: CSV_SEPARATOR, lineTerminator: CSV_EOL, quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: table.columns.map((column, i) => field(names[i]!, column.kind)),
          ...(keyIndex >= 0 ? { primaryKey: [names[keyIndex]!] } : {}),
        },
      };
    }),
  });
}
