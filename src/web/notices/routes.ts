/**
 * The members' side of partner-search notices (the public pages are pages/notices/):
 *
 *   /recherches-de-partenaires/publier                 a contributor (for its collectivity) or an editor publishes; its notices and their state
 *   /recherches-de-partenaires/relecture               the editors' queue: approve, or reject with a comment
 *   POST /recherches-de-partenaires/:id/accepter|refuser|retirer
 *   /recherches-de-partenaires/:id/repondre            a signed-in member answers: mailed to the author, Reply-To the member
 *
 * The services (census/partner-notice-service.ts) check every right; the forms carry the CSRF
 * token like every members' form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, isEditor, requireEditor } from '../../accounts/roles.js';
import type { PartnerNotice } from '../../census/partner-notices.js';
import { isRepertoireError, ValidationError } from '../../errors.js';
import { failureMessage } from '../failures.js';
import { field, guarded, queryParam, type Members } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { csrfField } from '../auth/members.js';
import type { Directory } from '../data/directory.js';
import { html } from '../html.js';
import { currentLanguage } from '../language.js';
import { formatPartialDate, type MessageKey } from '../i18n/index.js';
import { noticeView } from '../pages/notices/data.js';
import { noticeFacts, noticeItem, sought } from '../pages/notices/render.js';
import { paragraphs } from '../render/parts.js';
import { inDirectory, paths } from '../paths.js';
import { answerForm, publishForm, translatedErrors, type NoticeFormValues } from './forms.js';

type Params = Record<string, string>;

function formValues(body: unknown): NoticeFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (name: string) => {
    const v = b[name];
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    return typeof s === 'string' && s !== '' ? s : undefined;
  };
  const domains = b.domains;
  const values: NoticeFormValues = { domains: (Array.isArray(domains) ? domains : domains === undefined ? [] : [domains]).filter((d): d is string => typeof d === 'string') };
  for (const name of ['collectivityId', 'partnerCountry', 'partnerKind', 'partnerRegion', 'description', 'until'] as const) {
    const v = text(name);
    if (v !== undefined) values[name] = v;
  }
  return values;
}

export function registerNoticeRoutes(app: FastifyInstance, members: Members): void {
  const { census } = members;
  const csrfOf = (request: FastifyRequest) => request.member!.csrfToken;
  const names = (dir: Directory) => ({ collectivity: (id: string) => dir.collectivity.get(id)?.name ?? id });

  const stateLabel = (n: PartnerNotice) => `notices.state.${n.status}` as MessageKey;
  /** Runs `work` with the links of the notice's directory: its pages are under /r/<directory>/ unless it is the default one. */
  const inNoticeDirectory = async <T>(directoryId: string | undefined, work: () => Promise<T>): Promise<T> => {
    const scoped = directoryId === undefined || directoryId === (await members.directory('members')).id ? undefined : directoryId;
    return inDirectory(scoped, work);
  };

  const publishPage = async (request: FastifyRequest, reply: FastifyReply, state: { values?: NoticeFormValues; errors?: Record<string, string> } = {}, status = 200) => {
    const actor = members.actor(request);
    const c = await members.context(request);
    const { t } = c;
    if (!isEditor(actor) && (actor.role !== 'contributor' || actor.collectivityId === undefined)) {
      return members.refuse(request, reply, forbidden(t('notices.publish.who')));
    }
    const dir = await members.directory();
    const own = await census.notices.ofCollectivity(actor);
    const ownCountry = actor.collectivityId === undefined ? undefined : dir.collectivity.get(actor.collectivityId)?.country;
    const said = queryParam(request, 'fait');
    const body = html`<section class="member-page notices-publish">
  <h1>${t('notices.publish.title')}</h1>
  ${said === 'envoyee' ? html`<p class="success" role="status">${t('notices.publish.sent')}</p>` : ''}
  ${said === 'retiree' ? html`<p class="success" role="status">${t('notices.withdrawn')}</p>` : ''}
  <p>${t('notices.publish.intro')}</p>
  ${publishForm({ action: memberPaths.noticePublish(), csrf: csrfOf(request), dir, chooseCollectivity: isEditor(actor), ...(ownCountry ? { ownCountry } : {}), values: state.values ?? { domains: [] }, errors: state.errors ?? {} }, c)}
  ${own.length === 0
    ? ''
    : html`<h2>${t('notices.mine')}</h2><ul class="notice-states">${own.map(
      (n) => html`<li>${n.status === 'approved' ? html`<a href="${paths.notice(n.id)}">${n.description.slice(0, 80)}</a>` : n.description.slice(0, 80)} — <span class="badge">${t(stateLabel(n))}</span> ${t('notices.untilShort', { date: formatPartialDate(c.locale, n.until) })}${
        n.reviewComment ? html` <span class="muted">(${n.reviewComment})</span>` : ''
      }${n.status === 'pending' || n.status === 'approved' ? html` <form method="post" action="${memberPaths.noticeDecision(n.id, 'retirer')}" class="inline-form">${csrfField(csrfOf(request))}<button type="submit" class="small">${t('notices.withdraw')}</button></form>` : ''}</li>`,
    )}</ul>`}
  </section>`;
    return members.send(request, reply, { title: t('notices.publish.title'), breadcrumbs: [{ href: paths.notices(), label: t('notices.title') }, { href: memberPaths.noticePublish(), label: t('notices.publish.title') }], body }, status);
  };

  app.get(
    '/recherches-de-partenaires/publier',
    guarded(members, async (request, reply) => publishPage(request, reply)),
  );

  app.post(
    '/recherches-de-partenaires/publier',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const values = formValues(request.body);
      try {
        await census.notices.publish(actor, values);
        return reply.redirect(`${memberPaths.noticePublish()}?fait=envoyee`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return publishPage(request, reply, { values, errors: translatedErrors(error, await members.context(request)) }, 422);
        throw error;
      }
    }),
  );

  const queuePage = async (request: FastifyRequest, reply: FastifyReply, state: { error?: string } = {}, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory();
    const queue = await census.notices.queue(actor);
    const csrf = csrfOf(request);
    const said = queryParam(request, 'fait');
    const body = html`<section class="member-page notices-queue">
  <h1>${t('notices.queue.title')}</h1>
  ${said === 'acceptee' ? html`<p class="success" role="status">${t('notices.queue.approved')}</p>` : ''}
  ${said === 'refusee' ? html`<p class="success" role="status">${t('notices.queue.rejected')}</p>` : ''}
  ${state.error ? html`<div class="error-summary" role="alert" id="erreurs"><p>${state.error}</p></div>` : ''}
  ${queue.length === 0
    ? html`<p>${t('notices.queue.none')}</p>`
    : html`<ul class="notice-list">${queue.map((n) => {
      const view = noticeView(dir, n);
      // not public yet: the whole notice here, its page does not exist before it is accepted
      return html`<li class="notice-item"><h2>${t('notices.item.title', { name: view.collectivity.shortName ?? view.collectivity.name, sought: sought(view, c) })}</h2>
  ${noticeFacts(view, c)}<div dir="auto">${paragraphs(view.description)}</div><div class="decisions">
  <form method="post" action="${memberPaths.noticeDecision(n.id, 'accepter')}" class="inline-form">${csrfField(csrf)}<button type="submit">${t('notices.queue.approve')}</button></form>
  <form method="post" action="${memberPaths.noticeDecision(n.id, 'refuser')}" class="member-form">${csrfField(csrf)}
  <div class="field"><label for="refus-${n.id}">${t('notices.queue.comment')}</label><textarea id="refus-${n.id}" name="comment" rows="2"></textarea></div>
  <p><button type="submit" class="danger">${t('notices.queue.reject')}</button></p></form></div></li>`;
    })}</ul>`}
  </section>`;
    return members.send(request, reply, { title: t('notices.queue.title'), breadcrumbs: [{ href: memberPaths.noticeQueue(), label: t('notices.queue.title') }], body }, status);
  };

  app.get(
    '/recherches-de-partenaires/relecture',
    guarded(members, async (request, reply) => queuePage(request, reply)),
  );

  app.post(
    '/recherches-de-partenaires/:id/:action',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const { id, action } = request.params as Params;
      try {
        if (action === 'accepter') {
          await census.notices.approve(actor, id!);
          return reply.redirect(`${memberPaths.noticeQueue()}?fait=acceptee`, 303);
        }
        if (action === 'refuser') {
          await census.notices.reject(actor, id!, { comment: field(request, 'comment') ?? '' });
          return reply.redirect(`${memberPaths.noticeQueue()}?fait=refusee`, 303);
        }
        if (action === 'retirer') {
          await census.notices.withdraw(actor, id!);
          return reply.redirect(isEditor(actor) ? memberPaths.noticeQueue() : `${memberPaths.noticePublish()}?fait=retiree`, 303);
        }
        if (action === 'repondre') return answer(request, reply);
      } catch (error) {
        if (isRepertoireError(error, 'conflict') && isEditor(actor)) return queuePage(request, reply, { error: failureMessage(currentLanguage(), error) }, 409);
        throw error;
      }
      return reply.callNotFound();
    }),
  );

  const answerPage = async (request: FastifyRequest, reply: FastifyReply, state: { message?: string; errors?: Record<string, string>; alert?: string; sent?: boolean } = {}, status = 200) => {
    members.actor(request);
    const c = await members.context(request);
    const { t } = c;
    const id = (request.params as Params).id!;
    // the notice's own directory, whichever page linked here (/r/<directory>/… too)
    const n = await census.notices.shownAnywhere(id);
    if (n === undefined) return reply.callNotFound();
    const dir = await members.directory('members', n.directoryId);
    return inNoticeDirectory(n.directoryId, async () => {
      const view = noticeView(dir, n);
      const title = t('notices.answer.title', { name: view.collectivity.shortName ?? view.collectivity.name });
      const body = html`<section class="member-page notice-answer">
  <h1>${title}</h1>
  ${state.sent ? html`<p class="success" role="status">${t('notices.answer.sent')}</p>` : ''}
  ${state.alert ? html`<div class="error-summary" role="alert" id="erreurs"><p>${state.alert}</p></div>` : ''}
  <ul class="notice-list">${noticeItem(view, c)}</ul>
  <p>${t('notices.answer.privacy')}</p>
  ${state.sent ? html`<p><a href="${view.href}">${t('notices.answer.back')}</a></p>` : answerForm({ action: memberPaths.noticeAnswer(id), csrf: csrfOf(request), message: state.message ?? '', errors: state.errors ?? {} }, c)}
  </section>`;
      return members.send(request, reply, { title, breadcrumbs: [{ href: paths.notices(), label: t('notices.title') }, { href: view.href, label: view.collectivity.shortName ?? view.collectivity.name }, { href: memberPaths.noticeAnswer(id), label: t('notices.answer') }], body }, status);
    });
  };

  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = members.actor(request);
    const id = (request.params as Params).id!;
    const message = field(request, 'message') ?? '';
    try {
      const shown = await census.notices.shownAnywhere(id);
      const dir = await members.directory('members', shown?.directoryId);
      // the mail's link to the notice goes to its directory's page
      await inNoticeDirectory(shown?.directoryId, () => census.notices.answer(actor, id, { message }, names(dir)));
      return answerPage(request, reply, { sent: true });
    } catch (error) {
      const c = await members.context(request);
      if (error instanceof ValidationError) return answerPage(request, reply, { message, errors: { message: c.t('notices.error.answerLength') } }, 422);
      if (isRepertoireError(error, 'rate-limited')) return answerPage(request, reply, { message, alert: c.t('notices.answer.again') }, 429);
      if (isRepertoireError(error, 'conflict') || isRepertoireError(error, 'mail')) return answerPage(request, reply, { message, alert: failureMessage(currentLanguage(), error) }, error.status ?? 409);
      throw error;
    }
  };

  app.get(
    '/recherches-de-partenaires/:id/repondre',
    guarded(members, async (request, reply) => answerPage(request, reply)),
  );
}
