/**
 * The labels that open a part of a project ("Description du projet", "→ Objectifs :",
 * "Budget & financement"…), and the status headings ("PROJETS EN COURS"). Matching goes
 * through comparison keys, so accents, capitals and the "→"/"-" leads of the book don't matter.
 */
import type { ProjectSection, ProjectStatus } from './drafts.js';
import { key, splitLabel } from './text.js';

const SECTIONS: readonly [RegExp, ProjectSection][] = [
  [/^objectifs? (et )?description/, 'description'],
  [/^objectifs?( specifiques?)?$/, 'objectives'],
  [/^(description|deroulement)( du| des)?( projets?| de l action)?( \d{4} a \d{4})?$/, 'description'],
  [/^(contexte|historique|lieu|duree|date de demarrage|date de cloture|publics? cibles?|moyens( mobilises)?|personnel mobilise|perspectives|impact de l action|autres retombees induites|localisation|mise en oeuvre)( historique)?$/, 'description'],
  // "Partenaires au Maroc", "Partenaire en France": the country is read from the label (partners.ts)
  [/^partenaires?( ((au|aux|en) [a-z][a-z -]*|mobilise pour la mise en oeuvre du projet))?$/, 'partners'],
  [/^partenaires? (et )?financements?$/, 'partners'],
  [/^(financements?|budget (et )?financements?)$/, 'funding'],
  [/^budget( estime| total)?$/, 'budget'],
  [/^resultats? attendus?$/, 'expectedResults'],
  [/^resultats? (obtenus?|obtenus? attendus?|et beneficiaires)$/, 'obtainedResults'],
  [/^resultats?$/, 'obtainedResults'],
  [/^beneficiaires?( directs| indirects)?$/, 'beneficiaries'],
  [/^(observations?|remarques?)$/, 'observations'],
];

/** Labels after which a line is the start of a project's body (a title stands right before). */
const OPENERS: ReadonlySet<ProjectSection> = new Set(['objectives', 'description']);

function cleanLabel(text: string): string {
  return key(text.replace(/^[\s\-–→➤•]+/, ''));
}

export interface SectionLabel {
  readonly section: ProjectSection;
  /** the label as printed, for description lines that keep it ("Lieu : Rabat") */
  readonly label: string;
  /** text after the colon on the same line */
  readonly inline: string;
}

/** "Description du projet", "→ Objectifs : Renforcer …", "- Financement : (La Rochelle) …" */
export function sectionLabel(text: string): SectionLabel | undefined {
  const bare = text.replace(/[\s:]+$/, '');
  // A colon inside ends the label: "Partenaires au Sénégal : Agence …" is a label and its text.
  const whole = bare.includes(':') ? undefined : match(bare);
  if (whole) return { section: whole, label: bare.replace(/^[\s\-–→➤•]+/, ''), inline: '' };
  const parts = splitLabel(text.replace(/^[\s\-–→➤•]+/, ''), 60);
  if (!parts) return undefined;
  const section = match(parts[0]);
  return section ? { section, label: parts[0], inline: parts[1] } : undefined;
}

function match(label: string): ProjectSection | undefined {
  const k = cleanLabel(label);
  return SECTIONS.find(([pattern]) => pattern.test(k))?.[1];
}

export function opensProjectBody(text: string | undefined): boolean {
  if (!text) return false;
  const label = sectionLabel(text);
  return label !== undefined && OPENERS.has(label.section);
}

export interface StatusHeading {
  readonly status: ProjectStatus;
  /** items below are a list of short headings with bullets (Aix-en-Provence's "SUIVI DES PROJETS") */
  readonly listed: boolean;
  /** projects outside the partnership: what follows is a note */
  readonly outside: boolean;
}

export function statusHeading(text: string): StatusHeading | undefined {
  const k = key(text);
  if (/^projets? en cours$/.test(k)) return { status: 'ongoing', listed: false, outside: false };
  if (/^projets? realises? en dehors/.test(k)) return { status: 'completed', listed: false, outside: true };
  if (/^projets? realises?$/.test(k)) return { status: 'completed', listed: false, outside: false };
  if (/^intentions? de projets?$/.test(k)) return { status: 'planned', listed: false, outside: false };
  if (/^suivi des projets/.test(k)) return { status: 'completed', listed: true, outside: false };
  if (/^autres projets realises$/.test(k)) return { status: 'completed', listed: true, outside: false };
  return undefined;
}

/**
 * Words of the book's theme headings. An upper-case line is a theme only if it speaks of a field
 * of action: "ISCAE", "ANPE", "CALTO (Tel : …)" are partners printed in capitals.
 */
const THEME_WORDS =
  /\b(developpement|renforcement|capacites|culture|culturels?|jeunesse|sports?|patrimoine|tourisme|ecotourisme|environnement|education|artisanat|echanges|lecture|enseignement|femmes|sante|associations|transports?|appui|institutionnel(le)?|economiques?|social(e)?|rural|urbain|amenagement|eau|assainissement|formation|services|publics?|action|agriculture|cooperation|gestion|commerce|equitable|societe|civile|recherche|superieur|durable|territoire|urbanisme|energie|insertion|solidarite|gouvernance|locale|professionnelle|economie)\b/;

export function isThemeHeading(text: string): boolean {
  return !/[:%@]|\d/.test(text.replace(/\([^)]*\)/g, '')) && THEME_WORDS.test(key(text));
}

/** Upper-case headings that are not themes of projects. */
export function isNonProjectHeading(text: string): boolean {
  return /^(chiffres cles|chronologie)$/.test(key(text));
}
