/** Reading an interchange document (JSON): syntax, then schema, then references. */
import { RepertoireError } from '../errors.js';
import { countRecords } from '../model/counts.js';
import type { ImportReport } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { validateDocument } from '../model/validate.js';
import { findJsonSyntaxError, locateJsonPaths, type JsonPath } from './json-syntax.js';

export interface JsonReadResult {
  document: RepertoireDocument;
  report: ImportReport;
}

/** `documentName` names the input in messages and in the report (usually the file's base name). */
export function readJsonDocument(text: string, documentName: string, now: Date = new Date()): JsonReadResult {
  const locate = (paths: readonly JsonPath[]) => locateJsonPaths(text, paths).map((position) => position?.line);
  const document = validateDocument(parseJson(text, documentName), documentName, locate);
  return {
    document,
    report: {
      document: documentName,
      format: 'json',
      importedAt: now.toISOString(),
      counts: countRecords(document),
      unplaced: [],
      inconsistencies: [],
      warnings: [],
    },
  };
}

function parseJson(text: string, documentName: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const where = findJsonSyntaxError(text);
    const detail = where === undefined ? `: ${(error as Error).message}` : ` at line ${where.line}, column ${where.column}: ${where.message}`;
    throw new RepertoireError('parse', `${documentName}: invalid JSON${detail}`, 400, { cause: error });
  }
}
