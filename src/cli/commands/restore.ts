import { openBackup } from '../../store/backup.js';
import { writeTables } from '../../store/transfer.js';
import type { Command } from '../context.js';
import { createProgress } from '../progress.js';
import { withStore } from '../with-store.js';

export const restoreCommand: Command = {
  name: 'restore',
  help: `Usage: repertoire restore FILE [--replace]

Restores a file written by \`repertoire backup\` into the store named by DATABASE_URL (SQLite
or PostgreSQL, whichever engine wrote it), in one transaction: a damaged file leaves the store
as it was. The store must be empty, unless --replace (then its content is replaced).

Options:
  --replace    replace what the store holds
  -h, --help   show this help
`,
  options: { replace: { type: 'boolean' } },
  positionals: 1,
  async run(values, positionals, context) {
    const file = positionals[0]!;
    // The file is opened and its header checked first: a wrong file is refused before the store is touched.
    const backup = await openBackup(file);
    const counts = await withStore(context, async (store) => {
      const progress = createProgress(context.stderr, 'restoring rows');
      try {
        return await writeTables(store, backup.batches(), { replace: values.replace === true, onProgress: (n) => progress.update(n, n) });
      } finally {
        progress.finish();
      }
    }).finally(() => backup.close());
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    context.stdout.write(`Restored ${total} rows from ${file}.\n`);
    return 0;
  },
};
