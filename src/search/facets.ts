/** Facet values and their French labels; how funders' names are grouped. */
import { fold } from './text.js';
import type { FacetName, HitType } from './types.js';

export const TYPE_LABELS: Record<HitType, string> = { partnership: 'Partenariat', project: 'Projet', collectivity: 'Collectivité' };
export const HIT_TYPES: readonly HitType[] = ['partnership', 'project', 'collectivity'];

export const STATUS_LABELS: Record<string, string> = { ongoing: 'En cours', completed: 'Réalisé', planned: 'Intention', other: 'Autre' };
export const PAD_LABELS: Record<string, string> = { yes: 'Cofinancé par le PAD', no: 'Sans cofinancement PAD' };

export const KIND_LABELS: Record<string, string> = {
  commune: 'Commune',
  'communaute-urbaine': 'Communauté urbaine',
  'communaute-agglomeration': "Communauté d'agglomération",
  'communaute-communes': 'Communauté de communes',
  departement: 'Département (conseil général)',
  region: 'Région (conseil régional)',
  'commune-urbaine': 'Commune urbaine',
  'commune-rurale': 'Commune rurale',
  province: 'Province',
  prefecture: 'Préfecture',
  cercle: 'Cercle',
  'region-ma': 'Région',
  other: 'Autre',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');
}

export function decadeOf(date: string | null | undefined): string {
  const year = date === null || date === undefined ? Number.NaN : Number(date.slice(0, 4));
  return Number.isFinite(year) && year > 1000 ? String(Math.floor(year / 10) * 10) : 'unknown';
}

export function decadeLabel(decade: string): string {
  return decade === 'unknown' ? 'Date inconnue' : `Années ${decade}`;
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

export const FACET_LABELS: Record<FacetName, string> = {
  type: 'Type',
  domain: "Domaine d'intervention",
  frenchKind: 'Collectivité française',
  partnerKind: 'Collectivité partenaire',
  region: 'Région',
  pad: 'Programme PAD',
  status: 'État du projet',
  decade: 'Signature',
  funder: 'Financeur',
};

/** How many funders the facet keeps (the most frequent). */
export const TOP_FUNDERS = 30;
