/**
 * The editors' review: the queue, one proposal's changes, approving, rejecting with a comment,
 * and editing a proposal before approving it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireEditor } from '../../accounts/roles.js';
import type { RecordType } from '../../census/index.js';
import { ConflictError, isRepertoireError, RepertoireError, ValidationError } from '../../errors.js';
import { csrfField, field, guarded } from '../auth/members.js';
import { registerMemberPage } from '../auth/member-page.js';
import { memberPaths } from '../auth/paths.js';
import { reviewQueuePage } from './pages/review-queue/index.js';
import { html } from '../html.js';
import { withQuery } from '../paths.js';
import { formatDateTime } from '../i18n/index.js';
import { bodyValues, formErrors, formValues, parseForm, recordFields, type FormValues } from './forms.js';
import { capitalise, changesTable, publicPath, recordFormPage, recordLabel } from './render.js';
import { listEdit } from './form-lists.js';
import { listOptions, routeParam, type CampaignFormState, type CensusRouteKit } from './route-kit.js';

export function registerReviewRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, fieldChoices, csrfOf, conflictPage, withKept } = kit;
  // ------------------------------------------------------------------------------------------
  // review

  registerMemberPage(app, members, reviewQueuePage);

  const reviewPage = async (request: FastifyRequest, reply: FastifyReply, state: { comment?: string; error?: string } = {}, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const proposalId = routeParam(request, 'proposal');
    const review = await census.review.review(actor, { proposalId });
    const { proposal } = review;
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const label = recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data ?? proposal.baseData);
    const title = t('review.proposal.title', { label });
    const csrf = csrfOf(request);
    const collectivity = proposal.collectivityId ? recordLabel(dir, 'collectivity', proposal.collectivityId) : (proposal.batch ?? '');
    const link = publicPath(proposal.recordType, proposal.recordId);
    const headings = { before: t('review.before'), after: t('review.after') };
    const body = html`<section class="member-page review">
  <h1>${title}</h1>
  <p>${capitalise(
      t('review.proposal.meta', {
        action: t(`census.action.${proposal.action}`),
        type: t(`census.type.${proposal.recordType}`),
        author: proposal.authorName ?? t('history.system'),
        collectivity,
        date: formatDateTime(c.locale, proposal.submittedAt ?? proposal.updatedAt),
      }),
    )}${link && review.current ? html` <a href="${link}">${t('history.view')}</a>` : ''}</p>
  ${review.stale ? html`<p class="notice">${t('review.proposal.staleText')}</p>` : ''}
  <h2>${t('review.changes')}</h2>
  ${changesTable(review.changes.filter((change) => change.field !== 'source'), c, headings)}
  ${review.stale && review.changedSince.length > 0 ? html`<h2>${t('review.changedSince')}</h2>${changesTable(review.changedSince, c, headings)}` : ''}
  ${proposal.status === 'submitted'
  ? html`<div class="decisions">
  <form method="post" action="${memberPaths.proposalAction(proposal.id, 'accepter')}" class="member-form decision">${csrfField(csrf)}
  <h2>${t('review.approve')}</h2>
  <div class="field"><label for="f-approve-comment">${t('review.approve.comment')}</label><textarea id="f-approve-comment" name="comment" rows="2"></textarea></div>
  <p><button type="submit">${t('review.approve')}</button></p></form>
  <form method="post" action="${memberPaths.proposalAction(proposal.id, 'refuser')}" class="member-form decision" novalidate>${csrfField(csrf)}
  <h2>${t('review.reject')}</h2>
  ${state.error ? html`<div class="error-summary" role="alert" id="erreurs"><ul><li><a href="#f-reject-comment">${t('review.reject.comment')} : ${state.error}</a></li></ul></div>` : ''}
  <div class="field${state.error ? ' has-error' : ''}"><label for="f-reject-comment">${t('review.reject.comment')} <span class="required">${t('form.required')}</span></label>
  <p class="hint" id="f-reject-comment-hint">${t('review.reject.hint')}</p>
  ${state.error ? html`<p class="field-error" id="f-reject-comment-error"><span class="visually-hidden">${t('form.error.prefix')} </span>${state.error}</p>` : ''}
  <textarea id="f-reject-comment" name="comment" rows="3" aria-required="true" aria-describedby="f-reject-comment-hint${state.error ? ' f-reject-comment-error' : ''}"${state.error ? html` aria-invalid="true"` : ''}>${state.comment ?? ''}</textarea></div>
  <p><button type="submit" class="danger">${t('review.reject')}</button></p></form>
  ${proposal.action === 'remove' ? '' : html`<p><a href="${memberPaths.proposalAction(proposal.id, 'modifier')}">${t('review.edit')}</a></p>`}
  </div>`
  : html`<p>${t('review.decided', { status: t(`census.state.${proposal.status}`), by: proposal.decidedByName ?? '', date: proposal.decidedAt ? formatDateTime(c.locale, proposal.decidedAt) : '' })}${
      proposal.comment ? html` ${t('census.rejected.comment', { comment: proposal.comment })}` : ''
    }</p>`}
  <p><a href="${memberPaths.queue()}">${t('review.back')}</a></p>
  </section>`;
    return members.send(request, reply, { title, breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }, { href: memberPaths.proposal(proposal.id), label }], body }, status);
  };

  app.get(
    '/relecture/:proposal',
    guarded(members, async (request, reply) => reviewPage(request, reply)),
  );

  const proposalConflict = async (request: FastifyRequest, reply: FastifyReply, error: ConflictError, proposalId: string, values?: FormValues) => {
    const c = await members.context(request);
    const recordType = error.recordType as RecordType;
    return conflictPage(request, reply, {
      error,
      recordType,
      action: memberPaths.proposalAction(proposalId, 'modifier'),
      values: values ?? formValues(recordFields(recordType), error.yours.data),
      hidden: {},
      back: { href: memberPaths.proposal(proposalId), label: c.t('review.title') },
    });
  };

  app.post(
    '/relecture/:proposal/accepter',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const proposalId = routeParam(request, 'proposal');
      const comment = (field(request, 'comment') ?? '').trim();
      try {
        const { version } = await census.review.approve(actor, { proposalId, ...(comment ? { comment } : {}) });
        return reply.redirect(withQuery(memberPaths.queue(), { fait: 'acceptee', version }), 303);
      } catch (error) {
        if (error instanceof ConflictError) return proposalConflict(request, reply, error, proposalId);
        if (isRepertoireError(error, 'conflict')) return reviewPage(request, reply, {}, 409);
        throw error;
      }
    }),
  );

  app.post(
    '/relecture/:proposal/refuser',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const proposalId = routeParam(request, 'proposal');
      const comment = field(request, 'comment') ?? '';
      try {
        await census.review.reject(actor, { proposalId, comment });
        return reply.redirect(withQuery(memberPaths.queue(), { fait: 'refusee' }), 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const c = await members.context(request);
          const message = error.fieldErrors.comment ?? Object.values(error.fieldErrors)[0] ?? '';
          return reviewPage(request, reply, { comment, error: /obligatoire/.test(message) ? c.t('form.error.required') : message }, 422);
        }
        throw error;
      }
    }),
  );

  const editProposalPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState & { baseVersion?: string }, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const proposalId = routeParam(request, 'proposal');
    const review = await census.review.review(actor, { proposalId });
    const { proposal } = review;
    if (proposal.status !== 'submitted') throw new RepertoireError('conflict', 'Cette proposition a déjà été traitée.', 409);
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const specs = recordFields(proposal.recordType);
    const label = recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data ?? proposal.baseData);
    const page = recordFormPage(
      {
        title: t('review.edit.title', { label }),
        breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }, { href: memberPaths.proposal(proposal.id), label }, { href: request.url, label: t('review.edit') }],
        action: memberPaths.proposalAction(proposal.id, 'modifier'),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? formValues(specs, proposal.data),
        errors: state.errors ?? {},
        hidden: { baseVersion: state.baseVersion ?? String(review.current?.version ?? proposal.baseVersion) },
        submit: t('review.edit.submit'),
        cancel: { href: memberPaths.proposal(proposal.id), label: t('review.back') },
        fields: { ...fieldChoices(dir), ...listOptions(state), minItems: proposal.recordType === 'partnership' ? { parties: 2 } : {} },
      },
      c,
    );
    return members.send(request, reply, page, status);
  };

  app.get(
    '/relecture/:proposal/modifier',
    guarded(members, async (request, reply) => editProposalPage(request, reply, {})),
  );

  app.post(
    '/relecture/:proposal/modifier',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const proposalId = routeParam(request, 'proposal');
      const review = await census.review.review(actor, { proposalId });
      const specs = recordFields(review.proposal.recordType);
      const values = bodyValues(request.body);
      delete values.baseVersion;
      const list = listEdit(request.body, values);
      if (list !== undefined) return editProposalPage(request, reply, { values: list.values, list, baseVersion: field(request, 'baseVersion') ?? '' });
      const parsed = parseForm(specs, values);
      const baseVersion = field(request, 'baseVersion') ?? '';
      try {
        const { version } = await census.review.approve(actor, {
          proposalId,
          data: withKept(parsed.data, review.proposal.data ?? review.current?.data),
          baseVersion,
        });
        return reply.redirect(withQuery(memberPaths.queue(), { fait: 'acceptee', version }), 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return editProposalPage(request, reply, { values, errors: formErrors(specs, error.fieldErrors, parsed, c), baseVersion }, 422);
        if (error instanceof ConflictError) return proposalConflict(request, reply, error, proposalId, values);
        throw error;
      }
    }),
  );
}
