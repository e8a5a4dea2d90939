import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { COLLECTIVITY_LIST_ID, errorSummary } from '../../../census/forms.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import { selectField, textField } from '../../fields.js';
import type { UsersView } from './data.js';

type User = UsersView['users'][number];

const ACTIONS = { desactiver: 'admin.users.disable', reactiver: 'admin.users.enable', inviter: 'admin.users.invite' } as const;

export function renderUsers(view: UsersView, c: MemberRenderContext): RenderedPage {
  const { t, csrf } = c;
  const { values, errors } = view.form;
  const labels: Record<string, string> = { email: t('admin.users.email'), name: t('admin.users.name'), role: t('admin.users.role'), collectivityId: t('admin.users.collectivity') };
  const action = (user: User, kind: keyof typeof ACTIONS) =>
    html`<form method="post" action="${memberPaths.userAction(kind)}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="email" value="${user.email}"><button type="submit" class="small">${t(ACTIONS[kind], { email: user.email })}</button></form>`;
  const roleForm = (user: User) => {
    const id = `role-${user.id}`;
    const roles = user.role === 'contributor' ? (['contributor', 'editor', 'admin'] as const) : (['editor', 'admin'] as const);
    return html`<form method="post" action="${memberPaths.userAction('role')}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="email" value="${user.email}"><label class="visually-hidden" for="${id}">${t('admin.users.role.of', { email: user.email })}</label><select id="${id}" name="role">${roles.map(
      (role) => html`<option value="${role}"${role === user.role ? html` selected` : ''}>${t(`member.role.${role}`)}</option>`,
    )}</select> <button type="submit" class="small">${t('admin.users.role.change')}</button></form>`;
  };
  const shown = view.invitation;
  const body = html`<section class="member-page">
<h1>${t('admin.users.title')}</h1>
${view.notice ? html`<p class="success" role="status">${view.notice}</p>` : ''}
${shown
    ? html`<div class="success" role="status"><p>${t(shown.created ? 'admin.users.created' : 'admin.users.invited', {
      name: shown.name,
      expires: formatDateTime(c.locale, shown.expiresAt),
    })}</p><p><code class="invitation-link">${shown.link}</code></p>${shown.mailFailed ? html`<p role="alert">${t('admin.users.mailFailed')}</p>` : ''}</div>`
    : ''}
<h2>${t('admin.users.list')}</h2>
<table class="users"><thead><tr><th scope="col">${t('admin.users.name')}</th><th scope="col">${t('admin.users.email')}</th><th scope="col">${t('admin.users.role')}</th><th scope="col">${t(
    'admin.users.collectivity',
  )}</th><th scope="col">${t('admin.users.status')}</th><th scope="col">${t('admin.users.lastSignIn')}</th><th scope="col">${t('admin.users.actions')}</th></tr></thead>
<tbody>${view.users.map(
    (user) => html`<tr><td>${user.name}</td><td>${user.email}</td><td>${t(`member.role.${user.role}`)}</td><td>${user.collectivityName ?? user.collectivityId ?? ''}</td><td>${t(`admin.users.status.${user.status}`)}</td><td>${
      user.lastSignInAt ? formatDateTime(c.locale, user.lastSignInAt) : t('admin.users.never')
    }</td><td class="actions">${
      user.status === 'disabled' ? action(user, 'reactiver') : html`${user.self ? '' : html`${roleForm(user)}${action(user, 'desactiver')}`}${action(user, 'inviter')}`
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
${view.collectivities.length > 0 ? html`<datalist id="${COLLECTIVITY_LIST_ID}">${view.collectivities.map((k) => html`<option value="${k.id}">${k.name}</option>`)}</datalist>` : ''}
<p><button type="submit">${t('admin.users.create.submit')}</button></p>
</form>
</section>`;
  return { title: t('admin.users.title'), breadcrumbs: [{ href: memberPaths.users(), label: t('admin.users.title') }], body };
}
