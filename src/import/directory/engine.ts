/**
 * The reader's engine, after markdown-it's block parser: a zone of lines is read by an ordered
 * table of small named rules sharing one state. At each line the first rule that recognises it
 * consumes it (and maybe more lines); a line no rule takes is reported as unplaced, with its number.
 */
import type { ReaderNote, SourceLine } from './types.js';

export interface Cursor {
  readonly lines: readonly SourceLine[];
  pos: number;
}

export interface RuleState {
  readonly cursor: Cursor;
  readonly notes: ReaderNote[];
}

export interface Rule<S extends RuleState> {
  readonly name: string;
  /** Reads at `state.cursor.pos`; returns true when it consumed at least the current line. */
  readonly read: (state: S, line: SourceLine) => boolean;
}

export function runRules<S extends RuleState>(state: S, rules: readonly Rule<S>[], zone: string): void {
  const { cursor } = state;
  while (cursor.pos < cursor.lines.length) {
    const line = cursor.lines[cursor.pos]!;
    const start = cursor.pos;
    if (rules.some((rule) => rule.read(state, line))) {
      // A rule that claims a line must move on; guard against one that forgets (no endless loop).
      if (cursor.pos === start) cursor.pos++;
      continue;
    }
    state.notes.push({ kind: 'unplaced', message: `${zone}: no rule reads this line`, wording: { key: `no-rule.${zone.replaceAll(' ', '-')}` }, line: line.n, text: line.text });
    cursor.pos++;
  }
}

/** The next line after the cursor, if any. */
export function peek(cursor: Cursor, offset = 1): SourceLine | undefined {
  return cursor.lines[cursor.pos + offset];
}

export function span(lines: readonly SourceLine[]): [number, number] {
  return [lines[0]?.n ?? 1, lines.at(-1)?.n ?? lines[0]?.n ?? 1];
}
