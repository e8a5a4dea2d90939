/**
 * The shared state of the PDF text normaliser (normalise.ts): the lines pdftotext gave, each with
 * the page and the line of that page it came from, which the rules rewrite in turn.
 */
import type { LineBox } from './boxes.js';

/** A line of the text being normalised, with where it was printed (1-based page and line of that page). */
export interface PdfLine {
  readonly text: string;
  readonly page: number;
  readonly line: number;
  /** where it was printed, when the PDF's geometry was read (boxes.ts); a joined line keeps its first line's */
  readonly box?: LineBox;
  /**
   * a joined line's last printed line's box: what the next line is measured against (whether its
   * first word would have fitted), where `box` says where the paragraph begins
   */
  readonly end?: LineBox;
  /**
   * its last printed line ended with the printer's end mark (a word joiner: the book marks so the
   * end of each paragraph, heading and cell, html.ts `END_MARK`)
   */
  readonly marked?: boolean;
}

export interface NormaliseState {
  /** the text as pdftotext wrote it: pages end with a form feed */
  readonly source: string;
  /** the pages' lines, blank ones dropped (after the `pages` rule) */
  pages: PdfLine[][];
  /** the lines of the book in reading order (after the `flow` rule): one paragraph a line at the end */
  lines: PdfLine[];
  /** running headers and footers taken out, by text: a line printed on every page */
  readonly furniture: Map<string, number>;
  /** the words of the document (lower case), to tell a word hyphenated at a line's end from a compound */
  readonly words: Set<string>;
  /** what the reader of the text knows of its paragraphs, whatever the width */
  readonly cues: ParagraphCues;
  /**
   * the document marks the end of its paragraphs (after the `end-marks` rule): a line without the
   * mark goes on to the next, whatever its width
   */
  marked: boolean;
  /** each page's lines' boxes, by index in the page's text (pdftotext -bbox-layout); absent for text alone */
  readonly boxes?: readonly (readonly LineBox[])[];
}

/**
 * What the reader the text is for knows of where its paragraphs begin and end (a directory's
 * labels and headings: src/import/directory/paragraphs.ts); the normaliser knows no language.
 */
export interface ParagraphCues {
  /**
   * a line that begins a paragraph (a heading, a label); `afterFull` when it follows, with no
   * paragraph's blank, a line measured full (its first word would not have fitted there)
   */
  readonly opens?: (line: string, afterFull?: boolean) => boolean;
  /**
   * a paragraph that is whole, whatever follows (`next`); `full` when its last line is measured
   * full (the next line's first word would not have fitted on it)
   */
  readonly ends?: (paragraph: string, next: string, full?: boolean) => boolean;
  /** a line that can only continue the paragraph before it */
  readonly continues?: (line: string) => boolean;
  /** a line that cannot end a paragraph (it ends with "de", "la"…) */
  readonly runsOn?: (line: string) => boolean;
}

/** One step of the normaliser: a name (for tests and the ADR) and what it does to the state. */
export interface NormaliseRule {
  readonly name: string;
  readonly run: (state: NormaliseState) => void;
}

export function emptyState(source: string, cues: ParagraphCues = {}, boxes?: readonly (readonly LineBox[])[]): NormaliseState {
  return { source, pages: [], lines: [], marked: false, furniture: new Map(), words: new Set(), cues, ...(boxes ? { boxes } : {}) };
}
