/**
 * A campaign's drafts: one record's form, new projects and partnerships, a new record's draft
 * edited again (their pages: pages/campaign-record, campaign-new, campaign-draft), closing a
 * project, withdrawing a draft and submitting the collectivity's answer. A form sent back with
 * what was wrong is its page again, from the same view model, with what was typed and the errors.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RecordType } from '../../census/index.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { registerMemberPage, type MemberPageAddress, type RegisteredMemberPage } from '../auth/member-page.js';
import { field, guarded, notFound } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { bodyValues, formErrors, formValues, parseForm, recordFields } from './forms.js';
import { listEdit } from './form-lists.js';
import { campaignDraftPage } from './pages/campaign-draft/index.js';
import { NEW_KINDS } from './pages/campaign-new/data.js';
import { newRecordPage } from './pages/campaign-new/index.js';
import { campaignRecordPage } from './pages/campaign-record/index.js';
import { formAgain, type CampaignFormState, type RecordForm } from './pages/record-form.js';
import { baseVersionOf, routeParam, type CensusRouteKit } from './route-kit.js';

type FormAgain = (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState & { baseVersion?: string }, status: number, address?: MemberPageAddress) => Promise<FastifyReply>;

/** A form page shown again after a POST: its view model, with what was typed and what was wrong. */
function formPageAgain<VM extends { form: RecordForm }>(page: RegisteredMemberPage<VM>): FormAgain {
  return (request, reply, state, status, address) => page.show(request, reply, (view) => ({ ...view, form: formAgain(view.form, state) }), status, address);
}

export function registerDraftRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, recordTypeOf, conflictPage, withKept, campaignRequest, backToCampaign } = kit;
  const recordAgain = formPageAgain(registerMemberPage(app, members, campaignRecordPage));
  const newAgain = formPageAgain(registerMemberPage(app, members, newRecordPage));
  const draftAgain = formPageAgain(registerMemberPage(app, members, campaignDraftPage));
  /** the collectivity an editor answers for, as the pages' GET has it */
  const onBehalf = (collectivityId: string | undefined): MemberPageAddress => ({ query: { collectivite: collectivityId } });

  // one record's form in a campaign
  app.post(
    '/recensement/:campaign/fiche/:type/:id',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const recordType = recordTypeOf(routeParam(request, 'type'));
      const recordId = routeParam(request, 'id');
      const specs = recordFields(recordType);
      const values = bodyValues(request.body);
      const baseVersion = baseVersionOf(request);
      const list = listEdit(request.body, values);
      if (list !== undefined) return recordAgain(request, reply, { values: list.values, list, baseVersion }, 200, onBehalf(collectivityId));
      const parsed = parseForm(specs, values);
      const current = await census.history.current({ recordType, recordId }).catch(() => undefined);
      const proposalId = field(request, 'proposalId') || undefined;
      try {
        await census.campaigns.saveDraft(actor, {
          campaignId,
          recordType,
          recordId,
          action: 'update',
          data: withKept(parsed.data, current?.data),
          baseVersion,
          ...(proposalId ? { proposalId } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
        return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const c = await members.context(request);
          return recordAgain(request, reply, { values, errors: formErrors(specs, error, parsed, c), baseVersion }, 422, onBehalf(collectivityId));
        }
        if (error instanceof ConflictError) {
          return conflictPage(request, reply, {
            error,
            recordType,
            action: memberPaths.campaignRecord(campaignId, recordType, recordId),
            values,
            hidden: { proposalId, collectivityId },
            back: { href: memberPaths.campaign(campaignId, collectivityId), to: 'campaign' },
          });
        }
        throw error;
      }
    }),
  );

  // new records
  for (const kind of NEW_KINDS) {
    app.post(
      `/recensement/:campaign/nouveau/${kind}`,
      guarded(members, async (request, reply) => {
        const { actor, campaignId, collectivityId } = campaignRequest(request);
        const recordType: RecordType = kind === 'projet' ? 'project' : 'partnership';
        const specs = recordFields(recordType);
        const values = bodyValues(request.body);
        delete values.collectivityId;
        delete values.parentId;
        const parentId = field(request, 'parentId') || undefined;
        const address: MemberPageAddress = { params: { campaign: campaignId, kind }, query: { collectivite: collectivityId, partenariat: parentId } };
        const list = listEdit(request.body, values);
        if (list !== undefined) return newAgain(request, reply, { values: list.values, list }, 200, address);
        const parsed = parseForm(specs, values);
        try {
          await census.campaigns.saveDraft(actor, {
            campaignId,
            recordType,
            action: 'create',
            data: parsed.data,
            ...(parentId ? { parentId } : {}),
            ...(collectivityId ? { collectivityId } : {}),
          });
          return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const c = await members.context(request);
          return newAgain(request, reply, { values, errors: formErrors(specs, error, parsed, c) }, 422, address);
        }
      }),
    );
  }

  // a draft of a new record, edited again
  app.post(
    '/recensement/:campaign/proposition/:proposal',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const proposalId = routeParam(request, 'proposal');
      const entries = await census.campaigns.entries(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });
      const proposal = entries.created.find((p) => p.id === proposalId && p.status === 'draft');
      if (proposal === undefined) throw notFound('Brouillon introuvable.', { key: 'failure.draft.unknown' });
      const specs = recordFields(proposal.recordType);
      const values = bodyValues(request.body);
      delete values.collectivityId;
      const list = listEdit(request.body, values);
      if (list !== undefined) return draftAgain(request, reply, { values: list.values, list }, 200, onBehalf(collectivityId));
      const parsed = parseForm(specs, values);
      try {
        await census.campaigns.saveDraft(actor, {
          campaignId,
          proposalId: proposal.id,
          recordType: proposal.recordType,
          action: 'create',
          data: parsed.data,
          ...(proposal.parentId ? { parentId: proposal.parentId } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
        return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const c = await members.context(request);
        return draftAgain(request, reply, { values, errors: formErrors(specs, error, parsed, c) }, 422, onBehalf(collectivityId));
      }
    }),
  );

  app.post(
    '/recensement/:campaign/clore-projet',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const endDate = (field(request, 'endDate') ?? '').trim();
      const projectId = field(request, 'projectId') ?? '';
      try {
        await census.campaigns.closeProject(actor, {
          campaignId,
          projectId,
          baseVersion: baseVersionOf(request),
          ...(endDate ? { endDate } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
      } catch (error) {
        if (error instanceof ValidationError) {
          // the end date is the only field of that small form: show the whole project form with the message
          const c = await members.context(request);
          const current = await census.history.current({ recordType: 'project', recordId: projectId });
          const specs = recordFields('project');
          const values = formValues(specs, { ...current.data, status: 'completed', endDate });
          const address: MemberPageAddress = { params: { campaign: campaignId, type: 'projet', id: projectId }, query: { collectivite: collectivityId } };
          return recordAgain(request, reply, { values, errors: formErrors(specs, error, undefined, c) }, 422, address);
        }
        if (error instanceof ConflictError) {
          return conflictPage(request, reply, {
            error,
            recordType: 'project',
            action: memberPaths.campaignRecord(campaignId, 'project', projectId),
            values: formValues(recordFields('project'), error.yours.data),
            hidden: { collectivityId },
            back: { href: memberPaths.campaign(campaignId, collectivityId), to: 'campaign' },
          });
        }
        throw error;
      }
      return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
    }),
  );

  app.post(
    '/recensement/:campaign/retirer',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      await census.campaigns.withdraw(actor, { proposalId: field(request, 'proposalId') ?? '' });
      return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'retire' }), 303);
    }),
  );

  app.post(
    '/recensement/:campaign/envoyer',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const { submitted } = await census.campaigns.submit(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });
      return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'envoye', envoyees: submitted }), 303);
    }),
  );
}
