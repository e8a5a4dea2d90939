/**
 * The partner-search notices' forms: publishing a notice (domains, the partner's country, kind and
 * region from the directory and the country profiles; a description; the last day), and answering
 * one. Errors as everywhere on the members' side: a summary at the top linking to each field, the
 * message beside the field, the form filled again with what was typed.
 */
import { partnerChoices, noticeErrorReason } from '../../census/partner-notices.js';
import type { FieldErrors, ValidationError } from '../../errors.js';
import { defaultProfiles } from '../../profiles/profiles.js';
import { csrfField } from '../auth/members.js';
import { errorSummary, fieldId } from '../census/forms.js';
import type { Directory } from '../data/directory.js';
import { fieldMessages } from '../failures.js';
import { html, type SafeHtml } from '../html.js';
import { countryLabel } from '../i18n/codes.js';
import { domainWords } from '../i18n/domain-labels.js';
import { label, type MessageKey } from '../i18n/index.js';
import type { RenderContext } from '../page.js';

export interface NoticeFormValues {
  collectivityId?: string;
  domains: string[];
  partnerCountry?: string;
  partnerKind?: string;
  partnerRegion?: string;
  description?: string;
  until?: string;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  collectivityId: 'notices.form.collectivity',
  domains: 'notices.form.domains',
  partnerCountry: 'notices.form.country',
  partnerKind: 'notices.form.kind',
  partnerRegion: 'notices.form.region',
  description: 'notices.form.description',
  until: 'notices.form.until',
  message: 'notices.answer.message',
};

/** The services' French messages in the page's words (`notices.error.<reason>`), else as they came. */
export function translatedErrors(error: ValidationError, c: RenderContext): FieldErrors {
  const worded = fieldMessages(c.locale, error);
  return Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, message]) => {
      const reason = noticeErrorReason(message);
      return [field, reason === undefined ? (worded[field] ?? message) : c.t(`notices.error.${reason}` as MessageKey)];
    }),
  );
}

export function noticeErrorSummary(errors: FieldErrors, c: RenderContext): SafeHtml {
  return errorSummary(errors, c, (path) => (FIELD_LABELS[path] ? c.t(FIELD_LABELS[path]) : path));
}

/** A field's frame: label (with its hint), the error beside it, the control. */
function field(name: string, c: RenderContext, errors: FieldErrors, control: (described: string) => SafeHtml, options: { required?: boolean; hint?: string; group?: boolean } = {}): SafeHtml {
  const id = fieldId(name);
  const error = errors[name];
  const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const title = html`${c.t(FIELD_LABELS[name]!)}${options.required ? html` <span class="required">${c.t('form.required')}</span>` : ''}`;
  const hint = options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : '';
  const message = error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${c.t('form.error.prefix')} </span>${error}</p>` : '';
  if (options.group) {
    return html`<fieldset class="field${error ? ' has-error' : ''}" id="${id}"${described ? html` aria-describedby="${described}"` : ''}><legend>${title}</legend>${hint}${message}${control(described)}</fieldset>`;
  }
  return html`<div class="field${error ? ' has-error' : ''}"><label for="${id}">${title}</label>${hint}${message}${control(described)}</div>`;
}

const aria = (described: string, invalid: boolean) => html`${described ? html` aria-describedby="${described}"` : ''}${invalid ? html` aria-invalid="true"` : ''}`;

export interface PublishFormOptions {
  action: string;
  csrf: string;
  dir: Directory;
  /** an editor chooses the collectivity; a contributor's is its own */
  chooseCollectivity: boolean;
  /** the country a contributor's collectivity is in: the partner is sought elsewhere by default */
  ownCountry?: string;
  values: NoticeFormValues;
  errors: FieldErrors;
}

export function publishForm(o: PublishFormOptions, c: RenderContext): SafeHtml {
  const { t } = c;
  const { values, errors, dir } = o;
  const profiles = defaultProfiles();
  const countries = dir.record.countries;
  const country = values.partnerCountry ?? countries.find((k) => k !== o.ownCountry) ?? countries[0];
  const selected = (on: boolean) => (on ? html` selected` : '');
  const collectivity = o.chooseCollectivity
    ? field(
      'collectivityId',
      c,
      errors,
      (d) => html`<select id="${fieldId('collectivityId')}" name="collectivityId"${aria(d, Boolean(errors.collectivityId))}><option value=""></option>${dir.collectivities.map(
        (k) => html`<option value="${k.id}"${selected(k.id === values.collectivityId)}>${k.name} (${countryLabel(c.locale, k.country)})</option>`,
      )}</select>`,
      { required: true },
    )
    : '';
  const domains = field(
    'domains',
    c,
    errors,
    () => {
      const words = (d: Directory['domains'][number]) => domainWords(c.locale, d.label).label;
      const box = (d: Directory['domains'][number], parent?: string) => {
        const id = `${fieldId('domains')}-${dir.domains.indexOf(d)}`;
        return html`<input type="checkbox" id="${id}" name="domains" value="${d.code}"${values.domains.includes(d.code) ? html` checked` : ''}> <label for="${id}">${words(d)}${parent === undefined ? '' : html`<span class="visually-hidden"> (${parent})</span>`}</label>`;
      };
      // a domain and its sub-domains stay together (a column never splits them); a sub-domain's name says its parent to a screen reader ("Autres" is under several)
      return html`<ul class="checkboxes">${dir.domains
        .filter((d) => d.parent === undefined)
        .map((top) => {
          const subs = dir.domains.filter((d) => d.parent === top.code);
          return html`<li class="domain-group"><div class="field checkbox">${box(top)}</div>${
            subs.length === 0 ? '' : html`<ul>${subs.map((d) => html`<li class="field checkbox sub">${box(d, words(top))}</li>`)}</ul>`
          }</li>`;
        })}</ul>`;
    },
    { group: true, hint: t('notices.form.domains.hint') },
  );
  const countryField = field(
    'partnerCountry',
    c,
    errors,
    (d) => html`<select id="${fieldId('partnerCountry')}" name="partnerCountry"${aria(d, Boolean(errors.partnerCountry))}>${countries.map(
      (k) => html`<option value="${k}"${selected(k === country)}>${countryLabel(c.locale, k)}</option>`,
    )}</select>`,
    { required: true },
  );
  // every country's kinds and regions, grouped by country: the form works without script, the server checks the pair
  const byCountry = (pick: (code: string) => SafeHtml) => countries.map((k) => html`<optgroup label="${countryLabel(c.locale, k)}">${pick(k)}</optgroup>`);
  const kindField = field(
    'partnerKind',
    c,
    errors,
    (d) => html`<select id="${fieldId('partnerKind')}" name="partnerKind"${aria(d, Boolean(errors.partnerKind))}><option value="">${t('notices.anyKind')}</option>${byCountry(
      (k) => html`${partnerChoices(profiles, k).kinds.map((kind) => html`<option value="${kind}"${selected(kind === values.partnerKind)}>${label(c.locale, 'kind', kind)}</option>`)}`,
    )}</select>`,
    { hint: t('notices.form.kind.hint') },
  );
  const regionField = field(
    'partnerRegion',
    c,
    errors,
    (d) => html`<select id="${fieldId('partnerRegion')}" name="partnerRegion"${aria(d, Boolean(errors.partnerRegion))}><option value="">${t('notices.anyRegion')}</option>${byCountry(
      (k) => html`${partnerChoices(profiles, k).regions.map((r) => html`<option value="${r.code}"${selected(r.code === values.partnerRegion)}>${r.name}</option>`)}`,
    )}</select>`,
  );
  const description = field(
    'description',
    c,
    errors,
    (d) => html`<textarea id="${fieldId('description')}" name="description" rows="6" aria-required="true"${aria(d, Boolean(errors.description))}>${values.description ?? ''}</textarea>`,
    { required: true, hint: t('notices.form.description.hint') },
  );
  const until = field(
    'until',
    c,
    errors,
    (d) => html`<input type="date" id="${fieldId('until')}" name="until" value="${values.until ?? ''}" aria-required="true"${aria(d, Boolean(errors.until))}>`,
    { required: true, hint: t('notices.form.until.hint') },
  );
  return html`${noticeErrorSummary(errors, c)}
<form method="post" action="${o.action}" class="member-form notice-form" novalidate>
${csrfField(o.csrf)}
${collectivity}
${domains}
${countryField}
${kindField}
${regionField}
${description}
${until}
<p class="form-actions"><button type="submit">${t('notices.form.submit')}</button></p>
</form>`;
}

export function answerForm(o: { action: string; csrf: string; message: string; errors: FieldErrors }, c: RenderContext): SafeHtml {
  const { t } = c;
  return html`${noticeErrorSummary(o.errors, c)}
<form method="post" action="${o.action}" class="member-form answer-form" novalidate>
${csrfField(o.csrf)}
${field(
  'message',
  c,
  o.errors,
  (d) => html`<textarea id="${fieldId('message')}" name="message" rows="8" aria-required="true"${aria(d, Boolean(o.errors.message))}>${o.message}</textarea>`,
  { required: true, hint: t('notices.answer.hint') },
)}
<p class="form-actions"><button type="submit">${t('notices.answer.submit')}</button></p>
</form>`;
}
