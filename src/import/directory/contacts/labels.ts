/**
 * Label lines that say who the following persons are: "Agent en charge du dossier :",
 * "Agents en charge du dossier (Ville de Lyon) :", "Également en charge du dossier :",
 * "Élu en charge des Relations internationales :", and the generic "Contact en France : M. X, …"
 * of the brief entries. A label may carry the first person on its own line (`rest`).
 */
import { countryNamedBy, type DirectoryCountries } from '../countries.js';
import type { Staffing } from './types.js';

export interface Label {
  staffing: Staffing;
  /** "(Ville de Lyon)": the party the persons work for, as printed */
  partyText?: string;
  /** "Contact en France" / "Contact au Maroc": one of the directory's countries, named */
  country?: string;
  /** "Contacts à Fès": a place whose column follows */
  placeText?: string;
  /** what follows the colon, usually a person */
  rest: string;
}

const AGENT = /^(?:agents?|[ée]galement|personnes?|techniciens?)\s+en\s+charge\s+(?:du|des)\s+dossiers?\s*(?:\(([^)]*)\))?\s*(?::\s*(.*))?$/iu;
const ELECTED = /^[ée]lu(?:e|s|es)?\s+en\s+charge\b[^:(]*?(?:\(([^)]*)\))?\s*(?::\s*(.*))?$/iu;
/** "Contacts", "Contact à Meknès", "Contact en France : …" — never "contact@…". */
const CONTACT = /^contacts?(?![@\p{L}.])(?:\s+(en|au|aux|à|a)\s+([^:]+?))?\s*(?::\s*(.*))?$/iu;

export function readLabel(text: string, countries: DirectoryCountries): Label | undefined {
  const agent = AGENT.exec(text);
  if (agent) return { staffing: 'staff', ...(agent[1] ? { partyText: agent[1].trim() } : {}), rest: (agent[2] ?? '').trim() };
  const elected = ELECTED.exec(text);
  if (elected) return { staffing: 'elected', ...(elected[1] ? { partyText: elected[1].trim() } : {}), rest: (elected[2] ?? '').trim() };
  const contact = CONTACT.exec(text);
  if (!contact) return undefined;
  const [, preposition, place, rest] = contact;
  const label: Label = { staffing: 'contact', rest: (rest ?? '').trim() };
  const where = place?.trim();
  const country = where ? countryNamedBy(where, countries) : undefined;
  if (country) label.country = country;
  else if (where && preposition && /^(?:à|a)$/i.test(preposition)) label.placeText = where;
  return label;
}
