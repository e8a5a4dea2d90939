/**
 * The mapping of a table: which column holds which field of the records, how its values are read,
 * and the constants the table does not say (docs/table-import.md; schema/mapping.schema.json is
 * the same format for editors' tools). Read once at the boundary, with Zod: every later step
 * trusts it.
 */
import { z } from 'zod';
import { RepertoireError } from '../../errors.js';
import { Country, FrameworkKind, Id, ProjectStatus } from '../../model/schema.js';

/**
 * Where a field's value comes from: a column (by its header), a constant, or a column with a
 * constant in its place when the cell says nothing. A bare string is a column's header.
 */
const Column = z.strictObject({
  column: z.string().min(1),
  /** the value when the cell says nothing */
  default: z.union([z.string(), z.number()]).optional(),
  /** this column's own markers of the unknown, besides the mapping's (a year column's `0`) */
  unknown: z.array(z.string()).optional(),
});
const Constant = z.strictObject({ value: z.union([z.string(), z.number()]) });
export const FieldSource = z
  .union([z.string().min(1).transform((column): z.output<typeof Column> => ({ column })), Column, Constant])
  .meta({ id: 'FieldSource', description: 'A column by its header (a string, or {"column", "default", "unknown"}), or a constant ({"value"})' });
export type FieldSource = z.output<typeof FieldSource>;

/** One side of a partnership: the collectivity named on that side of each row. */
export const SideMapping = z.strictObject({
  name: FieldSource,
  country: FieldSource.optional(),
  kind: FieldSource.optional(),
  code: FieldSource.optional(),
  lat: FieldSource.optional(),
  lon: FieldSource.optional(),
  region: FieldSource.optional(),
}).meta({ id: 'SideMapping', description: 'One side of a partnership: the collectivity named on that side of each row' });
export type SideMapping = z.output<typeof SideMapping>;

export const DateReading = z.enum(['auto', 'year', 'text', 'excel-serial']);

export const PartnershipMapping = z.strictObject({
  /** the date the partnership began (signed): a date, a year or an Excel serial number */
  date: FieldSource.optional(),
  /** how the date column is written; 'year' still reads an Excel serial number, flagged */
  dateAs: DateReading.default('auto'),
  /** years outside are flagged as implausible and not kept */
  plausibleYears: z.tuple([z.number().int(), z.number().int()]).default([1900, 2100]),
  framework: FieldSource.optional(),
  /** the framework's words as the table writes them → the kind ('jumelage', 'convention'…) */
  frameworkKinds: z.record(z.string(), FrameworkKind).default({}),
  legalFramework: FieldSource.optional(),
  domains: FieldSource.optional(),
  /** the separator between several domains in one cell */
  listSeparator: z.string().min(1).default(';'),
  notes: FieldSource.optional(),
});

export const ProjectMapping = z.strictObject({
  title: FieldSource,
  status: FieldSource.optional(),
  /** the status words as the table writes them → the status */
  statuses: z.record(z.string(), ProjectStatus).default({}),
  startDate: FieldSource.optional(),
  endDate: FieldSource.optional(),
  amount: FieldSource.optional(),
  currency: FieldSource.optional(),
  funders: FieldSource.optional(),
  description: FieldSource.optional(),
});

export const ContactMapping = z.strictObject({
  /** whose contact: the home side's or the partner's */
  side: z.enum(['home', 'partner']),
  name: FieldSource,
  role: FieldSource.optional(),
  email: FieldSource.optional(),
  phone: FieldSource.optional(),
});

export const TableMapping = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  format: z.literal('repertoire-table-mapping'),
  version: z.literal(1),
  /** the directory the table makes when the store has none of that id yet */
  directory: z.strictObject({
    id: Id,
    title: z.string().min(1),
    edition: z.string().optional(),
    publishers: z.array(z.string()).optional(),
    language: z.string().optional(),
  }),
  table: z
    .strictObject({
      /** 'auto' finds it among , ; tab | */
      separator: z.string().length(1).or(z.literal('auto')).default('auto'),
      encoding: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto'),
      /** an XLSX sheet's name, or its number from 1 */
      sheet: z.union([z.string(), z.number().int().min(1)]).default(1),
      /** the line (CSV) or row (XLSX) of the headers, from 1 */
      headerRow: z.number().int().min(1).default(1),
    })
    .default({ separator: 'auto', encoding: 'auto', sheet: 1, headerRow: 1 }),
  /** the language the table names countries in (ISO 639-1); other languages are tried after it */
  language: z.string().regex(/^[a-z]{2}$/).default('en'),
  /** country names the library does not know, as the table writes them → ISO code */
  countryNames: z.record(z.string(), Country).default({}),
  /** cells that say "unknown" (compared folded; an empty cell always does) */
  unknown: z.array(z.string()).default(['n.c.', 'nc', 'n/a', '?', '-']),
  /** numbers written with a decimal comma (1 234,5) */
  decimalComma: z.boolean().default(false),
  /** the collectivity kind given to a side whose kind the table does not say */
  defaultKind: z.string().min(1).default('commune'),
  /** words of a name that say it is not a collectivity (an association, a committee): flagged */
  notCollectivityWords: z.array(z.string()).default([]),
  /** a cell that cannot be read as its field's type: stop the import (default), or reject its row */
  onBadValue: z.enum(['stop', 'reject-row']).default('stop'),
  home: SideMapping,
  partner: SideMapping,
  partnership: PartnershipMapping.default({ dateAs: 'auto', plausibleYears: [1900, 2100], frameworkKinds: {}, listSeparator: ';' }),
  project: ProjectMapping.optional(),
  contacts: z.array(ContactMapping).default([]),
});
export type TableMapping = z.output<typeof TableMapping>;

/** The mapping file's text, checked: a message naming every bad field, by its path. */
export function readMapping(text: string, name: string): TableMapping {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new RepertoireError('parse', `${name}: the mapping is not valid JSON: ${(error as Error).message}`, 400, { cause: error });
  }
  const parsed = TableMapping.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(the mapping)'}: ${issue.message}`);
    throw new RepertoireError('schema', `${name}: not a valid table mapping:\n${lines.join('\n')}`, 422);
  }
  return parsed.data;
}

/** Every column the mapping names, with the field that names it ('home.name'…), to check against the headers. */
export function mappedColumns(mapping: TableMapping): { field: string; column: string }[] {
  const out: { field: string; column: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    if ('column' in value && typeof value.column === 'string') {
      out.push({ field: path, column: value.column });
      return;
    }
    for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
  };
  walk({ home: mapping.home, partner: mapping.partner, partnership: mapping.partnership, project: mapping.project, contacts: mapping.contacts }, '');
  return out;
}
