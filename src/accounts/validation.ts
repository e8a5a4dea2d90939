/**
 * Every service input goes through `parseInput`: a Zod schema, French messages, and on failure a
 * ValidationError whose `fieldErrors` tie each message to its field's path, so that a form can
 * show it next to the field, filled again with what the person typed (`input`).
 */
import { z } from 'zod';
import { ValidationError, type FailureKey, type FieldErrors, type FieldWording, type FieldWordings, type Wording, type ZodIssueCode } from '../errors.js';

const french = z.locales.fr().localeError;

/** `parties[1].collectivityId`: the path of a field as forms and messages name it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** The first message for each field (an empty path is the form as a whole: key ''). */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = fieldPath([...prefix, ...issue.path]);
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * The first issue of each field as a code, for the web layer to word in the page's language: Zod's
 * code, what it checked (`origin`: string, number, array; `expected`; `format`; the limit), and
 * whether the field was left empty (`input: 'missing'`, read from the input itself: Zod's issues
 * do not carry it).
 */
export function fieldWordingsOf(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly PropertyKey[] = []): FieldWordings {
  const wordings: FieldWordings = {};
  for (const issue of issues) {
    const path = fieldPath([...prefix, ...issue.path]);
    if (path in wordings) continue;
    // a check of ours (`refine`) names its wording in its params
    const own = issue.code === 'custom' ? (issue.params as { wording?: FailureKey } | undefined)?.wording : undefined;
    if (own !== undefined) {
      wordings[path] = { key: own };
      continue;
    }
    const value = valueAt(input, issue.path);
    const wording: FieldWording = { zod: issue.code as ZodIssueCode };
    if ('origin' in issue && typeof issue.origin === 'string') wording.origin = issue.origin;
    if ('expected' in issue && typeof issue.expected === 'string') wording.expected = issue.expected;
    if ('format' in issue && typeof issue.format === 'string') wording.format = issue.format;
    if ('maximum' in issue && typeof issue.maximum === 'number') wording.limit = issue.maximum;
    if ('minimum' in issue && typeof issue.minimum === 'number') wording.limit = issue.minimum;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) wording.input = 'missing';
    wordings[path] = wording;
  }
  return wordings;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The parsed input, or a ValidationError with French messages by field (and their codes). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(input, { error: french });
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error.issues, prefix), input, fieldWordingsOf(result.error.issues, input, prefix));
  return result.data;
}

/** One field's message: for checks a schema cannot make (an unknown collectivity, a taken address), with its code when a reader sees it. */
export function fieldError(field: string, message: string, input?: unknown, wording?: Wording): ValidationError {
  return new ValidationError({ [field]: message }, input, wording === undefined ? {} : { [field]: wording });
}

/** An e-mail address, trimmed and lower-cased. */
export const Email = z
  .string({ error: 'Indiquez une adresse e-mail.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }).max(254, { error: 'Adresse e-mail trop longue.' }));

/** Text a person must fill in: trimmed, not empty. */
export const Required = (label: string, max = 500) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .min(1, { error: `${label} : champ obligatoire.` })
    .max(max, { error: `${label} : ${max} caractères au plus.` });
