/**
 * One entry of a section, read into its partnership(s). An entry's lines fall into zones in
 * print order — head, projects, "INFORMATIONS RELATIVES AU PARTENARIAT", "CONTACTS" — each read by
 * its own rule table. Marseille's entry holds several partnerships ("Partenariat avec la
 * Commune urbaine de Rabat" …) after a part shared by all of them.
 */
import type { DirectoryCountries } from './countries.js';
import { emptyHead, emptyInfo, type UnitDraft } from './drafts.js';
import type { EntryLines } from './entries.js';
import { span } from './engine.js';
import { readHead } from './head.js';
import { readInfo } from './info.js';
import { readCollectivityNames, type NamedCollectivity } from './names.js';
import { readProjects, startsProjectsZone } from './projects.js';
import { key } from './text.js';
import type { ReaderNote, SourceLine } from './types.js';

const UNIT_START = /^partenariat avec (?:la |le |l['’])?(.+)$/i;

export function isContactsHeading(text: string): boolean {
  return /^(contacts?|contacts? (a|en) [^:]+)$/.test(key(text)) && !text.includes(':');
}

function isInfoHeading(text: string): boolean {
  return /informations relatives a/.test(key(text));
}

interface Zones {
  head: SourceLine[];
  projects: SourceLine[];
  info: SourceLine[];
  contacts: { lines: SourceLine[]; defaultSide: string }[];
}

function zones(lines: readonly SourceLine[], countries: DirectoryCountries): Zones {
  const out: Zones = { head: [], projects: [], info: [], contacts: [] };
  let zone: 'head' | 'projects' | 'info' | 'contacts' = 'head';
  for (const line of lines) {
    if (isContactsHeading(line.text)) {
      // "Contacts à Marrakech" opens the partner's column; a plain "CONTACTS" starts with home's.
      out.contacts.push({ lines: [], defaultSide: / (a|en) /.test(key(line.text)) ? countries.partner : countries.home });
      zone = 'contacts';
      continue;
    }
    if (zone !== 'contacts' && isInfoHeading(line.text)) zone = 'info';
    else if (zone === 'head' && startsProjectsZone(line.text)) zone = 'projects';
    if (zone === 'contacts') out.contacts.at(-1)!.lines.push(line);
    else out[zone].push(line);
  }
  return out;
}

function readUnit(
  section: string,
  home: readonly NamedCollectivity[],
  partner: readonly NamedCollectivity[],
  headingLines: readonly SourceLine[],
  lines: readonly SourceLine[],
  notes: ReaderNote[],
  countries: DirectoryCountries,
): UnitDraft {
  const z = zones(lines, countries);
  const head = emptyHead();
  readHead(z.head, head, notes);
  const { projects, unitNotes } = readProjects(z.projects, notes);
  const info = emptyInfo();
  readInfo(z.info, info, notes);
  return {
    section,
    home,
    partner,
    headingLines,
    head,
    projects,
    unitNotes,
    info,
    contactBlocks: z.contacts,
    lines: span([...headingLines, ...lines]),
    tier: 'full',
  };
}

export function readEntry(section: string, entry: EntryLines, notes: ReaderNote[], countries: DirectoryCountries): UnitDraft[] {
  const home = readCollectivityNames(entry.home.text, countries.home, countries.profiles);
  const partner = readCollectivityNames(entry.partner.text, countries.partner, countries.profiles);
  const headingLines = [entry.home, entry.partner];
  const starts = entry.body.flatMap((line, i) => (UNIT_START.test(line.text) ? [i] : []));
  if (starts.length === 0) return [readUnit(section, home, partner, headingLines, entry.body, notes, countries)];

  const shared = readUnit(section, home, partner, headingLines, entry.body.slice(0, starts[0]), notes, countries);
  return starts.map((start, k) => {
    const title = entry.body[start]!;
    const named = readCollectivityNames(UNIT_START.exec(title.text)![1]!, countries.partner, countries.profiles);
    const unit = readUnit(section, home, named.length ? named : partner, [...headingLines, title], entry.body.slice(start + 1, starts[k + 1] ?? entry.body.length), notes, countries);
    // What the entry says of all its partnerships belongs to each of them.
    unit.info.humanResources.unshift(...shared.info.humanResources);
    unit.info.notes.unshift(...shared.info.notes);
    unit.unitNotes.unshift(...shared.head.notes, ...shared.unitNotes);
    unit.contactBlocks.unshift(...shared.contactBlocks);
    return unit;
  });
}
