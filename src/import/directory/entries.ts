/**
 * Cutting a section into entries. An entry opens with its two party headings — the home
 * collectivity, then the partner one(s) — followed by the executives' lines ("M. X, Maire de Y
 * (N habitants)") or, for Marseille, by a note on its several partnerships.
 */
import { looksLikeCollectivityName } from './names.js';
import type { SourceLine } from './types.js';

export interface EntryLines {
  readonly home: SourceLine;
  readonly partner: SourceLine;
  /** the entry's lines after its two headings */
  readonly body: readonly SourceLine[];
}

export function isExecutiveLine(text: string): boolean {
  return /^(M\.|Mme|Mlle|M)\s*\p{Lu}[^,]*,/u.test(text);
}

export function isEntryStart(lines: readonly SourceLine[], i: number): boolean {
  const [a, b, c] = [lines[i], lines[i + 1], lines[i + 2]];
  if (!a || !b || !c) return false;
  if (!looksLikeCollectivityName(a.text) || !looksLikeCollectivityName(b.text)) return false;
  return isExecutiveLine(c.text) || /^\(.*\)$/.test(c.text) || /^partenariat avec /i.test(c.text);
}

export function splitEntries(lines: readonly SourceLine[]): { entries: EntryLines[]; before: readonly SourceLine[] } {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isEntryStart(lines, i)) starts.push(i);
  const entries = starts.map((start, k) => ({
    home: lines[start]!,
    partner: lines[start + 1]!,
    body: lines.slice(start + 2, starts[k + 1] ?? lines.length),
  }));
  return { entries, before: lines.slice(0, starts[0] ?? lines.length) };
}
