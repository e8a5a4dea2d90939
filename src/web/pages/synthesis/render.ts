/** The synthesis page's HTML: the printed synthesis's layout, with the disagreements marked. */
import { html, type SafeHtml } from '../../html.js';
import type { RenderContext, RenderedPage } from '../../page.js';
import { paths } from '../../paths.js';
import { domainText, partnershipLink } from '../../render/parts.js';
import { message } from '../report/render.js';
import type { SynthesisView } from './data.js';

type Issue = SynthesisView['unplaced'][number];
type Section = SynthesisView['domains'][number]['children'][number];

function disagreement(issue: Issue, c: RenderContext): SafeHtml {
  // the printed synthesis's line stays in the JSON twin: a reader is told what differs, in French
  return html`<p class="disagreement" role="note"><span class="marker" aria-hidden="true">⚠</span> ${c.t('synthesis.disagreement', { message: message(issue, c) })}</p>`;
}

function pairs(s: Section, c: RenderContext): SafeHtml {
  return html`${s.disagreements.map((issue) => disagreement(issue, c))}${
    s.partnerships.length === 0
      ? ''
      : html`<ul class="pairs">${s.partnerships.map(
          (p) => html`<li${p.disagreements.length > 0 ? html` class="disagrees"` : ''}>${partnershipLink(p.partnership)}${p.disagreements.map((issue) => disagreement(issue, c))}</li>`,
        )}</ul>`
  }${s.moreHref === undefined ? '' : html`<p class="muted"><a href="${s.moreHref}">${c.t('list.all')}</a></p>`}`;
}

export function renderSynthesis(v: SynthesisView, c: RenderContext): RenderedPage {
  const { t } = c;
  const body = html`<h1>${t('synthesis.title')}</h1>
<p>${t('synthesis.intro')}</p>
${v.domains.map(
  (d) => html`<section class="synthesis-domain" id="${d.domain.code}"><h2><a href="${d.domain.href}">${domainText(d.domain, c)}</a></h2>
${pairs(d, c)}
${d.children.map(
  (child) => html`<section class="synthesis-subdomain" id="${child.domain.code}"><h3><span aria-hidden="true">➤ </span><a href="${child.domain.href}">${domainText(child.domain, c)}</a></h3>
${child.partnerships.length === 0 && child.disagreements.length === 0 ? html`<p class="muted">${t('synthesis.empty')}</p>` : pairs(child, c)}</section>`,
)}
</section>`,
)}
${v.unplaced.length === 0 ? '' : html`<section><h2>${t('synthesis.unplaced')}</h2>${v.unplaced.map((issue) => disagreement(issue, c))}</section>`}`;
  return { title: t('synthesis.title'), breadcrumbs: [{ href: paths.synthesis(), label: t('nav.synthesis') }], body };
}
