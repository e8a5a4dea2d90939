/**
 * The commands' postman: letters in French from the site's catalogue, sent by SMTP when SMTP_URL
 * is set, else written to standard error when the command was asked to (`--mail`), else not at all
 * (the command prints the link itself).
 */
import { NO_MAIL, type Postman } from '../accounts/mail.js';
import { configuredTransport } from '../accounts/smtp-transport.js';
import type { Config } from '../config.js';
import { DEFAULT_LOCALE } from '../web/i18n/index.js';
import { sitePostman } from '../web/mail/letters.js';
import { RepertoireError } from '../errors.js';
import type { CliContext, OptionValues } from './context.js';

export interface CommandPostman {
  postman: Postman;
  /** true when the mail really leaves (SMTP) */
  smtp: boolean;
  close(): void;
}

export function commandPostman(config: Config, context: CliContext, baseUrl: string, toConsole: boolean): CommandPostman {
  if (config.mail === undefined && !toConsole) return { postman: NO_MAIL, smtp: false, close: () => undefined };
  const transport = configuredTransport(config.mail, context.stderr);
  return { postman: sitePostman(transport, { baseUrl, locale: DEFAULT_LOCALE }), smtp: config.mail !== undefined, close: () => transport.close() };
}

/** The site's address for the links a command sends: --base-url, else SITE_URL, else http://HOST:PORT. */
export function siteBaseUrl(values: OptionValues, config: Config, command: string): string {
  const given = values['base-url'];
  if (typeof given === 'string') {
    if (!URL.canParse(given)) throw new RepertoireError('usage', `${command}: --base-url is not a URL: ${given}`);
    return given;
  }
  if (config.site?.baseUrl !== undefined) return config.site.baseUrl;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
  return `http://${host}:${config.server.port}`;
}
