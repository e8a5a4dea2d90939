/**
 * A table's row in pdftotext's `-layout` text, whose cells run over several lines: "Budget 2007
 * attribué au jumelage Nîmes –      : 5 000 Euros." then, under the first cell, "Meknès". The
 * layout keeps the columns by blanks; read line by line, a cell's second line would follow the
 * whole row. Only where the printer marks its cells' ends (state.ts `marked`): a cell not yet
 * ended goes on in the next line's text at its column, and the row is read cell by cell, one line.
 */

/** A run of text in a laid-out line, and the column it begins at. */
interface Segment {
  readonly at: number;
  text: string;
}

/** Blanks this wide part a line's columns; a sentence has one blank between its words. */
const GUTTER = /\s{3,}/;

/** How many character columns off a cell's next line may start in `-layout` text. */
const NEAR = 8;

/** A cell's next line: after a blank, or none after a hyphen (a compound broken there; a zero-width space may follow it). */
function joinCell(text: string, next: string): string {
  return /[\p{L}\d]-\u200B?$/u.test(text) ? `${text}${next}` : `${text} ${next}`;
}

function segments(line: string): Segment[] {
  const out: Segment[] = [];
  const re = /\S+(?:\s{1,2}\S+)*/g;
  for (const m of line.matchAll(re)) out.push({ at: m.index, text: m[0] });
  return out;
}

/**
 * A page's lines with each table row that runs over several lines read as one line, its cells in
 * order; `ended` says whether a cell's text ends with the printer's mark. The row's line keeps its
 * index in the page (its first line); the lines taken into it are left out (as `undefined`).
 */
export function laidOutRows(lines: readonly string[], ended: (text: string) => boolean): (string | undefined)[] {
  const out: (string | undefined)[] = [...lines];
  for (let i = 0; i < lines.length; i++) {
    if (!GUTTER.test(lines[i]!.trim())) continue;
    const cells = segments(lines[i]!);
    if (cells.length < 2 || cells.every((c) => ended(c.text))) continue;
    const first = cells.map((c) => c.text);
    let j = i + 1;
    for (; j < lines.length && !cells.every((c) => ended(c.text)); j++) {
      const below = segments(lines[j]!);
      // each run of the next line goes on the cell whose column is nearest (pdftotext's columns are
      // character cells: proportional type lands a few off), if that cell is not ended; a blank
      // line, or a run far from every cell, ends the row
      const open = below.map((s) => {
        const nearest = cells.reduce((a, b) => (Math.abs(b.at - s.at) < Math.abs(a.at - s.at) ? b : a));
        return Math.abs(nearest.at - s.at) <= NEAR && !ended(nearest.text) ? nearest : undefined;
      });
      if (below.length === 0 || open.some((c) => c === undefined)) break;
      below.forEach((s, k) => (open[k]!.text = joinCell(open[k]!.text, s.text)));
    }
    // a row is whole when each of its cells ended (other text set in columns is left as it is)
    if (j === i + 1 || !cells.every((c) => ended(c.text))) {
      cells.forEach((c, k) => (c.text = first[k]!));
      continue;
    }
    out[i] = `${' '.repeat(cells[0]!.at)}${cells.map((c) => c.text).join(' ')}`;
    for (let k = i + 1; k < j; k++) out[k] = undefined;
    i = j - 1;
  }
  return out;
}
