/**
 * Administration: the accounts (`/admin/utilisateurs`: list, create with the invitation link
 * shown once, a new link, disable, enable) and personal data (`/admin/donnees-personnelles`:
 * export one person's data as a JSON download, erase them, record their consent to publication).
 * The account and privacy services check the rights themselves; these pages only show the way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEditor, requireAdmin, requireEditor } from '../../accounts/roles.js';
import type { Invitation } from '../../accounts/service.js';
import type { User } from '../../accounts/users.js';
import { isRepertoireError, ValidationError } from '../../errors.js';
import { csrfField, field, guarded, type Members } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { COLLECTIVITY_LIST_ID, errorSummary, fieldId } from '../census/forms.js';
import { html, type SafeHtml } from '../html.js';
import { formatDateTime, type MessageKey } from '../i18n/index.js';
import { currentLanguage } from '../language.js';
import type { RenderContext } from '../page.js';
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

  const usersPage = async (request: FastifyRequest, reply: FastifyReply, state: UsersState, status = 200) => {
    const actor = requireAdmin(members.actor(request));
    const c = await members.context(request);
    const { t } = c;
    const users = await accounts.listUsers(actor);
    const dir = await members.directory().catch(() => undefined);
    const csrf = request.member!.csrfToken;
    const values = state.values ?? {};
    const errors = state.errors ?? {};
    const labels: Record<string, string> = { email: t('admin.users.email'), name: t('admin.users.name'), role: t('admin.users.role'), collectivityId: t('admin.users.collectivity') };
    const action = (user: User, kind: 'desactiver' | 'reactiver' | 'inviter', key: MessageKey) =>
      html`<form method="post" action="${memberPaths.userAction(kind)}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="email" value="${user.email}"><button type="submit" class="small">${t(key, { email: user.email })}</button></form>`;
    const roleForm = (user: User) => {
      const id = `role-${user.id}`;
      const roles = user.role === 'contributor' ? (['contributor', 'editor', 'admin'] as const) : (['editor', 'admin'] as const);
      return html`<form method="post" action="${memberPaths.userAction('role')}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="email" value="${user.email}"><label class="visually-hidden" for="${id}">${t('admin.users.role.of', { email: user.email })}</label><select id="${id}" name="role">${roles.map(
        (role) => html`<option value="${role}"${role === user.role ? html` selected` : ''}>${t(`member.role.${role}`)}</option>`,
      )}</select> <button type="submit" class="small">${t('admin.users.role.change')}</button></form>`;
    };
    const shown = state.invitation;
    const body = html`<section class="member-page">
<h1>${t('admin.users.title')}</h1>
${state.notice ? html`<p class="success" role="status">${state.notice}</p>` : ''}
${shown
  ? html`<div class="success" role="status"><p>${t(shown.created ? 'admin.users.created' : 'admin.users.invited', {
      name: shown.invitation.user.name,
      expires: formatDateTime(c.locale, shown.invitation.expiresAt),
    })}</p><p><code class="invitation-link">${shown.invitation.link}</code></p>${shown.invitation.mailError ? html`<p role="alert">${t('admin.users.mailFailed')}</p>` : ''}</div>`
  : ''}
<h2>${t('admin.users.list')}</h2>
<table class="users"><thead><tr><th scope="col">${t('admin.users.name')}</th><th scope="col">${t('admin.users.email')}</th><th scope="col">${t('admin.users.role')}</th><th scope="col">${t(
      'admin.users.collectivity',
    )}</th><th scope="col">${t('admin.users.status')}</th><th scope="col">${t('admin.users.lastSignIn')}</th><th scope="col">${t('admin.users.actions')}</th></tr></thead>
<tbody>${users.map(
      (user) => html`<tr><td>${user.name}</td><td>${user.email}</td><td>${t(`member.role.${user.role}`)}</td><td>${
        user.collectivityId ? (dir?.collectivity.get(user.collectivityId)?.name ?? user.collectivityId) : ''
      }</td><td>${t(`admin.users.status.${user.status}`)}</td><td>${user.lastSignInAt ? formatDateTime(c.locale, user.lastSignInAt) : t('admin.users.never')}</td><td class="actions">${
        user.status === 'disabled'
          ? action(user, 'reactiver', 'admin.users.enable')
          : html`${user.id === actor.id ? '' : html`${roleForm(user)}${action(user, 'desactiver', 'admin.users.disable')}`}${action(user, 'inviter', 'admin.users.invite')}`
      }</td></tr>`,
    )}</tbody></table>
<h2 id="nouveau">${t('admin.users.create')}</h2>
${errorSummary(errors, c, (path) => labels[path] ?? path)}
<form method="post" action="${memberPaths.users()}" class="member-form" novalidate>
${csrfField(csrf)}
${textField(c, 'email', labels.email!, values.email ?? '', errors.email, { type: 'email' })}
${textField(c, 'name', labels.name!, values.name ?? '', errors.name)}
${selectField(c, 'role', labels.role!, values.role ?? 'contributor', errors.role, [
      ['contributor', t('member.role.contributor')],
      ['editor', t('member.role.editor')],
      ['admin', t('member.role.admin')],
    ])}
${textField(c, 'collectivityId', labels.collectivityId!, values.collectivityId ?? '', errors.collectivityId, { hint: t('admin.users.collectivity.hint'), list: COLLECTIVITY_LIST_ID, required: false })}
${dir ? html`<datalist id="${COLLECTIVITY_LIST_ID}">${dir.collectivities.map((k) => html`<option value="${k.id}">${k.name}</option>`)}</datalist>` : ''}
<p><button type="submit">${t('admin.users.create.submit')}</button></p>
</form>
</section>`;
    return members.send(request, reply, { title: t('admin.users.title'), breadcrumbs: [{ href: memberPaths.users(), label: t('admin.users.title') }], body }, status);
  };

  app.get(
    '/admin/utilisateurs',
    guarded(members, async (request, reply) => usersPage(request, reply, {})),
  );

  app.post(
    '/admin/utilisateurs',
    guarded(members, async (request, reply) => {
      const actor = requireAdmin(members.actor(request));
      const values = { email: field(request, 'email') ?? '', name: field(request, 'name') ?? '', role: field(request, 'role') ?? '', collectivityId: field(request, 'collectivityId') ?? '' };
      try {
        const invitation = await accounts.createUser(
          // the invitation in the language of the administrator's page (the invitee's, once they sign in)
          { email: values.email, name: values.name, role: values.role as 'contributor', language: currentLanguage(), ...(values.collectivityId.trim() ? { collectivityId: values.collectivityId.trim() } : {}) },
          actor,
        );
        return usersPage(request, reply, { invitation: { invitation: withBase(invitation, members.baseUrl(request)), created: true } }, 201);
      } catch (error) {
        if (error instanceof ValidationError) return usersPage(request, reply, { values, errors: error.fieldErrors }, 422);
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
          return usersPage(request, reply, { invitation: { invitation: withBase(invitation, members.baseUrl(request)), created: false } });
        }
        const user = kind === 'desactiver' ? await accounts.disableUser(email, actor) : await accounts.enableUser(email, actor);
        return usersPage(request, reply, { notice: c.t(kind === 'desactiver' ? 'admin.users.disabled' : 'admin.users.enabled', { email: user.email }) });
      }),
    );
  }

  app.post(
    memberPaths.userAction('role'),
    guarded(members, async (request, reply) => {
      const actor = requireAdmin(members.actor(request));
      const c = await members.context(request);
      try {
        const user = await accounts.changeRole({ email: field(request, 'email') ?? '', role: (field(request, 'role') ?? '') as 'editor' }, actor);
        return usersPage(request, reply, { notice: c.t('admin.users.role.changed', { email: user.email, role: c.t(`member.role.${user.role}`) }) });
      } catch (error) {
        if (error instanceof ValidationError) return usersPage(request, reply, { errors: error.fieldErrors, values: { role: field(request, 'role') ?? '' } }, 422);
        throw error;
      }
    }),
  );

  const personPage = async (request: FastifyRequest, reply: FastifyReply, state: PersonState, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const admin = actor.role === 'admin';
    const c = await members.context(request);
    const { t } = c;
    const csrf = request.member!.csrfToken;
    const values = state.values ?? {};
    const errors = state.errors ?? {};
    const dir = await members.directory().catch(() => undefined);
    const labels: Record<string, string> = { name: t('admin.person.name'), collectivityId: t('admin.person.collectivity'), confirm: t('admin.person.confirm'), publish: t('admin.person.consent.publish'), note: t('admin.person.consent.note') };
    const person = (form: NonNullable<PersonState['form']>) => {
      const own = state.form === form ? errors : {};
      const shown = state.form === form || state.form === undefined ? values : {};
      return html`${textField(c, 'name', labels.name!, shown.name ?? '', own.name, { idPrefix: form })}
${textField(c, 'collectivityId', labels.collectivityId!, shown.collectivityId ?? '', own.collectivityId, { list: COLLECTIVITY_LIST_ID, required: false, idPrefix: form })}`;
    };
    const summary = (form: PersonState['form']) => (state.form === form ? errorSummary(prefixed(errors, form ?? ''), c, (path) => labels[path.replace(/^[a-z]+-/, '')] ?? path) : '');
    const body = html`<section class="member-page">
<h1>${t('admin.person.title')}</h1>
${state.notice ? html`<p class="success" role="status">${state.notice}</p>` : ''}
<p>${t('admin.person.intro')}</p>
${admin
  ? html`<h2>${t('admin.person.export')}</h2>
${summary('export')}
<form method="post" action="${memberPaths.personExport()}" class="member-form" novalidate>${csrfField(csrf)}${person('export')}
<p><button type="submit">${t('admin.person.export')}</button></p></form>
<h2>${t('admin.person.erase.title')}</h2>
<p>${t('admin.person.erase.text')}</p>
${summary('erase')}
<form method="post" action="${memberPaths.personErase()}" class="member-form" novalidate>${csrfField(csrf)}${person('erase')}
<div class="field checkbox${state.form === 'erase' && errors.confirm ? ' has-error' : ''}">${
      state.form === 'erase' && errors.confirm ? html`<p class="field-error" id="${fieldId('erase-confirm')}-error">${errors.confirm}</p>` : ''
    }<input type="checkbox" id="${fieldId('erase-confirm')}" name="confirm" value="oui"${state.form === 'erase' && errors.confirm ? html` aria-invalid="true" aria-describedby="${fieldId('erase-confirm')}-error"` : ''}> <label for="${fieldId('erase-confirm')}">${labels.confirm}</label></div>
<p><button type="submit" class="danger">${t('admin.person.erase')}</button></p></form>`
  : ''}
<h2>${t('admin.person.consent.title')}</h2>
<p>${t('admin.person.consent.text')}</p>
${summary('consent')}
<form method="post" action="${memberPaths.personConsent()}" class="member-form" novalidate>${csrfField(csrf)}${person('consent')}
${selectField(c, 'publish', labels.publish!, values.publish ?? 'true', undefined, [
      ['true', t('admin.person.consent.yes')],
      ['false', t('admin.person.consent.no')],
    ], 'consent')}
${textField(c, 'note', labels.note!, values.note ?? '', undefined, { required: false, idPrefix: 'consent' })}
<p><button type="submit">${t('admin.person.consent.submit')}</button></p></form>
${dir ? html`<datalist id="${COLLECTIVITY_LIST_ID}">${dir.collectivities.map((k) => html`<option value="${k.id}">${k.name}</option>`)}</datalist>` : ''}
</section>`;
    return members.send(request, reply, { title: t('admin.person.title'), breadcrumbs: [{ href: memberPaths.personalData(), label: t('admin.person.title') }], body }, status);
  };

  const personInput = (request: FastifyRequest) => {
    const name = field(request, 'name') ?? '';
    const collectivityId = (field(request, 'collectivityId') ?? '').trim();
    return { values: { name, collectivityId }, input: { name, ...(collectivityId ? { collectivityId } : {}) } };
  };

  app.get(
    '/admin/donnees-personnelles',
    guarded(members, async (request, reply) => personPage(request, reply, {})),
  );

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
        if (error instanceof ValidationError) return personPage(request, reply, { values, errors: error.fieldErrors, form: 'export' }, 422);
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
        if (error instanceof ValidationError) return personPage(request, reply, { values, errors: error.fieldErrors, form: 'erase' }, 422);
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
        if (error instanceof ValidationError) return personPage(request, reply, { values: { ...values, publish: String(publish), note }, errors: error.fieldErrors, form: 'consent' }, 422);
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

function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, value]) => [`${prefix}-${key}`, value]));
}

interface TextOptions {
  type?: string;
  hint?: string;
  list?: string;
  required?: boolean;
  /** several forms on one page: ids made unique */
  idPrefix?: string;
}

export function textField(c: RenderContext, name: string, label: string, value: string, error: string | undefined, options: TextOptions = {}): SafeHtml {
  const id = fieldId(options.idPrefix ? `${options.idPrefix}-${name}` : name);
  const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const required = options.required !== false;
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}${required ? html` <span class="required">${c.t('form.required')}</span>` : ''}</label>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${c.t('form.error.prefix')} </span>${error}</p>` : ''}
<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.list ? html` list="${options.list}" autocomplete="off"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}${required ? html` aria-required="true"` : ''}>
</div>`;
}

export function selectField(c: RenderContext, name: string, label: string, value: string, error: string | undefined, options: readonly [string, string][], idPrefix?: string): SafeHtml {
  const id = fieldId(idPrefix ? `${idPrefix}-${name}` : name);
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}</label>
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${c.t('form.error.prefix')} </span>${error}</p>` : ''}
<select id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>${options.map(
    ([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`,
  )}</select>
</div>`;
}
