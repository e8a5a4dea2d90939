/**
 * The one error type of Répertoire's own failures. `code` tells callers what went wrong without
 * parsing messages (the CLI maps it to an exit code); `status` is the HTTP status a future web
 * layer should answer with.
 */
export type RepertoireErrorCode =
  | 'config' // bad environment
  | 'usage' // bad command line
  | 'parse' // input is not well-formed (JSON syntax, text layout)
  | 'schema' // input does not match the interchange format
  | 'reference' // input refers to records that do not exist
  | 'not-found' // the store lacks what was asked for
  | 'store' // the store cannot be opened, migrated or written
  | 'not-supported'; // valid request we cannot serve yet

export class RepertoireError extends Error {
  override readonly name = 'RepertoireError';

  constructor(
    readonly code: RepertoireErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRepertoireError(error: unknown, code?: RepertoireErrorCode): error is RepertoireError {
  return error instanceof RepertoireError && (code === undefined || error.code === code);
}
