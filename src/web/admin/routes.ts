/**
 * Administration: the accounts (`/admin/utilisateurs`: list, create with the invitation link
 * shown once, a new link, disable, enable) and personal data (`/admin/donnees-personnelles`:
 * export one person's data as a JSON download, erase them, record their consent to publication).
 * The account and privacy services check the rights themselves; these pages only show the way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEditor, requireAdmin, requireEditor } from '../../accounts/roles.js';
import type { Invitation } from '../../accounts/service.js';
import { isRepertoireError, ValidationError } from '../../errors.js';
import { fieldMessages } from '../failures.js';
import { registerMemberPage } from '../auth/member-page.js';
import { field, guarded, type Members } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { currentLanguage } from '../language.js';
import { personalDataPage } from './pages/personal-data/index.js';
import { usersPage } from './pages/users/index.js';
import { slugOf } from '../../text/fold.js';

interface UsersState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  invitation?: { invitation: Invitation; created: boolean };
  notice?: string;
}

interface PersonState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
  /** which form the errors belong to */
  form?: 'erase' | 'consent' | 'export';
}

export function registerAdminRoutes(app: FastifyInstance, members: Members): void {
  const { accounts, census } = members;

  const users = registerMemberPage(app, members, usersPage);
  /** The accounts' page again after a POST: what was typed and what was wrong, a notice, or the invitation link just made. */
  const usersAgain = (request: FastifyRequest, reply: FastifyReply, state: UsersState, status = 200) =>
    users.show(
      request,
      reply,
      (view) => ({
        ...view,
        form: { values: state.values ?? {}, errors: state.errors ?? {} },
        ...(state.notice !== undefined ? { notice: state.notice } : {}),
        ...(state.invitation !== undefined
          ? {
            invitation: {
              name: state.invitation.invitation.user.name,
              link: state.invitation.invitation.link,
              expiresAt: state.invitation.invitation.expiresAt,
              created: state.invitation.created,
              mailFailed: state.invitation.invitation.mailError !== undefined,
            },
          }
          : {}),
      }),
      status,
    );

  app.post(
    '/admin/utilisateurs',
    guarded(members, async (request, reply) => {
      const actor = requireAdmin(members.actor(request));
      const values = { email: field(request, 'email') ?? '', name: field(request, 'name') ?? '', role: field(request, 'role') ?? '', collectivityId: field(request, 'collectivityId') ?? '' };
      try {
        const invitation = await accounts.createUser(
          // the invitation in the language of the administrator's page (the invitee's, once they sign in)
          { email: values.email, name: values.name, role: values.role, language: currentLanguage(), ...(values.collectivityId.trim() ? { collectivityId: values.collectivityId.trim() } : {}) },
          actor,
        );
        return usersAgain(request, reply, { invitation: { invitation: withBase(invitation, members.baseUrl(request)), created: true } }, 201);
      } catch (error) {
        if (error instanceof ValidationError) return usersAgain(request, reply, { values, errors: fieldMessages(currentLanguage(), error) }, 422);
        throw error;
      }
    }),
  );

  for (const kind of ['desactiver', 'reactiver', 'inviter'] as const) {
    app.post(
      memberPaths.userAction(kind),
      guarded(members, async (request, reply) => {
        const actor = requireAdmin(members.actor(request));
        const email = field(request, 'email') ?? '';
        const c = await members.context(request);
        if (kind === 'inviter') {
          const invitation = await accounts.inviteAgain(email, actor);
          return usersAgain(request, reply, { invitation: { invitation: withBase(invitation, members.baseUrl(request)), created: false } });
        }
        const user = kind === 'desactiver' ? await accounts.disableUser(email, actor) : await accounts.enableUser(email, actor);
        return usersAgain(request, reply, { notice: c.t(kind === 'desactiver' ? 'admin.users.disabled' : 'admin.users.enabled', { email: user.email }) });
      }),
    );
  }

  app.post(
    memberPaths.userAction('role'),
    guarded(members, async (request, reply) => {
      const actor = requireAdmin(members.actor(request));
      const c = await members.context(request);
      try {
        const user = await accounts.changeRole({ email: field(request, 'email') ?? '', role: field(request, 'role') ?? '' }, actor);
        return usersAgain(request, reply, { notice: c.t('admin.users.role.changed', { email: user.email, role: c.t(`member.role.${user.role}`) }) });
      } catch (error) {
        if (error instanceof ValidationError) return usersAgain(request, reply, { errors: fieldMessages(currentLanguage(), error), values: { role: field(request, 'role') ?? '' } }, 422);
        throw error;
      }
    }),
  );

  const personal = registerMemberPage(app, members, personalDataPage);
  /** The personal-data page again after a POST: a notice, or one form with what was typed and what was wrong. */
  const personPage = (request: FastifyRequest, reply: FastifyReply, state: PersonState, status = 200) =>
    personal.show(
      request,
      reply,
      (view) => ({
        ...view,
        ...(state.notice === undefined ? {} : { notice: state.notice }),
        ...(state.form === undefined ? {} : { form: { which: state.form, values: state.values ?? {}, errors: state.errors ?? {} } }),
      }),
      status,
    );

  const personInput = (request: FastifyRequest) => {
    const name = field(request, 'name') ?? '';
    const collectivityId = (field(request, 'collectivityId') ?? '').trim();
    return { values: { name, collectivityId }, input: { name, ...(collectivityId ? { collectivityId } : {}) } };
  };

  app.post(
    '/admin/donnees-personnelles/export',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const { values, input } = personInput(request);
      try {
        const data = await census.privacy.exportPerson(actor, input);
        const file = `personne-${slugOf(data.person.key, 120) || 'export'}.json`;
        return reply
          .header('content-disposition', `attachment; filename="${file}"`)
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(data, null, 2));
      } catch (error) {
        if (error instanceof ValidationError) return personPage(request, reply, { values, errors: fieldMessages(currentLanguage(), error), form: 'export' }, 422);
        throw error;
      }
    }),
  );

  app.post(
    '/admin/donnees-personnelles/effacer',
    guarded(members, async (request, reply) => {
      const actor = requireAdmin(members.actor(request));
      const { values, input } = personInput(request);
      const c = await members.context(request);
      if (field(request, 'confirm') !== 'oui') {
        const errors: Record<string, string> = { confirm: c.t('admin.person.confirm.required') };
        if (values.name.trim() === '') errors.name = c.t('form.error.required');
        return personPage(request, reply, { values, errors, form: 'erase' }, 422);
      }
      try {
        const result = await census.privacy.erasePerson(actor, input);
        return personPage(request, reply, { notice: c.t('admin.person.erased', result) });
      } catch (error) {
        if (error instanceof ValidationError) return personPage(request, reply, { values, errors: fieldMessages(currentLanguage(), error), form: 'erase' }, 422);
        throw error;
      }
    }),
  );

  app.post(
    '/admin/donnees-personnelles/consentement',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      if (!isEditor(actor)) requireEditor(actor);
      const { values, input } = personInput(request);
      const publish = field(request, 'publish') !== 'false';
      const note = (field(request, 'note') ?? '').trim();
      const c = await members.context(request);
      try {
        const consent = await census.privacy.setConsent(actor, { ...input, publish, ...(note ? { note } : {}) });
        return personPage(request, reply, { notice: c.t('admin.person.consent.saved', { name: consent.name }) });
      } catch (error) {
        if (error instanceof ValidationError) return personPage(request, reply, { values: { ...values, publish: String(publish), note }, errors: fieldMessages(currentLanguage(), error), form: 'consent' }, 422);
        if (isRepertoireError(error)) throw error;
        throw error;
      }
    }),
  );
}

/** The invitation link on this site's address (the service builds it on its configured base). */
function withBase(invitation: Invitation, baseUrl: string): Invitation {
  const token = invitation.link.split('/invitation/')[1] ?? '';
  return { ...invitation, link: `${baseUrl.replace(/\/+$/, '')}${memberPaths.invitation(decodeURIComponent(token))}` };
}
