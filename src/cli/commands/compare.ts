import { compareEditions, seriesKey, type ChangedRecord, type ComparedRecord, type RecordChanges } from '../../census/editions.js';
import { RepertoireError } from '../../errors.js';
import { readDocument } from '../../store/load-document.js';
import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

export const compareCommand: Command = {
  name: 'compare',
  help: `Usage: repertoire compare FROM TO [--json]

Compares two editions of one series (directories of the same countries, e.g. the 2008
census and a later one): the partnerships and projects that are new in TO, that ended (in
FROM, not in TO) and that changed, field by field, with counts. FROM and TO are ids as
\`repertoire directories\` lists them.

Options:
  --json       print the comparison as JSON
  -h, --help   show this help
`,
  options: { json: { type: 'boolean' } },
  positionals: 2,
  async run(values, [fromId = '', toId = ''], context) {
    const comparison = await withStore(context, async ({ db }) => {
      const [from, to] = await Promise.all([readDocument(db, fromId), readDocument(db, toId)]);
      if (from === undefined) throw new RepertoireError('not-found', `the store holds no directory "${fromId}" (see \`repertoire directories\`)`, 404);
      if (to === undefined) throw new RepertoireError('not-found', `the store holds no directory "${toId}" (see \`repertoire directories\`)`, 404);
      if (seriesKey(from.directory) !== seriesKey(to.directory)) {
        throw new RepertoireError(
          'usage',
          `"${toId}" (${to.directory.countries.join(', ')}) is not an edition of "${fromId}" (${from.directory.countries.join(', ')}): editions have the same countries`,
          400,
        );
      }
      return compareEditions({ id: fromId, document: from }, { id: toId, document: to });
    });
    if (values.json) {
      context.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
      return 0;
    }
    const edition = (ref: { id: string; edition?: string }) => (ref.edition === undefined ? ref.id : `${ref.id} (${ref.edition})`);
    context.stdout.write(
      `From ${edition(comparison.from)} to ${edition(comparison.to)}\n\n` +
        section('Partnerships', comparison.partnerships) +
        '\n' +
        section('Projects', comparison.projects),
    );
    return 0;
  },
};

function section(name: string, changes: RecordChanges): string {
  const lines = [
    `${name}: ${changes.new.length} new, ${changes.ended.length} ended, ${changes.changed.length} changed, ${changes.unchanged} unchanged`,
    ...changes.new.map((record) => `  + ${recordLine(record)}`),
    ...changes.ended.map((record) => `  - ${recordLine(record)}`),
    ...changes.changed.map((record) => `  ~ ${recordLine(record)}: ${fieldsLine(record)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function recordLine(record: ComparedRecord): string {
  return `${record.id} — ${record.title}`;
}

function fieldsLine(record: ChangedRecord): string {
  const fields = record.fields.map((field) => field.field).join(', ');
  return record.previousId === undefined ? fields : `${fields} (was ${record.previousId})`;
}
