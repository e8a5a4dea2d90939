/**
 * Where a reader of the printed book finds what the report speaks of: the part of the book, the
 * section, and the page of the entry the line belongs to (the Sommaire gives each entry's page).
 * The transcription's line numbers mean nothing to someone holding the book; they stay in the
 * report for whoever checks the reading.
 */
import type { IssuePlace } from '../../model/report.js';
import type { RepertoireDocument } from '../../model/schema.js';
import type { Zone } from './outline.js';

export type Locate = (line: number | undefined) => IssuePlace | undefined;

const PART: Readonly<Record<Zone['kind'], IssuePlace['part']>> = { front: 'front', section: 'entries', brief: 'entries', synthesis: 'synthesis', annex: 'annex' };

/** The place of a transcription line, from the document's zones and its partnerships' printed pages. */
export function locator(zones: readonly Zone[], doc: RepertoireDocument): Locate {
  const spans = zones
    .map((zone) => ({ zone, first: zone.heading?.n ?? zone.lines[0]?.n ?? Number.POSITIVE_INFINITY, last: zone.lines.at(-1)?.n ?? zone.heading?.n ?? 0 }))
    .sort((a, b) => a.first - b.first);
  // Entries by their first line, each with its page: a line belongs to the last entry begun before it.
  const starts = doc.partnerships
    .flatMap((p) => (p.source?.lines && p.source.page !== undefined ? [{ first: p.source.lines[0], page: p.source.page }] : []))
    .sort((a, b) => a.first - b.first);
  return (line) => {
    if (line === undefined) return undefined;
    const span = spans.findLast((s) => s.first <= line);
    if (span === undefined) return undefined;
    const part = PART[span.zone.kind];
    if (part !== 'entries') return { part };
    const entry = starts.findLast((s) => s.first <= line && s.first >= span.first);
    return { part, section: span.zone.title, ...(entry ? { page: entry.page } : {}) };
  };
}
