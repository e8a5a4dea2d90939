/**
 * The census mail in words: each `Letter` (what the services say, as data) written in the
 * recipient's language from the catalogue, plain text. Links to the members' pages are made here,
 * where the paths are known; the invitation and reset links come made (their tokens are the
 * account service's).
 */
import type { Letter, LetterWriter, MailMessage, MailTransport, Postman } from '../../accounts/mail.js';
import { postman } from '../../accounts/mail.js';
import { DEFAULT_TIME_ZONE } from '../../accounts/clock.js';
import { memberPaths } from '../auth/paths.js';
import { inLocale } from '../language.js';
import { paths } from '../paths.js';
import { intlLocale, isLocale, t as translate, type Locale, type MessageKey, type Params } from '../i18n/index.js';

export interface LetterOptions {
  /** the site's public address: https://repertoire.example.org */
  baseUrl: string;
  locale: Locale;
  timeZone?: string;
}

export function letterWriter(options: LetterOptions): LetterWriter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return (letter: Letter): MailMessage => {
    // in the recipient's language when the letter knows it
    const locale = isLocale(letter.language) ? letter.language : options.locale;
    const t = (key: MessageKey, params: Params = {}) => translate(locale, key, params);
    const when = (iso: string, withTime: boolean) =>
      new Intl.DateTimeFormat(intlLocale(locale), { timeZone, dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) }).format(new Date(iso));
    // a link of the site opens its page in the recipient's language (/ar/invitation/…)
    const localised = (link: string) => {
      if (!URL.canParse(link)) return link;
      const url = new URL(link);
      return `${url.origin}${inLocale(`${url.pathname}${url.search}`, locale)}`;
    };
    const site = (path: string) => `${base}${inLocale(path, locale)}`;
    const message = (subject: string, ...paragraphs: string[]): MailMessage => ({
      to: letter.to,
      subject,
      text: [t('mail.greeting', { name: letter.name }), ...paragraphs, t('mail.signature')].join('\n\n'),
      ...(letter.kind === 'notice-answer' ? { replyTo: letter.replyTo } : {}),
    });
    switch (letter.kind) {
      case 'invitation':
        return message(t('mail.invitation.subject'), t('mail.invitation.body', { link: localised(letter.link), expires: when(letter.expiresAt, true) }), t('mail.ignore'));
      case 'password-reset':
        return message(t('mail.reset.subject'), t('mail.reset.body', { email: letter.to, link: localised(letter.link), expires: when(letter.expiresAt, true) }), t('mail.ignore'));
      case 'review-decision': {
        const record = letter.recordLabel;
        const approved = letter.decision === 'approved';
        return message(
          t(approved ? 'mail.decision.approved.subject' : 'mail.decision.rejected.subject', { record }),
          t(approved ? 'mail.decision.approved.body' : 'mail.decision.rejected.body', { record }),
          ...(letter.comment ? [t('mail.decision.comment', { comment: letter.comment })] : []),
          ...(letter.campaignId ? [t('mail.decision.link', { link: site(memberPaths.campaign(letter.campaignId)) })] : []),
        );
      }
      case 'notice-answer': {
        const from = letter.fromCollectivity === undefined ? letter.fromName : t('mail.noticeAnswer.fromOf', { name: letter.fromName, collectivity: letter.fromCollectivity });
        return message(
          t('mail.noticeAnswer.subject', { collectivity: letter.collectivityName }),
          t('mail.noticeAnswer.body', { from, collectivity: letter.collectivityName }),
          letter.message,
          t('mail.noticeAnswer.reply', { link: site(paths.notice(letter.noticeId)) }),
        );
      }
      case 'campaign-reminder': {
        const params = { campaign: letter.campaignTitle, collectivity: letter.collectivityName, opened: when(letter.openedAt, false) };
        return message(
          t('mail.reminder.subject', { campaign: letter.campaignTitle }),
          t(letter.answer === 'draft' ? 'mail.reminder.body.draft' : 'mail.reminder.body.none', params),
          t('mail.reminder.link', { link: site(memberPaths.campaign(letter.campaignId)) }),
        );
      }
    }
  };
}

/** The postman of a site or a command: letters written in `locale`, sent through `transport`. */
export function sitePostman(transport: MailTransport, options: LetterOptions): Postman {
  return postman(transport, letterWriter(options));
}
