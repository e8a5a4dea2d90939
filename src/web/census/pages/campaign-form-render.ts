/**
 * A campaign's record form drawn (a record's update, a new record, a draft edited again): the same
 * frame — the census and the campaign in the breadcrumbs, the fields, save and back to the
 * campaign — around what each page says of itself (its title, its crumb, an introduction).
 */
import type { MemberRenderContext } from '../../auth/member-page.js';
import { memberPaths } from '../../auth/paths.js';
import type { SafeHtml } from '../../html.js';
import type { RenderedPage } from '../../page.js';
import type { RecordType } from '../../../census/records.js';
import { recordFormPage } from '../render.js';
import type { CampaignBack } from './campaign-form.js';
import { formParts, type RecordForm } from './record-form.js';

export interface CampaignFormView {
  readonly href: string;
  readonly recordType: RecordType;
  readonly campaign: CampaignBack;
  readonly form: RecordForm;
}

export function campaignFormPage(view: CampaignFormView, c: MemberRenderContext, page: { title: string; crumb?: string; intro?: SafeHtml }): RenderedPage {
  const { t } = c;
  const { form, campaign } = view;
  return recordFormPage(
    {
      title: page.title,
      breadcrumbs: [{ href: memberPaths.census(), label: t('census.title') }, { href: campaign.href, label: campaign.title }, { href: view.href, label: page.crumb ?? page.title }],
      ...formParts(form, view.recordType, c.csrf),
      submit: t('census.form.save'),
      cancel: { href: campaign.href, label: t('census.form.cancel') },
      ...(page.intro === undefined ? {} : { intro: page.intro }),
    },
    c,
  );
}
