/**
 * "INFORMATIONS RELATIVES AU PARTENARIAT": budgets per party, human resources, other
 * partnerships, and the rest (steering committee, implementing body…) kept as notes.
 */
import type { InfoDraft } from './drafts.js';
import { runRules, type Rule, type RuleState } from './engine.js';
import { key } from './text.js';
import type { ReaderNote, SourceLine } from './types.js';

type InfoPart = 'budget' | 'humanResources' | 'otherPartnerships' | 'note';

interface InfoState extends RuleState {
  readonly info: InfoDraft;
  part: InfoPart;
  heading: string;
  /** lines read since the last heading: a heading is never right under another */
  linesInPart: number;
  /** the next implementing-body line opens a new body */
  newBody: boolean;
}

const HEADINGS: readonly [RegExp, InfoPart][] = [
  [/^budget (attribue|consacre)/, 'budget'],
  [/^ressources humaines/, 'humanResources'],
  [/^autres partenariats$/, 'otherPartnerships'],
  [/^(comite|pilotage|mise en oeuvre|structure mandatee|volet |observations?$|informations relatives)/, 'note'],
];

function headingOf(text: string): InfoPart | undefined {
  if (/[.:;]$/.test(text) && !/^informations/i.test(text)) return undefined;
  const k = key(text);
  if (/informations relatives a/.test(k)) return 'note';
  return HEADINGS.find(([pattern]) => pattern.test(k))?.[1];
}

const rules: readonly Rule<InfoState>[] = [
  {
    name: 'part heading',
    read: (state, line) => {
      const part = headingOf(line.text);
      if (!part) return false;
      state.part = part;
      state.linesInPart = 0;
      state.newBody = true;
      state.heading = /informations relatives a/.test(key(line.text)) ? '' : line.text;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'unknown short heading',
    read: (state, line) => {
      // "Comité de jumelage", "Pilotage": short headings of free notes.
      // Not an address, a person or a "Label : value" line.
      if (line.text.length > 60 || /[.;:,]/.test(line.text) || /^[-–•→➤]/.test(line.text) || /\d/.test(line.text) || /^(M|Mme)\b/.test(line.text)) return false;
      if (state.linesInPart === 0) return false;
      if (state.part !== 'note' && state.part !== 'budget') return false;
      if (state.part === 'budget' && state.info.budgetLines.length === 0) return false;
      state.part = 'note';
      state.heading = line.text;
      state.linesInPart = 0;
      state.newBody = true;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'part line',
    read: (state, line) => {
      const { info } = state;
      state.linesInPart++;
      if (state.part === 'budget') info.budgetLines.push(line);
      else if (state.part === 'humanResources') info.humanResources.push(line);
      else if (state.part === 'otherPartnerships') info.otherPartnerships.push(line);
      else info.notes.push(state.heading ? `${state.heading} : ${line.text}` : line.text);
      if (state.part === 'note' && /structure mandat|mise en (oe|œ)uvre/i.test(state.heading)) {
        const body = info.bodies.at(-1);
        if (body && body.heading === state.heading && !state.newBody) body.lines.push(line.text);
        else info.bodies.push({ heading: state.heading, lines: [line.text] });
        state.newBody = false;
      }
      state.cursor.pos++;
      return true;
    },
  },
];

export function readInfo(lines: readonly SourceLine[], info: InfoDraft, notes: ReaderNote[]): void {
  runRules<InfoState>({ cursor: { lines, pos: 0 }, notes, info, part: 'note', heading: '', linesInPart: 0, newBody: true }, rules, 'partnership information');
}
