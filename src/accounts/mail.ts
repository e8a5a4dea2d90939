/**
 * Outgoing mail, in two steps. The services say *what* to tell *whom* — a `Letter`, data without
 * words — and hand it to a `Postman`; the postman has it written (the words live in the web
 * layer's catalogue, in the recipient's language) and sends the message through a
 * `MailTransport`: SMTP when SMTP_URL is set (smtp-transport.ts), else the console, which writes
 * each message to a stream (the CLI's stderr, a server's log).
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** where the recipient's answer goes (a member answering a partner-search notice) */
  replyTo?: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** What a letter says, as data: the postman's writer puts it in words, in `language` (the recipient's; absent or unknown: the writer's own). */
export type Letter = { language?: string } & (
  | { kind: 'invitation'; to: string; name: string; link: string; expiresAt: string }
  | { kind: 'password-reset'; to: string; name: string; link: string; expiresAt: string }
  | {
      kind: 'review-decision';
      to: string;
      name: string;
      decision: 'approved' | 'rejected';
      recordType: string;
      recordId: string;
      /** the record's name or title as it stood */
      recordLabel: string;
      comment?: string;
      campaignId?: string;
    }
  | {
      /** a member's answer to a partner-search notice, to its author: Reply-To the member, whose address the author alone sees */
      kind: 'notice-answer';
      to: string;
      name: string;
      replyTo: string;
      fromName: string;
      /** the answering member's collectivity, when they have one */
      fromCollectivity?: string;
      noticeId: string;
      collectivityName: string;
      message: string;
    }
  | { kind: 'campaign-reminder'; to: string; name: string; campaignId: string; campaignTitle: string; collectivityName: string; answer: 'none' | 'draft'; openedAt: string }
);

export type LetterKind = Letter['kind'];

/** Puts a letter in words (the web layer's catalogue). */
export type LetterWriter = (letter: Letter) => MailMessage;

export interface Postman {
  send(letter: Letter): Promise<void>;
}

/** A postman that writes each letter with `write` and sends it through `transport`. */
export function postman(transport: MailTransport, write: LetterWriter): Postman {
  return { send: (letter) => transport.send(write(letter)) };
}

/** Writes messages to a stream (default: standard error), one block each. */
export class ConsoleMailTransport implements MailTransport {
  constructor(private readonly out: { write(text: string): unknown } = process.stderr) {}

  async send(message: MailMessage): Promise<void> {
    this.out.write(`--- courriel (non envoyé : pas de serveur de messagerie configuré, SMTP_URL)\nÀ : ${message.to}\n${message.replyTo ? `Répondre à : ${message.replyTo}\n` : ''}Objet : ${message.subject}\n\n${message.text}\n---\n`);
  }
}

/** Keeps messages in memory: for tests of a transport's user. */
export class MemoryMailTransport implements MailTransport {
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}

/** Keeps letters in memory, unwritten: for the services' tests (the words are the web layer's). */
export class MemoryPostman implements Postman {
  readonly sent: Letter[] = [];

  async send(letter: Letter): Promise<void> {
    this.sent.push(letter);
  }
}

/** Sends nothing (the CLI prints the link itself). */
export const NO_MAIL: Postman = { send: async () => undefined };
