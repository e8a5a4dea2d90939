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
  | 'file' // a file cannot be read or written (missing, a folder, no permission)
  | 'not-supported' // valid request we cannot serve yet
  | 'validation' // a person's input fails its checks: see ValidationError.fieldErrors (422)
  | 'conflict' // the record changed since the version the change was based on: see ConflictError (409)
  | 'unauthenticated' // no valid session, or wrong credentials (401)
  | 'forbidden' // signed in, but not allowed; or a failed CSRF check (403)
  | 'rate-limited' // too many sign-in failures: account locked or client address throttled (429)
  | 'mail' // a message could not be sent: the mail server (SMTP_URL) refused it or cannot be reached (502)
  | 'overloaded'; // the server has as many requests in progress as it takes: try again after Retry-After (503)

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

/** Messages tied to the fields of a form, by path (`name`, `parties[1].collectivityId`), in French. */
export type FieldErrors = Record<string, string>;

/** A person's input refused: each message is tied to its field; `input` is what they typed, to show again. */
export class ValidationError extends RepertoireError {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly input?: unknown,
    message = `Saisie invalide : ${Object.entries(fieldErrors).map(([field, text]) => (field ? `${field} : ${text}` : text)).join(' ; ')}`,
  ) {
    super('validation', message, 422);
  }
}

/** One side of a conflict: a version of a record (undefined data: the record does not exist or was removed). */
export interface ConflictSide<T = unknown> {
  version: number;
  data: T | undefined;
  by?: string;
  at?: string;
}

/**
 * A save based on a version that is no longer the current one. `theirs` is what the store holds
 * now (its version, content, author); `yours` is what was sent, with the version it was based on.
 * Nothing was written: the page shows both and lets the person merge and save again on `theirs.version`.
 */
export class ConflictError<T = unknown> extends RepertoireError {
  constructor(
    readonly recordType: string,
    readonly recordId: string,
    readonly theirs: ConflictSide<T>,
    readonly yours: ConflictSide<T>,
  ) {
    super(
      'conflict',
      `Conflit : ${recordType} « ${recordId} » a été modifié (version ${theirs.version}) depuis la version ${yours.version} sur laquelle repose votre modification.`,
      409,
    );
  }
}
