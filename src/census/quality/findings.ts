/**
 * The data-quality desk's findings (issue 17): what an editor should look at before signing the
 * published directory, each tied to the record to fix. Pure: a document and its latest import
 * report in, findings out; which ones an editor accepted is the store's (acceptances.ts).
 *
 * Kinds: a project without a domain; a funding line without a resolved funder; funding lines that
 * do not add up to the total cost; two collectivities that are probably one (same country and
 * kind, names alike); a person named in several entries with different coordinates; populations
 * that differ between entries; a collectivity the gazetteer cannot place; and the print's other
 * inconsistencies the import reported.
 */
import type { ImportReport, IssueWording } from '../../model/report.js';
import type { Collectivity, RepertoireDocument } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';

export const FINDING_KINDS = [
  'project-without-domain',
  'unresolved-funder',
  'funding-does-not-add-up',
  'probable-duplicate-collectivity',
  'probable-duplicate-contact',
  'population-differs',
  'place-without-coordinates',
  'print-inconsistency',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface FindingRecord {
  readonly type: 'project' | 'partnership' | 'collectivity';
  readonly id: string;
}

export interface Finding {
  /** stable across runs while the finding holds: what an acceptance is stored under */
  readonly key: string;
  readonly kind: FindingKind;
  readonly record: FindingRecord;
  /** in English, for the CLI; the site words it from `kind` and `params` */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** a contradiction of the print: the import report's own wording of it (the site's `report.note.<key>`) */
  readonly wording?: IssueWording;
  /** the source line it concerns, when known */
  readonly line?: number;
}

export interface FindingOptions {
  /** where the gazetteer places this collectivity (coordinates of its own, or found by name), if it does */
  readonly locate?: (c: Collectivity) => { lat: number; lon: number } | undefined;
}

/** Two collectivities of one kind whose points are closer than this are probably one place. */
const SAME_PLACE_KM = 2;

function kilometres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Levenshtein distance, stopping early above `max` (names are short). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

const placeOf = (c: Collectivity) => foldKey(c.shortName ?? c.name);

export function qualityFindings(doc: RepertoireDocument, report: ImportReport | undefined, options: FindingOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, record: FindingRecord, detail: string, message: string, params: Record<string, string | number>, line?: number, wording?: IssueWording) =>
    findings.push({ key: `${kind}:${record.type}:${record.id}${detail ? `:${detail}` : ''}`, kind, record, message, params, ...(wording ? { wording } : {}), ...(line !== undefined ? { line } : {}) });

  for (const p of doc.partnerships) {
    for (const project of p.projects ?? []) {
      const line = project.source?.lines?.[0];
      if (!project.domains?.length) add('project-without-domain', { type: 'project', id: project.id }, '', `project “${project.title}” has no domain`, { title: project.title }, line);
      (project.funding ?? []).forEach((f) => {
        if (f.funderId || f.funderCollectivityId) return;
        add('unresolved-funder', { type: 'project', id: project.id }, foldKey(f.funder), `project “${project.title}”: funder “${f.funder}” is not in the funder registry`, { title: project.title, funder: f.funder }, line);
      });
    }
  }

  // Two records of one place: same country and kind, and names one or two letters apart
  // ("Souk Sebt" / "Souk Sebt Oulad Nemma" is not; "Midi-Pyrénées" / "Midi Pyrénées" is), or
  // points the gazetteer puts within SAME_PLACE_KM of each other. Compared within a group's
  // first letters and a grid cell, so that a large census is not compared pair by pair.
  const points = new Map<string, { lat: number; lon: number }>();
  for (const c of doc.collectivities) {
    const at = c.location ?? options.locate?.(c);
    if (at) points.set(c.id, at);
  }
  const buckets = new Map<string, Collectivity[]>();
  const put = (k: string, c: Collectivity) => buckets.set(k, [...(buckets.get(k) ?? []), c]);
  for (const c of doc.collectivities) {
    put(`name:${c.country}:${c.kind}:${placeOf(c).slice(0, 2)}`, c);
    const at = points.get(c.id);
    if (at) put(`cell:${c.country}:${c.kind}:${Math.round(at.lat * 20)}:${Math.round(at.lon * 20)}`, c);
  }
  const paired = new Set<string>();
  for (const group of buckets.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        if (paired.has(`${a.id} ${b.id}`)) continue;
        const [pa, pb] = [placeOf(a), placeOf(b)];
        const named = pa.length >= 4 && distance(pa, pb, 2) <= (pa.length >= 8 ? 2 : 1);
        const [at, bt] = [points.get(a.id), points.get(b.id)];
        const km = at && bt ? kilometres(at, bt) : undefined;
        if (!named && (km === undefined || km >= SAME_PLACE_KM)) continue;
        paired.add(`${a.id} ${b.id}`);
        const why = named ? 'names alike' : `${km!.toFixed(1)} km apart`;
        add('probable-duplicate-collectivity', { type: 'collectivity', id: a.id }, b.id, `“${a.name}” and “${b.name}” may be one collectivity (${why})`, { name: a.name, other: b.name, otherId: b.id });
      }
    }
  }

  // One person in several entries with different coordinates: one of them is out of date.
  const persons = new Map<string, { partnershipId: string; coordinates: string; name: string }[]>();
  for (const p of doc.partnerships) {
    for (const c of p.contacts ?? []) {
      const k = `${foldKey(c.name)}:${c.collectivityId ?? ''}`;
      const coordinates = [...(c.phones ?? []), ...(c.emails ?? [])].map(foldKey).sort().join(' ');
      persons.set(k, [...(persons.get(k) ?? []), { partnershipId: p.id, coordinates, name: c.name }]);
    }
  }
  for (const [k, seen] of persons) {
    const variants = new Set(seen.map((s) => s.coordinates).filter(Boolean));
    if (variants.size < 2) continue;
    add('probable-duplicate-contact', { type: 'partnership', id: seen[0]!.partnershipId }, foldKey(k), `${seen[0]!.name} is printed in ${seen.length} entries with ${variants.size} different coordinates`, { name: seen[0]!.name, entries: seen.length, variants: variants.size });
  }

  if (options.locate) {
    for (const c of doc.collectivities) {
      if (!points.has(c.id)) add('place-without-coordinates', { type: 'collectivity', id: c.id }, '', `“${c.name}” has no coordinates and the gazetteer does not place it`, { name: c.name });
    }
  }

  // The print's own contradictions, from the import report: each to the record of its line.
  const byLine = recordsByLine(doc);
  for (const issue of report?.inconsistencies ?? []) {
    const kind: FindingKind = issue.kind === 'population-differs' ? 'population-differs' : issue.kind === 'funding-does-not-add-up' ? 'funding-does-not-add-up' : 'print-inconsistency';
    const record = (issue.line !== undefined ? byLine(issue.line) : undefined) ?? { type: 'partnership' as const, id: doc.partnerships[0]?.id ?? '' };
    add(kind, record, `${issue.kind}:${issue.line ?? ''}`, issue.message, { kind: issue.kind, message: issue.message }, issue.line, issue.wording);
  }
  return findings;
}

/** The record whose printed lines hold a line: the project, else the partnership. */
function recordsByLine(doc: RepertoireDocument): (line: number) => FindingRecord | undefined {
  const spans: { from: number; to: number; record: FindingRecord }[] = [];
  for (const p of doc.partnerships) {
    for (const project of p.projects ?? []) if (project.source?.lines) spans.push({ from: project.source.lines[0], to: project.source.lines[1], record: { type: 'project', id: project.id } });
    if (p.source?.lines) spans.push({ from: p.source.lines[0], to: p.source.lines[1], record: { type: 'partnership', id: p.id } });
  }
  return (line) => spans.find((s) => s.from <= line && line <= s.to)?.record;
}

/** `{ kind: n }`, every kind present (0 when none), in the desk's order. */
export function countFindings(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind]++;
  return counts;
}
