import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { COLLECTIVITY_LIST_ID, errorSummary, fieldId } from '../../../census/forms.js';
import { html } from '../../../html.js';
import type { RenderedPage } from '../../../page.js';
import { selectField, textField } from '../../fields.js';
import type { PersonalDataView } from './data.js';

type Form = NonNullable<PersonalDataView['form']>['which'];

export function renderPersonalData(view: PersonalDataView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const sent = view.form;
  const values = sent?.values ?? {};
  const errorsOf = (form: Form) => (sent?.which === form ? sent.errors : {});
  const labels: Record<string, string> = { name: t('admin.person.name'), collectivityId: t('admin.person.collectivity'), confirm: t('admin.person.confirm'), publish: t('admin.person.consent.publish'), note: t('admin.person.consent.note') };
  const person = (form: Form) => {
    const own = errorsOf(form);
    const shown = sent === undefined || sent.which === form ? values : {};
    return html`${textField(c, 'name', labels.name!, shown.name ?? '', own.name, { idPrefix: form })}
${textField(c, 'collectivityId', labels.collectivityId!, shown.collectivityId ?? '', own.collectivityId, { list: COLLECTIVITY_LIST_ID, required: false, idPrefix: form })}`;
  };
  const summary = (form: Form) =>
    sent?.which === form ? errorSummary(Object.fromEntries(Object.entries(sent.errors).map(([key, value]) => [`${form}-${key}`, value])), c, (path) => labels[path.replace(/^[a-z]+-/, '')] ?? path) : '';
  const confirmError = errorsOf('erase').confirm;
  const { actions } = view;
  const body = html`<section class="member-page">
<h1>${t('admin.person.title')}</h1>
${view.notice ? html`<p class="success" role="status">${view.notice}</p>` : ''}
<p>${t('admin.person.intro')}</p>
${actions.export
    ? html`<h2>${t('admin.person.export')}</h2>
${summary('export')}
<form method="post" action="${actions.export}" class="member-form" novalidate>${csrfField(c.csrf)}${person('export')}
<p><button type="submit">${t('admin.person.export')}</button></p></form>`
    : ''}
${actions.erase
    ? html`<h2>${t('admin.person.erase.title')}</h2>
<p>${t('admin.person.erase.text')}</p>
${summary('erase')}
<form method="post" action="${actions.erase}" class="member-form" novalidate>${csrfField(c.csrf)}${person('erase')}
<div class="field checkbox${confirmError ? ' has-error' : ''}">${confirmError ? html`<p class="field-error" id="${fieldId('erase-confirm')}-error">${confirmError}</p>` : ''}<input type="checkbox" id="${fieldId(
      'erase-confirm',
    )}" name="confirm" value="oui"${confirmError ? html` aria-invalid="true" aria-describedby="${fieldId('erase-confirm')}-error"` : ''}> <label for="${fieldId('erase-confirm')}">${labels.confirm}</label></div>
<p><button type="submit" class="danger">${t('admin.person.erase')}</button></p></form>`
    : ''}
<h2>${t('admin.person.consent.title')}</h2>
<p>${t('admin.person.consent.text')}</p>
${summary('consent')}
<form method="post" action="${actions.consent}" class="member-form" novalidate>${csrfField(c.csrf)}${person('consent')}
${selectField(c, 'publish', labels.publish!, values.publish ?? 'true', undefined, [
    ['true', t('admin.person.consent.yes')],
    ['false', t('admin.person.consent.no')],
  ], 'consent')}
${textField(c, 'note', labels.note!, values.note ?? '', undefined, { required: false, idPrefix: 'consent' })}
<p><button type="submit">${t('admin.person.consent.submit')}</button></p></form>
${view.collectivities.length > 0 ? html`<datalist id="${COLLECTIVITY_LIST_ID}">${view.collectivities.map((k) => html`<option value="${k.id}">${k.name}</option>`)}</datalist>` : ''}
</section>`;
  return { title: t('admin.person.title'), breadcrumbs: [{ href: memberPaths.personalData(), label: t('admin.person.title') }], body };
}
