/**
 * Two editions of one series compared: the partnerships and projects that are new, that ended
 * (in the earlier edition, not in the later one) and that changed, field by field.
 *
 * A series is the directories of the same countries (FR–MA 2008, then a later census). Records
 * are matched by id first — the importer derives ids from the parties' names, so a partnership
 * read again keeps its id — then, for what is left, by what identifies them across editions: a
 * partnership by its parties' collectivities, a project by its partnership and its title. What
 * moves between editions without being a change (where it was read in the source) is not
 * compared.
 */
import type { Collectivity, Directory, Partnership, Project, RepertoireDocument } from '../model/schema.js';
import { diffRecords, type FieldChange } from './diff.js';

export interface EditionRef {
  id: string;
  title: string;
  edition?: string;
  countries: string[];
}

/** A record of one edition: its id, and what a reader recognises it by. */
export interface ComparedRecord {
  id: string;
  /** a partnership: its parties' names; a project: its title */
  title: string;
  /** a project: the partnership it belongs to (in the edition it is from) */
  partnershipId?: string;
}

export interface ChangedRecord extends ComparedRecord {
  /** its id in the earlier edition, when it differs */
  previousId?: string;
  fields: FieldChange[];
}

export interface RecordChanges {
  new: ComparedRecord[];
  ended: ComparedRecord[];
  changed: ChangedRecord[];
  unchanged: number;
}

export interface EditionComparison {
  from: EditionRef;
  to: EditionRef;
  partnerships: RecordChanges;
  projects: RecordChanges;
}

/** Directories of the same countries, home country first, are editions of one series. */
export function seriesKey(directory: Pick<Directory, 'countries'>): string {
  const [home = '', ...partners] = directory.countries;
  return [home, ...[...partners].sort()].join('-');
}

export function compareEditions(from: { id: string; document: RepertoireDocument }, to: { id: string; document: RepertoireDocument }): EditionComparison {
  const before = from.document;
  const after = to.document;
  const partnershipPairs = match(before.partnerships, after.partnerships, (p) => partiesKey(p));
  const partnershipTitle = (doc: RepertoireDocument) => {
    const names = new Map(doc.collectivities.map((c: Collectivity) => [c.id, c.name]));
    return (p: Partnership) => p.parties.map((party) => names.get(party.collectivityId) ?? party.collectivityId).join(' / ');
  };
  const titleBefore = partnershipTitle(before);
  const titleAfter = partnershipTitle(after);
  const partnerships = changesOf(
    partnershipPairs,
    (p) => ({ id: p.id, title: titleBefore(p) }),
    (p) => ({ id: p.id, title: titleAfter(p) }),
    ({ projects: _projects, source: _source, ...rest }) => rest,
  );

  // projects: within the partnerships matched, then the rest (a partnership new or ended brings its projects with it)
  const projectPairs: Pairs<Project & { partnershipId: string }> = { matched: [], onlyBefore: [], onlyAfter: [] };
  const projectsOf = (p: Partnership) => (p.projects ?? []).map((project) => ({ ...project, partnershipId: p.id }));
  for (const [was, is] of partnershipPairs.matched) {
    const pairs = match(projectsOf(was), projectsOf(is), (project) => project.title.toLowerCase().replace(/\s+/g, ' ').trim());
    projectPairs.matched.push(...pairs.matched);
    projectPairs.onlyBefore.push(...pairs.onlyBefore);
    projectPairs.onlyAfter.push(...pairs.onlyAfter);
  }
  for (const p of partnershipPairs.onlyBefore) projectPairs.onlyBefore.push(...projectsOf(p));
  for (const p of partnershipPairs.onlyAfter) projectPairs.onlyAfter.push(...projectsOf(p));
  const projectRef = (project: Project & { partnershipId: string }): ComparedRecord => ({ id: project.id, title: project.title, partnershipId: project.partnershipId });
  const projects = changesOf(projectPairs, projectRef, projectRef, ({ source: _source, partnershipId: _partnership, ...rest }) => rest);

  return { from: editionRef(from.id, before.directory), to: editionRef(to.id, after.directory), partnerships, projects };
}

function editionRef(id: string, directory: Directory): EditionRef {
  return { id, title: directory.title, ...(directory.edition !== undefined ? { edition: directory.edition } : {}), countries: directory.countries };
}

function partiesKey(p: Partnership): string {
  return p.parties
    .map((party) => party.collectivityId)
    .sort()
    .join('|');
}

interface Pairs<T> {
  matched: [T, T][];
  onlyBefore: T[];
  onlyAfter: T[];
}

/** Pairs records by id, then what is left by `keyOf`, in the later edition's order. */
function match<T extends { id: string }>(before: readonly T[], after: readonly T[], keyOf: (record: T) => string): Pairs<T> {
  const byId = new Map(before.map((record) => [record.id, record]));
  const paired = new Set<T>();
  const matched: [T, T][] = [];
  const pending: T[] = [];
  for (const record of after) {
    const was = byId.get(record.id);
    if (was === undefined) pending.push(record);
    else {
      matched.push([was, record]);
      paired.add(was);
    }
  }
  const byKey = new Map<string, T[]>();
  for (const record of before) if (!paired.has(record)) byKey.set(keyOf(record), [...(byKey.get(keyOf(record)) ?? []), record]);
  const onlyAfter: T[] = [];
  for (const record of pending) {
    const was = byKey.get(keyOf(record))?.shift();
    if (was === undefined) onlyAfter.push(record);
    else {
      matched.push([was, record]);
      paired.add(was);
    }
  }
  return { matched, onlyBefore: before.filter((record) => !paired.has(record)), onlyAfter };
}

function changesOf<T extends { id: string }>(
  pairs: Pairs<T>,
  refBefore: (record: T) => ComparedRecord,
  refAfter: (record: T) => ComparedRecord,
  compared: (record: T) => object,
): RecordChanges {
  const changed: ChangedRecord[] = [];
  let unchanged = 0;
  for (const [was, is] of pairs.matched) {
    const { id: _before, ...a } = compared(was) as { id: string };
    const { id: _after, ...b } = compared(is) as { id: string };
    const fields = diffRecords(a, b);
    if (fields.length === 0) unchanged += 1;
    else changed.push({ ...refAfter(is), ...(was.id !== is.id ? { previousId: was.id } : {}), fields });
  }
  return { new: pairs.onlyAfter.map(refAfter), ended: pairs.onlyBefore.map(refBefore), changed, unchanged };
}
