import { CLI_ACTOR } from '../../accounts/roles.js';
import { createAccountService } from '../../accounts/service.js';
import { createCampaignMail, type InviteAllResult, type ReminderResult } from '../../census/campaign-mail.js';
import { RepertoireError, ValidationError } from '../../errors.js';
import type { Command } from '../context.js';
import { commandPostman, siteBaseUrl } from '../mail.js';
import { withStore } from '../with-store.js';

const ACTIONS = ['invite', 'remind'] as const;

const REASONS: Record<InviteAllResult['skipped'][number]['reason'], string> = {
  'no-email': 'no e-mail address',
  'has-account': 'has an account already',
  'email-taken': 'its address belongs to another account',
  'invalid-email': 'its address is not valid',
};

export const campaignCommand: Command = {
  name: 'campaign',
  help: `Usage:
  repertoire campaign invite [--directory ID] [--campaign ID]
  repertoire campaign remind [--campaign ID] [--after DAYS]

invite   opens a contributor account for every collectivity of the directory that has an
         e-mail address (its own, else its first contact's) and no account yet, and sends each
         its invitation; lists the collectivities left out and why.
remind   for each open campaign (or the one named) open for at least DAYS days (default 7),
         sends a reminder to the contributors of the collectivities that have not sent their
         answer, then again every DAYS days. Safe to run from cron, daily or more often: nobody
         is reminded twice the same day, even by two runs at once. Exit code 1 when a mail
         could not be sent (the next run tries it again).

Mail goes through SMTP_URL (with MAIL_FROM); without it, messages are written to standard error.

Options:
  --directory ID   the directory (default: the only one, else give it)
  --campaign ID    the campaign (its directory, for invite)
  --after DAYS     days between the opening (or the last reminder) and a reminder (1 to 365)
  --base-url URL   the site's address for the links (default SITE_URL, else http://HOST:PORT)
  --json           print the outcome as JSON
  -h, --help       show this help
`,
  options: {
    directory: { type: 'string' },
    campaign: { type: 'string' },
    after: { type: 'string' },
    'base-url': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  async run(values, [action], context) {
    if (!(ACTIONS as readonly string[]).includes(action!)) throw new RepertoireError('usage', `campaign: unknown action "${action}" (invite, remind)`);
    return withStore(context, async ({ db }, config) => {
      const base = siteBaseUrl(values, config, 'campaign');
      const mail = commandPostman(config, context, base, true);
      try {
        const accounts = createAccountService({ db, baseUrl: base, mail: mail.postman });
        const campaigns = createCampaignMail({ db, accounts, mail: mail.postman });
        if (action === 'invite') {
          const result = await campaigns.inviteAll(CLI_ACTOR, { ...(typeof values.directory === 'string' ? { directoryId: values.directory } : {}), ...(typeof values.campaign === 'string' ? { campaignId: values.campaign } : {}) });
          context.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : invitedText(result));
          return 0;
        }
        const result = await campaigns.remind(CLI_ACTOR, { ...(typeof values.campaign === 'string' ? { campaignId: values.campaign } : {}), ...(typeof values.after === 'string' ? { afterDays: values.after } : {}) });
        context.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : remindedText(result));
        const failed = result.campaigns.reduce((n, c) => n + c.failed.length, 0);
        if (failed > 0) context.stderr.write(`campaign remind: ${failed} reminder(s) not sent (see the audit log's mail.failure events); the next run tries again.\n`);
        return failed > 0 ? 1 : 0;
      } catch (error) {
        if (error instanceof ValidationError) throw new RepertoireError('usage', `campaign: ${Object.entries(error.fieldErrors).map(([field, message]) => `--${field === 'afterDays' ? 'after' : field}: ${message}`).join('; ')}`);
        throw error;
      } finally {
        mail.close();
      }
    });
  },
};

function invitedText(result: InviteAllResult): string {
  const lines = [`Invited ${result.invited.length} collectivit${result.invited.length === 1 ? 'y' : 'ies'} of ${result.directoryId}:`];
  for (const item of result.invited) lines.push(`  ${item.collectivityId}  ${item.email}`);
  lines.push(`Not invited (${result.skipped.length}):`);
  for (const item of result.skipped) lines.push(`  ${item.collectivityId}  ${REASONS[item.reason]}${item.email ? ` (${item.email})` : ''}`);
  return `${lines.join('\n')}\n`;
}

function remindedText(result: ReminderResult): string {
  if (result.campaigns.length === 0) return 'No open campaign.\n';
  return result.campaigns
    .map((c) => {
      if (c.notYet) return `${c.title} (${c.campaignId}): not open long enough for a reminder yet.\n`;
      const lines = [`${c.title} (${c.campaignId}): ${c.reminded.length} reminded${c.failed.length ? `, ${c.failed.length} not sent` : ''}.`];
      for (const r of c.reminded) lines.push(`  ${r.collectivityId}  ${r.email}`);
      for (const r of c.failed) lines.push(`  NOT SENT ${r.collectivityId}  ${r.email}`);
      return `${lines.join('\n')}\n`;
    })
    .join('');
}
