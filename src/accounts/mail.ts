/**
 * Outgoing mail. There is no mail server yet: the console transport writes each message to a
 * stream (the CLI's stdout, a server's log); an SMTP transport can implement the same interface
 * later without touching the services.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Writes messages to a stream (default: standard error), one block each. */
export class ConsoleMailTransport implements MailTransport {
  constructor(private readonly out: { write(text: string): unknown } = process.stderr) {}

  async send(message: MailMessage): Promise<void> {
    this.out.write(`--- courriel (non envoyé : pas de serveur de messagerie configuré)\nÀ : ${message.to}\nObjet : ${message.subject}\n\n${message.text}\n---\n`);
  }
}

/** Keeps messages in memory: for tests, and for a page that shows what would have been sent. */
export class MemoryMailTransport implements MailTransport {
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}

/** Sends nothing (the CLI prints the link itself). */
export const NO_MAIL: MailTransport = { send: async () => undefined };

export function invitationMessage(to: string, name: string, link: string, expiresAt: Date): MailMessage {
  return {
    to,
    subject: 'Votre accès au Répertoire des partenariats de coopération décentralisée',
    text: [
      `Bonjour ${name},`,
      '',
      'Un compte vous a été ouvert sur le Répertoire des partenariats de coopération décentralisée.',
      `Pour choisir votre mot de passe, ouvrez ce lien avant le ${expiresAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })} :`,
      link,
      '',
      "Si vous n'attendiez pas ce message, ignorez-le.",
    ].join('\n'),
  };
}
