import { latestImportReport } from '../../store/import-reports.js';
import type { Command } from '../context.js';
import { formatReport } from '../report-text.js';
import { withStore } from '../with-store.js';

export const reportCommand: Command = {
  name: 'report',
  help: `Usage: repertoire report [--json] [--directory ID]

Prints the report of the latest import: counts, what it changed in the store, the lines the
reader could not place and the inconsistencies it found, with their line numbers.

Options:
  --json           print the report as JSON
  --directory ID   the latest import of that directory (default: the latest of any)
  -h, --help       show this help
`,
  options: { json: { type: 'boolean' }, directory: { type: 'string' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const stored = await withStore(context, ({ db }) => latestImportReport(db, values.directory as string | undefined));
    if (stored === undefined) {
      context.stderr.write('No import yet: run `repertoire setup` or `repertoire import FILE`.\n');
      return 0;
    }
    context.stdout.write(values.json ? `${JSON.stringify(stored, null, 2)}\n` : formatReport(stored.report, stored.changes));
    return 0;
  },
};
