/**
 * The directory as a book: the store's document laid out as the 2008 printed directory is —
 * cover, Sommaire, the four sections of entries, "Autres partenariats répertoriés", the Synthèse
 * by domains — as a list of lines. Each line is one printed line of the book (html.ts prints each
 * as one element), so the book's text is these lines, and it is written in the conventions the
 * directory reader (`src/import/directory/`) understands: reading the book back gives the store's
 * records again (see roundtrip.test.ts for what cannot come back, and why).
 *
 * The layout, entry by entry (the reader's rules in brackets):
 *   Ville d'Aix-en-Provence                       French parties, joined by " - "   [entries.ts]
 *   Commune urbaine d'Oujda                       Moroccan parties, joined by " - "
 *   M. Name, Title (150 000 habitants)            one line per party (or per side when shared)
 *   Cadre juridique : … / Date : … / notes / Historique : … / Domaines d'activités : …  [head.ts]
 *   PROJETS EN COURS / THEME / Title (period) - Cofinancement PAD / parts   [projects.ts]
 *   INFORMATIONS RELATIVES AU PARTENARIAT / Budget attribué… / Ressources humaines… /
 *   Autres partenariats                                                     [info.ts, budgets.ts]
 *   CONTACTS / one label line per person naming their collectivity / institution blocks  [contacts/]
 * Size: the whole printed layout, entry by entry, in the directory reader's conventions (the table above): one file, so that it reads against the reader's rules line by line.
 */
import { bookMaps, type BookMap } from './maps.js';
import { readProjectMoney } from '../../import/directory/funding.js';
import { readCollectivityNames } from '../../import/directory/names.js';
import { isNonProjectHeading, statusHeading } from '../../import/directory/project-labels.js';
import { key } from '../../import/directory/text.js';
import type { PartyRef, SourceLine } from '../../import/directory/types.js';
import type { Collectivity, Contact, Domain, Funding, Partnership, Project, ProjectPartner, RepertoireDocument } from '../../model/schema.js';
import { bySide, homeCountry, type Side } from '../../model/sides.js';
import type { Locale } from '../../web/i18n/index.js';
import { BOOK_WORDS, type BookWords } from './words.js';

/** What a line is, for the layout (html.ts); the text is the same whatever the kind. */
export type LineKind =
  | 'cover-title'
  | 'cover-edition'
  | 'cover-publishers'
  | 'toc-title'
  | 'toc-section'
  | 'toc-entry'
  | 'maps'
  | 'map-caption'
  | 'section-title'
  | 'entry-home'
  | 'entry-partner'
  | 'entry-unit'
  | 'executive'
  | 'field'
  | 'note'
  | 'status'
  | 'theme'
  | 'subtheme'
  | 'project-title'
  | 'part-label'
  | 'item'
  | 'para'
  | 'total'
  | 'funding'
  | 'info-title'
  | 'info-label'
  | 'contacts-title'
  | 'contact-label'
  | 'contact-line'
  | 'institution-name'
  | 'brief-pair'
  | 'brief-line'
  | 'synthesis-title'
  | 'synthesis-domain'
  | 'synthesis-subdomain'
  | 'synthesis-pair';

export interface BookLine {
  readonly kind: LineKind;
  readonly text: string;
  /** a Sommaire line: the entry (partnership id) or part whose page it gives */
  readonly pageOf?: string;
}

/** A part of the book that starts on a new page and names its pages in the running header. */
export interface BookPart {
  readonly id: string;
  /** the running header of its pages */
  readonly header: string;
  readonly kind: 'front' | 'toc' | 'maps' | 'section' | 'brief' | 'synthesis';
  readonly blocks: BookBlock[];
}

/** A group of lines kept together where it can be: an entry's heading, a project, a contact. */
export interface BookBlock {
  readonly kind: 'heading' | 'entry-head' | 'projects' | 'project' | 'info' | 'contacts' | 'contact' | 'plain' | 'synthesis-domain' | 'map';
  readonly lines: BookLine[];
  /** a map (maps.ts): its SVG, printed above the block's lines (its caption) */
  readonly map?: BookMap;
  /** the entry this block opens: its heading is looked for in the printed pages */
  readonly entry?: EntryRef;
}

export interface EntryRef {
  readonly partnershipId: string;
  /** the two heading lines as printed: the home country's parties, the partner countries' */
  readonly home: string;
  readonly partner: string;
}

export interface Book {
  readonly title: string;
  /** the language of the book's own words (words.ts): its headings, labels and running headers */
  readonly words: BookWords;
  readonly parts: BookPart[];
  /** the Sommaire's lines whose page is to be filled in, by entry (partnership id) or part id */
  readonly entries: EntryRef[];
}

/** Sections of the printed directory, in order, with their Sommaire numbers. */
const SECTIONS: readonly { name: string; numeral: string }[] = [
  { name: 'Villes', numeral: 'I' },
  { name: 'Communautés urbaines', numeral: 'II' },
  { name: 'Conseils généraux', numeral: 'III' },
  { name: 'Conseils régionaux', numeral: 'IV' },
];

export const BRIEF_TITLE = BOOK_WORDS.fr.briefTitle;
export const SYNTHESIS_TITLE = BOOK_WORDS.fr.synthesisTitle;
export const MAPS_TITLE = BOOK_WORDS.fr.mapsTitle;

/** "2008-07" → "Juillet 2008" (in the book's language). */
export function editionText(edition: string | undefined, words: BookWords = BOOK_WORDS.fr): string | undefined {
  const m = edition ? /^(\d{4})(?:-(\d{2}))?/.exec(edition) : null;
  if (!m) return edition;
  if (!m[2]) return m[1];
  return words.edition(Number(m[1]), Number(m[2]));
}

/**
 * The person's civility as the source printed it ("Mme", "M."). A record read from a document
 * that does not hold one (an interchange document written before civilities were kept) still
 * needs one for the reader to see an executive line: "M.", the printed form that says least.
 */
export function honorific(person: { readonly civility?: string | undefined }): string {
  return person.civility ?? 'M.';
}

interface Context {
  readonly doc: RepertoireDocument;
  readonly collectivities: ReadonlyMap<string, Collectivity>;
  readonly words: BookWords;
}

function collectivityName(ctx: Context, id: string): string {
  return ctx.collectivities.get(id)?.name ?? id;
}

/** The entry's two heading lines: its home country's parties, its partner countries'. */
export function headingOf(ctx: Context, p: Partnership): { home: string; partner: string } {
  const sides = bySide(p.parties, (party) => party.country, ctx.doc.directory);
  const names = (side: Side) => sides[side].map((party) => collectivityName(ctx, party.collectivityId)).join(' - ');
  return { home: names('home'), partner: names('partner') };
}


/**
 * The spellings of collectivities in the Sommaire and the Synthèse. Entry headings print each
 * collectivity's name; the other spellings the book used (its aliases) are printed, in order, at
 * its first mentions in the Sommaire and the Synthèse, as the 2008 book did. Where a spelling of
 * another kind was the book's most frequent ("Commune rurale de Souk El Khémis" against the
 * entries' "Commune urbaine"), it is used at the later mentions too, so that it stays the most
 * frequent.
 */
function aliasSpeller(ctx: Context): (id: string) => string {
  const pending = new Map<string, string[]>();
  return (id) => {
    const c = ctx.collectivities.get(id);
    if (!c) return id;
    if (!pending.has(id)) pending.set(id, [...(c.aliases ?? [])]);
    const next = pending.get(id)!.shift();
    if (next !== undefined) return next;
    const kindOf = (name: string) => readCollectivityNames(name, c.country)[0]?.kind;
    if (kindOf(c.name) === c.kind) return c.name;
    return (c.aliases ?? []).find((alias) => kindOf(alias) === c.kind) ?? c.name;
  };
}

/** "home/partner" as the Sommaire and the Synthèse print a partnership. */
function pairOf(ctx: Context, p: Partnership, spell: (id: string) => string): string {
  const sides = bySide(p.parties, (party) => party.country, ctx.doc.directory);
  const names = (side: Side) => sides[side].map((party) => spell(party.collectivityId)).join(' - ');
  return `${names('home')}/${names('partner')}`;
}

/** The line printed for a label and its value: "Cadre juridique : Convention cadre…." */
function field(ctx: Context, label: string, value: string): BookLine {
  return { kind: 'field', text: `${label}${ctx.words.colon}${value}` };
}

function executiveLines(ctx: Context, p: Partnership): BookLine[] {
  const lines: BookLine[] = [];
  const sides = [...new Set(p.parties.map((party) => party.country))];
  for (const country of sides) {
    const parties = p.parties.filter((party) => party.country === country);
    const executives = parties.map((party) => party.executive ?? ctx.collectivities.get(party.collectivityId)?.executive);
    const same = executives.every((e) => e && e.name === executives[0]?.name && e.title === executives[0]?.title);
    // Parties of one side led by one person (Lyon): one line, with the population printed once.
    const groups = same && parties.length > 1 ? [parties] : parties.map((party) => [party]);
    for (const group of groups) {
      const executive = group[0]!.executive ?? ctx.collectivities.get(group[0]!.collectivityId)?.executive;
      if (!executive) continue;
      const population = group.map((party) => ctx.collectivities.get(party.collectivityId)?.population).find((n) => n !== undefined);
      const title = executive.title ? `, ${executive.title}` : ',';
      lines.push({ kind: 'executive', text: `${honorific(executive)} ${executive.name}${title}${population !== undefined ? ` (${ctx.words.inhabitants(ctx.words.number(population))})` : ''}` });
    }
  }
  return lines;
}

/**
 * Where a note was printed, so that it is printed there again and read back in its place:
 * the entry's head, after its projects under a heading ("PROJETS REALISES EN DEHORS DU
 * PARTENARIAT", "CHIFFRES-CLES"), in its information part under a heading ("Comité de
 * pilotage", "Mise en œuvre"), or among its budgets (a budget line without an amount).
 */
type NotePlace = { place: 'head' } | { place: 'projects' | 'info'; heading: string; text: string } | { place: 'budget'; text: string };

const BUDGET_NOTE = 'Budget attribué au partenariat : ';
const INFO_HEADING = /^(comite|pilotage|mise en oeuvre|structure mandatee|volet |observations?$)/;

export function notePlace(note: string): NotePlace {
  if (note.startsWith(BUDGET_NOTE)) return { place: 'budget', text: note.slice(BUDGET_NOTE.length) };
  const at = note.indexOf(' : ');
  if (at > 0) {
    const heading = note.slice(0, at);
    const text = note.slice(at + 3);
    if (statusHeading(heading)?.outside || isNonProjectHeading(heading)) return { place: 'projects', heading, text };
    if (INFO_HEADING.test(key(heading)) && !/[.:;]$/.test(heading)) return { place: 'info', heading, text };
  }
  return { place: 'head' };
}

/** Lines for notes of one place: each heading printed once over its run of notes. */
function placedNotes(p: Partnership, place: 'projects' | 'info'): BookLine[] {
  const lines: BookLine[] = [];
  let heading: string | undefined;
  for (const note of p.notes ?? []) {
    const where = notePlace(note);
    if (where.place !== place) continue;
    if (where.heading !== heading) lines.push({ kind: place === 'info' ? 'info-label' : 'status', text: where.heading });
    heading = where.heading;
    lines.push({ kind: 'para', text: where.text });
  }
  return lines;
}

function isBodyContact(c: Contact): boolean {
  return c.kind === 'other' && !!c.role && /structure mandat|mise en (oe|œ)uvre/i.test(c.role) && c.collectivityId === undefined;
}

function headLines(ctx: Context, p: Partnership): BookLine[] {
  const lines: BookLine[] = [];
  const w = ctx.words;
  if (p.legalFramework) lines.push(field(ctx, w.legalFramework, `${p.legalFramework}.`));
  if (p.dateText) lines.push(field(ctx, w.date, `${p.dateText}.`));
  for (const note of p.notes ?? []) {
    if (notePlace(note).place !== 'head') continue;
    for (const text of note.split('\n')) lines.push({ kind: 'note', text });
  }
  if (p.history) {
    const [first, ...rest] = p.history.split('\n');
    lines.push(field(ctx, w.history, first!));
    for (const text of rest) lines.push({ kind: 'para', text });
  }
  if (p.domainsText) {
    const [first, ...rest] = p.domainsText.split('\n');
    lines.push(field(ctx, w.domains, first!));
    for (const text of rest) lines.push({ kind: 'para', text });
  }
  return lines;
}

function statusHeadingOf(words: BookWords, status: Project['status']): string | undefined {
  return status === 'other' ? undefined : words.status[status];
}

function roleLabel(words: BookWords, role: ProjectPartner['role']): string | undefined {
  return role === 'maitre-ouvrage' || role === 'assistant-maitre-ouvrage' || role === 'operator' ? words.roles[role] : undefined;
}

function items(label: string, values: readonly string[] | undefined): BookLine[] {
  if (!values?.length) return [];
  return [{ kind: 'part-label', text: label }, ...values.map((text): BookLine => ({ kind: 'item', text: `- ${text}` }))];
}

function moneyText(f: Funding): string {
  return f.text ?? [f.funder, f.amount?.text].filter(Boolean).join(' : ');
}

/** A project named after its theme ("SANTÉ" under "SANTÉ"): the book prints only its period under the theme. */
function namedByTheme(p: Project): boolean {
  return p.themes?.[0] !== undefined && (p.title === p.themes[0] || `${p.title} (${p.periodText})` === p.themes[0]);
}

function projectLines(p: Project, ctx: Context, parties: readonly PartyRef[]): BookLine[] {
  const lines: BookLine[] = [];
  const w = ctx.words;
  if (namedByTheme(p)) {
    // The reader opens such a project at "(period)" right under the theme, or at its first part.
    if (p.periodText && p.title === p.themes![0]) lines.push({ kind: 'project-title', text: `(${p.periodText})` });
    if (p.padCofinanced) lines.push({ kind: 'para', text: `- ${w.padCofinanced}` });
  } else {
    lines.push({ kind: 'project-title', text: `${p.title}${p.periodText ? ` (${p.periodText})` : ''}${p.padCofinanced ? ` - ${w.padCofinanced}` : ''}` });
  }
  if (p.objectives?.length) lines.push(...items(w.objectives, p.objectives));
  lines.push({ kind: 'part-label', text: w.description });
  for (const text of p.description?.split('\n') ?? []) lines.push({ kind: 'para', text });

  const partners = p.partners ?? [];
  if (partners.length) {
    lines.push({ kind: 'part-label', text: w.partners });
    // A country label holds for the partners after it; a collectivity's own country needs none.
    let country: string | undefined;
    for (const partner of partners) {
      const role = partner.role ? roleLabel(w, partner.role) : undefined;
      if (role) {
        lines.push({ kind: 'para', text: `${role}${w.colon}${partner.name}.` });
        continue;
      }
      const own = partner.collectivityId ? ctx.collectivities.get(partner.collectivityId)?.country : undefined;
      const needsLabel = partner.country !== undefined && (own !== partner.country || (country !== undefined && country !== partner.country));
      if (needsLabel && partner.country !== undefined && partner.country !== country) {
        country = partner.country;
        lines.push({ kind: 'para', text: w.partnersIn(w.inCountry(partner.country)) });
      }
      lines.push({ kind: 'para', text: partnerLine(w, partner) });
    }
  }

  lines.push(...moneyLines(w, p, parties));
  lines.push(...items(w.expectedResults, p.expectedResults));
  lines.push(...items(w.obtainedResults, p.obtainedResults));
  lines.push(...items(w.beneficiaries, p.beneficiaries));
  if (p.observations) {
    lines.push({ kind: 'part-label', text: w.observations });
    for (const text of p.observations.split('\n')) lines.push({ kind: 'para', text });
  }
  return lines;
}

/** "Vitalis, Régie des Transports … (9 avenue …)": a name with commas keeps its contact in parentheses. */
function partnerLine(w: BookWords, partner: ProjectPartner): string {
  // "… d'Angély (17)": a name ending in a parenthesis with a figure would lose it to the contact.
  const name = /\([^)]*\d[^)]*\)$/.test(partner.name) ? `${partner.name},` : partner.name;
  if (!partner.contact) return name;
  if (/\d/.test(partner.contact) && !/[()]/.test(partner.contact) && !/[()]/.test(partner.name)) return `${partner.name} (${partner.contact})`;
  return `${name} → ${w.contact}${w.colon}${partner.contact}`;
}

/**
 * The money of a project: "Budget" with its total cost and the lines that are not funding,
 * then "Financement" with one line per funder. A funder the book printed in a list ("Conseil
 * général, Comité des Échanges, …", "Saint-Denis 7 000€ & Aigle Azur") is printed in such a
 * list again: each funding line is checked with the reader's money rules (funding.ts), and
 * joined to the line before it when alone it would not read back as the same funder.
 */
function moneyLines(w: BookWords, p: Project, parties: readonly PartyRef[]): BookLine[] {
  const funding = p.funding ?? [];
  const notFunding = p.fundingText?.split('\n') ?? [];
  if (!p.totalCost && funding.length === 0 && notFunding.length === 0) return [];
  const lines: BookLine[] = [];
  const budget: string[] = [];
  if (p.totalCost) {
    budget.push(`${w.totalCost}${p.totalCost.approximate ? w.estimate : ''}${w.colon}${p.totalCost.text ?? `${w.number(p.totalCost.amount)} ${p.totalCost.currency}`}.`);
    budget.push(...notFunding);
    lines.push({ kind: 'part-label', text: w.budget }, { kind: 'total', text: budget[0]! }, ...notFunding.map((text): BookLine => ({ kind: 'para', text })));
  }
  const printed = fundingLines(funding, budget, parties);
  if (printed.length || (!p.totalCost && notFunding.length)) {
    lines.push({ kind: 'part-label', text: w.funding });
    lines.push(...printed.map((text): BookLine => ({ kind: 'funding', text })));
    if (!p.totalCost) lines.push(...notFunding.map((text): BookLine => ({ kind: 'para', text })));
  }
  return lines;
}

const ROLE_START = /^(?:op[ée]rateurs?|ma[iî]tres?\s+d['’]\s*ouvrage|assistante?s?\s)/i;

const asLines = (texts: readonly string[]): SourceLine[] => texts.map((text, i) => ({ n: i + 1, text }));

function fundingLines(funding: readonly Funding[], budget: readonly string[], parties: readonly PartyRef[]): string[] {
  const lines: string[] = [];
  // As printed: what a line names, before the reader resolves it to a funder (funder-resolution.ts).
  const printedOnly = (lines: readonly Funding[]) => JSON.stringify(lines.map(({ funderId: _f, funderCollectivityId: _c, ...rest }) => rest));
  const reads = (candidate: string[], count: number) =>
    printedOnly(readProjectMoney(asLines(candidate), asLines(budget), parties).funding) === printedOnly(funding.slice(0, count));
  let previous: string | undefined;
  funding.forEach((f, i) => {
    const text = moneyText(f);
    // Shares listed in one sentence ("… : 40% Romans, 10% Taroudannt") are one line for several funders.
    if (text === previous && reads(lines, i + 1)) return;
    previous = text;
    const variants = [text, text.replace(/, (?=\d)/g, ' ; ')];
    const candidates: string[][] = [];
    for (const variant of variants) {
      candidates.push([...lines, variant]);
      if (lines.length) for (const glue of [', ', ' & ', ' - ']) candidates.push([...lines.slice(0, -1), `${lines.at(-1)}${glue}${variant}`]);
    }
    // A line of its own starting "opérateur :" would also be read as a partner with that role.
    const chosen = candidates.find((c) => !ROLE_START.test(c.at(-1)!) && reads(c, i + 1)) ?? [...lines, text];
    lines.splice(0, lines.length, ...chosen);
  });
  return lines;
}

function projectBlocks(projects: readonly Project[], ctx: Context, parties: readonly PartyRef[]): BookBlock[] {
  const blocks: BookBlock[] = [];
  let status: Project['status'] | undefined;
  let themes = '';
  for (const project of projects) {
    const heading = statusHeadingOf(ctx.words, project.status);
    const projectThemes = JSON.stringify(project.themes ?? []);
    const lines: BookLine[] = [];
    // A status heading sets the status and clears the themes: printed again where the themes stop.
    if (heading && (project.status !== status || (themes !== '[]' && projectThemes === '[]'))) {
      lines.push({ kind: 'status', text: heading });
      themes = '[]';
    }
    status = project.status;
    if (projectThemes !== themes || namedByTheme(project)) {
      const [theme, sub] = project.themes ?? [];
      if (theme) lines.push({ kind: 'theme', text: theme });
      if (sub) lines.push({ kind: 'subtheme', text: sub });
      themes = projectThemes;
    }
    blocks.push({ kind: 'project', lines: [...lines, ...projectLines(project, ctx, parties)] });
  }
  return blocks;
}

function infoLines(ctx: Context, p: Partnership): BookLine[] {
  const lines: BookLine[] = [];
  const w = ctx.words;
  // Budget lines without an amount are notes; printed among the budgets, they are read as such again.
  const budgetNotes = (p.notes ?? []).flatMap((note) => {
    const where = notePlace(note);
    return where.place === 'budget' ? [where.text] : [];
  });
  if (p.budgets?.length || budgetNotes.length) {
    lines.push({ kind: 'info-label', text: w.partnershipBudget });
    for (const b of p.budgets ?? []) lines.push({ kind: 'funding', text: b.text ?? `${b.collectivityId ? `${ctx.collectivities.get(b.collectivityId)?.shortName ?? ''} : ` : ''}${b.amount.text ?? w.number(b.amount.amount)}` });
    for (const text of budgetNotes) lines.push({ kind: 'para', text });
  }
  if (p.humanResources?.length) {
    lines.push({ kind: 'info-label', text: w.humanResources });
    for (const text of p.humanResources) lines.push({ kind: 'para', text });
  }
  if (p.otherPartnerships?.length) {
    lines.push({ kind: 'info-label', text: w.otherPartnerships });
    for (const text of p.otherPartnerships) lines.push({ kind: 'para', text });
  }
  // Steering committees, implementing bodies (whose lines are also read as their contact): under their headings.
  lines.push(...placedNotes(p, 'info'));
  return lines.length ? [{ kind: 'info-title', text: w.partnershipInformation }, ...lines] : [];
}

function contactBlocks(ctx: Context, p: Partnership): BookBlock[] {
  const blocks: BookBlock[] = [];
  const w = ctx.words;
  for (const c of p.contacts ?? []) {
    if (isBodyContact(c)) continue;
    const party = c.collectivityId ? ctx.collectivities.get(c.collectivityId) : undefined;
    const where = party ? ` (${party.name})` : '';
    const label = c.kind === 'staff' ? w.staff : c.kind === 'elected' || c.kind === 'other' ? w.elected : undefined;
    const lines: BookLine[] = [];
    if (label) lines.push({ kind: 'contact-label', text: `${label}${where}${w.colon}${personName(c)}` });
    else lines.push({ kind: 'contact-label', text: `${party ? w.contactAt(party.shortName ?? party.name) : w.contact}${w.colon}${personName(c)}` });
    if (c.role) lines.push({ kind: 'contact-line', text: c.role });
    if (c.organization && c.organization !== associationIn(c.role)) lines.push({ kind: 'contact-line', text: c.organization });
    if (c.address) lines.push({ kind: 'contact-line', text: c.address });
    for (const phone of c.phones ?? []) lines.push({ kind: 'contact-line', text: `${ctx.words.phone}${ctx.words.colon}${phone}` });
    for (const fax of c.faxes ?? []) lines.push({ kind: 'contact-line', text: `${ctx.words.fax}${ctx.words.colon}${fax}` });
    for (const email of c.emails ?? []) lines.push({ kind: 'contact-line', text: email });
    blocks.push({ kind: 'contact', lines });
  }
  for (const party of p.parties) {
    const lines = institutionLines(ctx, party.collectivityId);
    if (lines.length) blocks.push({ kind: 'contact', lines });
  }
  return blocks;
}

/** A collectivity's own coordinates: its name, then its address, phones, faxes, e-mails, websites. */
function institutionLines(ctx: Context, id: string): BookLine[] {
  const c = ctx.collectivities.get(id);
  if (!c || !(c.address || c.phones?.length || c.faxes?.length || c.emails?.length || c.websites?.length)) return [];
  const lines: BookLine[] = [{ kind: 'institution-name', text: c.name }];
  for (const part of c.address?.split(', ') ?? []) lines.push({ kind: 'contact-line', text: part });
  for (const phone of c.phones ?? []) lines.push({ kind: 'contact-line', text: `${ctx.words.phone}${ctx.words.colon}${phone}` });
  for (const fax of c.faxes ?? []) lines.push({ kind: 'contact-line', text: `${ctx.words.fax}${ctx.words.colon}${fax}` });
  for (const email of c.emails ?? []) lines.push({ kind: 'contact-line', text: email });
  for (const site of c.websites ?? []) lines.push({ kind: 'contact-line', text: site });
  return lines;
}

/** A contact's name with its civility; without one when the source printed none ("Azeddine OULADDAHOU" after a label). */
function personName(c: Contact): string {
  return c.civility ? `${c.civility} ${c.name}` : c.name;
}

/** "Président de l'association Amal Dadès" → "Association Amal Dadès" (what the reader derives itself). */
function associationIn(role: string | undefined): string | undefined {
  const m = role ? /\b(association\b.*)$/iu.exec(role) : null;
  if (!m) return undefined;
  const name = m[1]!.replace(/[\s,;.]+$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The parties as the reader knows them while reading the entry (types.ts PartyRef). */
function partyRefs(ctx: Context, p: Partnership): PartyRef[] {
  return p.parties.map((party) => {
    const c = ctx.collectivities.get(party.collectivityId);
    const name = c?.name ?? party.collectivityId;
    const executive = party.executive ?? c?.executive;
    return { collectivityId: party.collectivityId, country: party.country, name, shortName: c?.shortName ?? name, ...(executive ? { executiveName: executive.name } : {}), aliases: [name] };
  });
}

function entryBlocks(ctx: Context, p: Partnership): BookBlock[] {
  const { home, partner } = headingOf(ctx, p);
  const executives = executiveLines(ctx, p);
  const head: BookLine[] = [
    { kind: 'entry-home', text: home },
    { kind: 'entry-partner', text: partner },
  ];
  // Without an executive line, the reader knows an entry by "Partenariat avec …" (as Marseille's).
  if (executives.length === 0) head.push({ kind: 'entry-unit', text: ctx.words.partnershipWith(partner) });
  head.push(...executives);
  const blocks: BookBlock[] = [{ kind: 'entry-head', lines: head, entry: { partnershipId: p.id, home, partner } }];
  const fields = headLines(ctx, p);
  if (fields.length) blocks.push({ kind: 'plain', lines: fields });
  blocks.push(...projectBlocks(p.projects ?? [], ctx, partyRefs(ctx, p)));
  const outside = placedNotes(p, 'projects');
  if (outside.length) blocks.push({ kind: 'plain', lines: outside });
  const info = infoLines(ctx, p);
  if (info.length) blocks.push({ kind: 'info', lines: info });
  const contacts = contactBlocks(ctx, p);
  if (contacts.length) blocks.push({ kind: 'contacts', lines: [{ kind: 'contacts-title', text: ctx.words.contacts }] }, ...contacts);
  return blocks;
}

function briefBlocks(ctx: Context, p: Partnership): BookBlock[] {
  const { home, partner } = headingOf(ctx, p);
  const lines: BookLine[] = [{ kind: 'brief-pair', text: `${home} / ${partner}` }];
  const framework = [p.legalFramework, p.dateText].filter(Boolean).join(', ');
  if (framework) lines.push({ kind: 'brief-line', text: `→ ${framework}` });
  for (const note of p.notes ?? []) lines.push({ kind: 'brief-line', text: note });
  for (const c of p.contacts ?? []) {
    const party = c.collectivityId ? ctx.collectivities.get(c.collectivityId) : undefined;
    const country = ctx.words.inCountry(party?.country ?? homeCountry(ctx.doc.directory));
    lines.push({ kind: 'brief-line', text: `→ ${ctx.words.contact} ${country}${ctx.words.colon}${personName(c)}${c.role ? `, ${c.role}` : ''}` });
    for (const phone of c.phones ?? []) lines.push({ kind: 'contact-line', text: `${ctx.words.phone}${ctx.words.colon}${phone}` });
    for (const fax of c.faxes ?? []) lines.push({ kind: 'contact-line', text: `${ctx.words.fax}${ctx.words.colon}${fax}` });
    for (const email of c.emails ?? []) lines.push({ kind: 'contact-line', text: email });
    if (c.address) lines.push({ kind: 'contact-line', text: c.address });
  }
  // The collectivities' coordinates belong to the contact block: printed after its first contact.
  if (p.contacts?.length) for (const party of p.parties) lines.push(...institutionLines(ctx, party.collectivityId));
  return [{ kind: 'plain', lines, entry: { partnershipId: p.id, home, partner } }];
}

/** The Synthèse: each domain with the "home/partner" pairs of the partnerships working in it. */
function synthesisBlocks(ctx: Context, spell: (id: string) => string): BookBlock[] {
  const blocks: BookBlock[] = [];
  const byDomain = new Map<string, Partnership[]>();
  for (const p of ctx.doc.partnerships) for (const code of p.domains ?? []) byDomain.set(code, [...(byDomain.get(code) ?? []), p]);
  const pairs = (code: string): BookLine[] =>
    (byDomain.get(code) ?? []).map((p): BookLine => ({ kind: 'synthesis-pair', text: pairOf(ctx, p, spell) }));
  const top = ctx.doc.domains.filter((d) => d.parent === undefined);
  for (const domain of top) {
    const children = ctx.doc.domains.filter((d: Domain) => d.parent === domain.code);
    blocks.push({ kind: 'synthesis-domain', lines: [{ kind: 'synthesis-domain', text: domain.label }, ...pairs(domain.code)] });
    // under its parent, "Autres (Environnement)" is printed "Autres", as the Synthèse prints it (model/domain-labels.ts)
    const printed = (label: string) => (label.endsWith(` (${domain.label})`) ? label.slice(0, -` (${domain.label})`.length) : label);
    for (const child of children) blocks.push({ kind: 'synthesis-domain', lines: [{ kind: 'synthesis-subdomain', text: `➤ ${printed(child.label)}` }, ...pairs(child.code)] });
  }
  return blocks;
}

/** Partnerships as the book prints them (an entry for a described one, a pair and its lines for a brief one), in the order given. */
export function partnershipBlocks(doc: RepertoireDocument, partnerships: readonly Partnership[], locale: Locale = 'fr'): BookBlock[] {
  const ctx: Context = { doc, collectivities: new Map(doc.collectivities.map((c) => [c.id, c])), words: BOOK_WORDS[locale] };
  return partnerships.flatMap((p) => (p.tier === 'full' ? entryBlocks(ctx, p) : briefBlocks(ctx, p)));
}

export interface ComposeOptions {
  /** page numbers of the Sommaire, by partnership id or part id; absent: "p.…" placeholders */
  readonly pages?: ReadonlyMap<string, number>;
  /** the language of the book's own words (default French: the printed directory's, which its reader reads back) */
  readonly locale?: Locale;
}

/** The book of a document. `pages` fills the Sommaire (pdf.ts finds them by printing once). */
export function composeBook(doc: RepertoireDocument, options: ComposeOptions = {}): Book {
  const words = BOOK_WORDS[options.locale ?? 'fr'];
  const ctx: Context = { doc, collectivities: new Map(doc.collectivities.map((c) => [c.id, c])), words };
  const page = (id: string) => pageLabel(options.pages?.get(id));
  const title = doc.directory.title;
  const entries: EntryRef[] = [];
  const spell = aliasSpeller(ctx);

  const cover: BookLine[] = [{ kind: 'cover-title', text: title }];
  const edition = editionText(doc.directory.edition, words);
  if (edition) cover.push({ kind: 'cover-edition', text: edition });
  for (const publisher of doc.directory.publishers ?? []) cover.push({ kind: 'cover-publishers', text: publisher });

  const toc: BookLine[] = [{ kind: 'toc-title', text: words.toc }, { kind: 'toc-entry', text: `${words.mapsTitle} ${page('maps')}`, pageOf: 'maps' }];
  const sectionParts: BookPart[] = [];
  const known = new Set(SECTIONS.map((s) => s.name));
  const sectionNames = [...SECTIONS.map((s) => s.name), ...new Set(doc.partnerships.filter((p) => p.tier === 'full' && !known.has(p.section ?? '')).map((p) => p.section ?? 'Villes'))];
  let numeral = 0;
  for (const name of sectionNames) {
    const partnerships = doc.partnerships.filter((p) => p.tier === 'full' && (p.section ?? 'Villes') === name);
    if (partnerships.length === 0) continue;
    numeral += 1;
    toc.push({ kind: 'toc-section', text: `${roman(numeral)}. ${words.section(name)}` });
    const blocks: BookBlock[] = [{ kind: 'heading', lines: [{ kind: 'section-title', text: words.section(name) }] }];
    for (const p of partnerships) {
      const entry = entryBlocks(ctx, p);
      entries.push(entry[0]!.entry!);
      toc.push({ kind: 'toc-entry', text: `${pairOf(ctx, p, spell)} ${page(p.id)}`, pageOf: p.id });
      blocks.push(...entry);
    }
    sectionParts.push({ id: `section-${sectionParts.length + 1}`, header: words.section(name), kind: 'section', blocks });
  }
  const brief = doc.partnerships.filter((p) => p.tier === 'brief');
  toc.push({ kind: 'toc-section', text: `${roman(numeral + 1)}. ${words.complementary}` });
  if (brief.length) toc.push({ kind: 'toc-entry', text: `${words.briefTitle} ${page('brief')}`, pageOf: 'brief' });
  toc.push({ kind: 'toc-entry', text: `${words.synthesisTitle} ${page('synthesis')}`, pageOf: 'synthesis' });

  const parts: BookPart[] = [
    { id: 'cover', header: '', kind: 'front', blocks: [{ kind: 'plain', lines: cover }] },
    { id: 'toc', header: words.toc, kind: 'toc', blocks: [{ kind: 'plain', lines: toc }] },
    {
      id: 'maps',
      header: words.mapsHeader,
      kind: 'maps',
      blocks: [
        { kind: 'plain', lines: [{ kind: 'maps', text: words.mapsTitle }, { kind: 'para', text: words.mapsIntro }] },
        ...bookMaps(doc, undefined, words).map(({ map, caption }): BookBlock => ({ kind: 'map', map, lines: [{ kind: 'map-caption', text: caption }] })),
      ],
    },
    ...sectionParts,
  ];
  if (brief.length) {
    parts.push({
      id: 'brief',
      header: words.briefTitle,
      kind: 'brief',
      blocks: [{ kind: 'heading', lines: [{ kind: 'section-title', text: words.briefTitle.toUpperCase() }] }, ...brief.flatMap((p) => briefBlocks(ctx, p))],
    });
  }
  parts.push({
    id: 'synthesis',
    header: words.synthesisHeader,
    kind: 'synthesis',
    blocks: [{ kind: 'heading', lines: [{ kind: 'synthesis-title', text: words.synthesisTitle.toUpperCase() }] }, ...synthesisBlocks(ctx, spell)],
  });
  return { title, words, parts, entries };
}

/** "p.N" of a Sommaire line; before the first print, three digits (about the width they will have). */
export function pageLabel(n: number | undefined): string {
  return n === undefined ? 'p.000' : `p.${n}`;
}

/** The same book with the Sommaire giving `pages` (what composeBook with those pages gives). */
export function withPages(book: Book, pages: ReadonlyMap<string, number>): Book {
  const line = (l: BookLine): BookLine => (l.pageOf === undefined ? l : { ...l, text: l.text.replace(/p\.\d+$/, pageLabel(pages.get(l.pageOf))) });
  return { ...book, parts: book.parts.map((part) => ({ ...part, blocks: part.blocks.map((block) => ({ ...block, lines: block.lines.map(line) })) })) };
}

function roman(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? String(n);
}

/** The book's text: its lines, one a line — what is printed, in print order. */
export function bookText(book: Book): string {
  return `${book.parts.flatMap((part) => part.blocks.flatMap((block) => block.lines.map((line) => line.text))).join('\n')}\n`;
}
