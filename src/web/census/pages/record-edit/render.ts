import type { MemberRenderContext } from '../../../auth/member-page.js';
import { html } from '../../../html.js';
import type { RenderedPage } from '../../../page.js';
import { recordFormPage } from '../../render.js';
import { formParts } from '../record-form.js';
import type { RecordEditView } from './data.js';

export function renderRecordEdit(view: RecordEditView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const { form } = view;
  return recordFormPage(
    {
      title: t('edit.title', { label: view.label }),
      breadcrumbs: [...(view.publicHref ? [{ href: view.publicHref, label: view.label }] : []), { href: form.action, label: t('member.tools.edit') }],
      ...formParts(form, view.recordType, c.csrf),
      submit: t('edit.submit'),
      intro: html`<p class="muted">${t('census.form.version', { version: view.version })} <a href="${view.historyHref}">${t('member.tools.history')}</a></p>`,
      ...(view.publicHref ? { cancel: { href: view.publicHref, label: t('history.view') } } : {}),
    },
    c,
  );
}
