/**
 * A unit draft becomes an interchange Partnership: parties with their executives, framework,
 * dates, history, projects, budgets, human resources, other partnerships, contacts and notes.
 */
import type { DirectoryCountries } from './countries.js';
import type { Contact, Partnership } from '../../model/schema.js';
import type { SourceRef } from '../../model/provenance.js';
import { readBudgets } from './budgets.js';
import { readImplementingBody } from './bodies.js';
import type { ExecutiveDraft, UnitDraft } from './drafts.js';
import { frameworkKind } from './framework.js';
import { earliestDate } from './parse/dates.js';
import { buildProject, uniqueId } from './project-record.js';
import type { CollectivityEntry } from './registry.js';
import { slug } from './text.js';
import type { InstitutionDetails, PartyRef, ReaderNote, SourceLine } from './types.js';

export interface ContactsReading {
  readonly contacts: ReadonlyArray<Contact & { readonly lines: readonly [number, number] }>;
  readonly institutions: readonly InstitutionDetails[];
  readonly notes: readonly ReaderNote[];
}

export type ContactsReader = (lines: readonly SourceLine[], parties: readonly PartyRef[], options: { countries: DirectoryCountries; defaultSide?: string }) => ContactsReading;

export interface PartyOfUnit {
  readonly entry: CollectivityEntry;
  readonly ref: PartyRef;
  readonly executive?: ExecutiveDraft;
}

export interface BuiltPartnership {
  readonly partnership: Partnership;
  readonly sources: SourceRef[];
  readonly institutions: InstitutionDetails[];
}

export interface BuildContext {
  readonly document: string;
  readonly usedIds: Set<string>;
  readonly readContacts: ContactsReader;
  readonly countries: DirectoryCountries;
  readonly notes: ReaderNote[];
}

/** Each executive line to its party; one line may speak for two parties of one side (Lyon). */
export function assignExecutives(executives: readonly ExecutiveDraft[], countries: readonly string[]): (ExecutiveDraft | undefined)[] {
  if (executives.length === countries.length) return [...executives];
  const bySide = new Map<string, ExecutiveDraft>();
  const sides = [...new Set(countries)];
  if (executives.length === sides.length) sides.forEach((c, i) => bySide.set(c, executives[i]!));
  return countries.map((c, i) => bySide.get(c) ?? executives[i]);
}

/** "Aix-en-Provence : - Jumelage avec …" then bullets: one item per party, as written. */
function otherPartnerships(lines: readonly SourceLine[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (/^[-–•]/.test(line.text) && items.length) items[items.length - 1] += ` ${line.text}`;
    else items.push(line.text);
  }
  return items;
}

function clean(text: string | undefined): string | undefined {
  const t = text?.replace(/\s*\.$/, '').trim();
  return t || undefined;
}

export function buildPartnership(unit: UnitDraft, parties: readonly PartyOfUnit[], ctx: BuildContext): BuiltPartnership {
  const refs = parties.map((p) => p.ref);
  const side = (country: string) => [...new Set(parties.filter((p) => p.ref.country === country).map((p) => slug(p.ref.shortName, 40)))].join('-');
  const id = uniqueId(`${side(ctx.countries.home)}-${side(ctx.countries.partner)}`, ctx.usedIds);
  const { head, info } = unit;
  const sources: SourceRef[] = [{ recordType: 'partnership', recordId: id, document: ctx.document, lines: [...unit.lines] }];

  const projects = unit.projects.map((draft) => buildProject(draft, id, ctx.usedIds, refs, ctx.countries, ctx.document, ctx.notes));
  for (const p of projects) sources.push({ recordType: 'project', recordId: p.id, document: ctx.document, lines: [...p.source!.lines!] as [number, number] });

  const budgets = readBudgets(info.budgetLines, refs);
  const contacts: Contact[] = [];
  const institutions: InstitutionDetails[] = [];
  for (const block of unit.contactBlocks) {
    const reading = ctx.readContacts(block.lines, refs, { countries: ctx.countries, defaultSide: block.defaultSide });
    for (const { lines, ...contact } of reading.contacts) {
      sources.push({ recordType: 'contact', recordId: `${id}#${contacts.length + 1}`, document: ctx.document, lines: [...lines] });
      contacts.push(contact);
    }
    institutions.push(...reading.institutions);
    ctx.notes.push(...reading.notes);
  }

  for (const body of info.bodies) {
    const contact = readImplementingBody(body.heading, body.lines);
    if (contact) contacts.push(contact);
  }

  const dateText = head.dateText?.text;
  const frameworks = [head.legalFramework, ...head.otherFrameworks].filter((l): l is SourceLine => !!l);
  const signedDate = (dateText && earliestDate(dateText)) || earliestOf(frameworks.map((f) => earliestDate(f.text)));
  const notes = [...head.notes, ...unit.unitNotes, ...info.notes, ...budgets.notes];
  const partnership: Partnership = {
    id,
    tier: unit.tier,
    section: unit.section,
    parties: parties.map((p) => ({
      collectivityId: p.ref.collectivityId,
      country: p.ref.country,
      ...(p.executive ? { executive: { name: p.executive.name, ...(p.executive.civility ? { civility: p.executive.civility } : {}), ...(p.executive.title ? { title: p.executive.title } : {}) } } : {}),
    })),
    ...(clean(head.legalFramework?.text) ? { legalFramework: clean(head.legalFramework?.text) } : {}),
    ...(head.legalFramework ? { frameworkKind: frameworkKind(head.legalFramework.text) } : {}),
    ...(clean(dateText) ? { dateText: clean(dateText) } : {}),
    ...(signedDate ? { signedDate } : {}),
    ...(head.history.length ? { history: head.history.join('\n') } : {}),
    ...(head.domainsText.length && head.domainsText.join('').trim() ? { domainsText: head.domainsText.filter(Boolean).join('\n') } : {}),
    ...(projects.length ? { projects } : {}),
    ...(budgets.budgets.length ? { budgets: budgets.budgets } : {}),
    ...(info.humanResources.length ? { humanResources: info.humanResources.map((l) => l.text) } : {}),
    ...(info.otherPartnerships.length ? { otherPartnerships: otherPartnerships(info.otherPartnerships) } : {}),
    ...(contacts.length ? { contacts } : {}),
    ...(notes.length ? { notes } : {}),
    source: { document: ctx.document, lines: [...unit.lines], ...(unit.page ? { page: unit.page } : {}) },
  };
  return { partnership, sources, institutions };
}

function earliestOf(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => !!d).sort()[0];
}
