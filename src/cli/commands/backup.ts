import { RepertoireError } from '../../errors.js';
import { writeBackup } from '../../store/backup.js';
import { readTables } from '../../store/transfer.js';
import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

export const backupCommand: Command = {
  name: 'backup',
  help: `Usage: repertoire backup --out FILE

Writes every table of the store named by DATABASE_URL (SQLite or PostgreSQL) to FILE: gzip-
compressed JSON lines, readable by \`repertoire restore\` into either engine. For a large
PostgreSQL deployment, use the server's own tools as well (see docs/stores.md).

Options:
  --out FILE   where to write the backup (e.g. repertoire-2026-11-28.backup.gz)
  -h, --help   show this help
`,
  options: { out: { type: 'string' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const out = values.out as string | undefined;
    if (!out) throw new RepertoireError('usage', 'backup needs --out FILE');
    await withStore(context, (store) => writeBackup(out, store.engine, readTables(store.db), { onInterrupt: context.onInterrupt }));
    context.stdout.write(`Backup written to ${out}.\n`);
    return 0;
  },
};
