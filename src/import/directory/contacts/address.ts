/**
 * Address lines: "17-19 rue des Archers", "Bd Mohamed V - 4000 MARRAKECH", "BP 585 - Meknès",
 * "Taroudannt B.P. 254", "63000 Clermont-Ferrand", "Marrakech 40000", "Médiathèque, Cité M'haïta".
 * A line that is only a town ("Oujda", "RABAT") is an address only after another address line;
 * the rules decide that from context.
 */
import { foldText } from '../../../text/fold.js';

/**
 * A street word counts where a street name starts (line start, after a comma or a dash), so that a
 * role such as "Chargé de la mise en place…" is not taken for an address.
 */
const STREET =
  /(?:^|[,\-–]\s*)(rue|avenue|av\.?|ave|bd|boulevard|place|pl\.|quai|square|route|impasse|allee|chemin|quartier|cite|immeuble|residence|lotissement|hay)(?![a-z])/;
const POST_BOX = /(?:^|[^\p{L}])(?:B\.?\s?P\.?|PP|CS)\s*(?:n°\s*)?\d/iu;
/** Five-digit postcodes (France's, Morocco's), often printed "20 000". */
const POSTCODE = /(?:^|[^\d])\d{2}\s?\d{3}(?!\d)/;
/** "9ème vice-président", "1er adjoint": ordinals start roles, not addresses. */
const ORDINAL = /^\d+\s*(?:e|è|ème|eme|er|ère|re|nd|nde)(?![\p{L}])/iu;


export function isAddressLine(text: string): boolean {
  const t = text.trim();
  if (!t || ORDINAL.test(t)) return false;
  if (/^\d/.test(t)) return true;
  if (POST_BOX.test(t) || POSTCODE.test(t) || /\bcedex\b/i.test(t)) return true;
  // "Tour Rond Point 93": a building and its number.
  if (/\s\d{1,4}$/.test(t) && !/[:@]/.test(t)) return true;
  return STREET.test(foldText(t));
}
