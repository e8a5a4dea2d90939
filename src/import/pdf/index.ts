/**
 * Reading a directory printed as a PDF: pdftotext's text (extract.ts), normalised into one
 * paragraph a line (normalise.ts), read by the directory reader. Errors and the report's lines
 * point to the page and the line of that page where the paragraph starts.
 */
import type { DocumentRead } from '../read-document.js';
import type { Source } from '../../model/schema.js';
import { DirectoryFormatError, readDirectory } from '../directory/index.js';
import { continuesDirectoryParagraph, endsDirectoryParagraph, opensDirectoryParagraph, runsOnDirectoryParagraph } from '../directory/paragraphs.js';
import { RepertoireError } from '../../errors.js';
import type { BoxedText } from './boxes.js';
import { extractPdfBoxes, extractPdfText, type PdfMode } from './extract.js';
import { normalisePdfText } from './normalise.js';
import type { PdfLine } from './state.js';

export { extractPdfBoxes, extractPdfText, isPdfFile, PDF_MODES, type PdfMode } from './extract.js';
export { normalisePdfText, NORMALISE_RULES } from './normalise.js';

export interface PdfReadOptions {
  /** the directory's countries, home first */
  readonly countries: readonly string[];
  readonly mode?: PdfMode;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What the directory reader knows of its paragraphs (src/import/directory/paragraphs.ts). */
export const DIRECTORY_CUES = { opens: opensDirectoryParagraph, ends: endsDirectoryParagraph, continues: continuesDirectoryParagraph, runsOn: runsOnDirectoryParagraph } as const;

/** "page 12, line 4": where a line of the normalised text was printed. */
export function printedAt(origins: readonly PdfLine[], line: number | undefined): string | undefined {
  const origin = line === undefined ? undefined : origins[line - 1];
  return origin ? `page ${origin.page}, line ${origin.line}` : undefined;
}

/** The directory's text of a normalised PDF, and where each of its lines was printed. */
export function pdfDirectoryText(source: string | BoxedText): { text: string; origins: readonly PdfLine[] } {
  const { lines } = typeof source === 'string' ? normalisePdfText(source, { cues: DIRECTORY_CUES }) : normalisePdfText(source.text, { cues: DIRECTORY_CUES, boxes: source.boxes });
  return { text: `${lines.map((l) => l.text).join('\n')}\n`, origins: lines };
}

export async function readPdfDirectory(path: string, documentName: string, options: PdfReadOptions): Promise<DocumentRead> {
  // The printed lines with their boxes unless a text mode is asked for: the boxes tell a line
  // broken by the width from a paragraph's end (ADR 0008).
  const source = options.mode ? await extractPdfText(path, { mode: options.mode }) : await extractPdfBoxes(path);
  const { text, origins } = pdfDirectoryText(source);
  try {
    return citingPages(readDirectory(text, { document: documentName, countries: options.countries, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }), origins);
  } catch (error) {
    if (!(error instanceof DirectoryFormatError)) throw error;
    const where = printedAt(origins, error.line);
    const message = error.line === undefined ? error.message : error.message.replace(/^line \d+: /, '');
    throw new RepertoireError('parse', `${documentName}: ${where ? `${where}: ` : ''}${message}`, 400, { cause: error });
  }
}

/**
 * A PDF's records cite the page they were printed on (the site says "page 12 of the printed
 * directory", with the partnership's section), not the lines of the normalised text, which no
 * reader of the PDF can find. The provenance of other records (collectivities, contacts), which
 * has only lines, is left out rather than kept in those lines: an import of the PDF replaces it
 * with none.
 */
export function citingPages(read: DocumentRead, origins: readonly PdfLine[]): DocumentRead {
  const cite = (source: Source | undefined): Source | undefined => {
    if (source?.lines === undefined) return source;
    const page = origins[source.lines[0] - 1]?.page;
    return page === undefined ? { document: source.document } : { document: source.document, page };
  };
  const partnerships = read.document.partnerships.map((p) => {
    const source = cite(p.source);
    const projects = p.projects?.map((q) => {
      const cited = cite(q.source);
      return cited === undefined ? q : { ...q, source: cited };
    });
    return { ...p, ...(source ? { source } : {}), ...(projects ? { projects } : {}) };
  });
  return { ...read, document: { ...read.document, partnerships }, sources: [] };
}
