/**
 * How wide a line prints, roughly, in units of an average letter: PDF text has no widths left,
 * and counting characters misjudges lines of narrow letters ("il, fit") or wide ones ("MM").
 * The classes are those of any Latin text face; the estimate only has to tell a full line from
 * one that ended before the margin.
 */
const NARROW = new Set([..."iljft.,:;!'’|()[]ïîíìIJ-/"]);
const WIDE = new Set([...'mwMWŒœÆæ—%@']);

export function charWidth(c: string): number {
  if (c === ' ') return 0.5;
  if (NARROW.has(c)) return 0.5;
  if (WIDE.has(c)) return 1.5;
  if (/\p{Lu}/u.test(c)) return 1.3;
  return 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c);
  return width;
}
