/**
 * The accounts, for administrators: each one's role, collectivity, state and last sign-in; the
 * form that creates one. After a POST the page may also carry what was typed and what was wrong,
 * a notice, or the invitation link just made (shown once, in the HTML only: a GET never has it).
 */
import { z } from 'zod';
import { ROLES } from '../../../../accounts/roles.js';
import type { MemberPageInput } from '../../../auth/member-page.js';

export const UsersView = z.object({
  users: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(ROLES),
      collectivityId: z.string().optional(),
      collectivityName: z.string().optional(),
      status: z.enum(['invited', 'active', 'locked', 'disabled']),
      lastSignInAt: z.string().optional(),
      /** the administrator looking: they neither disable themselves nor change their own role */
      self: z.boolean(),
    }),
  ),
  /** the collectivities an account may belong to: the form's suggestions */
  collectivities: z.array(z.object({ id: z.string(), name: z.string() })),
  form: z.object({ values: z.record(z.string(), z.string()), errors: z.record(z.string(), z.string()) }),
  notice: z.string().optional(),
  invitation: z.object({ name: z.string(), link: z.string(), expiresAt: z.string(), created: z.boolean(), mailFailed: z.boolean() }).optional(),
});
export type UsersView = z.infer<typeof UsersView>;

export async function usersView({ actor, members }: MemberPageInput): Promise<UsersView> {
  const users = await members.accounts.listUsers(actor);
  const dir = await members.directory().catch(() => undefined);
  return {
    users: users.map((user) => {
      const name = user.collectivityId === undefined ? undefined : dir?.collectivity.get(user.collectivityId)?.name;
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        ...(user.collectivityId !== undefined ? { collectivityId: user.collectivityId } : {}),
        ...(name !== undefined ? { collectivityName: name } : {}),
        status: user.status,
        ...(user.lastSignInAt !== undefined ? { lastSignInAt: user.lastSignInAt } : {}),
        self: user.id === actor.id,
      };
    }),
    collectivities: (dir?.collectivities ?? []).map((k) => ({ id: k.id, name: k.name })),
    form: { values: {}, errors: {} },
  };
}
