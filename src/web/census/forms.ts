/**
 * Record forms generated from the record types' Zod schemas (`census/records.ts`): one field per
 * property — text, long text, a list of strings as one item per line, numbers, yes/no, a select
 * for an enumeration, money as amount + currency, a nested group (executive, location) as a
 * fieldset, and a list of objects (parties, contacts, partners, funding, budgets) as one fieldset
 * per item plus an empty one to add an item. Everything works without JavaScript.
 *
 * A form travels as flat fields named by path (`title`, `totalCost.amount`, `contacts[2].name`),
 * the same paths the services' ValidationError uses, so that each message is shown next to its
 * field. The three steps: `formValues` (record → fields), `parseForm` (fields → record, the
 * service validates it), `renderFields` (fields + errors → HTML).
 * Size: the three steps of a generated form (`formValues`, `parseForm`, `renderFields`) over the same field specs and paths: they change together whenever a record type does.
 */
import { z } from 'zod';
import { RECORD_SCHEMAS, type RecordType } from '../../census/records.js';
import type { ValidationError, ZodWording } from '../../errors.js';
import { fieldMessages } from '../failures.js';
import { html, type SafeHtml } from '../html.js';
import { fieldLabel, label as labelOf, phrase, type Locale, type MessageKey } from '../i18n/index.js';
import type { RenderContext } from '../page.js';
import { domainCheckboxes, kindOptions, type DomainChoice, type KindChoice } from './form-choices.js';

export type FieldKind = 'text' | 'textarea' | 'lines' | 'number' | 'boolean' | 'select' | 'date' | 'collectivity' | 'country' | 'kind' | 'domains' | 'group' | 'items';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  required: boolean;
  integer?: boolean;
  /** an enumeration's values */
  options?: readonly string[];
  /** a group's or an item's fields */
  fields?: FieldSpec[];
  /** a money group (amount + currency) */
  money?: boolean;
}

/** Flat form values by path; a field absent from the map is empty. */
export type FormValues = Record<string, string>;

const LONG_TEXT = new Set(['history', 'description', 'observations', 'address', 'fundingText', 'domainsText', 'legalFramework', 'dateText', 'text', 'periodText', 'contact']);
const DATE_FIELDS = new Set(['signedDate', 'startDate', 'endDate']);
/** A record's or a form body's fields by name; anything else has none. */
function fieldsOf(value: unknown): Record<string, unknown> {
  const fields = z.record(z.string(), z.unknown()).safeParse(value);
  return fields.success ? fields.data : {};
}

/** Fields a form never shows: the record's id (fixed) and its provenance (kept as it was). */
const HIDDEN_TOP = new Set(['id', 'code', 'source']);

/** A schema without its optional or default wrappers, and whether it had one. */
function unwrap(schema: z.core.$ZodType): { inner: z.core.$ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    optional = true;
    inner = inner.unwrap();
  }
  return { inner, optional };
}

function describeShape(shape: Readonly<Record<string, z.core.$ZodType>>, top: boolean): FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (top && HIDDEN_TOP.has(key)) continue;
    if (key === 'source') continue;
    const { inner, optional } = unwrap(schema);
    const required = !optional;
    if (inner instanceof z.ZodString) {
      const kind: FieldKind =
        key === 'collectivityId' || key === 'funderCollectivityId' ? 'collectivity' : key === 'country' ? 'country' : top && key === 'kind' ? 'kind' : DATE_FIELDS.has(key) ? 'date' : LONG_TEXT.has(key) ? 'textarea' : 'text';
      specs.push({ key, kind, required });
    } else if (inner instanceof z.ZodNumber) {
      specs.push({ key, kind: 'number', required, integer: inner.isInt });
    } else if (inner instanceof z.ZodBoolean) {
      specs.push({ key, kind: 'boolean', required });
    } else if (inner instanceof z.ZodEnum) {
      specs.push({ key, kind: 'select', required, options: inner.options.map(String) });
    } else if (inner instanceof z.ZodArray) {
      const element = unwrap(inner.element).inner;
      if (element instanceof z.ZodObject) {
        specs.push({ key, kind: 'items', required, fields: describeShape(element.shape, false) });
      } else {
        specs.push({ key, kind: key === 'domains' ? 'domains' : 'lines', required });
      }
    } else if (inner instanceof z.ZodObject) {
      const fields = describeShape(inner.shape, false);
      specs.push({ key, kind: 'group', required, fields, money: fields.some((f) => f.key === 'amount') && fields.some((f) => f.key === 'currency') });
    }
  }
  return specs;
}

const SPECS = new Map<RecordType, FieldSpec[]>();

/** The fields of a record type's form. */
export function recordFields(recordType: RecordType): FieldSpec[] {
  let specs = SPECS.get(recordType);
  if (specs === undefined) {
    specs = describeShape(RECORD_SCHEMAS[recordType].shape, true);
    SPECS.set(recordType, specs);
  }
  return specs;
}

// ---------------------------------------------------------------------------------------------
// record → values

/** The form's values for a record (or a partial one: a new record's defaults). */
export function formValues(specs: readonly FieldSpec[], record: unknown, prefix = ''): FormValues {
  const values: FormValues = {};
  const data = fieldsOf(record);
  for (const spec of specs) {
    const path = prefix + spec.key;
    const value = data[spec.key];
    if (value === undefined || value === null) continue;
    switch (spec.kind) {
      case 'lines':
      case 'domains':
        if (Array.isArray(value)) values[path] = value.map(String).join('\n');
        break;
      case 'boolean':
        values[path] = value ? 'true' : 'false';
        break;
      case 'group':
        Object.assign(values, formValues(spec.fields ?? [], value, `${path}.`));
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => Object.assign(values, formValues(spec.fields ?? [], item, `${path}[${i}].`)));
        break;
      default:
        values[path] = String(value);
    }
  }
  return values;
}

/** Fields sent as several values of one name (checkboxes). */
const MULTIPLE = /(^|\.)domains$/;

/** The flat fields of a form body (strings only; the CSRF token and buttons left out). */
export function bodyValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(fieldsOf(body))) {
    if (key.startsWith('_')) continue;
    // the domains' checkboxes send one value each: a list field's one-code-a-line value
    const text = Array.isArray(value) ? (MULTIPLE.test(key) ? value.filter((v) => typeof v === 'string').join('\n') : value[value.length - 1]) : value;
    if (typeof text === 'string') values[key] = text.slice(0, 20_000);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// values → record

export interface ParsedForm {
  data: Record<string, unknown>;
  /** the form path of a path in `data` (items left blank are dropped, so indexes may shift) */
  formPath(path: string): string;
}

export function parseForm(specs: readonly FieldSpec[], values: FormValues): ParsedForm {
  const itemMaps = new Map<string, number[]>();
  const data = parseGroup(specs, values, '', itemMaps) ?? {};
  return {
    data,
    formPath(path: string) {
      return path.replace(/^([^[]+)\[(\d+)\]/, (whole, key: string, index: string) => {
        const formIndex = itemMaps.get(key)?.[Number(index)];
        return formIndex === undefined ? whole : `${key}[${formIndex}]`;
      });
    },
  };
}

function parseGroup(specs: readonly FieldSpec[], values: FormValues, prefix: string, itemMaps: Map<string, number[]>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let filled = false;
  for (const spec of specs) {
    const path = prefix + spec.key;
    const value = parseField(spec, values, path, itemMaps);
    if (value !== undefined) {
      out[spec.key] = value;
      if (value !== '') filled = true;
    }
  }
  return filled ? out : undefined;
}

function parseField(spec: FieldSpec, values: FormValues, path: string, itemMaps: Map<string, number[]>): unknown {
  const raw = values[path];
  const text = raw?.trim() ?? '';
  switch (spec.kind) {
    case 'lines':
    case 'domains': {
      const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      return lines.length === 0 ? undefined : lines;
    }
    case 'number': {
      if (text === '') return undefined;
      const number = Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'group':
      return parseGroup(spec.fields ?? [], values, `${path}.`, itemMaps);
    case 'items': {
      const indexes = new Set<number>();
      const pattern = new RegExp(`^${escapeRegExp(path)}\\[(\\d+)\\]\\.`);
      for (const key of Object.keys(values)) {
        const match = pattern.exec(key);
        if (match) indexes.add(Number(match[1]));
      }
      const items: unknown[] = [];
      const map: number[] = [];
      for (const index of [...indexes].sort((a, b) => a - b)) {
        const item = parseGroup(spec.fields ?? [], values, `${path}[${index}].`, itemMaps);
        if (item === undefined) continue;
        // a required text left empty in a filled item: '' so that the service says which
        for (const field of spec.fields ?? []) if (field.required && item[field.key] === undefined && field.kind !== 'group' && field.kind !== 'items') item[field.key] = '';
        map.push(index);
        items.push(item);
      }
      itemMaps.set(path, map);
      return items.length === 0 ? (spec.required ? [] : undefined) : items;
    }
    default:
      if (text === '') return spec.required ? '' : undefined;
      return spec.kind === 'country' ? text.toUpperCase() : text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// errors

/** The field errors of a service's ValidationError, in the page's language, by form path. */
export function formErrors(specs: readonly FieldSpec[], error: ValidationError, parsed: ParsedForm | undefined, c: RenderContext): Record<string, string> {
  const messages = fieldMessages(c.locale, error, (path, issue) => fieldIssueKey(specAt(specs, path), path, issue));
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(messages)) {
    // an error on a list as a whole (parties: at least two) goes to its first item's first field
    errors[parsed === undefined ? path : parsed.formPath(path)] ??= message;
  }
  return errors;
}

function specAt(specs: readonly FieldSpec[], path: string): FieldSpec | undefined {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  let list: readonly FieldSpec[] | undefined = specs;
  let found: FieldSpec | undefined;
  for (const part of parts) {
    found = list?.find((s) => s.key === part);
    list = found?.fields;
  }
  return found;
}

/** What a record's field says of a failed check, where the field knows better than the check's code (its bounds, its pattern). */
function fieldIssueKey(spec: FieldSpec | undefined, path: string, issue: ZodWording): MessageKey | undefined {
  const key = path.split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  const { zod, origin } = issue;
  if (zod === 'too_small' && origin === 'array' && key === 'parties') return 'form.error.parties';
  if (zod === 'too_small' || zod === 'too_big') {
    if (key === 'share') return 'form.error.share';
    if (key === 'lat') return 'form.error.latitude';
    if (key === 'lon') return 'form.error.longitude';
  }
  if (spec?.integer && zod === 'invalid_type' && issue.input !== 'missing') return 'form.error.integer';
  if (zod === 'invalid_format') {
    if (key === 'currency') return 'form.error.currency';
    if (spec?.kind === 'date') return 'form.error.date';
    if (key === 'country') return 'form.error.country';
    if (issue.format === 'regex') return 'form.error.id';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// rendering

export interface FieldsOptions {
  /** collectivities for the suggestions of collectivity fields: id → name */
  collectivities?: ReadonlyMap<string, string>;
  /** the countries a country field offers: the directory's, home first */
  countries?: readonly string[];
  /** empty items to offer in each list (default 1) */
  extraItems?: number;
  /** the minimum number of items shown in a list (parties: 2) */
  minItems?: Readonly<Record<string, number>>;
  /** the kinds of collectivity a kind field offers: the profiles' of the directory's countries */
  kinds?: readonly KindChoice[];
  /** the domains a project's domains field offers as checkboxes */
  domains?: readonly DomainChoice[];
  /** empty items added by the add buttons (form-lists.ts), by list path */
  added?: Readonly<Record<string, number>>;
  /** the form path to give the keyboard focus (an added item, a list's add button) */
  focus?: string;
}

export const COLLECTIVITY_LIST_ID = 'collectivites-suggerees';

export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

const ENUM_LABELS: Record<string, string> = { status: 'status', tier: 'tier', frameworkKind: 'framework', kind: 'contactKind', domainRule: 'domainRule' };

function optionLabel(c: RenderContext, key: string, value: string): string {
  const prefix = ENUM_LABELS[key];
  return prefix === undefined ? value : labelOf(c.locale, prefix, value);
}

/** The form's fields, filled with `values`, each error next to its field. */
export function renderFields(specs: readonly FieldSpec[], values: FormValues, errors: Record<string, string>, c: RenderContext, options: FieldsOptions = {}): SafeHtml {
  const needsList = JSON.stringify(specs).includes('"collectivity"');
  return html`${renderList(specs, values, errors, c, options, '')}${
    needsList && options.collectivities
      ? html`<datalist id="${COLLECTIVITY_LIST_ID}">${[...options.collectivities].map(([id, name]) => html`<option value="${id}">${name}</option>`)}</datalist>`
      : ''
  }`;
}

function renderList(specs: readonly FieldSpec[], values: FormValues, errors: Record<string, string>, c: RenderContext, options: FieldsOptions, prefix: string): SafeHtml {
  return html`${specs.map((spec) => renderField(spec, values, errors, c, options, prefix))}`;
}

function renderField(spec: FieldSpec, values: FormValues, errors: Record<string, string>, c: RenderContext, options: FieldsOptions, prefix: string): SafeHtml {
  const { t } = c;
  const path = prefix + spec.key;
  const id = fieldId(path);
  const name = fieldLabel(c.locale, spec.key);
  const label = capitalise(name);
  const error = errors[path];
  const hints: string[] = [];
  if (spec.kind === 'lines') hints.push(t('form.lines.hint'));
  if (spec.kind === 'domains') hints.push(options.domains?.length ? t('form.domains.choose') : t('form.domains.hint'));
  if (spec.kind === 'date') hints.push(t('form.date.hint'));
  if (spec.kind === 'collectivity') hints.push(t('form.collectivity.hint'));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hints.length > 0 ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const aria = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}${spec.required ? html` aria-required="true"` : ''}${options.focus === path ? html` autofocus` : ''}`;
  const value = values[path] ?? '';
  const labelHtml = html`<label for="${id}">${label}${spec.required ? html` <span class="required">${t('form.required')}</span>` : ''}</label>`;
  const hintHtml = hints.length > 0 ? html`<p class="hint" id="${hintId}">${hints.join(' ')}</p>` : '';
  const errorHtml = error ? html`<p class="field-error" id="${errorId}"><span class="visually-hidden">${t('form.error.prefix')} </span>${error}</p>` : '';
  const wrap = (control: SafeHtml) => html`<div class="field${error ? ' has-error' : ''}">${labelHtml}${hintHtml}${errorHtml}${control}</div>`;

  switch (spec.kind) {
    case 'textarea':
      return wrap(html`<textarea id="${id}" name="${path}" rows="4"${aria}>${value}</textarea>`);
    case 'kind':
      if (!options.kinds?.length) return wrap(html`<input id="${id}" name="${path}" type="text" value="${value}"${aria}>`);
      return wrap(html`<select id="${id}" name="${path}"${aria}>${kindOptions(c.locale, options.kinds, value, t('form.select.unset'))}</select>`);
    case 'domains':
      if (options.domains?.length) {
        return html`<div class="field${error ? ' has-error' : ''}">${domainCheckboxes({
          id,
          name: path,
          legend: html`${label}${spec.required ? html` <span class="required">${t('form.required')}</span>` : ''}`,
          domains: options.domains,
          chosen: value.split('\n').map((code) => code.trim()).filter(Boolean),
          ...(describedBy ? { describedBy } : {}),
        })}${hintHtml}${errorHtml}</div>`;
      }
      // without a taxonomy: one code a line
      return wrap(html`<textarea id="${id}" name="${path}" rows="${Math.min(12, Math.max(3, value.split('\n').length + 1))}"${aria}>${value}</textarea>`);
    case 'lines': {
      const rows = Math.min(12, Math.max(3, value.split('\n').length + 1));
      return wrap(html`<textarea id="${id}" name="${path}" rows="${rows}"${aria}>${value}</textarea>`);
    }
    case 'number':
      return wrap(html`<input id="${id}" name="${path}" type="text" inputmode="${spec.integer ? 'numeric' : 'decimal'}" value="${value}"${aria}>`);
    case 'boolean':
      return wrap(html`<select id="${id}" name="${path}"${aria}>
<option value=""${value === '' ? html` selected` : ''}>${t('form.boolean.unset')}</option>
<option value="true"${value === 'true' ? html` selected` : ''}>${t('common.yes')}</option>
<option value="false"${value === 'false' ? html` selected` : ''}>${t('common.no')}</option>
</select>`);
    case 'select': {
      const known = spec.options ?? [];
      const choices = value !== '' && !known.includes(value) ? [...known, value] : known;
      return wrap(html`<select id="${id}" name="${path}"${aria}>
<option value=""${value === '' ? html` selected` : ''}>${t('form.select.unset')}</option>
${choices.map((option) => html`<option value="${option}"${option === value ? html` selected` : ''}>${optionLabel(c, spec.key, option)}</option>`)}
</select>`);
    }
    case 'country': {
      const known = options.countries ?? [];
      const choices = value !== '' && !known.includes(value) ? [...known, value] : known;
      return wrap(html`<select id="${id}" name="${path}"${aria}>
${spec.required ? '' : html`<option value=""${value === '' ? html` selected` : ''}>${t('form.select.unset')}</option>`}
${spec.required && value === '' ? html`<option value="" selected>${t('form.select.unset')}</option>` : ''}
${choices.map((option) => html`<option value="${option}"${option === value ? html` selected` : ''}>${labelOf(c.locale, 'country', option)}</option>`)}
</select>`);
    }
    case 'collectivity':
      return wrap(html`<input id="${id}" name="${path}" type="text" list="${COLLECTIVITY_LIST_ID}" autocomplete="off" value="${value}"${aria}>`);
    case 'date':
      return wrap(html`<input id="${id}" name="${path}" type="text" inputmode="numeric" value="${value}" size="10"${aria}>`);
    case 'group':
      return html`<fieldset class="group${spec.money ? ' money' : ''}" id="${id}"><legend>${label}</legend>${errorHtml}${renderList(spec.fields ?? [], values, errors, c, options, `${path}.`)}</fieldset>`;
    case 'items': {
      const indexes = new Set<number>();
      const pattern = new RegExp(`^${escapeRegExp(path)}\\[(\\d+)\\]\\.`);
      for (const key of [...Object.keys(values), ...Object.keys(errors)]) {
        const match = pattern.exec(key);
        if (match) indexes.add(Number(match[1]));
      }
      const filled = indexes.size === 0 ? 0 : Math.max(...indexes) + 1;
      const count = Math.max(filled + (options.extraItems ?? 1) + (options.added?.[path] ?? 0), options.minItems?.[spec.key] ?? 0);
      const items = Array.from({ length: count }, (_, i) => i);
      // an item's heading, numbered: the list's own word for one item, else the list's name and the number
      const heading = (n: number) => phrase(c.locale, 'form.listItem', spec.key, { n }) ?? t('form.item', { label: capitalise(name), n });
      // an added item: the keyboard focus goes to its first field
      const first = spec.fields?.[0]?.key;
      const itemOptions = (i: number): FieldsOptions => (options.focus === `${path}[${i}]` && first !== undefined ? { ...options, focus: `${path}[${i}].${first}` } : options);
      return html`<fieldset class="items" id="${id}"><legend>${label}</legend>${errorHtml}<p class="hint">${t('form.item.hint')}</p>${items.map(
        (i) =>
          html`<fieldset class="item"><legend>${i >= filled ? t('form.optional.item', { label: heading(i + 1) }) : heading(i + 1)}</legend>${renderList(
            spec.fields ?? [],
            values,
            errors,
            c,
            itemOptions(i),
            `${path}[${i}].`,
          )}${
            i < filled
              ? html`<p class="item-actions"><button type="submit" name="_remove" value="${path}[${i}]" class="small secondary">${t('form.item.remove', { label: heading(i + 1) })}</button></p>`
              : ''
          }</fieldset>`,
      )}<p class="item-actions"><button type="submit" name="_add" value="${path}" class="small secondary" id="${id}-add"${options.focus === `${path}[add]` ? html` autofocus` : ''}>${t('form.item.add', {
        label: heading(count + 1),
      })}</button></p></fieldset>`;
    }
    default:
      return wrap(html`<input id="${id}" name="${path}" type="text" value="${value}"${aria}>`);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The summary of errors at the top of a form: links to each field. */
export function errorSummary(errors: Record<string, string>, c: RenderContext, labels: (path: string) => string = (path) => pathLabel(c.locale, path)): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  const { t } = c;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="erreurs"><h2>${t('form.errors.title')}</h2><p>${t(entries.length === 1 ? 'form.errors.intro.one' : 'form.errors.intro.other', { count: entries.length })}</p><ul>${entries.map(
    ([path, message]) => html`<li>${path === '' ? message : html`<a href="#${fieldId(path)}">${t('common.labelled', { label: labels(path), text: message })}</a>`}</li>`,
  )}</ul></div>`;
}

/** "contacts[1].name" → "Contacts 2, nom". */
export function pathLabel(locale: Locale, path: string): string {
  return capitalise(
    path
    .split('.')
    .map((part) => {
      const match = /^(.*)\[(\d+)\]$/.exec(part);
      return match ? `${capitalise(fieldLabel(locale, match[1]!))} ${Number(match[2]) + 1}` : fieldLabel(locale, part);
    })
    .join(', '),
  );
}
