import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

export const migrateCommand: Command = {
  name: 'migrate',
  help: `Usage: repertoire migrate

Brings the schema of the store named by DATABASE_URL (SQLite file or postgres://…) up to date,
running the migrations it lacks in order, and says which ran. Safe to run again.

Options:
  -h, --help   show this help
`,
  options: {},
  positionals: 0,
  async run(_values, _positionals, context) {
    const migrated = await withStore(context, async (store) => store.migrated);
    context.stdout.write(migrated.length ? `Migrated: ${migrated.join(', ')}\n` : 'The store is up to date.\n');
    return 0;
  },
};
