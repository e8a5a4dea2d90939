/**
 * Whether a role is an elected office or a job: "Adjoint au Maire", "Premier Vice-Président",
 * "Conseiller général délégué…" are elected; "Directrice…", "Chargée de mission", "Chef de
 * division", "Administrateur adjoint" are staff. The first office word printed decides, because
 * roles pile up ("Adjoint au Maire, Délégué…", "Directeur Adjoint aux Relations internationales").
 */
import type { ContactKind } from '../../../model/schema.js';
import { key } from '../text.js';

/** In order of precedence when two words start at the same place. */
const OFFICE_WORDS: ReadonlyArray<readonly [RegExp, ContactKind]> = [
  // A commission is chaired by an elected member, whatever the title ("Chef de la Commission").
  [/\b(?:president|presidente|chef) de la commission\b/, 'elected'],
  [/\badjointe? (?:au|a la) direct/, 'staff'],
  [/\bvice presidente?s?\b/, 'elected'],
  [/\bpresidente?s?\b/, 'elected'],
  [/\bmaires?\b/, 'elected'],
  [/\badjointe?s?\b/, 'elected'],
  [/\bconseill(?:er|ere)s?\b/, 'elected'],
  [/\b(?:depute|deputee|senateur|senatrice)\b/, 'elected'],
  [/\belue?s?\b/, 'elected'],
  [/\bdelegue general\b/, 'staff'],
  [/\b(?:directeur|directrice|direction)\b/, 'staff'],
  [/\bchargee?s? (?:de|d|des|du)\b/, 'staff'],
  [/\bchef\b/, 'staff'],
  [/\bresponsable\b/, 'staff'],
  [/\bsecretaire general/, 'staff'],
  [/\b(?:administrateur|administratrice|ingenieur|ingenieure|technicien|technicienne|attachee?|cadre|agent)\b/, 'staff'],
  [/\b(?:collaborateur|collaboratrice|collaborateurs|collaboratrices|coordonnateur|coordonnatrice|coordinateur|coordinatrice)\b/, 'staff'],
];

/** elected / staff as the role reads, 'other' for an association's officer, or undefined. */
export function officeKind(role: string | undefined): ContactKind | undefined {
  if (!role) return undefined;
  const k = key(role);
  // "Président de l'association Amal Dadès" is neither a councillor nor a municipal employee.
  if (/\bassociation\b/.test(k)) return 'other';
  let best: { at: number; kind: ContactKind } | undefined;
  for (const [pattern, kind] of OFFICE_WORDS) {
    const m = pattern.exec(k);
    if (m && (!best || m.index < best.at)) best = { at: m.index, kind };
  }
  return best?.kind;
}

/** "Président de l'association Amal Dadès" → "Association Amal Dadès": whom the person speaks for. */
export function associationInRole(role: string | undefined): string | undefined {
  const m = role ? /\b(association\b.*)$/iu.exec(role) : null;
  if (!m) return undefined;
  const name = m[1]!.replace(/[\s,;.]+$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}
