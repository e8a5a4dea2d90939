/**
 * What a reader sees as a broken layout, measured in the browser on the page as drawn:
 *   - a word broken across lines (the "150 00 / 0 / habita / nts" of squeezed table columns): a
 *     run of text without a break opportunity (spaces, hyphens, slashes) whose characters sit on
 *     more than one line;
 *   - an element whose content overflows its box while the box lets it show (overflow visible),
 *     or is cut by an ellipsis;
 *   - the page scrolling sideways;
 *   - a navigation's items shown as a bulleted list.
 * A wide table scrolling inside its own region is not a defect (its region's overflow is auto).
 * Long addresses (e-mail, web) may break anywhere: a reader expects them to.
 */
import type { Page } from 'playwright-core';

export interface LayoutDefect {
  kind: 'broken-word' | 'overflow' | 'cut' | 'sideways-scroll' | 'bullet-in-nav';
  /** a CSS-like path to the element, and the text concerned */
  where: string;
  text: string;
}

// The function below runs in the browser: it is written against a minimal DOM shape, since this
// project's TypeScript has no DOM library.
interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
interface El {
  tagName: string;
  id: string;
  className: unknown;
  parentElement: El | null;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
  getClientRects(): ArrayLike<Rect>;
  closest(selector: string): El | null;
}
interface TextNode {
  data: string;
  parentElement: El | null;
}
interface Doc {
  body: El;
  documentElement: El;
  createRange(): { setStart(node: TextNode, offset: number): void; setEnd(node: TextNode, offset: number): void; getClientRects(): ArrayLike<Rect> };
  createTreeWalker(root: El, show: number): { nextNode(): TextNode | null };
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface Win {
  document: Doc;
  getComputedStyle(element: El): { clip: string; listStyleType: string; display: string; overflowX: string; textOverflow: string; visibility: string; whiteSpace: string; position: string };
}

export async function layoutDefects(page: Page): Promise<LayoutDefect[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const doc = w.document;
    const found: LayoutDefect[] = [];
    const describe = (element: El | null): string => {
      const parts: string[] = [];
      for (let e = element; e !== null && parts.length < 4; e = e.parentElement) {
        const cls = typeof e.className === 'string' && e.className !== '' ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const visible = (element: El): boolean => {
      const style = w.getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      // inside a visually hidden box (clipped to 1 px, for screen readers): not seen
      for (let e: El | null = element; e !== null; e = e.parentElement) if (w.getComputedStyle(e).clip.startsWith('rect')) return false;
      const rects = element.getClientRects();
      return rects.length > 0 && (rects[0]!.width > 0 || rects[0]!.height > 0);
    };

    const scroll = Math.max(doc.documentElement.scrollWidth - doc.documentElement.clientWidth, doc.body.scrollWidth - doc.body.clientWidth);
    if (scroll > 0) found.push({ kind: 'sideways-scroll', where: 'html', text: `${scroll} px` });

    // words broken across lines (NodeFilter.SHOW_TEXT = 4)
    const walker = doc.createTreeWalker(doc.body, 4);
    const range = doc.createRange();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || parent.closest('script, style, svg, template, [hidden], .visually-hidden, .sr-only') !== null) continue;
      if (!visible(parent)) continue;
      for (const match of node.data.matchAll(/[^ \t\n\r\-‐-―/]{2,}/g)) {
        const word = match[0];
        if (/@|:\/\/|^www\./.test(word)) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + word.length);
        const tops = new Set<number>();
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top));
        if (tops.size > 1) found.push({ kind: 'broken-word', where: describe(parent), text: word });
      }
    }

    // a navigation's items are links, not a bulleted list ("• Se connecter")
    for (const item of Array.from(doc.querySelectorAll('nav li'))) {
      const style = w.getComputedStyle(item);
      if (visible(item) && style.display === 'list-item' && style.listStyleType !== 'none') found.push({ kind: 'bullet-in-nav', where: describe(item), text: (item.textContent ?? '').trim() });
    }

    // chart labels shortened on the server ("Région (conseil régi…")
    for (const label of Array.from(doc.querySelectorAll('svg text'))) {
      const text = (label.textContent ?? '').trim();
      if (text.endsWith('…')) found.push({ kind: 'cut', where: describe(label), text });
      // or drawn past the chart's edge, where the SVG cuts it
      const svg = label.closest('svg');
      const box = label.getClientRects()[0];
      const frame = svg?.getClientRects()[0];
      if (box !== undefined && frame !== undefined && (box.left < frame.left - 1 || box.right > frame.right + 1)) found.push({ kind: 'cut', where: describe(label), text });
    }

    // content overflowing a box that shows it, or cut by an ellipsis
    for (const element of Array.from(doc.querySelectorAll('body *'))) {
      if (element.closest('svg') !== null || !visible(element)) continue;
      const style = w.getComputedStyle(element);
      if (style.display === 'inline' || style.display === 'contents') continue;
      const over = element.scrollWidth - element.clientWidth;
      if (over <= 1 || element.clientWidth === 0) continue;
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
      if (style.textOverflow === 'ellipsis') found.push({ kind: 'cut', where: describe(element), text });
      else if (style.overflowX === 'visible') found.push({ kind: 'overflow', where: describe(element), text: `${over} px: ${text}` });
    }
    return found;
  });
}
