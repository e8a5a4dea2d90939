/**
 * Small text helpers of the contacts reader. Comparisons go through the directory's `key()`
 * (case-, accent- and punctuation-free) so "Souk el Khémis" = "Souk El Khémis" = "SOUK-EL-KHEMIS".
 */
import { key } from '../text.js';

/** Leftovers the caller may not have removed: "^{ème}", stray emphasis, arrows, odd blanks. */
export function cleanLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\^\{([^}]*)\}/g, '$1')
    .replace(/\*+/g, '')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/^[\s→➤•]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key without blanks: what a domain name looks like ("mairie-aixenprovence" ⊃ "aixenprovence"). */
export function compactKey(text: string): string {
  return key(text).replace(/ /g, '');
}

/** Role lines read as one sentence: "Adjoint au Maire" + "en charge des Relations internationales". */
export function joinParts(parts: readonly string[], separator = ' '): string | undefined {
  const joined = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(separator)
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:-]+$/, '')
    .trim();
  return joined || undefined;
}

/** A line that carries on the previous one: starts in lower case, or the previous one stopped on "de" or a comma. */
export function continuesPrevious(previous: string | undefined, text: string): boolean {
  if (/^\p{Ll}/u.test(text)) return true;
  return previous !== undefined && /(?:(?:\s|^)(?:de|du|des|d'|d’|la|le|les|l'|l’|et|à|aux|au|en|pour)|,)$/iu.test(previous.trim());
}
