/**
 * A hyphen that ends a printed line of the book, marked for machines: a zero-width space after
 * it (`AFTER_HYPHEN`). pdftotext's default mode takes a line that ends with a hyphen for a word
 * hyphenated by the printer, drops the hyphen and joins the halves ("Etats-" then "Unis" as
 * "EtatsUnis"), and drops a hyphen between blanks there too ("15 000 € -" then "20 000 €"); a
 * line that ends with this mark does not end with the hyphen (ADR 0008). An e-mail or web address
 * that holds a hyphen is printed on one line instead, so that no mark stands inside it.
 *
 * Only where the print breaks the line: anywhere else the mark would stand inside a name
 * ("Aix-en-Provence"), and a copy of the PDF's text, or a viewer's search, would not find it.
 * Where the lines break is measured in the page before printing, laid out as the print lays it
 * out (print media, the CSS page's text width in the print's scale, `TEXT_WIDTH_MM`): a hyphen
 * ends a line when the character after it stands on a line below. The mark has no width and goes
 * where the line breaks already, so it moves no line.
 */
import type { Page } from 'playwright-core';

export const AFTER_HYPHEN = '\u200B';

/**
 * The width (mm) of the text of the book's page: the page is laid out as the CSS's `@page` sets
 * it (html.ts: A4, 18 mm each side), in the print's scale, then fitted to the paper, whatever the
 * paper (measured: an A5 print breaks its lines as this width does, not as the A5's).
 */
const TEXT_WIDTH_MM = 210 - 2 * 18;
/**
 * Measured a second time a little wider: a print fitted to another paper (A5) breaks a line or
 * so as if it had a little more room (a hyphen measured not quite fitting that the print puts at
 * a line's end); 0.2 % wider marks no hyphen that the print does not break at (measured, A4, A5
 * at 90 %, A4 at 130 %: no mark within a line).
 */
const WIDER = 0.002;

/**
 * Marks the hyphens that end a printed line in the page already loaded (marks of an earlier
 * pass are taken out first: the book's own text has none), after keeping each address that holds
 * a hyphen on one line. Returns how many were marked. What counts is the print, which
 * src/cli/pdf-import.test.ts reads: no mark within a line.
 */
export async function markLineEndHyphens(page: Page, scale: number): Promise<number> {
  const widthMm = TEXT_WIDTH_MM / scale;
  await page.emulateMedia({ media: 'print' });
  // A script for the page (the project's TypeScript has no DOM types).
  return (await page.evaluate(`(() => {
    const MARK = ${JSON.stringify(AFTER_HYPHEN)};
    // an address is left whole: a copy must give it back as it is
    const ADDRESS = /@|^(?:www\\.|https?:)/i;
    const inAddress = (node) => node.parentElement !== null && node.parentElement.dataset.address !== undefined;
    const root = document.documentElement;
    const width = root.style.width;
    const texts = () => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      return nodes;
    };
    const box = (node, i) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    // the character after the hyphen on a line below the hyphen's
    const endsLine = (node, i, next) => {
      const a = box(node, i), b = box(node, next);
      return a.height > 0 && b.height > 0 && b.top >= a.top + a.height / 2;
    };
    for (const node of texts()) if (node.data.includes(MARK)) node.data = node.data.split(MARK).join('');
    // An address with a hyphen is kept on one line ("riad-mounia@…"): broken at its hyphen, the
    // default mode would join its halves without the hyphen, and a mark would stand inside it.
    for (const node of texts()) {
      if (inAddress(node)) continue;
      const words = [...node.data.matchAll(/\\S*-\\S*/g)].filter((m) => ADDRESS.test(m[0]));
      // from the last, so that the places of those before stay right
      for (const m of words.reverse()) {
        const inside = node.splitText(m.index);
        inside.splitText(m[0].length);
        const span = document.createElement('span');
        span.dataset.address = '';
        span.style.whiteSpace = 'nowrap';
        inside.replaceWith(span);
        span.append(inside);
      }
    }
    const ends = new Map(); // node → the places of its hyphens that end a line
    for (const w of [${widthMm}, ${widthMm * (1 + WIDER)}]) {
      root.style.width = w + 'mm';
      // (an address's hyphens never end a line: it is on one)
      for (const node of texts()) {
        if (inAddress(node)) continue;
        const text = node.data;
        for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
          if (text[i + 1] === undefined || text[i + 1] === '\\u2060') continue;
          // a hyphen within a word, or one between blanks ("15 000 € - 20 000 €", "- Jumelage"):
          // the default mode drops either at a line's end ("Montereau-\\u2060\\u00A0" never breaks)
          const next = text.slice(i + 1).search(/\\S/);
          if (next < 0) continue;
          if (endsLine(node, i, i + 1 + next)) ends.set(node, (ends.get(node) ?? new Set()).add(i));
        }
      }
    }
    const found = [...ends].flatMap(([node, places]) => [...places].sort((a, b) => a - b).map((i) => [node, i]));
    // from the last, so that the places found before stay right; a mark goes where the line
    // breaks (the character after the hyphen on the line below) and moves no line
    for (let k = found.length - 1; k >= 0; k--) found[k][0].insertData(found[k][1] + 1, MARK);
    root.style.width = width;
    return found.length;
  })()`)) as number;
}
