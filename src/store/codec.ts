/**
 * Translations between model values and column values. JSON and boolean columns go through here
 * and nowhere else, so that PostgreSQL can later store jsonb and booleans by changing this file.
 * Absent fields are stored as NULL and read back as absent (never as null).
 */
import type { Flag, Json } from './tables.js';

export function encodeJson(value: unknown): Json | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Accepts text (SQLite) or an already parsed value (a jsonb driver). */
export function decodeJson<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function encodeFlag(value: boolean | undefined): Flag | null {
  return value === undefined ? null : value ? 1 : 0;
}

export function decodeFlag(value: Flag | boolean | null): boolean | undefined {
  return value === null ? undefined : Boolean(value);
}

export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

export function orUndefined<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

/**
 * The record without its absent fields, keys otherwise in the order given; mappers build records
 * field by field in the schema's order and let this drop what the row did not have.
 */
export function present<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null)) as T;
}
