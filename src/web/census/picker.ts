/**
 * An editor answers for any collectivity: they pick it from a searchable list that works without
 * JavaScript — a search field sent by GET (`?nom=`), the matches listed as links to the
 * collectivity's records (pages/campaign-entries/). A directory may hold thousands of collectivities: a <select> of all of
 * them was too long to read and to move through by keyboard.
 */
import { foldText } from '../../text/fold.js';

/** At most this many matches are listed: past it, the editor narrows the search. */
export const PICKER_LIMIT = 50;

interface Pickable {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly kind: string;
}

/** The collectivities whose name (or id) holds every word of the query, accents and case aside; by name. */
export function pickMatches<C extends Pickable>(collectivities: readonly C[], query: string): C[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return collectivities
    .filter((k) => {
      const haystack = `${foldText(k.name)} ${k.id}`;
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
