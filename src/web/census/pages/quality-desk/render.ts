import { FINDING_KINDS } from '../../../../census/quality/findings.js';
import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { html } from '../../../html.js';
import type { RenderedPage } from '../../../page.js';
import type { QualityDeskView } from './data.js';

export function renderQualityDesk(d: QualityDeskView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const count = (kind: string) => d.counts[kind] ?? 0;
  const notice = d.notice === 'accepted' ? html`<p class="success" role="status">${t('quality.accepted')}</p>` : d.notice === 'unknown' ? html`<p class="error-summary" role="alert">${t('quality.unknown')}</p>` : '';
  const body = html`<section class="member-page quality">
  <h1>${t('quality.title')}</h1>
  ${notice}
  <p>${t('quality.intro')}</p>
  <table class="stats-table"><caption>${t('quality.counts')}</caption><thead><tr><th scope="col">${t('quality.kind')}</th><th scope="col" class="num">${t('quality.count')}</th></tr></thead><tbody>${FINDING_KINDS.map(
    (kind) => html`<tr><th scope="row">${count(kind) > 0 ? html`<a href="#${kind}">${t(`quality.kind.${kind}`)}</a>` : t(`quality.kind.${kind}`)}</th><td class="num">${count(kind)}</td></tr>`,
  )}</tbody></table>
  ${d.accepted > 0 ? html`<p class="muted">${t('quality.acceptedCount', { count: d.accepted })}</p>` : ''}
  <p><a href="${memberPaths.qualityJson()}">${t('quality.json')}</a></p>
  ${d.findings.length === 0 ? html`<p>${t('quality.none')}</p>` : ''}
  ${FINDING_KINDS.filter((kind) => count(kind) > 0).map(
    (kind) => html`<h2 id="${kind}">${t(`quality.kind.${kind}`)} (${count(kind)})</h2>
  <ul class="findings">${d.findings
    .filter((f) => f.kind === kind)
    .map(
      (f) => html`<li>${f.text}${f.line !== undefined ? html` <span class="muted">(${t('quality.line', { line: String(f.line) })})</span>` : ''}
  <a href="${f.href}">${t('quality.fix')}</a>
  <form method="post" action="${memberPaths.qualityAccept()}" class="inline-form">${csrfField(c.csrf)}<input type="hidden" name="key" value="${f.key}"><button type="submit" class="small">${t('quality.accept')}</button></form></li>`,
    )}</ul>`,
  )}
  </section>`;
  return { title: t('quality.title'), breadcrumbs: [{ href: memberPaths.quality(), label: t('quality.title') }], body };
}
