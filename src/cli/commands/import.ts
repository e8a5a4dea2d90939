import type { Command } from '../context.js';
import { importFile, parseCountries } from '../import-file.js';
import { formatChanges, formatReport } from '../report-text.js';
import { withStore } from '../with-store.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'import FILE [--json-report]     read a directory text or an interchange JSON file into the store',
  help: `Usage: repertoire import FILE [--countries HOME,PARTNER] [--json-report]

Reads FILE and saves it to the store in one transaction, with its provenance and import report.
  FILE.json   an interchange document (schema/repertoire.schema.json)
  FILE.pdf    a printed directory as a PDF, read through pdftotext (poppler-utils); its
              countries as for a text (FILE.pdf: FILE.json beside it, or --countries)
  other       the plain-text transcription of a printed directory; its countries come from
              --countries, else from the metadata file beside it (FILE.txt: FILE.json,
              {"countries": ["FR", "MA"]}), home first

Re-importing the same file changes nothing; records the new file no longer has are removed.

Options:
  --countries HOME,PARTNER
                  a directory text's countries, home first, as ISO codes (e.g. FR,SN)
  --json-report   print the import report as JSON instead of the summary
  -h, --help      show this help
`,
  options: { 'json-report': { type: 'boolean' }, countries: { type: 'string' } },
  positionals: 1,
  async run(values, [file], context) {
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
