import type { Command } from '../context.js';
import { importFile } from '../import-file.js';
import { formatChanges, formatReport } from '../report-text.js';
import { withStore } from '../with-store.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'import FILE [--json-report]     read a directory text or an interchange JSON file into the store',
  help: `Usage: repertoire import FILE [--json-report]

Reads FILE and saves it to the store in one transaction, with its provenance and import report.
  FILE.json   an interchange document (schema/repertoire.schema.json)
  other       the plain-text transcription of a printed directory

Re-importing the same file changes nothing; records the new file no longer has are removed.

Options:
  --json-report   print the import report as JSON instead of the summary
  -h, --help      show this help
`,
  options: { 'json-report': { type: 'boolean' } },
  positionals: 1,
  async run(values, [file], context) {
    const { report, changes } = await withStore(context, ({ db }, config) => importFile(db, file!, context.stderr, config.testPause));
    if (values['json-report']) {
      context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      context.stderr.write(`${formatChanges(changes)}\n`);
    } else {
      context.stdout.write(formatReport(report, changes));
    }
    return 0;
  },
};
