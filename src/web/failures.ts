/**
 * The one place a failure is put into the reader's words. The layers below say what went wrong as
 * a code (`RepertoireError.wording`, `ValidationError.fieldWordings`: src/errors.ts) beside a French
 * message for the CLI and the log; here the code becomes the page's language. A failure without a
 * code keeps its message (the web layer's own, or one no form shows).
 */
import { isRepertoireError, type ValidationError, type Wording, type ZodWording } from '../errors.js';
import { t, tn, type Locale, type MessageKey } from './i18n/index.js';

/** The failure's message in `locale`: its wording's, else its own. */
export function failureMessage(locale: Locale, error: unknown): string {
  if (isRepertoireError(error) && error.wording !== undefined) return worded(locale, error.wording);
  return error instanceof Error ? error.message : String(error);
}

/**
 * A form's messages by field path, in `locale`. `refine` words a Zod issue the way one form knows
 * better (a share's bounds, an identifier's pattern); what it leaves is worded here by the issue's code.
 */
export function fieldMessages(locale: Locale, error: ValidationError, refine?: (path: string, issue: ZodWording) => MessageKey | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [path, french] of Object.entries(error.fieldErrors)) {
    const wording = error.fieldWordings[path];
    if (wording === undefined) messages[path] = french;
    else if ('key' in wording) messages[path] = worded(locale, wording);
    else {
      const key = refine?.(path, wording);
      messages[path] = key === undefined ? zodMessage(locale, wording) : t(locale, key);
    }
  }
  return messages;
}

function worded(locale: Locale, wording: Wording): string {
  return t(locale, wording.key, wording.params);
}

/** A Zod issue in words, by its code and what it checked. */
function zodMessage(locale: Locale, issue: ZodWording): string {
  const { zod, origin, expected, format, limit, input } = issue;
  if (input === 'missing' && (zod === 'invalid_type' || (zod === 'too_small' && origin !== 'number'))) return t(locale, 'form.error.required');
  switch (zod) {
    case 'invalid_type':
      if (expected === 'int') return t(locale, 'form.error.integer');
      if (expected === 'number') return t(locale, 'form.error.number');
      break;
    case 'too_small':
      if (origin === 'number' && limit === 0) return t(locale, 'form.error.min0');
      if (origin === 'string' && limit !== undefined) return limit <= 1 ? t(locale, 'form.error.required') : tn(locale, 'failure.check.tooShort', limit);
      if (origin === 'array') return t(locale, 'form.error.required');
      break;
    case 'too_big':
      if (origin === 'string' && limit !== undefined) return tn(locale, 'failure.check.tooLong', limit);
      if (origin === 'array' && limit !== undefined) return tn(locale, 'failure.check.tooMany', limit);
      break;
    case 'invalid_format':
      if (format === 'email') return t(locale, 'failure.check.email');
      break;
    case 'invalid_value':
      return t(locale, 'form.error.option');
    default:
      break;
  }
  return t(locale, 'failure.check.invalid');
}
