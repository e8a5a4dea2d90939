/**
 * Who may do what. The public reads and has no account. A contributor is staff of one
 * collectivity and proposes changes to it and to the partnerships (and their projects) it is a
 * party to; an editor edits anything and reviews proposals; an administrator is an editor who
 * also manages accounts and personal data.
 */
import { RepertoireError, type FailureKey } from '../errors.js';

export const ROLES = ['admin', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administrateur',
  editor: 'éditeur',
  contributor: 'contributeur',
};

/** The person acting: a signed-in user (from `authenticate`), or the command line. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** a contributor's collectivity */
  directoryId?: string;
  collectivityId?: string;
}

/** The command line acts as an administrator; the audit log names it `cli`. */
export const CLI_ACTOR: Actor = Object.freeze({ id: 'cli', email: 'cli', name: 'ligne de commande', role: 'admin' });

export const isEditor = (actor: Actor | undefined): boolean => actor?.role === 'admin' || actor?.role === 'editor';
export const isAdmin = (actor: Actor | undefined): boolean => actor?.role === 'admin';

export function forbidden(message = "Vous n'avez pas le droit de faire cela.", key: FailureKey = 'failure.forbidden'): RepertoireError {
  return new RepertoireError('forbidden', message, 403, { wording: { key } });
}

export function requireSignedIn(actor: Actor | undefined): Actor {
  if (actor === undefined) throw new RepertoireError('unauthenticated', 'Connectez-vous pour continuer.', 401, { wording: { key: 'failure.signIn' } });
  return actor;
}

export function requireEditor(actor: Actor | undefined): Actor {
  if (!isEditor(requireSignedIn(actor))) throw forbidden('Réservé aux éditeurs.', 'failure.forbidden.editors');
  return actor!;
}

export function requireAdmin(actor: Actor | undefined): Actor {
  if (!isAdmin(requireSignedIn(actor))) throw forbidden('Réservé aux administrateurs.', 'failure.forbidden.admins');
  return actor!;
}
