/**
 * The SMTP transport (nodemailer), for SMTP_URL: smtp://host:port (STARTTLS when the server
 * offers it), smtps://host:465 (TLS from the start), with user:password in the URL when the
 * server wants them. One pooled connection per process, closed by `close()`.
 */
import { createTransport } from 'nodemailer';
import type { MailOptions } from '../config.js';
import { RepertoireError } from '../errors.js';
import { ConsoleMailTransport, type MailMessage, type MailTransport } from './mail.js';

/** SMTP_URL and MAIL_FROM (the From header: "Répertoire <repertoire@example.org>"). */
export type SmtpOptions = MailOptions;

export class SmtpMailTransport implements MailTransport {
  private readonly transporter;

  constructor(private readonly options: SmtpOptions) {
    this.transporter = createTransport(options.smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transporter.sendMail({ from: this.options.from, to: message.to, subject: message.subject, text: message.text, ...(message.replyTo ? { replyTo: message.replyTo } : {}) });
    } catch (error) {
      // the server's answer, never the credentials of the URL
      throw new RepertoireError('mail', `Message to ${message.to} not sent: ${error instanceof Error ? error.message : String(error)}`, 502, { cause: error });
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/** The transport the configuration asks for: SMTP when SMTP_URL is set, else the console (`out`). */
export function configuredTransport(mail: SmtpOptions | undefined, out?: { write(text: string): unknown }): MailTransport & { close(): void } {
  if (mail !== undefined) return new SmtpMailTransport(mail);
  const console = new ConsoleMailTransport(out);
  return { send: (message) => console.send(message), close: () => undefined };
}
