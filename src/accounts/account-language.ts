/**
 * A member chooses the language of their mail on their account page. The choice is kept
 * (`language_chosen_at`): from then on signing in on another language's site no longer changes
 * it, as it did while the language was only ever guessed from the pages they used. Audited with
 * the language before and after.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import type { Database } from '../store/tables.js';
import { recordAudit } from './audit.js';
import { forbidden, isAdmin, type Actor } from './roles.js';
import { findUserById } from './users.js';
import { parseInput } from './validation.js';

/** The languages a member's mail can be written in: the site's. */
export const MAIL_LANGUAGES = ['fr', 'en', 'ar'] as const;

export const LanguageChoiceInput = z.object({
  language: z.enum(MAIL_LANGUAGES, { error: 'Langue inconnue : français (fr), anglais (en) ou arabe (ar).' }),
});
/** as a form sends it: any text, checked by the schema */
export interface LanguageChoiceInput {
  language: string;
}

/** The member's own language (an administrator may set anyone's). */
export async function chooseLanguage(db: Kysely<Database>, actor: Actor, userId: string, input: LanguageChoiceInput, now: Date): Promise<string> {
  if (actor.id !== userId && !isAdmin(actor)) throw forbidden();
  const { language } = parseInput(LanguageChoiceInput, input);
  const row = await findUserById(db, userId);
  if (row === undefined) throw new RepertoireError('not-found', `Aucun compte ${userId}.`, 404);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ language, language_chosen_at: now.toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, { action: 'user.language', actorId: actor.id, subjectType: 'user', subjectId: userId, details: { from: row.language, to: language } }, now);
  });
  return language;
}
