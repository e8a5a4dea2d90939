/**
 * The import report: what was read (counts), what could not be placed (with its line, and its page
 * and section in the book), where the book disagrees with itself, and lesser warnings. Kept in the
 * store beside the records.
 */
import type { EditorialClaim, ImportReport } from '../../model/report.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import type { FunderCounts } from './funder-resolution.js';
import type { Locate } from './locate.js';
import type { ReaderNote } from './types.js';

const UNPLACED = new Set(['unplaced', 'unplaced-contact-line']);
const INCONSISTENCIES = new Set([
  'sommaire-entry-missing',
  'sommaire-name-differs',
  'entry-not-in-sommaire',
  'section-count-differs',
  'synthesis-pair-without-partner',
  'synthesis-name-differs',
  'synthesis-pair-without-entry',
  'pad-count-differs',
  'population-differs',
  'funding-does-not-add-up',
  'executive-names-another-collectivity',
]);

export function countRecords(doc: RepertoireDocument, lines: number): Record<string, number> {
  const projects = doc.partnerships.flatMap((p) => p.projects ?? []);
  const counts: Record<string, number> = {
    lines,
    partnerships: doc.partnerships.length,
    'partnerships.full': doc.partnerships.filter((p) => p.tier === 'full').length,
    'partnerships.brief': doc.partnerships.filter((p) => p.tier === 'brief').length,
    collectivities: doc.collectivities.length,
    // one count per country of the directory, home first: `collectivities.<code>` (the site labels them)
    ...Object.fromEntries(doc.directory.countries.map((code) => [`collectivities.${code}`, doc.collectivities.filter((c) => c.country === code).length])),
    projects: projects.length,
    'projects.pad': projects.filter((p) => p.padCofinanced).length,
    'funding lines': projects.reduce((n, p) => n + (p.funding?.length ?? 0), 0),
    contacts: doc.partnerships.reduce((n, p) => n + (p.contacts?.length ?? 0), 0),
    domains: doc.domains.length,
  };
  for (const p of projects) counts[`projects.${p.status}`] = (counts[`projects.${p.status}`] ?? 0) + 1;
  for (const p of doc.partnerships) counts[`section.${p.section}`] = (counts[`section.${p.section}`] ?? 0) + 1;
  return counts;
}

/**
 * How many funders, collectivities and contacts the print names (its spellings: "MAE", "Cofinancement
 * MAE en 2006") and how many records they are once resolved: `resolution.<what>.printed` and
 * `.resolved` (issue 17). Funders: distinct printed names against distinct entities; collectivities:
 * distinct spellings against records; contacts: persons printed against distinct persons.
 */
export function resolutionCounts(doc: RepertoireDocument, funders: FunderCounts): Record<string, number> {
  const spellings = doc.collectivities.reduce((n, c) => n + new Set([c.name, ...(c.aliases ?? [])].map(foldKey)).size, 0);
  const contacts = doc.partnerships.flatMap((p) => p.contacts ?? []);
  return {
    'resolution.funders.printed': funders.printed,
    'resolution.funders.resolved': funders.resolved,
    'resolution.funders.unresolved': funders.unresolved,
    'resolution.funders.notes': funders.notes,
    'resolution.funders.split': funders.split,
    'resolution.collectivities.printed': spellings,
    'resolution.collectivities.resolved': doc.collectivities.length,
    'resolution.contacts.printed': contacts.length,
    'resolution.contacts.resolved': new Set(contacts.map((c) => foldKey(c.name))).size,
  };
}

/** What the report carries beside the reader's notes: the editorials' claims, and the resolution's counts. */
export interface ReportExtras {
  claims?: readonly EditorialClaim[];
  resolution?: Record<string, number>;
  /** where a line stands in the printed book (its part, section and page) */
  locate?: Locate;
}

export function buildReport(document: string, doc: RepertoireDocument, notes: readonly ReaderNote[], lines: number, importedAt: Date, extras: ReportExtras = {}): ImportReport {
  const { claims = [], resolution = {}, locate } = extras;
  const issue = (n: ReaderNote) => {
    const place = locate?.(n.line);
    return { kind: n.kind, message: n.message, wording: n.wording, ...(n.line ? { line: n.line } : {}), ...(place ? { place } : {}), ...(n.text ? { text: n.text } : {}) };
  };
  const byLine = (a: ReaderNote, b: ReaderNote) => (a.line ?? 0) - (b.line ?? 0);
  return {
    document,
    format: 'directory-text',
    importedAt: importedAt.toISOString(),
    counts: { ...countRecords(doc, lines), ...resolution },
    unplaced: notes.filter((n) => UNPLACED.has(n.kind)).sort(byLine).map(issue),
    inconsistencies: notes.filter((n) => INCONSISTENCIES.has(n.kind)).sort(byLine).map(issue),
    warnings: notes.filter((n) => !UNPLACED.has(n.kind) && !INCONSISTENCIES.has(n.kind)).sort(byLine).map(issue),
    ...(claims.length ? { claims: [...claims] } : {}),
  };
}
