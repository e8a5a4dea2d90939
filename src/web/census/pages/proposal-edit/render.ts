import type { MemberRenderContext } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import type { RenderedPage } from '../../../page.js';
import { recordFormPage } from '../../render.js';
import { formParts } from '../record-form.js';
import type { ProposalEditView } from './data.js';

export function renderProposalEdit(view: ProposalEditView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const { form } = view;
  return recordFormPage(
    {
      title: t('review.edit.title', { label: view.label }),
      breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }, { href: view.proposalHref, label: view.label }, { href: form.action, label: t('review.edit') }],
      ...formParts(form, view.recordType, c.csrf),
      submit: t('review.edit.submit'),
      cancel: { href: view.proposalHref, label: t('review.back') },
    },
    c,
  );
}
