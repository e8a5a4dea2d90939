/**
 * Small text helpers shared by the directory reader: comparison keys and stable slugs.
 * Names in the book are spelled many ways (accents, hyphens, capitals, typographic apostrophes),
 * so every comparison goes through `key()`.
 */
import { foldKey, slugOf } from '../../text/fold.js';

/**
 * `compute` memoised for the strings it is asked of again: comparison keys and line tests are
 * asked for the same few thousand strings over and over (labels, names, lines read by several
 * readers); a bounded memo keeps the reader linear without changing what it computes.
 */
export function memoised<T>(compute: (text: string) => T, limit = 50_000): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let cached = kept.get(text);
    if (cached === undefined) {
      if (kept.size > limit) kept.clear();
      cached = compute(text);
      kept.set(text, cached);
    }
    return cached;
  };
}

/** Lower-case, accent-free, ligature-free, punctuation folded to single spaces (`foldKey`, memoised). */
export const key: (text: string) => string = memoised(foldKey);

/** A slug for ids: `[a-z0-9][a-z0-9-]*`, at most `max` characters, cut at a word boundary (see `slugOf`). */
export function slug(text: string, max = 60): string {
  return slugOf(text, max) || 'x';
}

/** Whether the letters of a line are all capitals (a theme or section heading in the book); asked of the same lines by several readers (paragraphs, projects). */
export const isUpperCaseLine: (text: string) => boolean = memoised(lettersAreCapitals);

function lettersAreCapitals(text: string): boolean {
  const letters = text.replace(/\([^)]*\)/g, '').replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Drops a trailing full stop, semicolon or comma and surrounding blanks. */
export function trimPunctuation(text: string): string {
  return text.replace(/^[\s\-–•➤→]+/, '').replace(/[\s.;,:]+$/, '').trim();
}

/** "Label : value" → ["Label", "value"]; the colon must come within the first `maxLabel` chars. */
export function splitLabel(text: string, maxLabel = 80): [string, string] | undefined {
  const m = /^([^:]{1,200}?)\s*:\s*(.*)$/.exec(text);
  if (!m || m[1]!.length > maxLabel) return undefined;
  // "http://…" and times like "10:30" are not labels.
  if (/https?$/i.test(m[1]!) || /\d$/.test(m[1]!) && /^\d/.test(m[2]!)) return undefined;
  return [m[1]!.trim(), m[2]!.trim()];
}
