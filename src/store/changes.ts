/**
 * What saving a document changes, decided before anything is written: records are matched by
 * their stable ids, and a record whose content or place differs is updated.
 */
import type { Domain, Collectivity, Project, RepertoireDocument } from '../model/schema.js';
import type { Placed } from './records/kind.js';
import type { PartnershipEntry } from './records/partnership.js';

export interface SaveCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface RecordChanges<R> {
  created: Placed<R>[];
  updated: Placed<R>[];
  removed: string[];
  unchanged: number;
}

/** A document's records with where they stand; partnerships without their projects. */
export interface PlacedRecords {
  domains: Placed<Domain>[];
  collectivities: Placed<Collectivity>[];
  partnerships: Placed<PartnershipEntry>[];
  projects: Placed<Project>[];
}

export function placeRecords(doc: RepertoireDocument | undefined): PlacedRecords {
  if (doc === undefined) return { domains: [], collectivities: [], partnerships: [], projects: [] };
  return {
    domains: doc.domains.map((record, position) => ({ record, position })),
    collectivities: doc.collectivities.map((record, position) => ({ record, position })),
    partnerships: doc.partnerships.map(({ projects: _projects, ...record }, position) => ({ record, position })),
    projects: doc.partnerships.flatMap((p) => (p.projects ?? []).map((record, position) => ({ record, position, parentId: p.id }))),
  };
}

/** Both sides must be in canonical form, so that equal content means equal text. */
export function diffRecords<R>(before: readonly Placed<R>[], after: readonly Placed<R>[], keyOf: (record: R) => string): RecordChanges<R> {
  const previous = new Map(before.map((placed) => [keyOf(placed.record), fingerprint(placed)]));
  const changes: RecordChanges<R> = { created: [], updated: [], removed: [], unchanged: 0 };
  for (const placed of after) {
    const old = previous.get(keyOf(placed.record));
    if (old === undefined) changes.created.push(placed);
    else if (old !== fingerprint(placed)) changes.updated.push(placed);
    else changes.unchanged += 1;
  }
  const kept = new Set(after.map((placed) => keyOf(placed.record)));
  changes.removed = [...previous.keys()].filter((key) => !kept.has(key));
  return changes;
}

function fingerprint(placed: Placed<unknown>): string {
  return JSON.stringify([placed.record, placed.position, placed.parentId ?? null]);
}

export function countChanges(changes: readonly RecordChanges<unknown>[]): SaveCounts {
  const sum = (pick: (c: RecordChanges<unknown>) => number) => changes.reduce((total, c) => total + pick(c), 0);
  return {
    created: sum((c) => c.created.length),
    updated: sum((c) => c.updated.length),
    unchanged: sum((c) => c.unchanged),
    removed: sum((c) => c.removed.length),
  };
}
