import type { MemberRenderContext } from '../../../auth/member-page.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import { changesTable, recordForm } from '../../render.js';
import { formParts } from '../record-form.js';
import type { ConflictView } from './data.js';

const BACK_LABELS = { campaign: 'census.form.cancel', record: 'history.view', proposal: 'review.title' } as const;

/** `href`: this answer's URL (the POST's), the breadcrumb's last step. */
export function renderConflict(view: ConflictView, c: MemberRenderContext, href: string): RenderedPage {
  const { t } = c;
  const { theirs, yours, form } = view;
  const body = html`<section class="member-page conflict">
  <h1>${t('common.labelled', { label: t('conflict.title'), text: view.label })}</h1>
  <div class="error-summary" role="alert" id="erreurs"><p>${t('conflict.text', {
    version: theirs.version,
    by: theirs.by ? t('conflict.by', { name: theirs.by }) : '',
    at: theirs.at ? t('conflict.at', { date: formatDateTime(c.locale, theirs.at) }) : '',
    base: yours.version,
  })}</p></div>
  ${view.differences.length === 0 ? html`<p>${t('conflict.same')}</p>` : changesTable(view.differences, c, { before: t('conflict.theirs', { version: theirs.version }), after: t('conflict.yours') })}
  <h2>${t('conflict.reapply')}</h2>
  <p>${t('conflict.reapply.text', { version: theirs.version })}</p>
  ${recordForm(
    {
      ...formParts(form, view.recordType, c.csrf),
      submit: t('conflict.reapply'),
      cancel: { href: view.back.href, label: t('conflict.abandon') },
    },
    c,
  )}
  </section>`;
  return { title: t('conflict.title'), breadcrumbs: [{ href: view.back.href, label: t(BACK_LABELS[view.back.to]) }, { href, label: t('conflict.title') }], body };
}
