/**
 * Reader of a printed directory's plain-text transcription — first of all the 2008
 * *Répertoire des partenariats de coopération décentralisée franco-marocains*.
 *
 * The way of the data: text → numbered lines → outline (front matter, sections, other
 * partnerships, synthesis) → entries → drafts read by rule tables → assembly into the interchange
 * document, with provenance for every record and a report of what could not be read.
 */
import type { ImportReport } from '../../model/report.js';
import type { SourceRef } from '../../model/provenance.js';
import { RepertoireDocument } from '../../model/schema.js';
import { defaultFunders, type FunderRegistry } from '../../profiles/funders.js';
import { defaultPublishers, type PublisherRegistry } from '../../profiles/publishers.js';
import { defaultProfiles, type Profiles } from '../../profiles/profiles.js';
import { resolveFunders } from './funder-resolution.js';
import { assemble } from './assemble.js';
import { readBriefPartnerships } from './brief.js';
import { directoryCountries } from './countries.js';
import type { UnitDraft } from './drafts.js';
import { splitEntries } from './entries.js';
import { readEntry } from './entry.js';
import { toLines } from './lines.js';
import { outline } from './outline.js';
import type { ContactsReader } from './partnership-record.js';
import { buildReport, resolutionCounts } from './report.js';
import { readContacts } from './contacts/index.js';
import { locator } from './locate.js';
import { readFrontMatter } from './sommaire.js';
import { readSynthesis } from './synthesis.js';
import { key } from './text.js';
import type { ReaderNote } from './types.js';

export interface ReadResult {
  document: RepertoireDocument;
  report: ImportReport;
  sources: SourceRef[];
}

/** The text cannot be read as a directory; `line` is 1-based when known. */
export class DirectoryFormatError extends Error {
  override readonly name = 'DirectoryFormatError';

  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
  }
}

export interface ReadOptions {
  /** the document's name, kept in every record's provenance */
  document: string;
  /**
   * the directory's countries, home first (['FR', 'MA']): the text does not say which they are,
   * its source's metadata or the person importing it does
   */
  countries: readonly string[];
  /** the country profiles that say what marks a line as of one country (default: the packaged ones) */
  profiles?: Profiles;
  /** the funders the funding lines resolve to (default: the packaged registry) */
  funders?: FunderRegistry;
  /** the organisations recognised as the directory's publishers in its front matter */
  publishers?: PublisherRegistry;
  onProgress?: (done: number, total: number) => void;
  /** for tests: the reader of contact blocks */
  readContacts?: ContactsReader;
  now?: Date;
}

/** NUL and the C0 controls other than tab, line feed and carriage return never occur in text. */
function hasControlCharacters(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return true;
  }
  return false;
}

/** Rejects what is plainly not a text document before reading it. */
function checkText(text: string): void {
  if (!text.trim()) throw new DirectoryFormatError('the document is empty', 1);
  const lines = text.split('\n');
  const bad = lines.findIndex((l) => hasControlCharacters(l) || (l.includes('\uFFFD') && (l.match(/\uFFFD/g)?.length ?? 0) > 3));
  if (bad >= 0) throw new DirectoryFormatError('binary data: this is not a text document (is it a PDF or a word-processor file? export it as plain text)', bad + 1);
}

export function readDirectory(text: string, options: ReadOptions): ReadResult {
  const countries = directoryCountries(options.countries, options.profiles ?? defaultProfiles());
  checkText(text);
  const { lines, notes: lineNotes } = toLines(text);
  const notes: ReaderNote[] = [...lineNotes];
  const zones = outline(lines);
  const lastLine = text.split(/\r\n|\r|\n/).length;
  const sections = zones.filter((z) => z.kind === 'section' || z.kind === 'brief');
  if (sections.length === 0) {
    throw new DirectoryFormatError(
      `this is not a directory: no section heading (“Villes”, “Communautés urbaines”, “Conseils généraux”, “Conseils régionaux”, “AUTRES PARTENARIATS RÉPERTORIÉS”) was found; the text begins “${lines[0]?.text.slice(0, 60) ?? ''}”`,
      lines[0]?.n ?? 1,
    );
  }
  const front = readFrontMatter(zones.find((z) => z.kind === 'front')?.lines ?? [], options.publishers ?? defaultPublishers());
  const synthesisZone = zones.find((z) => z.kind === 'synthesis');
  if (front.announcesSynthesis && !synthesisZone) {
    const last = lines.at(-1)!;
    throw new DirectoryFormatError(`the document is truncated: it stops at “${last.text.slice(0, 60)}” before the Synthèse its Sommaire announces`, last.n);
  }

  const units: UnitDraft[] = [];
  const entryCounts = new Map<string, number>();
  const total = sections.length;
  sections.forEach((zone, done) => {
    options.onProgress?.(done, total);
    if (zone.kind === 'brief') {
      units.push(...readBriefPartnerships(zone.lines, notes, countries, front.pages[key('Autres partenariats répertoriés')]));
      return;
    }
    const { entries, before } = splitEntries(zone.lines);
    for (const line of before) notes.push({ kind: 'unplaced', message: `section ${zone.title}: a line before its first entry`, wording: { key: 'line-before-first-entry', params: { section: zone.title } }, line: line.n, text: line.text });
    entryCounts.set(zone.title, entries.length);
    for (const entry of entries) units.push(...readEntry(zone.title, entry, notes, countries));
  });
  checkSectionCounts(front.sommaire, front.sections, entryCounts, notes);
  const readable = units.filter((unit) => {
    if (unit.home.length && unit.partner.length) return true;
    notes.push({ kind: 'unplaced', message: 'an entry heading names no collectivity on one side: the entry is skipped', wording: { key: 'heading-one-sided' }, line: unit.lines[0], text: unit.headingLines.map((l) => l.text).join(' / ') });
    return false;
  });

  const synthesis = synthesisZone ? readSynthesis(synthesisZone.lines) : undefined;
  const { document, sources } = assemble(
    { document: options.document, front, units: readable, ...(synthesis ? { synthesis } : {}), readContacts: options.readContacts ?? readContacts, lastLine, countries },
    notes,
  );
  checkPadCount(document, front.statedPadCounts, notes);
  const funders = resolveFunders(document, options.funders ?? defaultFunders(), options.profiles ?? defaultProfiles());
  options.onProgress?.(total, total);

  const parsed = RepertoireDocument.safeParse(funders.document);
  if (!parsed.success) throw new Error(`the reader built an invalid document (a bug): ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { document: parsed.data, report: buildReport(options.document, parsed.data, notes, lastLine, options.now ?? new Date(), { claims: front.claims, resolution: resolutionCounts(parsed.data, funders.counts), locate: locator(zones, parsed.data) }), sources };
}

function checkSectionCounts(sommaire: ReturnType<typeof readFrontMatter>['sommaire'], sections: readonly string[], read: Map<string, number>, notes: ReaderNote[]): void {
  for (const section of sections) {
    const announced = sommaire.filter((e) => e.section === section).length;
    const found = [...read].find(([title]) => key(title) === key(section))?.[1];
    if (announced && found !== undefined && found !== announced) {
      notes.push({
        kind: 'section-count-differs',
        message: `section ${section}: the Sommaire lists ${announced} entries, the body holds ${found}`,
        wording: { key: 'section-count-differs', params: { section, announced, found } },
      });
    }
  }
}

function checkPadCount(doc: RepertoireDocument, stated: readonly { count: number; line: number }[], notes: ReaderNote[]): void {
  const found = doc.partnerships.flatMap((p) => p.projects ?? []).filter((p) => p.padCofinanced).length;
  for (const s of stated) {
    if (s.count !== found) {
      notes.push({
        kind: 'pad-count-differs',
        message: `an editorial states ${s.count} projects co-financed by the PAD; the entries hold ${found}`,
        wording: { key: 'pad-count-differs', params: { stated: s.count, found } },
        line: s.line,
      });
    }
  }
}
