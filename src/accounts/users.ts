/** The users table: rows to the `User` view and back. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../store/tables.js';
import type { Actor, Role } from './roles.js';

export type UserStatus = 'invited' | 'active' | 'locked' | 'disabled';

/** A user as pages and the CLI show them: never the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  directoryId?: string;
  collectivityId?: string;
  status: UserStatus;
  createdAt: string;
  lastSignInAt?: string;
  lockedUntil?: string;
  disabledAt?: string;
}

export type UserRow = Selectable<UserTable>;

export function userFrom(row: UserRow, now: Date): User {
  const locked = row.locked_until !== null && row.locked_until > now.toISOString();
  const status: UserStatus = row.disabled_at !== null ? 'disabled' : locked ? 'locked' : row.password_hash === null ? 'invited' : 'active';
  const user: User = { id: row.id, email: row.email, name: row.name, role: row.role as Role, status, createdAt: row.created_at };
  if (row.directory_id !== null) user.directoryId = row.directory_id;
  if (row.collectivity_id !== null) user.collectivityId = row.collectivity_id;
  if (row.last_sign_in_at !== null) user.lastSignInAt = row.last_sign_in_at;
  if (locked) user.lockedUntil = row.locked_until!;
  if (row.disabled_at !== null) user.disabledAt = row.disabled_at;
  return user;
}

export function actorFrom(row: UserRow): Actor {
  const actor: Actor = { id: row.id, email: row.email, name: row.name, role: row.role as Role };
  if (row.directory_id !== null) actor.directoryId = row.directory_id;
  if (row.collectivity_id !== null) actor.collectivityId = row.collectivity_id;
  return actor;
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users with their names, by id: to show who did what. */
export async function userNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(Boolean);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
