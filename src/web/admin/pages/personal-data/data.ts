/**
 * Personal data, for editors and administrators: record a person's consent to publication
 * (editors), export one person's data and erase them (administrators only). After a POST the page
 * may carry a notice, or what was typed in one of its forms and what was wrong with it.
 */
import { z } from 'zod';
import { isAdmin } from '../../../../accounts/roles.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';

export const PERSON_FORMS = ['export', 'erase', 'consent'] as const;

export const PersonalDataView = z.object({
  /** where each form posts: export and erase for administrators only */
  actions: z.object({ export: z.string().optional(), erase: z.string().optional(), consent: z.string() }),
  /** the collectivities a person may belong to: the forms' suggestions */
  collectivities: z.array(z.object({ id: z.string(), name: z.string() })),
  notice: z.string().optional(),
  /** a form sent back: which one, what was typed, what was wrong */
  form: z.object({ which: z.enum(PERSON_FORMS), values: z.record(z.string(), z.string()), errors: z.record(z.string(), z.string()) }).optional(),
});
export type PersonalDataView = z.infer<typeof PersonalDataView>;

export async function personalDataView({ actor, members }: MemberPageInput): Promise<PersonalDataView> {
  const dir = await members.directory().catch(() => undefined);
  const admin = isAdmin(actor);
  return {
    actions: { ...(admin ? { export: memberPaths.personExport(), erase: memberPaths.personErase() } : {}), consent: memberPaths.personConsent() },
    collectivities: (dir?.collectivities ?? []).map((k) => ({ id: k.id, name: k.name })),
  };
}
