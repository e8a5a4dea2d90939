import { purgeAccounts } from '../../accounts/housekeeping.js';
import type { Command } from '../context.js';
import { withStore } from '../with-store.js';

export const purgeCommand: Command = {
  name: 'purge',
  help: `Usage: repertoire purge [--json]

Deletes what has stopped mattering in the accounts tables: expired or idle sessions, expired
forms of visitors without a session, sign-in attempts older than 30 days, and invitation and
password links used or expired more than a day ago. Safe to run from cron at any time;
\`repertoire serve\` also does it at start and every hour. The audit log keeps its events.

Options:
  --json       print the counts as JSON
  -h, --help   show this help
`,
  options: { json: { type: 'boolean' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const counts = await withStore(context, ({ db }) => purgeAccounts(db, new Date()));
    context.stdout.write(
      values.json
        ? `${JSON.stringify(counts, null, 2)}\n`
        : `Deleted ${counts.sessions} session(s), ${counts.preSessions} form session(s), ${counts.signInAttempts} sign-in attempt(s), ${counts.signInGates} gate(s), ${counts.invitations} invitation(s), ${counts.passwordResets} password link(s).\n`,
    );
    return 0;
  },
};
