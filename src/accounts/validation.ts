/**
 * Every service input goes through `parseInput`: a Zod schema, French messages, and on failure a
 * ValidationError whose `fieldErrors` tie each message to its field's path, so that a form can
 * show it next to the field, filled again with what the person typed (`input`).
 */
import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../errors.js';

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

/** The parsed input, or a ValidationError with French messages by field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(input, { error: french });
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error.issues, prefix), input);
  return result.data;
}

/** One field's message: for checks a schema cannot make (an unknown collectivity, a taken address). */
export function fieldError(field: string, message: string, input?: unknown): ValidationError {
  return new ValidationError({ [field]: message }, input);
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
