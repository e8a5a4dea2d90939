/**
 * Page furniture: what the printer repeats on every page (the book's title, the part's name, the
 * page number) is not text of the book. pdftotext puts it at the top or the foot of each page's
 * text, or — in its default mode, which reads by columns — anywhere on the page.
 */
import { foldKey } from '../../text/fold.js';
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
  state.pages = state.pages.map((page, p) => {
    const drop = new Set<number>();
    const taken = new Set<string>();
    const near = [zones[p - 1], zones[p + 1]].filter((z): z is Set<string> => z !== undefined);
    for (const i of zoneIndexes(page)) {
      const line = page[i]!;
      const number = PAGE_NUMBER.exec(line.text);
      const text = line.text;
      const running = !taken.has(text) && near.some((z) => z.has(text));
      const headsItsHeading = i < ZONE && page[i + 1] !== undefined && foldKey(page[i + 1]!.text) === foldKey(line.text) && page[i + 1]!.text !== line.text;
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
