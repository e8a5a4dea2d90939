/**
 * The projects of an entry. Status headings ("PROJETS EN COURS") set the status; upper-case theme
 * headings ("DEVELOPPEMENT URBAIN") set the themes; a project opens at its title and its parts
 * follow under labels ("Description du projet", "Financement"…). Titles are recognised by where
 * they stand (after a theme, before "→ Objectifs", with a trailing period "(débuté en 2005)").
 */
import type { ProjectDraft, ProjectSection, ProjectStatus } from './drafts.js';
import { peek, runRules, type Rule, type RuleState } from './engine.js';
import { splitTrailingPeriod } from './parse/dates.js';
import { findAmounts } from './parse/money.js';
import { isNonProjectHeading, isThemeHeading, opensProjectBody, sectionLabel, statusHeading } from './project-labels.js';
import { isUpperCaseLine } from './text.js';
import type { ReaderNote, SourceLine } from './types.js';

interface ProjectState extends RuleState {
  status: ProjectStatus;
  statusStated: boolean;
  listed: boolean;
  /** "CHIFFRES-CLES", "PROJETS REALISES EN DEHORS DU PARTENARIAT": lines are notes until the next heading */
  notesHeading?: string;
  themes: string[];
  /** a theme heading was just read: the next title-like line is a project title */
  themePending: boolean;
  project?: ProjectDraft;
  section: ProjectSection;
  readonly projects: ProjectDraft[];
  readonly unitNotes: string[];
}

const BULLET = /^[-–•➤→*]|^\d+[.)/]\s/;

/** A line that could be a title: not a bullet, not a sentence, not a "Label : text" part. */
export function isTitleLike(text: string): boolean {
  if (BULLET.test(text) || text.length > 300 || /^co-?financement/i.test(text)) return false;
  if (/[.;:,]$/.test(text) && !/\b(etc|cf)\.$/i.test(text)) return false;
  const outsideParens = text.replace(/\([^)]*\)/g, '');
  return !/[.;]\s+\p{Lu}/u.test(outsideParens) && sectionLabel(text) === undefined;
}

/** Right under a theme heading a title may hold ";" or a colon inside ("Projet REMPART : Réseau …"). */
function isLooseTitle(text: string): boolean {
  return !BULLET.test(text) && text.length <= 300 && !/[.:]$/.test(text) && !/^co-?financement/i.test(text) && sectionLabel(text) === undefined;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function openProject(state: ProjectState, line: SourceLine, rawTitle: string): void {
  const previous = state.project;
  // A theme heading followed by a mixed-case sub-theme ("ÉCHANGES" / "Formation, Culture,
  // Communication") looks like an empty project: fold it into the themes instead.
  if (previous && previous.sections.size === 0 && state.projects.at(-1) === previous && previous.lastLine === previous.titleLine.n) {
    state.projects.pop();
    state.themes = [...previous.themes, previous.title];
  }
  const split = splitTrailingPeriod(rawTitle);
  const { period, padCofinanced } = split;
  // A title that is only a period ("(2006-2007)") takes its theme's name.
  const title = split.title || state.themes[0] || rawTitle;
  const project: ProjectDraft = {
    titleLine: line,
    title,
    ...(period ? { period } : {}),
    padInTitle: padCofinanced,
    status: state.statusStated ? state.status : inferStatus(period?.startDate, period?.endDate, rawTitle),
    statusStated: state.statusStated,
    themes: [...state.themes],
    sections: new Map(),
    lastLine: line.n,
  };
  state.projects.push(project);
  state.project = project;
  state.section = 'description';
  state.themePending = false;
}

/** Marseille's partnerships print no status heading: read it from the title's period. */
function inferStatus(start: string | undefined, end: string | undefined, title: string): ProjectStatus {
  if (/d[ée]but[ée]/i.test(title)) return 'ongoing';
  if (end && end < '2008') return 'completed';
  return start || end ? 'ongoing' : 'other';
}

function push(state: ProjectState, section: ProjectSection, line: SourceLine): void {
  const project = state.project!;
  const lines = project.sections.get(section) ?? [];
  lines.push(line);
  project.sections.set(section, lines);
  project.lastLine = line.n;
}

function closeProject(state: ProjectState): void {
  state.project = undefined;
  state.notesHeading = undefined;
}

const rules: readonly Rule<ProjectState>[] = [
  {
    name: 'status heading',
    read: (state, line) => {
      const heading = statusHeading(line.text);
      if (!heading) return false;
      closeProject(state);
      Object.assign(state, { status: heading.status, statusStated: true, listed: heading.listed, themes: [], themePending: false });
      if (heading.outside) state.notesHeading = line.text;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'note heading',
    read: (state, line) => {
      if (!isNonProjectHeading(line.text)) return false;
      closeProject(state);
      state.notesHeading = line.text;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'partner list continues',
    read: (state, line) => {
      if (!state.project || state.section !== 'partners' || !continuesPartners(state, line)) return false;
      push(state, 'partners', line);
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'theme heading',
    read: (state, line) => {
      const text = line.text.replace(/\s*:$/, '');
      if (!isUpperCaseLine(text) || BULLET.test(text) || text.length > 160 || !isThemeHeading(text)) return false;
      closeProject(state);
      state.themes = [text];
      state.themePending = true;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'note lines',
    read: (state, line) => {
      if (!state.notesHeading) return false;
      state.unitNotes.push(`${state.notesHeading} : ${line.text}`);
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'PAD mention',
    read: (state, line) => {
      if (!state.project || state.project.lastLine !== state.project.titleLine.n || !/^[-–]?\s*cofinancement pad\.?$/i.test(line.text)) return false;
      state.project.padInTitle = true;
      state.project.lastLine = line.n;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'period under theme',
    read: (state, line) => {
      if (!state.themePending || !/^\(.*\)$/.test(line.text)) return false;
      openProject(state, line, `${state.themes[0]} ${line.text}`);
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'section label',
    read: (state, line) => {
      const label = sectionLabel(line.text);
      if (!label) return false;
      // "Partenaires : 576.000 Dhs (valorisation)." in a funding part is a funding line.
      if (state.project && (state.section === 'funding' || state.section === 'budget') && label.inline && findAmounts(label.inline).length) return false;
      if (!state.project) {
        if (!state.themePending) {
          state.unitNotes.push(line.text);
          state.cursor.pos++;
          return true;
        }
        // A theme with no title of its own ("SANTÉ (Novembre 2006 à 2009)" then "Description du projet").
        openProject(state, state.cursor.lines[state.cursor.pos - 1] ?? line, state.themes[0]!);
      }
      const budgetInFunding = state.section === 'funding' && label.section === 'budget' && label.inline;
      if (!budgetInFunding) state.section = label.section;
      const keepsLabel = state.section === 'partners' || budgetInFunding || (label.section === 'description' && !/^(description|d[ée]roulement|objectifs)/i.test(label.label));
      if (keepsLabel) push(state, state.section, line);
      else if (label.inline) push(state, state.section, { n: line.n, text: label.inline });
      else state.project!.lastLine = line.n;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'mixed-case theme',
    read: (state, line) => {
      // "Échanges / Culture" over "Échanges Radio (2003)": a theme printed in small letters.
      const next = peek(state.cursor);
      if (state.project || state.themePending || !state.statusStated || words(line.text) > 6 || /\d/.test(line.text) || !isTitleLike(line.text)) return false;
      if (!next || !isTitleLike(next.text) || !splitTrailingPeriod(next.text).period) return false;
      state.themes = [line.text];
      state.themePending = true;
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'project title',
    read: (state, line) => {
      const candidate = state.themePending ? isLooseTitle(line.text) : isTitleLike(line.text) && startsProject(state, line);
      if (!candidate) return false;
      openProject(state, line, line.text);
      state.cursor.pos++;
      return true;
    },
  },
  {
    name: 'content',
    read: (state, line) => {
      // A theme with a paragraph and no title ("ECOTOURISME" / "Continuation et clôture du programme…").
      if (!state.project && state.themePending) openProject(state, line, state.themes[0]!);
      if (state.project) push(state, state.section, line);
      else state.unitNotes.push(line.text);
      state.cursor.pos++;
      return true;
    },
  },
];

/**
 * Under "Partenaires", a name in capitals ("DDTEFP (Direction Départementale du Travail…)") or
 * shaped like a title ("Institut Scientifique de Rabat") is one more partner when the lines after
 * it reach a later part of the same project ("Observations", "Moyens mobilisés", "Financement")
 * without opening a project's body ("Description du projet", "→ Objectifs", a period).
 */
function continuesPartners(state: ProjectState, line: SourceLine): boolean {
  const { lines, pos } = state.cursor;
  if (sectionLabel(line.text) || statusHeading(line.text) || isNonProjectHeading(line.text) || BULLET.test(line.text)) return false;
  for (let i = pos; i < Math.min(lines.length, pos + 4); i++) {
    const text = lines[i]!.text;
    if (statusHeading(text) || /^\(.*\)$/.test(text) || splitTrailingPeriod(text).period) return false;
    const label = sectionLabel(text);
    // "Moyens mobilisés" is a description part but not where a project's body starts.
    if (label) return i > pos && label.section !== 'objectives' && !/^(objectifs?|description|d[ée]roulement|contexte|historique)/i.test(label.label);
    if (!isTitleLike(text) && !isUpperCaseLine(text)) return false;
  }
  return false;
}

function startsProject(state: ProjectState, line: SourceLine): boolean {
  const next = peek(state.cursor);
  if (state.themePending) return true;
  if (opensProjectBody(next?.text)) return true;
  if (splitTrailingPeriod(line.text).period) return true;
  const short = words(line.text) <= 6 && !/\d/.test(line.text);
  // Listed projects (Aix-en-Provence's follow-up): a short heading over bullets.
  if (state.listed && words(line.text) <= 10 && next && /^[-–•]/.test(next.text)) return true;
  // After a status heading, a short heading over its paragraph (Strasbourg's realised projects).
  if (!state.project) return state.statusStated && !state.notesHeading && short && !!next && /\.$/.test(next.text);
  // A short heading over a paragraph, between paragraphs (Strasbourg's realised projects).
  const previous = state.cursor.lines[state.cursor.pos - 1];
  if (short && state.section === 'description' && /\.$/.test(previous?.text ?? '') && next && /\.$/.test(next.text) && next.text.length > 80) return true;
  // A heading stranded in a funding part, before its own paragraph and funding (Midi-Pyrénées).
  const after = peek(state.cursor, 2);
  return short && state.section === 'funding' && !!after && sectionLabel(after.text)?.section === 'funding';
}

export interface ProjectsReading {
  readonly projects: ProjectDraft[];
  readonly unitNotes: string[];
}

export function readProjects(lines: readonly SourceLine[], notes: ReaderNote[]): ProjectsReading {
  const state: ProjectState = {
    cursor: { lines, pos: 0 },
    notes,
    status: 'other',
    statusStated: false,
    listed: false,
    themes: [],
    themePending: false,
    section: 'description',
    projects: [],
    unitNotes: [],
  };
  runRules(state, rules, 'projects');
  return { projects: state.projects, unitNotes: state.unitNotes };
}

/** Used by the entry reader to find where an entry's projects begin. */
export function startsProjectsZone(text: string): boolean {
  return statusHeading(text) !== undefined || isNonProjectHeading(text) || (isUpperCaseLine(text) && !BULLET.test(text) && isThemeHeading(text));
}
