/**
 * "AUTRES PARTENARIATS RÉPERTORIÉS": partnerships listed without an entry. Each is a pair line
 * ("Ville de Maubeuge / Commune urbaine de Ouarzazate"), then "→" lines (framework and date, the
 * home-side contact) and the contact's coordinates.
 */
import { countryNamedBy, type DirectoryCountries } from './countries.js';
import { emptyHead, emptyInfo, type UnitDraft } from './drafts.js';
import { looksLikeCollectivityName, readCollectivityNames } from './names.js';
import type { ReaderNote, SourceLine } from './types.js';

function isPair(text: string): boolean {
  const [home, partner] = text.split('/');
  return !!partner && looksLikeCollectivityName(home!.trim()) && looksLikeCollectivityName(partner.trim());
}

export function readBriefPartnerships(lines: readonly SourceLine[], notes: ReaderNote[], countries: DirectoryCountries, page?: number): UnitDraft[] {
  const units: UnitDraft[] = [];
  let unit: UnitDraft | undefined;
  for (const line of lines) {
    if (isPair(line.text)) {
      const [home, partner] = line.text.split('/').map((s) => s.trim());
      unit = {
        section: 'Autres partenariats',
        home: readCollectivityNames(home!, countries.home, countries.profiles),
        partner: readCollectivityNames(partner!, countries.partner, countries.profiles),
        headingLines: [line],
        head: emptyHead(),
        projects: [],
        unitNotes: [],
        info: emptyInfo(),
        contactBlocks: [],
        lines: [line.n, line.n],
        ...(page ? { page } : {}),
        tier: 'brief',
      };
      units.push(unit);
      continue;
    }
    if (!unit) {
      notes.push({ kind: 'unplaced', message: 'other partnerships: a line before the first pair', wording: { key: 'line-before-first-pair' }, line: line.n, text: line.text });
      continue;
    }
    unit.lines[1] = line.n;
    const contact = contactLine(line.text, countries);
    if (contact) {
      unit.contactBlocks.push({ lines: [{ n: line.n, text: contact.text }], defaultSide: contact.country });
    } else if (/^→/.test(line.text) && unit.contactBlocks.length === 0) {
      readFrameworkLine(unit, { n: line.n, text: line.text.replace(/^→\s*/, '') });
    } else if (unit.contactBlocks.length > 0) {
      unit.contactBlocks.at(-1)!.lines.push(line);
    } else {
      unit.unitNotes.push(line.text);
    }
  }
  return units;
}

/** "→ Contact : …", "→ Contact en France : …": a contact line names no country or one of the directory's (home by default). */
function contactLine(text: string, countries: DirectoryCountries): { text: string; country: string } | undefined {
  const m = /^→\s*contact(?:\s+(?:en|au|aux)\s+([^:]+?))?\s*:\s*(.+)$/i.exec(text);
  if (!m) return undefined;
  const country = m[1] === undefined ? countries.home : countryNamedBy(m[1], countries);
  return country ? { text: m[2]!, country } : undefined;
}

/** "Convention de partenariat et de jumelage, 27 octobre 2006", "Jumelage, 2003", "14 janvier 2005". */
function readFrameworkLine(unit: UnitDraft, line: SourceLine): void {
  const m = /^(.*?)(?:,\s*)?((?:\d{1,2}(?:er)?\s+)?(?:\p{L}+\s+)?\d{4})$/u.exec(line.text);
  const looksDated = m && /\d{4}$/.test(line.text) && (m[1] === '' || /,\s*[^,]*\d{4}$/.test(line.text));
  if (looksDated) {
    const framework = m[1]!.trim();
    if (framework) unit.head.legalFramework = { n: line.n, text: framework };
    unit.head.dateText = { n: line.n, text: m[2]!.trim() };
  } else {
    unit.head.legalFramework = line;
  }
}
