import { isTableName } from '../../import/table/names.js';
import { RepertoireError } from '../../errors.js';
import type { Command } from '../context.js';
import { importFile, importTableFile, parseCountries } from '../import-file.js';
import { formatChanges, formatReport, formatTableImport } from '../report-text.js';
import { withStore } from '../with-store.js';

export const importCommand: Command = {
  name: 'import',
  help: `Usage: repertoire import FILE [--countries HOME,PARTNER] [--json-report]
       repertoire import TABLE.csv|.tsv|.xlsx --mapping MAPPING.json [--directory ID] [--dry-run] [--json-report]

Reads FILE and saves it to the store in one transaction, with its provenance and import report.
  FILE.json   an interchange document (schema/repertoire.schema.json)
  FILE.pdf    a printed directory as a PDF, read through pdftotext (poppler-utils); its
              countries as for a text (FILE.pdf: FILE.json beside it, or --countries)
  other       the plain-text transcription of a printed directory; its countries come from
              --countries, else from the metadata file beside it (FILE.txt: FILE.json,
              {"countries": ["FR", "MA"]}), home first

Re-importing the same file changes nothing; records the new file no longer has are removed.

A table (CSV, TSV or XLSX) is read with its mapping (docs/table-import.md): which column holds
which field, how values are read, the constants. A table adds to or updates a directory, it never
removes: collectivities are matched to those already there (by code, then by name and country),
partnerships by their parties. Each rejected row is listed with its row, column and reason.

Options:
  --countries HOME,PARTNER
                  a directory text's countries, home first, as ISO codes (e.g. FR,SN)
  --mapping FILE  a table's mapping (e.g. data/mappings/twinnings-cz.json)
  --directory ID  the directory a table adds to (default: the mapping's directory.id)
  --dry-run       read the table and say what it would change; write nothing
  --json-report   print the import report as JSON instead of the summary
  -h, --help      show this help
`,
  options: {
    'json-report': { type: 'boolean' },
    countries: { type: 'string' },
    mapping: { type: 'string' },
    directory: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: 1,
  async run(values, [file], context) {
    const mappingPath = typeof values.mapping === 'string' ? values.mapping : undefined;
    if (mappingPath !== undefined || isTableName(file!)) {
      if (mappingPath === undefined) throw new RepertoireError('usage', `${file} is a table: give its mapping (--mapping MAPPING.json; docs/table-import.md)`);
      const result = await withStore(context, ({ db }, config) =>
        importTableFile(db, file!, context.stderr, {
          mappingPath,
          dryRun: values['dry-run'] === true,
          ...(typeof values.directory === 'string' ? { directoryId: values.directory } : {}),
          ...(config.testPause ? { pause: config.testPause } : {}),
        }),
      );
      if (values['json-report']) {
        context.stdout.write(`${JSON.stringify({ directory: result.directoryId, dryRun: result.dryRun, rows: result.rows, changes: result.changes, report: result.report }, null, 2)}\n`);
      } else {
        context.stdout.write(formatTableImport(result));
      }
      return 0;
    }
    if (values['dry-run'] === true || typeof values.directory === 'string') {
      throw new RepertoireError('usage', '--dry-run and --directory are for tables (with --mapping)');
    }
    const { report, changes } = await withStore(context, ({ db }, config) => importFile(db, file!, context.stderr, {
        ...(config.testPause ? { pause: config.testPause } : {}),
        ...(typeof values.countries === 'string' ? { countries: parseCountries(values.countries) } : {}),
      }));
    if (values['json-report']) {
      context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      context.stderr.write(`${formatChanges(changes)}\n`);
    } else {
      context.stdout.write(formatReport(report, changes));
    }
    return 0;
  },
};
