/**
 * The one error handler's mapping: any failure → HTTP status and a stable code. RepertoireError
 * carries its code (and maybe its status); Fastify's own client errors (bad URL, body…) keep
 * their 4xx; anything else is a 500 whose details go to the log, not to the reader.
 */
import { z } from 'zod';
import { isRepertoireError } from '../errors.js';
import { isStoreBusy } from '../store/dialect.js';
import { failureMessage } from './failures.js';
import { currentLanguage } from './language.js';

export const ErrorView = z.object({
  error: z.object({
    status: z.number().int(),
    code: z.string(),
    /** what went wrong, in the page's language when the failure has a wording */
    message: z.string(),
    /** the wording's key (`failure.campaign.unknown`), when the failure has one: stable where the message is translated */
    key: z.string().optional(),
  }),
});
export type ErrorView = z.infer<typeof ErrorView>;

/** Statuses by code, for errors that carry none; codes not listed are server errors. */
const STATUS: Readonly<Record<string, number>> = {
  config: 500,
  usage: 400,
  parse: 400,
  schema: 400,
  reference: 400,
  'not-found': 404,
  store: 500,
  'not-supported': 503,
};

/** Server-side codes whose message tells the reader what to do, rather than details for the log. */
const READABLE_SERVER_ERRORS: ReadonlySet<string> = new Set(['overloaded', 'read-only']);

export function errorView(error: unknown): ErrorView {
  if (isRepertoireError(error)) {
    const status = error.status ?? STATUS[error.code] ?? 500;
    const forReaders = status < 500 || READABLE_SERVER_ERRORS.has(error.code);
    if (!forReaders) return { error: { status, code: error.code, message: 'internal error' } };
    const message = failureMessage(currentLanguage(), error);
    return { error: { status, code: error.code, message, ...(error.wording !== undefined ? { key: error.wording.key } : {}) } };
  }
  // Another writer holds the store (a long import): a moment later the same request succeeds.
  if (isStoreBusy(error)) return { error: { status: 503, code: 'store-busy', message: 'the directory is being updated: try again in a few seconds' } };
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const code = statusCode === 404 ? 'not-found' : 'usage';
    return { error: { status: statusCode, code, message: (error as Error).message } };
  }
  return { error: { status: 500, code: 'internal', message: 'internal error' } };
}
