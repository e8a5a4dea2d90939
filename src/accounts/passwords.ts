/** Passwords: argon2id hashes (PHC strings) and the rules a new password must follow. */
import type * as Argon2 from '@node-rs/argon2';
import { z } from 'zod';

/** The hasher is loaded when a password is first checked or set, not with the server (4 MB of a public site's memory). */
let argon2: Promise<typeof Argon2> | undefined;
const hasher = () => (argon2 ??= import('@node-rs/argon2'));

// @node-rs/argon2's `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2;
/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256; // hashing is costly: bound what a client can make us hash

export const Password = z
  .string({ error: 'Indiquez un mot de passe.' })
  .min(PASSWORD_MIN, { error: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.` })
  .max(PASSWORD_MAX, { error: `Le mot de passe doit compter au plus ${PASSWORD_MAX} caractères.` });

export async function hashPassword(password: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await hasher()).hash(password, OPTIONS as any);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await hasher()).verify(passwordHash, password);
  } catch {
    return false; // a damaged hash never matches
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time a real check would, so that an unknown address answers as slowly as a known one. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not a password of anyone here');
  await verifyPassword(await dummy, password.slice(0, PASSWORD_MAX));
  return false;
}
