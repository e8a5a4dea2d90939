/**
 * Reading a source document of either kind, chosen by its name: `.json` is the interchange
 * format, anything else is read as the printed directory's text transcription.
 */
import { extname } from 'node:path';
import { RepertoireError } from '../errors.js';
import type { SourceRef } from '../model/provenance.js';
import type { ImportReport } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { DirectoryFormatError, readDirectory } from './directory/index.js';
import { readJsonDocument } from './json.js';

export interface DocumentRead {
  document: RepertoireDocument;
  report: ImportReport;
  /** provenance, when the reader gives it (the directory reader does; JSON carries its own) */
  sources?: SourceRef[];
}

export interface ReadDocumentOptions {
  onProgress?: (done: number, total: number) => void;
}

export function readDocumentText(text: string, documentName: string, options: ReadDocumentOptions = {}): DocumentRead {
  if (extname(documentName).toLowerCase() === '.json') return readJsonDocument(text, documentName);
  try {
    return readDirectory(text, { document: documentName, onProgress: options.onProgress });
  } catch (error) {
    if (!(error instanceof DirectoryFormatError)) throw error;
    const { line, message } = error;
    const where = line === undefined || message.startsWith(`line ${line}`) ? '' : `line ${line}: `;
    throw new RepertoireError('parse', `${documentName}: ${where}${message}`, 400, { cause: error });
  }
}
