import { loadConfig } from '../../config.js';
import { RepertoireError } from '../../errors.js';
import { openStore } from '../../store/db.js';
import { readTables, writeTables } from '../../store/transfer.js';
import type { Command } from '../context.js';
import { createProgress } from '../progress.js';

export const copyCommand: Command = {
  name: 'copy',
  help: `Usage: repertoire copy --from URL --to URL [--replace]

Copies every directory, record, provenance line and import report of one store into another,
in one transaction: SQLite → PostgreSQL, PostgreSQL → SQLite, or the same engine. URLs are
DATABASE_URL values (a SQLite file path, sqlite:PATH, postgres://user@host:port/db). The
target is migrated first and must be empty, unless --replace (then it is emptied first).
Search indexes are rebuilt by the site when it starts.

Options:
  --from URL    the store to read
  --to URL      the store to write
  --replace     empty the target first
  -h, --help    show this help
`,
  options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const from = values.from as string | undefined;
    const to = values.to as string | undefined;
    if (!from || !to) throw new RepertoireError('usage', 'copy needs --from URL and --to URL');
    if (from === to) throw new RepertoireError('usage', 'copy: --from and --to name the same store');
    const source = await openStore(loadConfig({ DATABASE_URL: from }));
    try {
      const target = await openStore(loadConfig({ DATABASE_URL: to }));
      try {
        const progress = createProgress(context.stderr, 'copying rows');
        const counts = await writeTables(target, readTables(source.db), { replace: values.replace === true, onProgress: (n) => progress.update(n, n) });
        progress.finish();
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        context.stdout.write(`Copied ${total} rows (${source.engine} → ${target.engine}).\n`);
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
    return 0;
  },
};
