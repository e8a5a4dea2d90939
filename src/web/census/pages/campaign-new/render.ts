import type { MemberRenderContext } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import type { RenderedPage } from '../../../page.js';
import { recordFields } from '../../forms.js';
import { recordFormPage } from '../../render.js';
import { fieldsOptions } from '../record-form.js';
import type { NewRecordView } from './data.js';

export function renderNewRecord(view: NewRecordView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const { form, campaign } = view;
  const title = view.partnership === undefined ? t('census.form.newPartnership.title') : t('census.form.newProject.title', { label: view.partnership.label });
  return recordFormPage(
    {
      title,
      breadcrumbs: [{ href: memberPaths.census(), label: t('census.title') }, { href: campaign.href, label: campaign.title }, { href: view.href, label: title }],
      action: form.action,
      csrf: c.csrf,
      specs: recordFields(view.recordType),
      values: form.values,
      errors: form.errors,
      hidden: form.hidden,
      submit: t('census.form.save'),
      cancel: { href: campaign.href, label: t('census.form.cancel') },
      fields: fieldsOptions(form),
    },
    c,
  );
}
