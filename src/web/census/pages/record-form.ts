/**
 * What a record form's view model holds, whichever page shows it: the values it shows (the record's,
 * or what was typed), what was wrong, its hidden fields, and the choices its fields offer (the
 * directory's collectivities, countries, kinds and domains; a list's added items and the focus).
 */
import { z } from 'zod';
import type { Directory } from '../../data/directory.js';
import type { RecordType } from '../../../census/records.js';
import { recordFields, type FieldsOptions, type FormValues } from '../forms.js';
import type { RecordFormOptions } from '../render.js';
import { kindChoices } from '../form-choices.js';
import { domainWords } from '../../i18n/domain-labels.js';
import { currentLanguage } from '../../language.js';
import type { ListEdit } from '../form-lists.js';

/** A record form's state when it is shown again: what was typed, and what was wrong with it. */
export interface CampaignFormState {
  values?: FormValues;
  errors?: Record<string, string>;
  /** a list's add or remove button was pressed (form-lists.ts): the items added, where the focus goes */
  list?: ListEdit;
}

export const RecordForm = z.object({
  /** where the form posts */
  action: z.string(),
  /** the form's values by field path (`title`, `contacts[0].name`) */
  values: z.record(z.string(), z.string()),
  /** what was wrong, by field path */
  errors: z.record(z.string(), z.string()),
  hidden: z.record(z.string(), z.string()),
  choices: z.object({
    collectivities: z.array(z.object({ id: z.string(), name: z.string() })),
    countries: z.array(z.string()),
    kinds: z.array(z.object({ country: z.string(), code: z.string() })),
    domains: z.array(z.object({ code: z.string(), label: z.string(), parent: z.string().optional() })),
  }),
  /** the least number of items a list shows (a partnership's parties: 2) */
  minItems: z.record(z.string(), z.number().int()),
  /** a list's add button pressed: the items added by list path, and where the keyboard focus goes */
  added: z.record(z.string(), z.number().int()).optional(),
  focus: z.string().optional(),
});
export type RecordForm = z.infer<typeof RecordForm>;

export function formChoices(dir: Directory | undefined): RecordForm['choices'] {
  const countries = [...(dir?.record.countries ?? [])];
  return {
    collectivities: (dir?.collectivities ?? []).map((k) => ({ id: k.id, name: k.name })),
    countries,
    kinds: kindChoices(countries),
    domains: (dir?.domains ?? []).map((d) => ({ code: d.code, label: domainWords(currentLanguage(), d.label).label, ...(d.parent === undefined ? {} : { parent: d.parent }) })),
  };
}

/** The forms.ts options of a record form's view model. */
export function fieldsOptions(form: RecordForm): FieldsOptions {
  return {
    collectivities: new Map(form.choices.collectivities.map((k) => [k.id, k.name] as const)),
    countries: form.choices.countries,
    kinds: form.choices.kinds,
    domains: form.choices.domains,
    minItems: form.minItems,
    ...(form.added === undefined ? {} : { added: form.added }),
    ...(form.focus === undefined ? {} : { focus: form.focus }),
  };
}

/** What every page drawing a record form passes to render.ts's recordForm or recordFormPage: where it posts, its fields, values, errors and hidden fields. */
export function formParts(form: RecordForm, recordType: RecordType, csrf: string): Pick<RecordFormOptions, 'action' | 'csrf' | 'specs' | 'values' | 'errors' | 'hidden' | 'fields'> {
  return { action: form.action, csrf, specs: recordFields(recordType), values: form.values, errors: form.errors, hidden: form.hidden, fields: fieldsOptions(form) };
}

/** A record form shown again after a POST: what was typed, what was wrong, a list's added items, the version it was based on. */
export function formAgain(form: RecordForm, state: CampaignFormState & { baseVersion?: string }): RecordForm {
  return {
    ...form,
    ...(state.values === undefined ? {} : { values: state.values }),
    ...(state.errors === undefined ? {} : { errors: state.errors }),
    ...(state.baseVersion === undefined ? {} : { hidden: { ...form.hidden, baseVersion: state.baseVersion } }),
    ...(state.list === undefined ? {} : { added: { ...state.list.added }, focus: state.list.focus }),
  };
}
