/**
 * Facet values as codes (the web layer labels them from its catalogue, `web/i18n/fr.ts`); how
 * funders' names are grouped.
 */
import { fold } from './text.js';
import type { HitType } from './types.js';

export const HIT_TYPES: readonly HitType[] = ['partnership', 'project', 'collectivity', 'notice'];

/** The statuses a project facet knows, in the order the facet lists them; any other status is `other`. */
export const STATUSES: readonly string[] = ['ongoing', 'completed', 'planned', 'other'];
export const PAD_VALUES: readonly string[] = ['yes', 'no'];

export function decadeOf(date: string | null | undefined): string {
  const year = date === null || date === undefined ? Number.NaN : Number(date.slice(0, 4));
  return Number.isFinite(year) && year > 1000 ? String(Math.floor(year / 10) * 10) : 'unknown';
}

/** A facet value for URLs: lower-case ASCII words joined by hyphens. */
export function valueSlug(text: string): string {
  return (
    fold(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'x'
  );
}

const FUNDER_GROUPS: readonly [RegExp, string][] = [
  [/\bpad\b/, 'PAD'],
  [/\bmae\b|ministere des affaires etrangeres|affaires etrangeres/, 'MAE'],
  [/\bafd\b|agence francaise de developpement/, 'AFD'],
  [/union europeenne|commission europeenne|\bue\b|\bfeder\b/, 'Union européenne'],
  [/\bindh\b/, 'INDH'],
  [/caisse des depots/, 'Caisse des Dépôts'],
];

/**
 * A funding line's funder as a facet label: collectivities by their name, the big programmes by
 * their acronym ("Cofinancement PAD", "PAD Maroc" → "PAD"); undefined for sentences that are not names.
 */
export function funderName(funder: string, collectivityName?: string | null): string | undefined {
  if (collectivityName !== undefined && collectivityName !== null && collectivityName !== '') return collectivityName;
  const key = ` ${fold(funder).replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [pattern, name] of FUNDER_GROUPS) if (pattern.test(key)) return name;
  const name = funder
    .replace(/^\s*(co-?)?financements?\s+|^\s*subventions?\s+/i, '')
    .replace(/^(du|de la|de l'|de l’|des|de|d'|d’)\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length < 2 || name.length > 50) return undefined;
  if (!/^[\p{Lu}\d]/u.test(name)) return undefined; // "don de livres", "opérateur": not a funder's name
  return name;
}

/** How many funders the facet keeps (the most frequent). */
export const TOP_FUNDERS = 30;
