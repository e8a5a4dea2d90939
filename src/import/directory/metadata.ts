/**
 * What a directory's text does not say of itself, kept in a metadata file beside it
 * (`FILE.json` beside `FILE.txt`): its countries, home first. The bundled 2008 directory has
 * `data/sources/repertoire-franco-marocain-2008.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { RepertoireError } from '../../errors.js';
import { fileProblem } from '../../files.js';

export const SourceMetadata = z
  .object({
    $comment: z.string().optional(),
    /** home first, then partner: ISO 3166-1 alpha-2 codes */
    countries: z.tuple([z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capital letters)'), z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capital letters)')]),
  })
  .strict();
export type SourceMetadata = z.infer<typeof SourceMetadata>;

/** Where the metadata of a directory text is looked for: the same name, ending in .json. */
export function metadataPathOf(textPath: string): string {
  const ext = extname(textPath);
  return `${ext ? textPath.slice(0, -ext.length) : textPath}.json`;
}

/** Reads a metadata file's text; a mistake names the file and the field. */
export function parseSourceMetadata(text: string, path: string): SourceMetadata {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RepertoireError('parse', `${path}: not JSON: ${(error as Error).message}`, 400, { cause: error });
  }
  const parsed = SourceMetadata.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RepertoireError('schema', `${path}: ${issue.path.length ? issue.path.join('.') : '(the file)'}: ${issue.message} (expected {"countries": ["<home>", "<partner>"]})`, 400);
  }
  return parsed.data;
}

/** The metadata beside a directory text, or undefined when there is none. */
export function readSourceMetadata(textPath: string): SourceMetadata | undefined {
  const path = metadataPathOf(textPath);
  if (path === textPath || !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileProblem(error, path, 'read');
  }
  return parseSourceMetadata(text, path);
}
