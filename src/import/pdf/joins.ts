/**
 * The rules that put a paragraph back on one line: a table's cells printed apart, a column of page
 * numbers printed after the column of names (pdftotext's default mode reads by columns), a title
 * broken over the cover, and above all lines broken by the page width, with the words hyphenated
 * at a line's end mended.
 */
import type { LineBox } from './boxes.js';
import type { NormaliseState, ParagraphCues, PdfLine } from './state.js';
import { textWidth } from './width.js';

/** `a` with `b` joined to it as `text`: where `a` began, and where `b`, its last printed line, ended. */
function joined(a: PdfLine, text: string, b: PdfLine): PdfLine {
  const { marked: _, ...first } = a;
  const end = b.end ?? b.box;
  const last = b.marked ? { marked: true } : {};
  return end ? { ...first, text, end, ...last } : { ...first, text, ...last };
}

/** "Coût total du projet" then ": 2 032 800 Dhs.": a table row whose second cell was printed apart. */
export function joinTableCells(state: NormaliseState): void {
  const out: PdfLine[] = [];
  for (const line of state.lines) {
    const previous = out.at(-1);
    if (previous && /^:\s/.test(line.text) && !/:$/.test(previous.text)) out[out.length - 1] = joined(previous, `${previous.text} ${line.text}`, line);
    else out.push(line);
  }
  state.lines = out;
}

const PAGE_REF = /^p\.\s*\d+$/;
/** "Ville de Tours/Commune urbaine de Marrakech p.12": the last line of a Sommaire's entry */
const ENTRY_END = /\sp\.\s*\d+$/;
const PART_NUMBER = /^[IVXLC]+\.\s/;

/**
 * A Sommaire read by columns: the names, then their pages ("p.6", "p.9", …). Each page goes back
 * to the end of its name, the n names before the n pages (part headings "II. …" are not names).
 */
export function zipPageColumn(state: NormaliseState): void {
  const lines = [...state.lines];
  for (let i = 0; i < lines.length; i++) {
    if (!PAGE_REF.test(lines[i]!.text)) continue;
    let end = i;
    while (end < lines.length && PAGE_REF.test(lines[end]!.text)) end++;
    const refs = lines.slice(i, end);
    const names: number[] = [];
    for (let j = i - 1; j >= 0 && names.length < refs.length; j--) {
      const text = lines[j]!.text;
      if (PAGE_REF.test(text) || ENTRY_END.test(text)) break;
      if (!PART_NUMBER.test(text)) names.unshift(j);
    }
    if (names.length !== refs.length) {
      i = end - 1;
      continue;
    }
    names.forEach((j, k) => (lines[j] = joined(lines[j]!, `${lines[j]!.text} ${refs[k]!.text}`, refs[k]!)));
    lines.splice(i, refs.length);
    i -= 1;
  }
  state.lines = lines;
}

/**
 * The cover prints the book's title, in large type, over several lines; the running header prints
 * it whole. Lines that together make a running header's words are one line.
 */
export function joinRunningTitle(state: NormaliseState): void {
  const titles = [...state.furniture.keys()].filter((t) => t.split(' ').length >= 3);
  if (!titles.length) return;
  const out: PdfLine[] = [];
  for (let i = 0; i < state.lines.length; i++) {
    const line = state.lines[i]!;
    let taken = 0;
    for (const title of titles) {
      let text = line.text;
      let j = i + 1;
      while (title.startsWith(`${text} `) && j < state.lines.length && j - i < 6) text = `${text} ${state.lines[j++]!.text}`;
      if (text === title && j > i + 1) {
        out.push(joined(line, title, state.lines[j - 1]!));
        taken = j - i;
        break;
      }
    }
    if (taken) i += taken - 1;
    else out.push(line);
  }
  state.lines = out;
}

/** The words met in the document, to tell "dévelop-|pement" (a word) from "Aix-en-|Provence" (a compound). */
export function collectWords(state: NormaliseState): void {
  for (const line of state.lines) for (const word of line.text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []) state.words.add(word);
}

/**
 * The part of a line that a break could have carried over: up to its first blank or hyphen; but a
 * hyphen glued to its word and followed by a blank goes with the next word ("Tanger- Tétouan": the
 * book prints that blank unbreakable, and a line that ends on a hyphen is a compound broken there).
 */
function firstChunk(text: string): string {
  const m = /^(?:[^\s-]+-\s)*[^\s-]*-?/.exec(text);
  return m ? m[0] : text;
}

/** A line that begins a paragraph of its own kind whatever the width: an item of a list. */
// (a list is numbered in one or two digits: "2007. Ce stage" is a year that ends a sentence)
const ITEM = /^(?:[-–•➤→✓]\s|\d{1,2}[.)]\s)/;

/**
 * The full width of a line of body text: the widest lines, a few excepted (a long word that
 * overflows, a URL). Lines are measured by `textWidth`, so the page size and the font size do not
 * matter: a full line is full relative to the others.
 */
export function fullWidth(lines: readonly PdfLine[]): number {
  const widths = lines.map((l) => textWidth(l.text)).sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.98)] ?? 0;
}

/** An address of the web or of mail: a line of its own, whatever its case. */
const ADDRESS = /^(?:www\.|https?:|[^\s@]+@[^\s@]+$)/i;

/** How many brackets a paragraph leaves open: "(débuté en" runs on to "2006)". */
function openBrackets(text: string): number {
  let open = 0;
  for (const c of text) {
    if (c === '(') open += 1;
    else if (c === ')' && open > 0) open -= 1;
  }
  return open;
}

/**
 * Whether `after` continues the paragraph `paragraph`, whose last printed line is `before`.
 * `ratio` is how wide that line would have been had it taken the next line's first word, relative
 * to a full line. Widths are estimates (proportional type, headings in larger type), so the plain
 * cues come first: an item of a list, an address, a heading or label begins a line; a bracket left
 * open or a last word like "de" runs on; a line in small letters continues its sentence; a sentence
 * ended before a capital ends the paragraph unless the line was plainly full. When the ratio is
 * `exact` (measured on the PDF's boxes, not estimated from letters, and no paragraph's blank
 * between the lines), the measure outweighs what the words suggest: a line its next word would
 * have fitted on ended there, even on "de" or inside a bracket ("… : M. Hassan Cherkaoui" then the
 * role); a full line runs on into what looks like an item or a label when it ends on a word or a
 * sign that ends no paragraph ("Rhône-Alpes" then "- Première rencontre", "de la période du" then
 * "CPER 2000-2006", "Rabat ;" then "Tel : …"), and a heading in capitals into its next line in capitals.
 */
export function continues(paragraph: string, before: string, after: string, ratio: number, cues: ParagraphCues = {}, measured = false, samePage = false): boolean {
  // a page number of a column printed apart goes back to its name by the `page-column` rule
  if (PAGE_REF.test(after)) return false;
  // A Sommaire's entry is set narrower than the text, its page number standing in a column of its
  // own: its lines are not measured against the text's margin; a line of it without its page
  // number (nor a part's number) goes on to the line that ends with it.
  const entryEnds = ENTRY_END.test(after);
  if (measured && ENTRY_END.test(before)) return false;
  if (measured && entryEnds && !PART_NUMBER.test(paragraph)) return true;
  const exact = measured && !entryEnds;
  // a dash that does not fit at a full line's end begins the next: an item is set apart by a blank
  if (ITEM.test(after)) return exact && ratio > 1;
  // a heading in capitals goes on to a line in capitals that begins with a word after which no
  // heading stops ("SYNTHÈSE DES COOPÉRATIONS" then "PAR DOMAINES …")
  if (!/\p{Ll}/u.test(`${before}${after}`) && cues.runsOn?.(/^\S+/.exec(after)![0]) === true) return ratio > 0.3;
  // a full line that ends on a sign or a word that ends no paragraph runs on, whatever follows
  // ("… Tél : + 33 4 78 95 89 31 ;" then "vdussaux@grandlyon.org)")
  if (exact && ratio > 1 && (/[,;]$/.test(before) || cues.runsOn?.(before) === true)) return true;
  // a word broken at its hyphen: "Aix-en-" then "Provence", "1999-" then "2001)"
  if (/[\p{L}\d]-$/u.test(before)) return ratio > 0.3;
  // an address alone on its line, unless announced ("Voir :")
  if (ADDRESS.test(after) && !/:$/.test(before)) return false;
  if (/^[.,;)\]]/.test(after)) return true;
  if (cues.ends?.(paragraph, after, exact && ratio > 1)) return false;
  if (cues.continues?.(after) && !cues.opens?.(paragraph)) return true;
  const runsOn = cues.runsOn?.(before) ?? false;
  // A heading or a label opens a paragraph; but not a word in capitals after a line that runs on
  // ("M. Jean" then "DUPONT") or after a full line ending in capitals ("M. Noureddine BEN" then
  // "MESSAOUD"), nor capitals after a heading in capitals that runs on ("… PAR" then "DOMAINES …").
  const capitalWord = /^[\p{Lu}'’-]+\.?$/u.test(after);
  const carriesOn =
    (runsOn && (capitalWord || !/\p{Ll}/u.test(before))) ||
    (capitalWord && ratio > 0.9 && /\p{Lu}{2,},?$/u.test(before)) ||
    (exact && ratio > 1 && !/\p{Ll}/u.test(`${before}${after}`));
  // nor a label inside a bracket left open on a full line: "(Centre Sadoul - 54 520 Laxou -" then "Tel : 03 83 …)"
  const inBrackets = openBrackets(paragraph) > 0 && ratio > (exact ? 1 : 0.93);
  if (/^[\p{Lu}\d]/u.test(after) && cues.opens?.(after, exact && samePage && ratio > 1) && !carriesOn && !inBrackets) return false;
  if (runsOn || openBrackets(paragraph) > 0) return ratio > (exact ? 1 : 0.3);
  const ended = /[.!?:]$/.test(before);
  if (/^\p{Ll}/u.test(after) && !ended) return ratio > 0.3;
  // Measured (the PDF's boxes): the next word would not have fitted, or it would have.
  if (exact) return ratio > 1;
  if (ended && /^[\p{Lu}\d«"(]/u.test(after)) return ratio > 1.1;
  return ratio > 0.93;
}

/**
 * A line broken by the page width: the first word of the next line would not have fitted at the
 * end of this one. Joined with a blank, or with none after a hyphen — which is dropped when the
 * two halves make a word met elsewhere in the document ("dévelop-pement"), kept otherwise
 * ("Aix-en-Provence").
 */
export function joinWrappedLines(state: NormaliseState): void {
  const full = fullWidth(state.lines);
  const margins = textMargins(state.lines);
  const out: PdfLine[] = [];
  // the last line as printed, not the paragraph joined so far
  let printed = '';
  let printedBox: LineBox | undefined;
  let printedPage = 0;
  let printedMarked = false;
  const belowTop = pageTopOffsets(state.lines);
  // Lines of a paragraph follow at the line's pitch; a paragraph, heading or label is set apart by
  // more blank than that (a quarter of a line's height: the book's paragraphs leave half a line).
  // Over a page's end a line in type of another size (a title after a paragraph) is another
  // paragraph, and so is one that begins lower than the page's text begins (the blank a printer
  // leaves before a paragraph as padding, which a page's top does not take away as it does a margin).
  const spacedApart = (before: LineBox | undefined, after: PdfLine) =>
    before !== undefined &&
    after.box !== undefined &&
    (after.page === printedPage
      ? after.box.top - before.bottom > 0.25 * (before.bottom - before.top)
      : Math.abs(after.box.size - before.size) > 0.04 * before.size || belowTop(after) > 0.25 * (after.box.bottom - after.box.top));
  for (const line of state.lines) {
    const previous = out.at(-1);
    const chunk = firstChunk(line.text);
    const measured = printedBox && line.box && margins ? measuredRatio(printedBox, line.box, chunk, margins) : undefined;
    const ratio = measured ?? (textWidth(printed) + textWidth(` ${chunk}`)) / full;
    // the printer marked its paragraphs' ends: what it did not mark goes on
    const wrapped =
      previous !== undefined &&
      (state.marked ? !printedMarked : !spacedApart(printedBox, line) && continues(previous.text, printed, line.text, ratio, state.cues, measured !== undefined, line.page === printedPage));
    printed = line.text;
    printedMarked = line.marked === true;
    printedBox = line.end ?? line.box;
    printedPage = line.page;
    // (a printer that marks its lines' ends marks a hyphen of its text that ends a line too, book/hyphens.ts
    // AFTER_HYPHEN, and breaks no word itself: its hyphens are kept)
    if (wrapped) out[out.length - 1] = joined(previous, mend(previous.text, line.text, state.marked ? new Set() : state.words), line);
    else out.push(line);
  }
  state.lines = out;
}

/**
 * How far below the top of the pages' text a page's first line begins: the highest first line of
 * a page in type of its size is where text begins on a page, wherever a paragraph goes on from the
 * page before. 0 for a line that does not begin its page, or without boxes.
 */
function pageTopOffsets(lines: readonly PdfLine[]): (line: PdfLine) => number {
  const firsts = lines.filter((l, i) => l.box && l.page !== lines[i - 1]?.page).map((l) => l.box!);
  return (line) => {
    if (!line.box || !firsts.includes(line.box)) return 0;
    const size = line.box.size;
    const top = Math.min(...firsts.filter((b) => Math.abs(b.size - size) <= 0.04 * size).map((b) => b.top));
    return line.box.top - top;
  };
}

/**
 * The text's left and right margins, from the printed lines' boxes: where most lines begin, and
 * where the fullest end (a few excepted: a long address that overflows). Undefined without boxes.
 */
function textMargins(lines: readonly PdfLine[]): { left: number; right: number } | undefined {
  const boxes = lines.flatMap((l) => (l.box ? [l.box] : []));
  if (boxes.length < lines.length / 2 || boxes.length === 0) return undefined;
  const lefts = boxes.map((b) => b.left).sort((a, b) => a - b);
  const rights = boxes.map((b) => b.right).sort((a, b) => a - b);
  return { left: lefts[Math.floor(lefts.length * 0.1)]!, right: rights[Math.floor(rights.length * 0.98)]! };
}

/** How wide the printed line would have been with the next line's first chunk, relative to the text's width. */
function measuredRatio(before: LineBox, after: LineBox, chunk: string, margins: { left: number; right: number }): number {
  const chunkWidth = after.firstWord * Math.min(1, [...chunk].length / Math.max(1, after.firstWordChars));
  return (before.right + before.space + chunkWidth - margins.left) / (margins.right - margins.left);
}

function mend(before: string, after: string, words: ReadonlySet<string>): string {
  // a line is broken at a blank: one that begins with ";" had a blank before it ("désert ; Création")
  if (/^[.,;)\]]/.test(after)) return `${before} ${after}`;
  if (/\d-$/.test(before)) return `${before}${after}`;
  const hyphen = /([\p{L}\p{M}]+)-$/u.exec(before);
  if (!hyphen) return `${before} ${after}`;
  const next = /^[\p{L}\p{M}]+/u.exec(after)?.[0] ?? '';
  const word = `${hyphen[1]}${next}`.toLowerCase();
  if (next && /^\p{Ll}/u.test(next) && words.has(word)) return `${before.slice(0, -1)}${after}`;
  return `${before}${after}`;
}
