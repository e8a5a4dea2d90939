/** An editor's direct edit of a record: its form, pre-filled with the current version, which a save is based on. */
import { z } from 'zod';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { notFound } from '../../../auth/members.js';
import { memberPaths, typeOfSlug } from '../../../auth/paths.js';
import { formValues, recordFields } from '../../forms.js';
import { publicPath, recordLabel } from '../../render.js';
import { formChoices, RecordForm } from '../record-form.js';

export const RecordEditView = z.object({
  recordType: z.enum(['collectivity', 'partnership', 'project']),
  recordId: z.string(),
  label: z.string(),
  /** the version shown, which a save is based on */
  version: z.number().int(),
  publicHref: z.string().optional(),
  historyHref: z.string(),
  form: RecordForm,
});
export type RecordEditView = z.infer<typeof RecordEditView>;

export async function recordEditView({ params, members }: MemberPageInput): Promise<RecordEditView> {
  const recordType = typeOfSlug(params.type ?? '');
  if (recordType === undefined || recordType === 'domain') throw notFound(`type de fiche inconnu : ${params.type ?? ''}`, { key: 'failure.recordType.unknown', params: { type: params.type ?? '' } });
  const recordId = params.id ?? '';
  const current = await members.census.history.current({ recordType, recordId });
  const dir = await members.directory().catch(() => undefined);
  const link = publicPath(recordType, recordId);
  return {
    recordType,
    recordId,
    label: recordLabel(dir, recordType, recordId, current.data),
    version: current.version,
    ...(link === undefined ? {} : { publicHref: link }),
    historyHref: memberPaths.history(recordType, recordId),
    form: {
      action: memberPaths.edit(recordType, recordId),
      values: formValues(recordFields(recordType), current.data),
      errors: {},
      hidden: { baseVersion: String(current.version) },
      choices: formChoices(dir),
      minItems: recordType === 'partnership' ? { parties: 2 } : {},
    },
  };
}
