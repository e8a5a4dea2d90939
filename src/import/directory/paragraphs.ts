/**
 * What a directory's layout says of where its paragraphs begin and end, for readers of printed
 * pages (src/import/pdf) that must tell a paragraph's last line from a line broken by the page
 * width, which the width of proportional type cannot always tell:
 * - a part's label ("Description du projet", "Financement"), a status or theme heading in
 *   capitals, a label with its colon ("Tél : …", "Agent en charge du dossier (…) : …"), a street
 *   address begins one;
 * - a contact's line ends with the person's surname in capitals ("… : M. Omar EL JAZOULI"), an
 *   executive's line with the population ("(824 000 habitants)"): the role follows on a line of its
 *   own;
 * - a line ending with a word that cannot end a sentence ("de", "la", "débuté en") runs on.
 */
import { sectionLabel, statusHeading } from './project-labels.js';
import { isUpperCaseLine, key } from './text.js';

const HEADINGS = /^(contacts|informations relatives au partenariat|autres partenariats|cadre juridique( precedent)?|date|historique|domaines d activites|contexte historique|comite de pilotage|structure mandatee.*|ressources humaines.*|(elu|agent) en charge du dossier.*)$/;

const STREET_WORD = String.raw`\d+(?:\s*(?:bis|ter))?[\s,]+(?:rue|avenue|av\.?|bd|boulevard|place|pl\.|cours|quai|route|all[ée]e|chemin|square|impasse)\b`;
/**
 * "73, Cours Napoléon", "Tour Rond Point 93, 65 rue du capitaine Dreyfus, 93100 Montreuil": a
 * contact's street address, a line of its own: the street opens it, or follows a building's name
 * and a comma and is followed by the postcode and the town, which end it.
 */
const STREET = new RegExp(String.raw`^${STREET_WORD}|,\s${STREET_WORD}[^;:]*,\s\d{4,5}\s+\p{Lu}[\p{L}'’ -]*$`, 'iu');

/**
 * `afterFull`: the line follows a full printed line with no blank between. A contact's lines
 * follow one another so: its address and its numbers open lines even then. But a printed
 * directory sets its headings and labels apart: with no blank, a line in capitals or a label is
 * text going on ("… lors du précédent" then "CPER (Contrat-Plan Etat Région)", "… intervenants."
 * then "Remarque : l'IRCOD …").
 */
export function opensDirectoryParagraph(text: string, afterFull = false): boolean {
  if (STREET.test(text) || /^(t[ée]l|fax|e-?mail|site)\b[^:]{0,12}:/i.test(text)) return true;
  if (afterFull) return false;
  if (sectionLabel(text) || statusHeading(text) || isUpperCaseLine(text)) return true;
  const label = /^([^:]{1,70}?)\s:\s/.exec(text)?.[1];
  return HEADINGS.test(key(text)) || (label !== undefined && HEADINGS.test(key(label)));
}

/** "… en charge du dossier (…) : M. Omar EL JAZOULI": a contact whose name is whole. */
const CONTACT_NAME = /en charge du dossier\b.*:\s*(?:M\.|Mme|Mlle)\s.*\b\p{Lu}[\p{Lu}'’-]+$/u;

/**
 * "Ville de Tours/Commune urbaine de Marrakech": a pair of the Synthèse, a line of its own; two
 * names, each with its capital ("… et/ou émergents …" is a sentence).
 */
const PAIR = /^\p{Lu}[^/:;.]{2,}\/\p{Lu}[^/:;]{2,}[^.;:,]$/u;

export function endsDirectoryParagraph(paragraph: string, next: string, full = false): boolean {
  if (statusHeading(paragraph)) return true;
  // a pair on a full line is whole only before the next pair: "…/Conseil régional de Doukkala" then "Abda"
  if (PAIR.test(paragraph) && !runsOnDirectoryParagraph(paragraph) && /^\p{Lu}/u.test(next) && (!full || next.includes('/'))) return true;
  // the surname may itself be broken: "M. Abderrahim EL" then "KHANTOUR"
  if (CONTACT_NAME.test(paragraph) && !/^[\p{Lu}'’-]+(?:\s[\p{Lu}'’-]+)?$/u.test(next)) return true;
  return /\(\s*[\d\s.]+\s+habitants\s*\)$/.test(paragraph);
}

/**
 * "(débuté en juillet 2007)", "(1999)", "(2003-2006) - Cofinancement PAD": a project's period,
 * printed after its title, never on a line of its own.
 */
export function continuesDirectoryParagraph(line: string): boolean {
  return /^\([^()]*\b\d{4}\)\.?(?:\s*[-–]\s*Cofinancement PAD)?$/.test(line);
}

/** Words after which a sentence never stops: articles, prepositions, conjunctions. */
const RUNS_ON = new Set(['de', 'des', 'du', 'd', 'la', 'le', 'les', 'l', 'un', 'une', 'et', 'ou', 'à', 'au', 'aux', 'en', 'par', 'pour', 'avec', 'sur', 'dans', 'entre', 'sous', 'vers', 'chez', 'que', 'qui', 'dont']);

/** "… : Mme Ginette" then "VERBRUGGHE": a contact's name not finished. */
const CONTACT_FIRST_NAME = /en charge du dossier\b.*:\s*(?:M\.|Mme|Mlle)(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)+$/u;

export function runsOnDirectoryParagraph(line: string): boolean {
  // a dash at the end: "15 000 € -" then "20 000 € / an"; a civility: "… : M." then "Abdelaziz …"
  if (/\s[-–]$/.test(line) || /\s[-–]\sCofinancement$/.test(line) || CONTACT_FIRST_NAME.test(line) || /\s(?:M\.|Mme|Mlle)$/.test(line)) return true;
  const last = /([\p{L}]+)['’]?$/u.exec(line)?.[1];
  return last !== undefined && RUNS_ON.has(last.toLowerCase()) && !/['’]$/.test(line) ? true : /\b[dl]['’]$/i.test(line);
}
