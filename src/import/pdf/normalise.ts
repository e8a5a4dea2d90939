/**
 * The text pdftotext takes out of a PDF, as the text the directory reader reads: one paragraph a
 * line, without the page furniture. An ordered table of small rules over one state (state.ts), in
 * the way of markdown-it's core rules: each does one thing, and the table says in which order.
 * Every line keeps the page and the line of that page it starts on.
 */
import { laidOutRows } from './cells.js';
import { dropFurniture } from './furniture.js';
import { collectWords, joinRunningTitle, joinTableCells, joinWrappedLines, zipPageColumn } from './joins.js';
import type { LineBox } from './boxes.js';
import { emptyState, type NormaliseRule, type NormaliseState, type ParagraphCues, type PdfLine } from './state.js';

/** A word joiner at a line's end: the mark a printer may leave there for machines (state.ts `marked`). */
const END_MARK = /\u2060[\s\u00A0]*$/;

/**
 * How many of a document's lines must end with the mark for the document to be taken as marking
 * its paragraphs' ends: most paragraphs are of one line, and a word joiner ends a line by chance
 * only ("Montereau-\u2060\u00A0Journée" is never broken there).
 */
const MARKED_SHARE = 0.3;

/** Blanks of every kind as one space; a soft hyphen, a word joiner or a zero-width space is nothing. */
function tidy(text: string): string {
  return text
    // a hyphen glued to the blank after it (a word joiner, then a no-break space, which pdftotext drops)
    .replace(/-\u2060(?=[^\s\u00A0\u2060])/g, '- ')
    .replace(/[\u00AD\u200B\u2060\uFEFF]/g, '').replace(/[\s\u00A0\u202F\u2007]+/g, ' ').trim();
}

export const NORMALISE_RULES: readonly NormaliseRule[] = [
  {
    name: 'end-marks',
    run(state) {
      const lines = state.source.split(/\r\n|\r|\n|\f/).filter((l) => l.trim() !== '');
      state.marked = lines.length > 0 && lines.filter((l) => END_MARK.test(l)).length >= MARKED_SHARE * lines.length;
    },
  },
  {
    name: 'pages',
    run(state) {
      const pages = state.source.split('\f');
      if (pages.length > 1 && !pages.at(-1)!.trim()) pages.pop();
      state.pages = pages.map((page, p) =>
        (state.marked ? laidOutRows(page.split(/\r\n|\r|\n/), (text) => END_MARK.test(text)) : page.split(/\r\n|\r|\n/))
          .map((text, i) => {
            if (text === undefined) return undefined;
            const box = state.boxes?.[p]?.[i];
            const line = { text: tidy(text), page: p + 1, line: i + 1, ...(END_MARK.test(text) ? { marked: true } : {}) };
            return box ? { ...line, box } : line;
          })
          .filter((line): line is PdfLine => line !== undefined && line.text !== ''),
      );
    },
  },
  { name: 'furniture', run: dropFurniture },
  {
    name: 'flow',
    run(state) {
      state.lines = state.pages.flat();
    },
  },
  { name: 'words', run: collectWords },
  { name: 'table-cells', run: joinTableCells },
  { name: 'running-title', run: joinRunningTitle },
  { name: 'wrapped-lines', run: joinWrappedLines },
  { name: 'page-column', run: zipPageColumn },
];

export interface NormaliseOptions {
  /** what the reader the text is for knows of its paragraphs */
  readonly cues?: ParagraphCues;
  /** the printed lines' boxes (pdftotext -bbox-layout), page by page */
  readonly boxes?: readonly (readonly LineBox[])[];
  readonly rules?: readonly NormaliseRule[];
}

export function normalisePdfText(source: string, options: NormaliseOptions = {}): NormaliseState {
  const state = emptyState(source, options.cues, options.boxes);
  const rules = options.rules ?? NORMALISE_RULES;
  for (const rule of rules) rule.run(state);
  return state;
}

/** The normalised lines as the reader's text, and where each of its lines was printed. */
export function asText(lines: readonly PdfLine[]): { text: string; origins: readonly PdfLine[] } {
  return { text: `${lines.map((l) => l.text).join('\n')}\n`, origins: lines };
}
