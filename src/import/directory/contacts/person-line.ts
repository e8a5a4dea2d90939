/**
 * Person lines: "M. Bruno GENZANA", "M. Ali BENJELLOUN, Vice-Président", "M. Abdelmajid QANQOM,",
 * "Mme Danièle BERNARDINI, Mme Corinne NOBILI" (two persons sharing what follows),
 * "Mme Deya BENJELLOUN, Responsable … - deya_cu@yahoo.fr", "M. Mohammed ZAOUI (Délégué Général, …)",
 * and, right after a label, a bare "Azeddine OULADDAHOU". The civility is kept apart from the name,
 * as printed ("Mme", "M."), so that the book prints it back as the source did.
 */
import { findEmails, removeEmails } from './coordinates.js';

export interface PersonMention {
  name: string;
  civility?: string;
  role?: string;
  emails: string[];
}

const HONORIFIC = /^(M\.|MM\.|Mr\.|(?:Mr|Mme|Mmes|Mlle|Mlles|Melle|Monsieur|Madame|Mademoiselle)(?![\p{L}]))\s*/u;
/** Where a second person starts on the same line. */
const NEXT_PERSON = /,\s*(?=M\.|(?:Mme|Mlle|Melle)(?![\p{L}]))/u;

/** The persons a line introduces with their honorific, or undefined when it introduces none. */
export function readPersonLine(text: string): PersonMention[] | undefined {
  if (!HONORIFIC.test(text)) return undefined;
  const people = text.split(NEXT_PERSON).map(readOne);
  return people.every((p): p is PersonMention => p !== undefined) ? people : undefined;
}

/** "Azeddine OULADDAHOU": a capitalised word and a word in capitals, nothing else. */
export function readBareName(text: string): PersonMention | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return undefined;
  if (!words.every((w) => /^[\p{Lu}][\p{L}'’-]*$/u.test(w))) return undefined;
  const capitals = words.filter((w) => w.length >= 3 && w === w.toUpperCase());
  const capitalised = words.filter((w) => w !== w.toUpperCase());
  return capitals.length > 0 && capitalised.length > 0 ? { name: text.trim(), emails: [] } : undefined;
}

function readOne(part: string): PersonMention | undefined {
  const emails = findEmails(part);
  const civility = HONORIFIC.exec(part.trimStart())?.[1];
  const text = removeEmails(part.replace(HONORIFIC, ''))
    .replace(/[\s\-–,;:]+$/, '')
    .trim();
  const paren = /^([^,(]+?)\s*\(([^)]*)\)?\s*[,;-]?\s*(.*)$/.exec(text);
  const [name, role] = paren ? [paren[1]!, [paren[2], paren[3]].filter(Boolean).join(', ')] : splitAtComma(text);
  const clean = name.trim();
  if (!/\p{L}/u.test(clean) || /[@\d]/.test(clean) || clean.split(/\s+/).length > 7) return undefined;
  const r = role?.trim();
  return { name: clean, ...(civility ? { civility } : {}), ...(r ? { role: r } : {}), emails };
}

function splitAtComma(text: string): [string, string | undefined] {
  const i = text.indexOf(',');
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}
