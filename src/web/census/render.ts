/**
 * The census pages' shared pieces: record values as HTML, the field-by-field difference tables
 * (review, history, conflict), and the record form page every edit goes through.
 */
import { z } from 'zod';
import type { FieldChangeView } from './pages/changes.js';
import type { RecordType } from '../../census/records.js';
import type { Directory } from '../data/directory.js';
import { html, type SafeHtml } from '../html.js';
import { direction, fieldLabel, formatMoney, label as labelOf } from '../i18n/index.js';
import type { Link } from '../pages/common.js';
import { partnershipTitle } from '../pages/common.js';
import type { RenderContext, RenderedPage } from '../page.js';
import { paths } from '../paths.js';
import { labelled } from '../render/parts.js';
import { csrfField } from '../auth/members.js';
import { errorSummary, renderFields, type FieldSpec, type FieldsOptions, type FormValues } from './forms.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const ENUM_PREFIXES: Record<string, string> = { status: 'status', tier: 'tier', frameworkKind: 'framework', kind: 'contactKind', country: 'country' };

/** A value of a record, readable: lists as lists, objects as field: value, money as money. */
export function valueHtml(value: unknown, c: RenderContext, key = ''): SafeHtml {
  if (value === undefined || value === null || value === '') return html`<span class="muted">${c.t('common.none')}</span>`;
  if (typeof value === 'boolean') return html`${value ? c.t('common.yes') : c.t('common.no')}`;
  if (typeof value === 'string' || typeof value === 'number') {
    const prefix = ENUM_PREFIXES[key];
    return html`${prefix && typeof value === 'string' ? labelOf(c.locale, prefix, value) : String(value)}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return html`<span class="muted">${c.t('common.none')}</span>`;
    return html`<ul class="values">${value.map((item) => html`<li>${valueHtml(item, c, key)}</li>`)}</ul>`;
  }
  if (isObject(value)) {
    if (typeof value.amount === 'number' && typeof value.currency === 'string') {
      const money = { amount: value.amount, currency: value.currency, ...(value.approximate === true ? { approximate: true } : {}) };
      return html`${formatMoney(c.locale, money)}${typeof value.text === 'string' ? html` <span class="muted">(${value.text})</span>` : ''}`;
    }
    return html`<dl class="value-fields">${Object.entries(value).map(([k, v]) => html`<div><dt>${fieldLabel(c.locale, k)}</dt><dd>${valueHtml(v, c, k)}</dd></div>`)}</dl>`;
  }
  return html`${String(value)}`;
}

/** The changes of a diff as a table: field, before, after (a list's added, removed and changed items). */
export function changesTable(changes: readonly FieldChangeView[], c: RenderContext, headings: { before: string; after: string }, caption?: string): SafeHtml {
  const { t } = c;
  if (changes.length === 0) return html`<p>${t('review.noChanges')}</p>`;
  const key = (field: string) => field.split('.').pop() ?? field;
  return html`<table class="diff">${caption ? html`<caption>${caption}</caption>` : ''}<thead><tr><th scope="col">${t('review.field')}</th><th scope="col">${headings.before}</th><th scope="col">${headings.after}</th></tr></thead><tbody>${changes.map(
    (change) => html`<tr class="change-${change.kind}"><th scope="row">${capitalise(fieldLabel(c.locale, change.field))} <span class="badge">${t(`review.kind.${change.kind}`)}</span></th>${
      change.list && change.kind === 'changed'
        ? html`<td colspan="2">${listChanges(change, c)}</td>`
        : html`<td class="before">${change.kind === 'added' ? '' : valueHtml(change.before, c, key(change.field))}</td><td class="after">${change.kind === 'removed' ? '' : valueHtml(change.after, c, key(change.field))}</td>`
    }</tr>`,
  )}</tbody></table>`;
}

function listChanges(change: FieldChangeView, c: RenderContext): SafeHtml {
  const { t } = c;
  const list = change.list!;
  const key = change.field.split('.').pop() ?? change.field;
  return html`<ul class="list-changes">
${list.added.map((item) => html`<li class="added"><strong>${t('common.label', { label: t('review.list.added') })}</strong> ${valueHtml(item, c, key)}</li>`)}
${list.removed.map((item) => html`<li class="removed"><strong>${t('common.label', { label: t('review.list.removed') })}</strong> ${valueHtml(item, c, key)}</li>`)}
${list.changed.map(
  (item) => html`<li class="changed"><strong>${t('common.label', { label: `${t('review.list.changed')} (${item.key})` })}</strong><ul>${item.fields.map(
    (f) => html`<li>${labelled(c, capitalise(fieldLabel(c.locale, f.field)), html`<del>${valueHtml(f.before, c, f.field)}</del> ${direction(c.locale) === 'rtl' ? '←' : '→'} <ins>${valueHtml(f.after, c, f.field)}</ins>`)}</li>`,
  )}</ul></li>`,
)}
${list.reordered ? html`<li>${t('review.list.reordered')}</li>` : ''}
</ul>`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

/** What a partnership's name is made of: its parties' collectivities, on their side by country (a draft's party may not have one yet). */
const PartiesNamed = z.array(z.object({ collectivityId: z.string(), country: z.string().catch('') }));

/**
 * A record's name for titles and lists: a collectivity's name, a partnership's sides, a project's
 * title, from the record's data (proposals and versions carry it); a collectivity's from the
 * snapshot otherwise, else the id.
 */
export function recordLabel(dir: Directory | undefined, recordType: RecordType | string, recordId: string, data?: unknown): string {
  const d = isObject(data) ? data : {};
  if (recordType === 'collectivity') return String(d.name ?? dir?.collectivity.get(recordId)?.name ?? recordId);
  if (recordType === 'project') return String(d.title ?? recordId);
  if (recordType === 'partnership') {
    const parties = PartiesNamed.safeParse(d.parties);
    return parties.success && dir ? partnershipTitle(dir, { parties: parties.data }) : recordId;
  }
  return String(d.label ?? recordId);
}

/** The public page of a record. */
export function publicPath(recordType: RecordType | string, recordId: string): string | undefined {
  if (recordType === 'collectivity') return paths.collectivity(recordId);
  if (recordType === 'partnership') return paths.partnership(recordId);
  if (recordType === 'project') return paths.project(recordId);
  return undefined;
}

export interface RecordFormOptions {
  title: string;
  breadcrumbs: Link[];
  action: string;
  csrf: string;
  specs: readonly FieldSpec[];
  values: FormValues;
  errors: Record<string, string>;
  /** hidden fields: the base version, the draft, the collectivity… */
  hidden: Record<string, string | undefined>;
  submit: string;
  intro?: SafeHtml;
  cancel?: Link;
  fields?: FieldsOptions;
}

/** A record's form page: error summary, the generated fields, the hidden version. */
export function recordFormPage(o: RecordFormOptions, c: RenderContext): RenderedPage {
  const body = html`<section class="member-page record-form">
<h1>${o.title}</h1>
${errorSummary(o.errors, c)}
${o.intro ?? ''}
${recordForm(o, c)}
</section>`;
  return { title: o.title, breadcrumbs: o.breadcrumbs, body };
}

/** Its first button, hidden, is the save: Enter in a field presses a form's first submit button, which must not be a list's add or remove (form-lists.ts). */
export function recordForm(o: Omit<RecordFormOptions, 'title' | 'breadcrumbs'>, c: RenderContext): SafeHtml {
  return html`<form method="post" action="${o.action}" class="member-form" novalidate>
${csrfField(o.csrf)}
<button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">${o.submit}</button>
${Object.entries(o.hidden).map(([name, value]) => (value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`))}
${renderFields(o.specs, o.values, o.errors, c, o.fields)}
<p class="form-actions"><button type="submit">${o.submit}</button>${o.cancel ? html` <a href="${o.cancel.href}">${o.cancel.label}</a>` : ''}</p>
</form>`;
}

/** Whether the site shows the record (a removed one has a history but no page). */
export async function recordIsPublished(dir: Directory | undefined, recordType: RecordType | string, recordId: string): Promise<boolean> {
  if (dir === undefined) return false;
  if (recordType === 'collectivity') return dir.collectivity.has(recordId);
  if (recordType === 'partnership') return (await dir.partnership(recordId)) !== undefined;
  return (await dir.project(recordId)) !== undefined;
}
