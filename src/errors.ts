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
  | 'overloaded' // the server has as many requests in progress as it takes: try again after Retry-After (503)
  | 'read-only'; // a read-only instance (a replica) was asked to write: sign in and send forms on the main site (503)

/**
 * What a failure a reader may see says, as a code: the web layer words each key in the page's
 * language (src/web/i18n/failures*.ts, which the compiler holds to this list), the message stays
 * French for the CLI and the log. Values are codes and numbers (ids, versions), never words: a
 * record type or a status that a sentence names is part of the key (`failure.record.unknown.project`).
 */
export type FailureKey =
  | 'failure.forbidden'
  | 'failure.forbidden.editors'
  | 'failure.forbidden.admins'
  | 'failure.forbidden.ownCollectivity'
  | 'failure.forbidden.ownRecords'
  | 'failure.forbidden.noticePublish'
  | 'failure.forbidden.noticeWithdraw'
  | 'failure.forbidden.ownNotice'
  | 'failure.signIn'
  | 'failure.locked'
  | 'failure.throttled'
  | 'failure.resetThrottled'
  | 'failure.csrf'
  | 'failure.campaign.unknown'
  | 'failure.campaign.closed'
  | 'failure.collectivity.unknown'
  | 'failure.directory.unknown'
  | 'failure.directory.empty'
  | 'failure.draft.unknown'
  | 'failure.draft.sent'
  | 'failure.proposal.unknown'
  | 'failure.proposal.notDraft'
  | `failure.proposal.already.${'draft' | 'approved' | 'rejected' | 'withdrawn' | 'decided'}`
  | 'failure.proposal.decidedMeanwhile'
  | 'failure.project.unknown'
  | 'failure.record.unknown'
  | `failure.record.unknown.${'domain' | 'collectivity' | 'partnership' | 'project'}`
  | 'failure.recordType.unknown'
  | 'failure.version.unknown'
  | 'failure.conflict'
  | 'failure.notice.unknown'
  | 'failure.notice.decided'
  | 'failure.notice.authorGone'
  | 'failure.notice.answeredToday'
  | 'failure.notice.notSent'
  | 'failure.invitation.unknown'
  | 'failure.invitation.used'
  | 'failure.resetLink.unknown'
  | 'failure.resetLink.used'
  | 'failure.account.unknown'
  | 'failure.field.collectivityMissing'
  | 'failure.field.recordMissing'
  | 'failure.field.parentMissing'
  | 'failure.field.notAParty'
  | 'failure.field.idTaken'
  | 'failure.field.idFixed'
  | 'failure.field.partnershipUnknown'
  | 'failure.field.collectivityUnknown'
  | 'failure.field.domainUnknown'
  | 'failure.field.ownAncestor'
  | 'failure.field.breaksReference'
  | 'failure.field.contributorCollectivity'
  | 'failure.field.onlyContributorsCollectivity'
  | 'failure.field.emailTaken'
  | 'failure.field.accountDisabled'
  | 'failure.field.passwordsDiffer';

/** A failure's wording as a code: its key and the values its sentence holds. */
export interface Wording {
  key: FailureKey;
  params?: Readonly<Record<string, string | number>>;
}

export class RepertoireError extends Error {
  override readonly name = 'RepertoireError';
  /** The message as a code, for the web layer to say in the reader's language (undefined: no reader sees it). */
  readonly wording: Wording | undefined;

  constructor(
    readonly code: RepertoireErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; wording?: Wording },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.wording = options?.wording;
  }
}

export function isRepertoireError(error: unknown, code?: RepertoireErrorCode): error is RepertoireError {
  return error instanceof RepertoireError && (code === undefined || error.code === code);
}

/** Messages tied to the fields of a form, by path (`name`, `parties[1].collectivityId`), in French. */
export type FieldErrors = Record<string, string>;

/**
 * A field's message as a code, by the same paths: a failure's wording, or a Zod issue as Zod
 * reports it (`zod`: its code and the figures of the check), for the web layer to word.
 */
export type FieldWording = Wording | ZodWording;
export interface ZodWording {
  zod: ZodIssueCode;
  origin?: string;
  expected?: string;
  format?: string;
  limit?: number;
  input?: 'missing';
}
export type ZodIssueCode = 'invalid_type' | 'too_small' | 'too_big' | 'invalid_format' | 'invalid_value' | 'not_multiple_of' | 'unrecognized_keys' | 'invalid_union' | 'invalid_key' | 'invalid_element' | 'custom';
export type FieldWordings = Record<string, FieldWording>;

/** A person's input refused: each message is tied to its field; `input` is what they typed, to show again. */
export class ValidationError extends RepertoireError {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly input?: unknown,
    /** the messages as codes, by field (a field without one is shown in French) */
    readonly fieldWordings: FieldWordings = {},
  ) {
    super('validation', `Saisie invalide : ${Object.entries(fieldErrors).map(([field, text]) => (field ? `${field} : ${text}` : text)).join(' ; ')}`, 422);
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
      { wording: { key: 'failure.conflict', params: { id: recordId, theirs: theirs.version, yours: yours.version } } },
    );
  }
}
