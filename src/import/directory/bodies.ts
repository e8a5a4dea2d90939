/**
 * Implementing bodies ("Structure mandatée pour la mise en œuvre", "Mise en œuvre"): an
 * association or agency mandated by a party, often with its contact person printed in one run
 * ("ADEFRAM - M. Nicolas Braille : 67, rue Vergniaud … ; Tél : … ; adefram@lesorangers.org").
 * Read as a contact of kind "other", with its organisation, so its coordinates are searchable.
 */
import type { Contact } from '../../model/schema.js';
import { isAddressLine } from './contacts/address.js';
import { readCoordinates } from './contacts/coordinates.js';

const EMAIL = /[\p{L}\p{N}_.+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const NAME = String.raw`(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})`;
/** Where the person stands, surest first: "Contact : M. X", "Nom du responsable : X", "M. X", "→ X". */
const PERSON = [
  new RegExp(String.raw`contact\s*:\s*(?:M\.|Mme)?\s*${NAME}`, 'iu'),
  new RegExp(String.raw`nom du responsable\s*:\s*${NAME}`, 'iu'),
  new RegExp(String.raw`\b(?:M\.|Mme)\s*${NAME}`, 'u'),
  new RegExp(String.raw`→\s*(?:M\.|Mme)?\s*${NAME}`, 'u'),
];

/** "Nom de la structure : X", "La structure mandatée … est l'X (Contact …", "L'X est mandatée …", "→ L'X assure …" */
const ORGANIZATION = [
  /nom de la structure\s*:\s*([^;]+)/iu,
  /structure mandat\p{L}*[^.;]*?\best\s+(?:l['’]|la\s+|le\s+)?([^(;.]+)/iu,
  /(?:^|;\s*)(?:→\s*)?(?:l['’]|la\s+|le\s+)?([^;.→]{3,80}?)\s+(?:est mandat|assure)/iu,
];

/** A postcode or a street word: what an address of a body's line has (isAddressLine also takes "2 personnes."). */
const STREET_OR_POSTCODE = /\d{2}\s?\d{3}(?!\d)|(?:^|[\s,])(?:rue|avenue|av\.|bd|boulevard|place|quai|route|chemin|impasse|all[ée]e|cours)\s/iu;

/**
 * The address printed in the body's lines ("67, rue Vergniaud Bât I 75013 Paris" after the
 * person's name): a piece between ";" or " : " that reads as an address, not as coordinates.
 * Recorded on the contact, it is the person's, private as their phones are, and cut out of the
 * note that repeats the line.
 */
function addressIn(lines: readonly string[]): string | undefined {
  const pieces = lines.flatMap((line) => line.split(/\s*;\s*|\s+:\s+/)).map((piece) => piece.trim().replace(/[.;,]+$/, ''));
  return pieces.find((piece) => /\p{L}/u.test(piece) && isAddressLine(piece) && STREET_OR_POSTCODE.test(piece) && readCoordinates(piece) === undefined);
}

function phonesAfter(label: RegExp, text: string): string[] {
  return [...text.matchAll(label)].map((m) => m[1]!.trim().replace(/[\s;,.]+$/, '')).filter(Boolean);
}

/** The lines of one implementing-body note; undefined when they name no person nor address. */
export function readImplementingBody(heading: string, lines: readonly string[]): Contact | undefined {
  const text = lines.join(' ; ');
  const emails = [...new Set(text.match(EMAIL) ?? [])];
  const person = PERSON.map((p) => p.exec(text)?.[1]?.trim()).find(Boolean);
  if (!person && emails.length === 0) return undefined;
  const first = lines[0]!.split(/\s+-\s+(?:M\.|Mme)|\s*:\s*|\s*\(/)[0]!.trim();
  const organization =
    ORGANIZATION.map((p) => p.exec(text)?.[1]?.trim()).find(Boolean) ??
    (first && !first.startsWith('→') && first !== person && first.length < 80 && !/\.\s/.test(first) ? first : undefined);
  const phones = phonesAfter(/T[ée]l\.?\s*:\s*([+\d][\d\s().\-/+]{6,}\d)/giu, text);
  const bare = phonesAfter(/(?:^|;\s)(\+\s*\d[\d\s().\-/]{6,}\d)/gu, text);
  const faxes = phonesAfter(/Fax\s*:\s*([+\d][\d\s().\-/+]{6,}\d)/giu, text);
  const address = addressIn(lines);
  return {
    name: person ?? organization ?? emails[0]!,
    role: heading,
    kind: 'other',
    ...(organization ? { organization } : {}),
    ...([...phones, ...bare].length ? { phones: [...new Set([...phones, ...bare])] } : {}),
    ...(faxes.length ? { faxes } : {}),
    ...(emails.length ? { emails } : {}),
    ...(address ? { address } : {}),
  };
}
