/** The administration forms' fields: a labelled text input and a select, each with its hint and its error tied to it. */
import { fieldId } from '../census/forms.js';
import { html, type SafeHtml } from '../html.js';
import type { RenderContext } from '../page.js';

interface TextOptions {
  type?: string;
  hint?: string;
  list?: string;
  required?: boolean;
  /** several forms on one page: ids made unique */
  idPrefix?: string;
}

export function textField(c: RenderContext, name: string, label: string, value: string, error: string | undefined, options: TextOptions = {}): SafeHtml {
  const id = fieldId(options.idPrefix ? `${options.idPrefix}-${name}` : name);
  const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const required = options.required !== false;
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}${required ? html` <span class="required">${c.t('form.required')}</span>` : ''}</label>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${c.t('form.error.prefix')} </span>${error}</p>` : ''}
<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.list ? html` list="${options.list}" autocomplete="off"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}${required ? html` aria-required="true"` : ''}>
</div>`;
}

export function selectField(c: RenderContext, name: string, label: string, value: string, error: string | undefined, options: readonly [string, string][], idPrefix?: string): SafeHtml {
  const id = fieldId(idPrefix ? `${idPrefix}-${name}` : name);
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${label}</label>
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${c.t('form.error.prefix')} </span>${error}</p>` : ''}
<select id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>${options.map(
    ([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`,
  )}</select>
</div>`;
}
