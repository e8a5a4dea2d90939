/**
 * What the rules read, before assembly turns it into interchange records. Drafts keep source
 * lines; assembly resolves names to collectivities, amounts to money and builds the ids.
 */
import type { NamedCollectivity } from './names.js';
import type { Period } from './parse/dates.js';
import type { SourceLine } from './types.js';

export interface ExecutiveDraft {
  readonly name: string;
  /** "Mme", "M.": as printed */
  readonly civility?: string;
  readonly title?: string;
  readonly population?: number;
  readonly line: SourceLine;
}

export type ProjectStatus = 'ongoing' | 'completed' | 'planned' | 'other';

export type ProjectSection =
  | 'objectives'
  | 'description'
  | 'partners'
  | 'funding'
  | 'budget'
  | 'expectedResults'
  | 'obtainedResults'
  | 'beneficiaries'
  | 'observations';

export interface ProjectDraft {
  readonly titleLine: SourceLine;
  title: string;
  period?: Period;
  padInTitle: boolean;
  readonly status: ProjectStatus;
  /** whether a PROJETS … heading gave the status, or it was inferred */
  readonly statusStated: boolean;
  themes: string[];
  /** section → lines read under it; a line may carry a label prefix kept for the description */
  readonly sections: Map<ProjectSection, SourceLine[]>;
  lastLine: number;
}

export interface InfoDraft {
  /** "Structure mandatée pour la mise en œuvre" and the like: heading and lines */
  readonly bodies: { heading: string; lines: string[] }[];
  readonly budgetLines: SourceLine[];
  readonly humanResources: SourceLine[];
  readonly otherPartnerships: SourceLine[];
  readonly notes: string[];
}

export interface HeadDraft {
  readonly executives: ExecutiveDraft[];
  legalFramework?: SourceLine;
  readonly otherFrameworks: SourceLine[];
  dateText?: SourceLine;
  history: string[];
  domainsText: string[];
  readonly notes: string[];
}

/** One partnership as printed: Marseille's entry holds four. */
export interface UnitDraft {
  readonly section: string;
  readonly home: readonly NamedCollectivity[];
  readonly partner: readonly NamedCollectivity[];
  readonly headingLines: readonly SourceLine[];
  readonly head: HeadDraft;
  readonly projects: ProjectDraft[];
  readonly unitNotes: string[];
  readonly info: InfoDraft;
  /** contact blocks with the column they start in */
  readonly contactBlocks: { lines: SourceLine[]; defaultSide: string }[];
  readonly lines: [number, number];
  readonly page?: number;
  readonly tier: 'full' | 'brief';
}

export function emptyInfo(): InfoDraft {
  return { bodies: [], budgetLines: [], humanResources: [], otherPartnerships: [], notes: [] };
}

export function emptyHead(): HeadDraft {
  return { executives: [], otherFrameworks: [], history: [], domainsText: [], notes: [] };
}
