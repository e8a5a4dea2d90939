/**
 * Page furniture: what the printer repeats on every page (the book's title, the part's name, the
 * page number) is not text of the book. pdftotext puts it at the top or the foot of each page's
 * text, or — in its default mode, which reads by columns — anywhere on the page.
 */
import { foldKey } from '../../text/fold.js';
import type { LineBox } from './boxes.js';
import type { NormaliseState, PdfLine } from './state.js';

/** How many lines at the top and at the foot of a page may be running headers or footers. */
const ZONE = 3;

/** "12", "- 12 -", "page 12", "12 / 136", "12 sur 136". */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*(?:\/|sur|of)\s*\d{1,4})?$/i;
/** "12 / 136": a page number so plainly one that it is taken wherever it stands on its page. */
const PAGE_OF_PAGES = /^(\d{1,4})\s*(?:\/|sur|of)\s*\d{1,4}$/i;

function zoneIndexes(page: readonly PdfLine[]): number[] {
  const top = page.slice(0, ZONE).map((_, i) => i);
  const foot = page.slice(Math.max(ZONE, page.length - ZONE)).map((_, i) => Math.max(ZONE, page.length - ZONE) + i);
  return [...top, ...foot];
}

/**
 * Drops, on every page: its page number; a line of its top or foot that the page before or after
 * also prints there (a running header or footer; once a page, so that a part's title under a
 * running header of the same words stays); a running header that repeats the heading under it in
 * other capitals (a part of one page: no other page to compare with).
 */
export function dropFurniture(state: NormaliseState): void {
  // the same words exactly: page numbers are told by their number, and a Sommaire's "p.12" at the
  // foot of a page is not furniture because another page has a "p.14" there
  const zones = state.pages.map((page) => new Set(zoneIndexes(page).map((i) => page[i]!.text)));
  const repeated = (p: number, text: string) => [zones[p - 1], zones[p + 1]].some((z) => z?.has(text) === true);
  const printersPlace = furniturePlaces(state.pages, repeated);
  state.pages = state.pages.map((page, p) => {
    const drop = new Set<number>();
    const taken = new Set<string>();
    for (const i of zoneIndexes(page)) {
      const line = page[i]!;
      const number = PAGE_NUMBER.exec(line.text);
      const text = line.text;
      // (a printer that marks the ends of its text's lines does not mark its running headers, which are not its text)
      const running = !taken.has(text) && repeated(p, text) && printersPlace(line) && !(state.marked && line.marked);
      // (where a running header stands: a theme in capitals over its project's title is text)
      const headsItsHeading = !(state.marked && line.marked) && i < ZONE && page[i + 1] !== undefined && foldKey(page[i + 1]!.text) === foldKey(line.text) && page[i + 1]!.text !== line.text && printersPlace(line);
      if ((number && Number(number[1]) === line.page) || running || headsItsHeading) {
        drop.add(i);
        taken.add(text);
        if (!number) state.furniture.set(line.text, (state.furniture.get(line.text) ?? 0) + 1);
      }
    }
    page.forEach((line, i) => {
      const n = PAGE_OF_PAGES.exec(line.text);
      if (n && Number(n[1]) === line.page) drop.add(i);
    });
    return page.filter((_, i) => !drop.has(i));
  });
}

/** Where a line stands on its page, to a couple of points: a running header's place. */
const place = (box: LineBox) => Math.round(box.top / 2);

/**
 * With the lines' boxes: whether a line stands where the printer puts running headers and
 * footers — a place on the page where, on most pages and on a few at least, the line printed
 * there is printed there on the page before or after too. The text's first line has a place of
 * its own on every page as well, but it is the same words on the next page only by chance (a
 * label "Description du projet" heading two pages running), and such a line is text; so are two
 * lines of a list at the foot of two short pages. Without boxes, every line of a page's top or
 * foot may be furniture.
 */
function furniturePlaces(pages: readonly (readonly PdfLine[])[], repeated: (page: number, text: string) => boolean): (line: PdfLine) => boolean {
  const seen = new Map<number, { lines: number; repeated: number }>();
  pages.forEach((page, p) => {
    for (const i of zoneIndexes(page)) {
      const box = page[i]!.box;
      if (!box) continue;
      const count = seen.get(place(box)) ?? { lines: 0, repeated: 0 };
      count.lines += 1;
      if (repeated(p, page[i]!.text)) count.repeated += 1;
      seen.set(place(box), count);
    }
  });
  return (line) => {
    if (!line.box) return true;
    const count = seen.get(place(line.box));
    // (on a few pages running, by chance, two lines of a list can stand at the foot of a short page)
    return count !== undefined && count.repeated * 2 > count.lines && count.repeated >= 3;
  };
}
