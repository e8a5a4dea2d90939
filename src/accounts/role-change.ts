/**
 * An administrator changes a person's role. Editor and administrator are changed freely (never
 * one's own role: the last administrator could lock everyone out); a contributor made editor or
 * administrator leaves their collectivity; someone made contributor needs one of the directory.
 * The account's sessions carry on with the new role at their next request (the role is read with
 * the session); the change is audited with the role before and after.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import type { Database } from '../store/tables.js';
import { recordAudit } from './audit.js';
import { forbidden, requireAdmin, ROLES, type Actor } from './roles.js';
import { findUserByEmail, userFrom, type User } from './users.js';
import { Email, fieldError, parseInput } from './validation.js';

export const RoleChangeInput = z.object({
  email: Email,
  role: z.enum(ROLES, { error: 'Rôle inconnu : administrateur (admin), éditeur (editor) ou contributeur (contributor).' }),
  collectivityId: z.string().trim().min(1).optional(),
});
/** what a form sends: the role as typed, which the schema parses into one of ROLES (or says it is none) */
export type RoleChangeInput = Omit<z.input<typeof RoleChangeInput>, 'role'> & { role: string };

export async function changeRole(db: Kysely<Database>, actor: Actor | undefined, input: RoleChangeInput, now: Date, directoryOf: () => Promise<string>): Promise<User> {
  const admin = requireAdmin(actor);
  const fields = parseInput(RoleChangeInput, input);
  const row = await findUserByEmail(db, fields.email);
  if (row === undefined) throw new RepertoireError('not-found', `Aucun compte pour ${fields.email}.`, 404, { wording: { key: 'failure.account.unknown', params: { address: fields.email } } });
  if (row.id === admin.id) throw forbidden('Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.');
  let directoryId: string | null = null;
  let collectivityId: string | null = null;
  if (fields.role === 'contributor') {
    collectivityId = fields.collectivityId ?? row.collectivity_id;
    if (collectivityId === null) throw fieldError('collectivityId', 'Un contributeur représente une collectivité : indiquez-la.', input, { key: 'failure.field.contributorCollectivity' });
    directoryId = row.directory_id ?? (await directoryOf());
    const found = await db.selectFrom('collectivities').select('id').where('directory_id', '=', directoryId).where('id', '=', collectivityId).executeTakeFirst();
    if (found === undefined) throw fieldError('collectivityId', `Collectivité inconnue : « ${collectivityId} ».`, input, { key: 'failure.field.collectivityUnknown', params: { id: collectivityId } });
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ role: fields.role, directory_id: directoryId, collectivity_id: collectivityId }).where('id', '=', row.id).execute();
    await recordAudit(trx, { action: 'user.role', actorId: admin.id, subjectType: 'user', subjectId: row.id, details: { from: row.role, to: fields.role, collectivityId } }, now);
  });
  return userFrom({ ...row, role: fields.role, directory_id: directoryId, collectivity_id: collectivityId }, now);
}
