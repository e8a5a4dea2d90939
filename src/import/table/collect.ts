/**
 * Read rows → records. A collectivity is one record however many rows name it (by its code, else
 * by its folded name and country); a partnership is one record per pair of parties, so a pair the
 * table repeats is read once (flagged, naming the row that gave it first). Ids are stable: the
 * same table gives the same ids, which is what lets a second import update rather than add.
 * The records wait on shelves (shelf.ts), not in the heap: a record is taken down, changed and
 * put back.
 */
import { countRecords } from '../../model/counts.js';
import type { Collectivity, Directory, Domain, Partnership, Project, RepertoireDocument } from '../../model/schema.js';
import { foldKey, slugOf } from '../../text/fold.js';
import type { TableMapping } from './mapping.js';
import type { Shelf, Shelves } from './shelf.js';
import type { RowDraft, RowIssue, SideDraft } from './state.js';

export class TableRecords {
  readonly collectivities: Shelf<Collectivity>;
  /** country + folded name → id, for the sides that have no code */
  private readonly byName: Shelf<string>;
  /** the partnerships, without the rows they came from */
  readonly partnerships: Shelf<Partnership>;
  /** the rows each partnership was read from, the first first */
  readonly rowsOf: Shelf<number[]>;
  private readonly domains = new Map<string, Domain>();
  private readonly partnerCountries = new Set<string>();
  private readonly homeCountries = new Map<string, number>();

  constructor(
    private readonly mapping: TableMapping,
    private readonly documentName: string,
    shelves: Shelves,
  ) {
    this.collectivities = shelves.shelf('collectivities');
    this.byName = shelves.shelf('by_name');
    this.partnerships = shelves.shelf('partnerships');
    this.rowsOf = shelves.shelf('rows_of');
  }

  /** Adds a read row's records; the flags it raises (a repeated pair). */
  add(row: number, draft: RowDraft): RowIssue[] {
    const flags: RowIssue[] = [];
    const home = this.collectivity(draft.home, row, flags, 'home');
    const partner = this.collectivity(draft.partner, row, flags, 'partner');
    this.homeCountries.set(draft.home.country!, (this.homeCountries.get(draft.home.country!) ?? 0) + 1);
    this.partnerCountries.add(draft.partner.country!);
    const id = `${home.id}--${partner.id}`.slice(0, 200);
    const domains = (draft.domains ?? []).map((label) => this.domain(label));
    let p = this.partnerships.get(id);
    const before = p === undefined ? undefined : JSON.stringify(p);
    if (p === undefined) {
      p = {
        id,
        tier: 'brief',
        parties: [
          { collectivityId: home.id, country: home.country },
          { collectivityId: partner.id, country: partner.country },
        ],
        source: { document: this.documentName, lines: [row, row] },
      };
      this.rowsOf.set(id, [row]);
    } else {
      const rows = this.rowsOf.get(id)!;
      const first = rows[0]!;
      flags.push({ row, kind: 'repeated-pair', reason: `the same partnership as row ${first} (${home.name} – ${partner.name}): read once` });
      this.rowsOf.set(id, [...rows, row]);
      if (draft.signedDate !== undefined && p.signedDate !== undefined && draft.signedDate !== p.signedDate) {
        flags.push({ row, kind: 'repeated-pair-date', reason: `row ${first} dates it ${p.signedDate}, this row ${draft.signedDate}: the first is kept` });
      }
    }
    if (p.signedDate === undefined && draft.signedDate !== undefined) p.signedDate = draft.signedDate;
    if (p.dateText === undefined && draft.dateText !== undefined) p.dateText = draft.dateText;
    if (p.frameworkKind === undefined && draft.frameworkKind !== undefined) p.frameworkKind = draft.frameworkKind;
    if (p.legalFramework === undefined && draft.legalFramework !== undefined) p.legalFramework = draft.legalFramework;
    if (domains.length > 0) p.domains = [...new Set([...(p.domains ?? []), ...domains])];
    if (draft.notes !== undefined) p.notes = [...(p.notes ?? []), draft.notes];
    if (draft.project !== undefined) this.project(p, draft.project, row);
    for (const { side, contact } of draft.contacts) {
      const collectivityId = side === 'home' ? home.id : partner.id;
      const known = p.contacts?.some((c) => c.name === contact.name && c.collectivityId === collectivityId);
      if (!known) p.contacts = [...(p.contacts ?? []), { ...contact, collectivityId }];
    }
    if (JSON.stringify(p) !== before) this.partnerships.set(id, p);
    return flags;
  }

  /**
   * The side's collectivity, created when first named. A code is an identity only while it names
   * one place: a register that gives the same code to several (Praha's partners all "F-1111") has
   * those told apart by name, and the row is flagged.
   */
  private collectivity(side: SideDraft, row: number, flags: RowIssue[], field: 'home' | 'partner'): Collectivity {
    const country = side.country!;
    const name = side.name!;
    const nameKey = () => `${country}:${foldKey(name)}`;
    const byName = () => this.byName.get(nameKey()) ?? `${country.toLowerCase()}-${slugOf(name, 80)}`;
    let id = side.code !== undefined ? `${country.toLowerCase()}-${slugOf(side.code, 80)}` : byName();
    let c = this.collectivities.get(id);
    if (c !== undefined && side.code !== undefined && c.name !== name && foldKey(c.name) !== foldKey(name)) {
      flags.push({ row, kind: 'shared-code', field: `${field}.code`, reason: `${field}.code: "${side.code}" was given to "${c.name}" already: "${name}" is told apart by its name`, text: side.code });
      id = byName();
      c = this.collectivities.get(id);
      if (c === undefined) this.byName.set(nameKey(), id);
    }
    const was = c === undefined ? undefined : JSON.stringify(c);
    if (c === undefined) {
      c = { id, name, country, kind: side.kind ?? this.mapping.defaultKind };
      if (side.code === undefined) this.byName.set(nameKey(), id);
    }
    if (c.location === undefined && side.location !== undefined) c.location = side.location;
    if (c.region === undefined && side.region !== undefined) c.region = side.region;
    // The same place under another spelling ("KOMÁRNO", "Komárno"): the other spelling kept as an alias.
    if (name !== c.name && !(c.aliases ?? []).includes(name)) c.aliases = [...(c.aliases ?? []), name];
    if (JSON.stringify(c) !== was) this.collectivities.set(id, c);
    return c;
  }

  private domain(label: string): string {
    const code = slugOf(label, 60) || 'domaine';
    if (!this.domains.has(code)) this.domains.set(code, { code, label });
    return code;
  }

  private project(p: Partnership, draft: NonNullable<RowDraft['project']>, row: number): void {
    const id = `${p.id}-${slugOf(draft.title, 60)}`.slice(0, 200);
    const project: Project = { id, title: draft.title, status: draft.status, source: { document: this.documentName, lines: [row, row] } };
    if (draft.startDate !== undefined) project.startDate = draft.startDate;
    if (draft.endDate !== undefined) project.endDate = draft.endDate;
    if (draft.description !== undefined) project.description = draft.description;
    if (draft.amount !== undefined && draft.currency !== undefined) project.totalCost = { amount: draft.amount, currency: draft.currency };
    if (draft.funders !== undefined) project.funding = draft.funders.map((funder) => ({ funder }));
    const projects = p.projects ?? [];
    if (!projects.some((q) => q.id === id)) p.projects = [...projects, project];
  }

  /** The directory the rows make: home country first (the most frequent), then the partners' countries. */
  directory(): Directory {
    const home = [...this.homeCountries].sort((a, b) => b[1] - a[1])[0]?.[0];
    const countries = [...new Set([...(home ? [home] : []), ...[...this.partnerCountries].sort()])];
    const d = this.mapping.directory;
    return {
      id: d.id,
      title: d.title,
      countries,
      ...(d.edition ? { edition: d.edition } : {}),
      ...(d.publishers ? { publishers: d.publishers } : {}),
      ...(d.language ? { language: d.language } : {}),
      source: { document: this.documentName },
    };
  }

  domainList(): Domain[] {
    return [...this.domains.values()];
  }

  /** How many records of each kind the rows make, counted shelf by shelf (never all in memory). */
  counts(): Record<string, number> {
    const counts = { domains: this.domains.size, collectivities: this.collectivities.size, partnerships: 0, projects: 0, contacts: 0, budgets: 0, projectPartners: 0, fundingLines: 0 };
    for (const chunk of this.partnerships.chunks(5_000)) {
      const part = countRecords({ format: 'repertoire', version: 1, directory: { title: '', countries: [] }, domains: [], collectivities: [], partnerships: chunk.map(([, p]) => p) });
      for (const key of ['partnerships', 'projects', 'contacts', 'budgets', 'projectPartners', 'fundingLines'] as const) counts[key] += part[key] ?? 0;
    }
    return counts;
  }

  /** The whole document, in memory: for small tables, and the tests' reference merge. */
  document(): RepertoireDocument {
    return {
      format: 'repertoire',
      version: 1,
      directory: this.directory(),
      domains: this.domainList(),
      collectivities: [...this.collectivities.values()],
      partnerships: [...this.partnerships.values()],
    };
  }
}
