import { createAccountService } from '../../accounts/service.js';
import { CLI_ACTOR, ROLE_LABELS } from '../../accounts/roles.js';
import type { User } from '../../accounts/users.js';
import { RepertoireError, ValidationError } from '../../errors.js';
import type { Command } from '../context.js';
import { commandPostman, siteBaseUrl } from '../mail.js';
import { withStore } from '../with-store.js';

const ACTIONS = ['add', 'list', 'invite', 'disable', 'enable'] as const;

export const userCommand: Command = {
  name: 'user',
  help: `Usage:
  repertoire user add --email E --name N --role admin|editor|contributor [--collectivity ID]
  repertoire user list
  repertoire user invite EMAIL        a new invitation link (the previous ones stop working)
  repertoire user disable EMAIL       the account can no longer sign in; its sessions end
  repertoire user enable EMAIL

A new account has no password: the command prints an invitation link (valid 7 days) where the
person chooses one. With SMTP_URL and MAIL_FROM set, the invitation is also sent by e-mail;
without them no mail is sent: pass the link on yourself.

Options:
  --email E          the person's e-mail address (their sign-in name)
  --name N           their name
  --role R           admin (accounts and personal data), editor (edits, reviews), contributor
                     (proposes changes for one collectivity: give --collectivity)
  --collectivity ID  a contributor's collectivity, by id (as in the JSON export)
  --directory ID     the directory of that collectivity, when the store holds several
  --base-url URL     the site's address for the links (default SITE_URL, else http://HOST:PORT)
  --mail             without SMTP_URL: also write the invitation e-mail to standard error
  -h, --help         show this help
`,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    collectivity: { type: 'string' },
    directory: { type: 'string' },
    'base-url': { type: 'string' },
    mail: { type: 'boolean' },
  },
  positionals: [1, 2],
  async run(values, [action, email], context) {
    if (!(ACTIONS as readonly string[]).includes(action!)) throw new RepertoireError('usage', `user: unknown action "${action}" (add, list, invite, disable, enable)`);
    const needsEmail = action === 'invite' || action === 'disable' || action === 'enable';
    if (needsEmail !== (email !== undefined)) {
      throw new RepertoireError('usage', needsEmail ? `user ${action} takes the account's e-mail address` : `user ${action} takes no argument`);
    }
    await withStore(context, async ({ db }, config) => {
      const base = siteBaseUrl(values, config, 'user');
      const mail = commandPostman(config, context, base, values.mail === true);
      const accounts = createAccountService({ db, baseUrl: base, mail: mail.postman });
      try {
        switch (action) {
          case 'add': {
            const input = { email: values.email, name: values.name, role: values.role, collectivityId: values.collectivity, directoryId: values.directory };
            const { user, link, expiresAt, mailError } = await accounts.createUser(input as never, CLI_ACTOR);
            context.stdout.write(`Created ${describe(user)}.\nInvitation link (valid until ${expiresAt}):\n${link}\n`);
            if (mailError !== undefined) context.stderr.write(`The invitation mail was not sent (${mailError}): pass the link on yourself.\n`);
            break;
          }
          case 'list':
            context.stdout.write(formatUsers(await accounts.listUsers(CLI_ACTOR)));
            break;
          case 'invite': {
            const { user, link, expiresAt, mailError } = await accounts.inviteAgain(email!, CLI_ACTOR);
            context.stdout.write(`New invitation for ${describe(user)} (valid until ${expiresAt}):\n${link}\n`);
            if (mailError !== undefined) context.stderr.write(`The invitation mail was not sent (${mailError}): pass the link on yourself.\n`);
            break;
          }
          case 'disable':
            context.stdout.write(`Disabled ${describe(await accounts.disableUser(email!, CLI_ACTOR))}; its sessions are closed.\n`);
            break;
          case 'enable':
            context.stdout.write(`Enabled ${describe(await accounts.enableUser(email!, CLI_ACTOR))}.\n`);
            break;
        }
      } catch (error) {
        throw asCliError(error);
      } finally {
        mail.close();
      }
    });
    return 0;
  },
};

function describe(user: User): string {
  const where = user.collectivityId ? ` for ${user.collectivityId}` : '';
  return `${user.name} <${user.email}>, ${user.role}${where}`;
}

function formatUsers(users: readonly User[]): string {
  if (users.length === 0) return 'No accounts yet: `repertoire user add --email E --name N --role admin` creates one.\n';
  const rows = users.map((u) => [u.email, u.name, `${u.role} (${ROLE_LABELS[u.role]})`, u.collectivityId ?? '', u.status, u.lastSignInAt ?? 'never signed in']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return `${rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`;
}

/** Field errors as the command line names them (--email, --collectivity…). */
function asCliError(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  const option: Record<string, string> = { collectivityId: 'collectivity', directoryId: 'directory' };
  const lines = Object.entries(error.fieldErrors).map(([field, message]) => `--${option[field] ?? field}: ${message}`);
  return new RepertoireError('usage', `user: ${lines.join('; ')}`);
}

