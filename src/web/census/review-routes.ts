/**
 * The editors' review: the queue, one proposal's changes, approving, rejecting with a comment,
 * and editing a proposal before approving it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireEditor } from '../../accounts/roles.js';
import { ConflictError, isRepertoireError, ValidationError } from '../../errors.js';
import { fieldMessages } from '../failures.js';
import { currentLanguage } from '../language.js';
import { field, guarded } from '../auth/members.js';
import { registerMemberPage } from '../auth/member-page.js';
import { memberPaths } from '../auth/paths.js';
import { proposalPage } from './pages/proposal/index.js';
import { proposalEditPage } from './pages/proposal-edit/index.js';
import { formAgain, type CampaignFormState } from './pages/record-form.js';
import { reviewQueuePage } from './pages/review-queue/index.js';
import { withQuery } from '../paths.js';
import { bodyValues, formErrors, formValues, parseForm, recordFields, type FormValues } from './forms.js';
import { listEdit } from './form-lists.js';
import { EDITABLE, routeParam, type CensusRouteKit } from './route-kit.js';

export function registerReviewRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, conflictPage, withKept } = kit;
  // ------------------------------------------------------------------------------------------
  // review

  registerMemberPage(app, members, reviewQueuePage);

  const proposal = registerMemberPage(app, members, proposalPage);

  const proposalConflict = async (request: FastifyRequest, reply: FastifyReply, error: ConflictError, proposalId: string, values?: FormValues) => {
    // the conflict is on the proposal's record: its type is one a form edits
    const recordType = EDITABLE.find((type) => type === error.recordType);
    if (recordType === undefined) throw error;
    return conflictPage(request, reply, {
      error,
      recordType,
      action: memberPaths.proposalAction(proposalId, 'modifier'),
      values: values ?? formValues(recordFields(recordType), error.yours.data),
      hidden: {},
      back: { href: memberPaths.proposal(proposalId), to: 'proposal' },
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
        if (isRepertoireError(error, 'conflict')) return proposal.show(request, reply, (view) => view, 409);
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
          const messages = fieldMessages(currentLanguage(), error);
          const message = messages.comment ?? Object.values(messages)[0] ?? '';
          return proposal.show(request, reply, (view) => ({ ...view, rejection: { comment, error: message } }), 422);
        }
        throw error;
      }
    }),
  );

  const proposalEdit = registerMemberPage(app, members, proposalEditPage);
  const editProposalPage = (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState & { baseVersion?: string }, status = 200) =>
    proposalEdit.show(request, reply, (view) => ({ ...view, form: formAgain(view.form, state) }), status);

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
        if (error instanceof ValidationError) return editProposalPage(request, reply, { values, errors: formErrors(specs, error, parsed, c), baseVersion }, 422);
        if (error instanceof ConflictError) return proposalConflict(request, reply, error, proposalId, values);
        throw error;
      }
    }),
  );
}
