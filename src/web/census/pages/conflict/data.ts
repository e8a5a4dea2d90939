/**
 * The edit conflict, the answer to a save based on an older version (409): both versions' changes
 * side by side, and the person's own values in a form based on the current version, ready to
 * re-apply. The answer of a POST, so no JSON twin: the same view model when asked with
 * `Accept: application/json`.
 */
import { z } from 'zod';
import type { RecordType } from '../../../../census/index.js';
import { diffRecords } from '../../../../census/diff.js';
import type { ConflictError } from '../../../../errors.js';
import type { Directory } from '../../../data/directory.js';
import { recordLabel } from '../../render.js';
import { changesView, FieldChangeView } from '../changes.js';
import { formChoices, RecordForm } from '../record-form.js';

export const ConflictView = z.object({
  recordType: z.enum(['collectivity', 'partnership', 'project']),
  recordId: z.string(),
  label: z.string(),
  /** the version the store holds now, who saved it and when */
  theirs: z.object({ version: z.number().int(), by: z.string().optional(), at: z.string().optional() }),
  /** the version the person's save was based on */
  yours: z.object({ version: z.number().int() }),
  /** from their version to the person's */
  differences: z.array(FieldChangeView),
  /** where abandoning goes: the campaign's records, the record, the proposal */
  back: z.object({ href: z.string(), to: z.enum(['campaign', 'record', 'proposal']) }),
  /** the person's values, based on their version */
  form: RecordForm,
});
export type ConflictView = z.infer<typeof ConflictView>;

export interface ConflictInput {
  error: ConflictError;
  recordType: ConflictView['recordType'] & RecordType;
  /** where the form posts again */
  action: string;
  /** what the person sent */
  values: Record<string, string>;
  hidden: Record<string, string | undefined>;
  back: ConflictView['back'];
}

export function conflictView(o: ConflictInput, dir: Directory | undefined): ConflictView {
  const { theirs, yours } = o.error;
  const hidden = Object.fromEntries(Object.entries(o.hidden).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return ConflictView.parse({
    recordType: o.recordType,
    recordId: o.error.recordId,
    label: recordLabel(dir, o.recordType, o.error.recordId, theirs.data ?? yours.data),
    theirs: { version: theirs.version, ...(theirs.by ? { by: theirs.by } : {}), ...(theirs.at ? { at: theirs.at } : {}) },
    yours: { version: yours.version },
    differences: changesView(diffRecords(theirs.data, yours.data)),
    back: o.back,
    form: {
      action: o.action,
      values: o.values,
      errors: {},
      hidden: { ...hidden, baseVersion: String(theirs.version) },
      choices: formChoices(dir),
      minItems: o.recordType === 'partnership' ? { parties: 2 } : {},
    },
  });
}
