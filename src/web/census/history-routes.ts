/**
 * A record's history (versions, a diff between two; editors revert) and an editor's direct edit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireEditor } from '../../accounts/roles.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { failureMessage, fieldMessages } from '../failures.js';
import { currentLanguage } from '../language.js';
import { field, guarded } from '../auth/members.js';
import { registerMemberPage } from '../auth/member-page.js';
import { memberPaths } from '../auth/paths.js';
import { historyPage } from './pages/history/index.js';
import { recordEditPage } from './pages/record-edit/index.js';
import { formAgain, type CampaignFormState } from './pages/record-form.js';
import { withQuery } from '../paths.js';
import { bodyValues, formErrors, parseForm, recordFields, type FieldSpec } from './forms.js';
import { publicPath } from './render.js';
import { listEdit } from './form-lists.js';
import { baseVersionOf, routeParam, type CensusRouteKit } from './route-kit.js';

export function registerHistoryRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, recordTypeOf, conflictPage, withKept } = kit;
  // ------------------------------------------------------------------------------------------
  // history

  const history = registerMemberPage(app, members, historyPage);

  app.post(
    '/historique/:type/:id/retablir',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const recordType = recordTypeOf(routeParam(request, 'type'));
      const recordId = routeParam(request, 'id');
      const version = field(request, 'version') ?? '';
      try {
        const saved = await census.history.revert(actor, { recordType, recordId, version, baseVersion: baseVersionOf(request) });
        return reply.redirect(withQuery(memberPaths.history(recordType, recordId), { fait: 'retabli', depuis: version, version: saved.version }), 303);
      } catch (error) {
        if (error instanceof ConflictError || error instanceof ValidationError) {
          const alert = error instanceof ValidationError ? Object.values(fieldMessages(currentLanguage(), error)).join(' ') : failureMessage(currentLanguage(), error);
          return history.show(request, reply, (view) => ({ ...view, alert }), error instanceof ConflictError ? 409 : 422);
        }
        throw error;
      }
    }),
  );

  // ------------------------------------------------------------------------------------------
  // an editor's direct edit

  const recordEdit = registerMemberPage(app, members, recordEditPage);
  /** The form again after a POST: what was typed, what was wrong, a list's added items, the version it was based on. */
  const editPage = (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState & { baseVersion?: string }, status = 200) =>
    recordEdit.show(
      request,
      reply,
      (view) => ({ ...view, form: formAgain(view.form, state) }),
      status,
    );

  app.post(
    '/modifier/:type/:id',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const recordType = recordTypeOf(routeParam(request, 'type'));
      const recordId = routeParam(request, 'id');
      const specs: readonly FieldSpec[] = recordFields(recordType);
      const values = bodyValues(request.body);
      delete values.baseVersion;
      const list = listEdit(request.body, values);
      if (list !== undefined) return editPage(request, reply, { values: list.values, list, baseVersion: field(request, 'baseVersion') ?? '' });
      const parsed = parseForm(specs, values);
      const current = await census.history.current({ recordType, recordId });
      const baseVersion = field(request, 'baseVersion') ?? '';
      const data = { ...withKept(parsed.data, current.data), [recordType === 'domain' ? 'code' : 'id']: recordId };
      try {
        await census.history.edit(actor, {
          recordType,
          recordId,
          baseVersion,
          data,
          ...(current.parentId ? { parentId: current.parentId } : {}),
        });
        return reply.redirect(publicPath(recordType, recordId) ?? memberPaths.history(recordType, recordId), 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return editPage(request, reply, { values, errors: formErrors(specs, error, parsed, c), baseVersion }, 422);
        if (error instanceof ConflictError) {
          return conflictPage(request, reply, {
            error,
            recordType,
            action: memberPaths.edit(recordType, recordId),
            values,
            hidden: {},
            back: { href: publicPath(recordType, recordId) ?? memberPaths.census(), to: 'record' },
          });
        }
        throw error;
      }
    }),
  );
}
