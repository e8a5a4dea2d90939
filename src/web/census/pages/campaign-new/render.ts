import type { MemberRenderContext } from '../../../auth/member-page.js';
import type { RenderedPage } from '../../../page.js';
import { campaignFormPage } from '../campaign-form-render.js';
import type { NewRecordView } from './data.js';

export function renderNewRecord(view: NewRecordView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const title = view.partnership === undefined ? t('census.form.newPartnership.title') : t('census.form.newProject.title', { label: view.partnership.label });
  return campaignFormPage(view, c, { title });
}
