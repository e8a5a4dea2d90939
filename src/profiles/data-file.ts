/**
 * The one way a data file (a profile, a registry) is read: JSON checked by its Zod schema, and an
 * error that names the file and the field ("data/funders.json: funders.3.kind: Invalid option"),
 * never a stack trace.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { RepertoireError } from '../errors.js';

export function readDataFile<T extends z.ZodTypeAny>(path: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RepertoireError('parse', `${path}: ${(error as Error).message}`, undefined, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RepertoireError('schema', `${path}: ${issue.path.length ? issue.path.join('.') : '(the file)'}: ${issue.message}`);
  }
  return parsed.data as z.infer<T>;
}
