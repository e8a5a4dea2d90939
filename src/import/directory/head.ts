/**
 * An entry's head: the executives with their populations, then "Cadre juridique", "Date",
 * "Historique"/"Origine", "Domaines d'activités" — each a "Label : value" line that may run on.
 */
import type { ExecutiveDraft, HeadDraft } from './drafts.js';
import { isExecutiveLine } from './entries.js';
import { runRules, type Rule, type RuleState } from './engine.js';
import { readPopulation } from './parse/money.js';
import { key, splitLabel } from './text.js';
import type { ReaderNote, SourceLine } from './types.js';

type HeadField = 'legalFramework' | 'otherFramework' | 'dateText' | 'history' | 'domainsText' | 'note';

interface HeadState extends RuleState {
  readonly head: HeadDraft;
  last?: HeadField;
}

const FIELDS: readonly [RegExp, HeadField][] = [
  [/^cadre juridique( actuel)?$/, 'legalFramework'],
  [/^cadre juridique precedent$/, 'otherFramework'],
  [/^dates?$/, 'dateText'],
  [/^(historique|origine)( du partenariat)?$/, 'history'],
  [/^domaines? d activites?$/, 'domainsText'],
  [/^(objet|n b|remarque|observations?)$/, 'note'],
];

function fieldOf(label: string): HeadField | undefined {
  const k = key(label);
  return FIELDS.find(([pattern]) => pattern.test(k))?.[1];
}

/** "M. Lakhdar Haddouche, Président de la Commune urbaine d'Oujda (500 000 habitants)" */
export function readExecutive(line: SourceLine): ExecutiveDraft {
  const m = /^(M\.|Mme|Mlle|M)\s*([^,]+?)\s*,\s*(.*)$/u.exec(line.text)!;
  const civility = m[1]!;
  const rest = m[3]!;
  const paren = /\(([^)]*habita[^)]*)\)?\s*$/.exec(rest);
  const title = (paren ? rest.slice(0, paren.index) : rest).replace(/[\s,]+$/, '').trim();
  const population = paren ? readPopulation(`(${paren[1]})`) : undefined;
  return { name: m[2]!.trim(), civility, ...(title ? { title } : {}), ...(population !== undefined ? { population } : {}), line };
}

const rules: readonly Rule<HeadState>[] = [
  {
    name: 'executive',
    read: (state, line) => {
      if (!isExecutiveLine(line.text) || state.last) return false;
      state.head.executives.push(readExecutive(line));
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'field',
    read: (state, line) => {
      const parts = splitLabel(line.text);
      const field = parts && fieldOf(parts[0]);
      if (!parts || !field) return false;
      setField(state, field, line, parts[1]);
      state.last = field;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'continuation',
    read: (state, line) => {
      const { head } = state;
      const bullet = /^[-•➤]/.test(line.text);
      if (state.last === 'history') head.history.push(line.text);
      // "Domaines d'activités :" may introduce a list ("Quatre grands axes … :", "- Agriculture");
      // a plain paragraph after a one-line list is an entry note (Maxéville, Franche-Comté).
      else if (state.last === 'domainsText' && (bullet || /:$/.test(line.text) || head.domainsText[0] === ''))
        head.domainsText.push(line.text);
      else head.notes.push(line.text);
      state.cursor.pos++;
      return true;
    },
  },
];

function setField(state: HeadState, field: HeadField, line: SourceLine, value: string): void {
  const { head } = state;
  const valueLine = { n: line.n, text: value };
  switch (field) {
    case 'legalFramework':
      if (head.legalFramework) head.otherFrameworks.push(valueLine);
      else head.legalFramework = valueLine;
      return;
    case 'otherFramework':
      head.otherFrameworks.push(valueLine);
      head.notes.push(line.text);
      return;
    case 'dateText':
      head.dateText = valueLine;
      return;
    case 'history':
      if (value) head.history.push(value);
      return;
    case 'domainsText':
      head.domainsText.push(value);
      return;
    case 'note':
      head.notes.push(line.text);
  }
}

export function readHead(lines: readonly SourceLine[], head: HeadDraft, notes: ReaderNote[]): void {
  runRules<HeadState>({ cursor: { lines, pos: 0 }, notes, head }, rules, 'entry head');
}
