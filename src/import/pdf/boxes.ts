/**
 * The lines of a PDF with where they were printed: pdftotext's `-bbox-layout` gives every word's
 * box, and words sharing a baseline are one printed line, left to right (what `-layout` prints,
 * without its padding). A line's box is what text alone cannot say: where it ends against the
 * margin, so that a line broken by the width (its next word would not have fitted) is told from a
 * paragraph's last line, however full (ADR 0008).
 */

/** Where a printed line stands on its page, in points. */
export interface LineBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** the width of its first word, and that word's characters (to measure a part of it) */
  readonly firstWord: number;
  readonly firstWordChars: number;
  /** the blank between two of its words, or a quarter of its height when it has one word */
  readonly space: number;
  /** the height of most of its words: its type's size (a sign from another face, "➤", aside) */
  readonly size: number;
}

export interface BoxedText {
  /** pages ended by form feeds, one printed line a line: what the normaliser reads */
  readonly text: string;
  /** each page's lines' boxes, by the line's index in the page's text */
  readonly boxes: readonly (readonly LineBox[])[];
}

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

/** pdftotext's -bbox-layout XHTML → the printed lines of each page and their boxes. */
export function boxedText(xhtml: string): BoxedText {
  const pages: string[] = [];
  const boxes: LineBox[][] = [];
  for (const page of xhtml.split(/<page\b/).slice(1)) {
    const words: Word[] = [];
    for (const m of page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      // (a zero-width space after a hyphen is the printer's, for pdftotext's other modes: book/hyphens.ts `AFTER_HYPHEN`)
      words.push({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decode(m[5]!).replace(/\u200B/g, '') });
    }
    const lines = tableRows(printedLines(words));
    pages.push(lines.map((line) => line.words.map((w) => w.text).join(' ')).join('\n'));
    boxes.push(lines.map(boxOf));
  }
  return { text: pages.map((p) => `${p}\n`).join('\f'), boxes };
}

/** Words on one baseline (their vertical middles within half a line of each other), top to bottom, left to right. */
function printedLines(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const lines: Word[][] = [];
  for (const word of sorted) {
    const line = lines.at(-1);
    const middle = (word.y0 + word.y1) / 2;
    const last = line?.at(-1);
    if (line && last && Math.abs(middle - (last.y0 + last.y1) / 2) < (last.y1 - last.y0) / 2) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => a.x0 - b.x0));
}

/**
 * A printed line's box; a table's row read as one line (`tableRows`) begins at its first word and
 * ends where its last printed line ends, as high as that line (what the next line's place, and
 * whether its first word would have fitted, are measured from).
 */
function boxOf(row: Row): LineBox {
  const line = row.words;
  const first = line[0]!;
  const gaps = line.slice(1).map((w, i) => w.x0 - line[i]!.x1).filter((g) => g > 0);
  const space = gaps.length > 0 ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : (first.y1 - first.y0) / 4;
  const unbreakable = firstUnbreakable(line);
  return {
    left: first.x0,
    right: Math.max(...row.last.map((w) => w.x1)),
    top: Math.min(...row.last.map((w) => w.y0)),
    bottom: Math.max(...row.last.map((w) => w.y1)),
    firstWord: unbreakable.at(-1)!.x1 - first.x0,
    firstWordChars: unbreakable.reduce((n, w) => n + [...w.text.replace(/[\u00AD\u200B\u2060\uFEFF]/g, '')].length, 0),
    space,
    size: median(row.last.map((w) => w.y1 - w.y0)),
  };
}

/**
 * A line's first word, with the words a no-break space glues to it ("Tanger-" and "Tétouan" when
 * the book printed "Tanger- Tétouan" unbroken): what a line before could not have taken apart.
 */
function firstUnbreakable(line: readonly Word[]): Word[] {
  let end = 1;
  while (end < line.length && /[\u00A0\u202F\u2007\u2060]$/.test(line[end - 1]!.text)) end += 1;
  return line.slice(0, end);
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** A line as the reader gets it: its words, and the last printed line it took them from. */
interface Row {
  readonly words: readonly Word[];
  readonly last: readonly Word[];
}

const top = (line: readonly Word[]) => Math.min(...line.map((w) => w.y0));
const bottom = (line: readonly Word[]) => Math.max(...line.map((w) => w.y1));
/** More blank between two printed lines than between the lines of a paragraph (joins.ts's rule). */
const spacedApart = (above: readonly Word[] | undefined, below: readonly Word[] | undefined) =>
  above === undefined || below === undefined || top(below) - bottom(above) > 0.25 * (bottom(above) - top(above));

/**
 * Where a line's second column begins: after a blank more than twice as wide as any other of the
 * line's blanks (a table's cells; the even blanks of a justified line make no column).
 */
function columnAt(line: readonly Word[]): number | undefined {
  const gaps = line.slice(1).map((w, i) => ({ at: w.x0, gap: w.x0 - line[i]!.x1 }));
  if (gaps.length < 2) return undefined;
  const widest = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
  const others = Math.max(...gaps.filter((g) => g !== widest).map((g) => g.gap));
  return widest.gap > 2 * Math.max(others, 0.5) ? widest.at : undefined;
}

/** A cell's lines as one text: the words in order; a line ending in a hyphen runs on without a blank. */
function cellWords(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    const last = out.at(-1);
    if (last && /[\p{L}\d]-$/u.test(last.text) && word.y0 > last.y1 - 1) out[out.length - 1] = { ...last, x1: word.x1, text: `${last.text}${word.text}` };
    else out.push(word);
  }
  return out;
}

/**
 * A table's row whose cells run over several printed lines ("Budget 2007 attribué au jumelage
 * Nîmes –" over "Meknès", beside ": 5 000 Euros."): read by baselines, the cells' lines would be
 * interleaved. A row is a block of lines set apart above and below, the first with a second
 * column (see `columnAt`); each line after it has no word across the column, and each of its
 * cells continues a cell of the line above that its first word would not have fitted in (a Sommaire's
 * next entry, beside its page number, is no such line). The row is read cell by cell, one line.
 */
function tableRows(lines: readonly Word[][]): Row[] {
  const out: Row[] = [];
  const right = Math.max(...lines.flat().map((w) => w.x1));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const column = spacedApart(lines[i - 1], line) ? columnAt(line) : undefined;
    let end = i + 1;
    if (column !== undefined) {
      const space = (line[0]!.y1 - line[0]!.y0) / 4;
      const cells = (l: readonly Word[]) => [l.filter((w) => w.x1 <= column - space), l.filter((w) => w.x0 >= column - 1)] as const;
      // a cell's line that ends where the next line's first word of that cell would not have fitted
      // (the cells' own edges are not printed: a column's start, less a cell's padding, or the text's right end)
      const wraps = (above: readonly Word[], below: readonly Word[], limit: number) =>
        below.length === 0 || (above.length > 0 && above.at(-1)!.x1 + space + (below[0]!.x1 - below[0]!.x0) > limit);
      const continues = (above: readonly Word[], below: readonly Word[]) => {
        const [a1, a2] = cells(above);
        const [b1, b2] = cells(below);
        return b1.length + b2.length === below.length && wraps(a1, b1, column - 4 * space) && wraps(a2, b2, right - 2 * space);
      };
      while (end < lines.length && !spacedApart(lines[end - 1], lines[end]) && continues(lines[end - 1]!, lines[end]!)) end += 1;
    }
    if (column === undefined || end === i + 1 || !spacedApart(lines[end - 1], lines[end])) {
      out.push({ words: line, last: line });
      continue;
    }
    const row = lines.slice(i, end).flat();
    out.push({ words: [...cellWords(row.filter((w) => w.x0 < column - 1)), ...cellWords(row.filter((w) => w.x0 >= column - 1))], last: lines[end - 1]! });
    i = end - 1;
  }
  return out;
}
