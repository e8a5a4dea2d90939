/**
 * What a directory's layout says of a line, for readers of printed pages (src/import/pdf) that
 * must tell a paragraph's first line from a line broken by the page width: a part's label
 * ("Description du projet", "Financement"), a status or theme heading in capitals, a label with
 * its colon ("Tél : …", "Agent en charge du dossier (…) : …") always begins a paragraph.
 */
import { sectionLabel, statusHeading } from './project-labels.js';
import { isUpperCaseLine, key } from './text.js';

const HEADINGS = /^(contacts|informations relatives au partenariat|autres partenariats|cadre juridique( precedent)?|date|historique|domaines d activites|contexte historique|comite de pilotage|structure mandatee.*|ressources humaines.*|(elu|agent) en charge du dossier.*)$/;

export function opensDirectoryParagraph(text: string): boolean {
  if (sectionLabel(text) || statusHeading(text) || isUpperCaseLine(text)) return true;
  const label = /^([^:]{1,70}?)\s:\s/.exec(text)?.[1];
  return HEADINGS.test(key(text)) || (label !== undefined && HEADINGS.test(key(label))) || /^(t[ée]l|fax|e-?mail|site)\b[^:]{0,12}:/i.test(text);
}
