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
      words.push({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decode(m[5]!) });
    }
    const lines = printedLines(words);
    pages.push(lines.map((line) => line.map((w) => w.text).join(' ')).join('\n'));
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

function boxOf(line: Word[]): LineBox {
  const first = line[0]!;
  const gaps = line.slice(1).map((w, i) => w.x0 - line[i]!.x1).filter((g) => g > 0);
  const space = gaps.length > 0 ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : (first.y1 - first.y0) / 4;
  return { left: first.x0, right: line.at(-1)!.x1, top: Math.min(...line.map((w) => w.y0)), bottom: Math.max(...line.map((w) => w.y1)), firstWord: first.x1 - first.x0, firstWordChars: [...first.text].length, space };
}
