/**
 * The document's outline: where the Sommaire, the four sections of entries, the "Autres
 * partenariats répertoriés", the Synthèse and the annexes stand. Everything after reads one zone.
 */
import { key } from './text.js';
import type { SourceLine } from './types.js';

export type ZoneKind = 'front' | 'section' | 'brief' | 'synthesis' | 'annex';

export interface Zone {
  readonly kind: ZoneKind;
  /** for sections: the section's name as printed in the body ("Villes") */
  readonly title: string;
  readonly heading?: SourceLine;
  readonly lines: readonly SourceLine[];
}

/** Section headings of the body, by comparison key; the value is the canonical section name. */
export const SECTION_NAMES: Readonly<Record<string, string>> = {
  villes: 'Villes',
  'communautes urbaines': 'Communautés urbaines',
  'conseils generaux': 'Conseils généraux',
  'conseils regionaux': 'Conseils régionaux',
};

/** Longer than any heading the outline knows: a paragraph, not worth folding to compare. */
const HEADING_MAX = 100;

function zoneOf(line: SourceLine): { kind: ZoneKind; title: string } | undefined {
  if (line.text.length > HEADING_MAX) return undefined;
  // The Sommaire prints the same titles followed by their page: those are not headings.
  if (/\bp\.\s*\d+$/.test(line.text)) return undefined;
  const k = key(line.text);
  if (SECTION_NAMES[k]) return { kind: 'section', title: SECTION_NAMES[k] };
  if (k === 'autres partenariats repertories') return { kind: 'brief', title: 'Autres partenariats' };
  if (k.startsWith('synthese des cooperations')) return { kind: 'synthesis', title: 'Synthèse des coopérations par domaines d’intervention' };
  if (/^annexes?$/.test(k)) return { kind: 'annex', title: 'Annexes' };
  return undefined;
}

export function outline(lines: readonly SourceLine[]): Zone[] {
  const zones: Zone[] = [];
  let current: { kind: ZoneKind; title: string; heading?: SourceLine; lines: SourceLine[] } = { kind: 'front', title: 'front', lines: [] };
  for (const line of lines) {
    const next = zoneOf(line);
    // The Sommaire prints the same words with a page number ("I. Villes"): only bare headings open zones.
    if (next) {
      zones.push(current);
      current = { ...next, heading: line, lines: [] };
      continue;
    }
    current.lines.push(line);
  }
  zones.push(current);
  return zones.filter((z) => z.kind !== 'front' || z.lines.length > 0);
}
