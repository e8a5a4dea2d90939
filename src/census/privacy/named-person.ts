/**
 * Who is a person: the one decision of whose coordinates are private (`isNamedPerson`), and who
 * they are across partnerships and re-imports (`personKey`). Names are compared folded
 * (`foldKey`): accents, case and punctuation aside, in any script.
 */
import type { Contact } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import { PERSON_WORDS, type PersonWords } from './person-words.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: readonly string[]) => words.map((w) => escapeRegExp(foldKey(w))).filter(Boolean).join('|');

/** `^(prefix)?(word)(suffix)?` and `end`, for every language of the table, on folded words. */
function startPattern(pick: (words: PersonWords) => readonly string[], withAffixes: boolean, end: string): RegExp {
  const languages = Object.values(PERSON_WORDS).map((language) => {
    const words = `(?:${alternatives(pick(language))})`;
    if (!withAffixes) return words;
    const prefix = language.prefixes.length > 0 ? `(?:${alternatives(language.prefixes)})?` : '';
    const suffix = language.suffixes.length > 0 ? `(?:${alternatives(language.suffixes)})?` : '';
    return `${prefix}${words}${suffix}`;
  });
  return new RegExp(`^(?:${languages.join('|')})${end}`, 'u');
}

/** An organisation's or a service's own line: "Service des relations internationales", "المديرية الجهوية". */
const INSTITUTION = startPattern((language) => language.institutions, true, '(?: |$)');
/** "M. Driss Bounaim", "Mme …", "السيد …": a civility before a name (alone, it is the name). */
const CIVILITY = startPattern((language) => language.civilities, false, ' ');

/**
 * Whether a contact names a person, whose phones, faxes, e-mails and address are private. A person
 * is a person whatever the contact's kind and even with an organisation beside the name ("Driss
 * BOUNAIM", secretary of an association): only an organisation's or a service's own line is not —
 * a name that is the organisation, or part of its name ("IFAC 38"), or that names a service
 * ("Service des relations internationales", "Direction de l'eau", "Mairie de Tiflet"). In doubt
 * (a civility, an elected member, a name that is neither), a person: privacy by default.
 * The one decision, for the census, the site, its search and the exports.
 */
export function isNamedPerson(contact: Pick<Contact, 'kind' | 'name' | 'organization'>): boolean {
  if (contact.kind === 'elected') return true;
  const name = foldKey(contact.name);
  if (name === '' || CIVILITY.test(name)) return true;
  if (INSTITUTION.test(name)) return false;
  const organization = foldKey(contact.organization ?? '');
  return organization === '' || !` ${organization} `.includes(` ${name} `);
}

/** A person's name, folded and without civilities: "M. Driss BOUNAÏM" → "driss bounaim". */
export function normaliseName(name: string): string {
  return withoutCivility(foldKey(name));
}

/** Civilities off the front of folded words, however many ("M. le Dr" keeps "le": a person in doubt). */
export function withoutCivility(words: string): string {
  let text = words;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(CIVILITY, '');
  }
  return text;
}

/** The person a contact names, across partnerships and re-imports: normalised name + collectivity. */
export function personKey(person: { name: string; collectivityId?: string | undefined }): string {
  return `${normaliseName(person.name)}|${person.collectivityId ?? ''}`;
}
