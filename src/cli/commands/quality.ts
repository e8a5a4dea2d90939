import { qualityDesk } from '../../census/quality/desk.js';
import { FINDING_KINDS } from '../../census/quality/findings.js';
import { locate } from '../../geo/gazetteer.js';
import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

export const qualityCommand: Command = {
  name: 'quality',
  help: `Usage: repertoire quality [--json] [--directory ID]

Lists what an editor should look at before signing the directory, by kind, with counts:
projects without a domain, funding lines whose funder is not resolved, funding that does not add
up, probable duplicate collectivities and contacts, populations that differ, places without
coordinates, and the print's other inconsistencies. Findings an editor accepted on the site's
desk (/qualite) are not listed.

Options:
  --json           print { "findings": [ { "kind", "record", "message", … } ], "counts": { kind: n } }
  --directory ID   the directory (default: the only one in the store)
  -h, --help       show this help
`,
  options: { json: { type: 'boolean' }, directory: { type: 'string' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const desk = await withStore(context, ({ db }) => qualityDesk(db, values.directory as string | undefined, { locate }));
    if (values.json) {
      const findings = desk.findings.map((f) => ({ kind: f.kind, record: f.record, message: f.message, key: f.key, ...(f.line !== undefined ? { line: f.line } : {}), params: f.params }));
      context.stdout.write(`${JSON.stringify({ directory: desk.directoryId, findings, counts: desk.counts, accepted: desk.accepted }, null, 2)}\n`);
      return 0;
    }
    const lines = [`Data quality of ${desk.directoryId}: ${desk.findings.length} findings${desk.accepted ? ` (${desk.accepted} accepted, not listed)` : ''}`];
    for (const kind of FINDING_KINDS) {
      const of = desk.findings.filter((f) => f.kind === kind);
      lines.push('', `${kind}: ${of.length}`);
      for (const f of of) lines.push(`  ${f.record.type} ${f.record.id}${f.line !== undefined ? ` (line ${f.line})` : ''}: ${f.message}`);
    }
    context.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
