/**
 * A project's partners with their roles. Roles are printed as labels ("Maître d'ouvrage :",
 * "Assistant à la maîtrise d'ouvrage :", "Opérateur :", "… - opérateur"), countries as
 * sub-headings ("Partenaires au Maroc :", "En France :"), contacts after an arrow
 * ("→ Contact : M. Manini Directeur, …").
 */
import { countryMentionedIn, type DirectoryCountries } from './countries.js';
import type { ProjectPartner } from '../../model/schema.js';
import { matchParty } from './parties.js';
import { sectionLabel } from './project-labels.js';
import { trimPunctuation } from './text.js';
import type { PartyRef, SourceLine } from './types.js';

type Role = NonNullable<ProjectPartner['role']>;

const ROLES: readonly [RegExp, Role][] = [
  [/^(?:.*?,\s*)?assistante?s?\s+(?:[àa]\s+(?:la\s+)?)?ma[iî]tr(?:ise|e)\s+d['’]\s*ouvrage\s*:\s*(.+)$/i, 'assistant-maitre-ouvrage'],
  [/^(?:.*?,\s*)?ma[iî]tres?\s+d['’]\s*ouvrage\s*:\s*(.+)$/i, 'maitre-ouvrage'],
  [/^op[ée]rateurs?\s*:\s*(.+)$/i, 'operator'],
];

function countryOf(hint: string, parties: readonly PartyRef[], countries: DirectoryCountries): string | undefined {
  return countryMentionedIn(hint, countries) ?? matchParty(hint, parties)?.country;
}

function partner(name: string, role: Role, country: string | undefined, parties: readonly PartyRef[], contact?: string): ProjectPartner | undefined {
  const clean = trimPunctuation(name);
  if (!clean) return undefined;
  const party = matchParty(clean, parties);
  const where = country ?? party?.country;
  return { name: clean, role, ...(where ? { country: where } : {}), ...(party ? { collectivityId: party.collectivityId } : {}), ...(contact ? { contact: trimPunctuation(contact) } : {}) };
}

/** "Sup de Co, IUT, Lycée Hôtelier." is three partners; "Agence Urbaine, M. Fahti Directeur, Bd Med V …" is one with a contact. */
function splitNames(text: string): { names: string[]; contact?: string } {
  const paren = /^(.*?)\s*\(([^)]*\d[^)]*)\)\s*[.;]?$/.exec(text);
  if (paren) return { names: [paren[1]!], contact: paren[2]! };
  // "Karine JAY, Directrice de …": a person with a role is one partner.
  // "Directions Provinciales de l'Agriculture (DPA) : Oujda, Nador, Figuig": one partner, several places.
  if (/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}{2,}/u.test(text) || /\s:\s/.test(text)) return { names: [text] };
  const parts: string[] = [];
  for (const part of text.split(/\s*[;,]\s+|\s+et\s+(?=\p{Lu})/u).map((p) => p.trim()).filter(Boolean)) {
    // A part in small letters continues the name before it ("Centre d'Economie Régionale, de l'Emploi, …").
    // "Université de Mohammedia et Université de Technologie de Belfort" are two; "Eaux et Forêts" is one.
    const joinedByEt = parts.length > 0 && text.includes(`${parts.at(-1)} et ${part}`);
    const sameHead = joinedByEt && part.split(' ')[0] === parts.at(-1)!.split(' ')[0];
    if (parts.length && (/^\p{Ll}/u.test(part) || (joinedByEt && !sameHead))) parts[parts.length - 1] += joinedByEt && !/^\p{Ll}/u.test(part) ? ` et ${part}` : `, ${part}`;
    else parts.push(part);
  }
  const personOrAddress = parts.findIndex((p, i) => i > 0 && (/^(M\.|Mme|Tél|Tel|Fax|BP|B\.P\.)/.test(p) || /^\d/.test(p) || /\b(rue|avenue|bd|boulevard)\b/i.test(p)));
  if (personOrAddress > 0) return { names: parts.slice(0, personOrAddress), contact: parts.slice(personOrAddress).join(', ') };
  return { names: parts };
}

export function readPartners(partnerLines: readonly SourceLine[], otherLines: readonly SourceLine[], parties: readonly PartyRef[], countries: DirectoryCountries): ProjectPartner[] {
  const out: ProjectPartner[] = [];
  const add = (p: ProjectPartner | undefined) => {
    if (p && !out.some((q) => q.name === p.name && q.role === p.role)) out.push(p);
  };
  // Roles may stand in any part ("Maître d'ouvrage : … / Assistant à la maîtrise d'ouvrage : …").
  for (const line of [...partnerLines, ...otherLines]) {
    for (const piece of line.text.split(/\s+\/\s+(?=\p{Lu})/u)) {
      for (const [pattern, role] of ROLES) {
        const m = pattern.exec(piece.replace(/^[\s\-–→➤•]+/, ''));
        if (m) add(partner(m[1]!, role, undefined, parties));
      }
    }
  }
  let country: string | undefined;
  for (const line of partnerLines) {
    let text = line.text.replace(/^[\s\-–➤•]+/, '');
    if (ROLES.some(([p]) => p.test(text))) continue;
    // "Partenaires au Maroc : …", "Partenaire mobilisé pour …", "En France :", "➤ En Nord-Pas de Calais :"
    const label = sectionLabel(text);
    if (label?.section === 'partners') {
      const where = /\b(?:en|au|aux)\s+(\p{L}[^:]*)$/u.exec(label.label);
      if (where) country = countryOf(where[1]!, parties, countries) ?? country;
      text = label.inline;
      if (!text) continue;
    }
    const heading = /^(?:en|au|aux)\s+([^:]{2,40}?)\s*:\s*(.*)$/i.exec(text);
    if (heading) {
      country = countryOf(heading[1]!, parties, countries) ?? country;
      text = heading[2]!;
      if (!text) continue;
    }
    if (/^→/.test(text)) {
      const last = out.at(-1);
      if (last) last.contact = trimPunctuation([last.contact, text.replace(/^→\s*(contact\s*:\s*)?/i, '')].filter(Boolean).join(' ; '));
      continue;
    }
    const [main, arrow] = text.split(/\s*→\s*/, 2);
    const operator = /^(.*?)\s+-\s+op[ée]rateur\b/i.exec(main!);
    if (operator) {
      add(partner(operator[1]!, 'operator', country, parties, arrow));
      continue;
    }
    const { names, contact } = splitNames(main!);
    names.forEach((name, i) => add(partner(name, 'partner', country, parties, i === names.length - 1 ? [contact, arrow?.replace(/^contact\s*:\s*/i, '')].filter(Boolean).join(' ; ') || undefined : undefined)));
  }
  return out;
}
