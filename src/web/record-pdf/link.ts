/** The link of a record page to its own PDF (index.ts); `nofollow`: robots need not print every record. */
import { html, type SafeHtml } from '../html.js';
import type { RenderContext } from '../page.js';
import { pdfOf } from './paths.js';

export function recordPdfLink(href: string, c: RenderContext): SafeHtml {
  return html`<p class="record-pdf"><a href="${pdfOf(href)}" download type="application/pdf" rel="nofollow">${c.t('recordPdf.link')}</a></p>`;
}
