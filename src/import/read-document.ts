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
  /** a directory text's countries, home first (its metadata file's, or as the importer gives them) */
  countries?: readonly string[];
}

/** An interchange document is named `.json`; anything else is a directory's text. */
export function isInterchangeName(documentName: string): boolean {
  return extname(documentName).toLowerCase() === '.json';
}

/**
 * A document's bytes as text. UTF-8 is the rule; a byte-order mark says otherwise: UTF-16 as Windows
 * tools save "Unicode text" (little- or big-endian) is decoded, and a UTF-8 mark dropped. UTF-16
 * without a mark is refused in a sentence: read as UTF-8 its every other byte is a NUL, and the
 * readers would only see binary data.
 */
export function decodeDocument(bytes: Uint8Array, documentName: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString('utf8', 3);
  const littleEndian = buffer[0] === 0xff && buffer[1] === 0xfe;
  if (littleEndian || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    if (buffer.length % 2 !== 0) throw new RepertoireError('parse', `${documentName}: UTF-16 text (by its byte-order mark) that ends in the middle of a character: the file is cut short`, 400);
    const units = Buffer.from(buffer.subarray(2));
    if (!littleEndian) units.swap16();
    return units.toString('utf16le');
  }
  if (looksLikeUtf16(buffer)) {
    throw new RepertoireError('parse', `${documentName}: this looks like UTF-16 text without a byte-order mark: save it as UTF-8 (or as UTF-16 with its mark)`, 400);
  }
  return buffer.toString('utf8');
}

/** Most of the first characters have a NUL byte on the same side: ASCII text in UTF-16. */
function looksLikeUtf16(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 512);
  if (sample.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even += 1;
    if (sample[i + 1] === 0) odd += 1;
  }
  return Math.max(even, odd) >= (sample.length / 2) * 0.6 && Math.min(even, odd) <= (sample.length / 2) * 0.1;
}

export function readDocumentText(text: string, documentName: string, options: ReadDocumentOptions = {}): DocumentRead {
  if (isInterchangeName(documentName)) return readJsonDocument(text, documentName);
  // Never a default pair: a text read as the wrong countries would be wrong throughout.
  if (!options.countries) throw new RepertoireError('usage', `${documentName}: a directory text does not say its countries; give them, home first (e.g. FR,SN)`);
  try {
    return readDirectory(text, { document: documentName, countries: options.countries, onProgress: options.onProgress });
  } catch (error) {
    if (!(error instanceof DirectoryFormatError)) throw error;
    const { line, message } = error;
    const where = line === undefined || message.startsWith(`line ${line}`) ? '' : `line ${line}: `;
    throw new RepertoireError('parse', `${documentName}: ${where}${message}`, 400, { cause: error });
  }
}
