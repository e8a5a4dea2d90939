/**
 * Building the search index of one directory, in one transaction: a document per partnership,
 * collectivity and project (`search_docs`), a posting list per stem and per 2- and 3-letter
 * prefix (`search_terms`, `search_prefixes`), and compact per-document facet codes and sort keys
 * (`search_meta`), all read by `engine.ts`.
 * Size: one transaction building the four index tables from one pass over the documents (terms, prefixes, facets, sort keys); split, the pass's shared state would travel between files.
 */
import { distinctDomainLabels } from '../model/domain-labels.js';
import type { Kysely } from 'kysely';
import { RepertoireError } from '../errors.js';
import type { Database } from '../store/tables.js';
import { DocList, addPostings, emptySet, encodePostings, encodeSet } from './bitset.js';
import { HIT_TYPES, PAD_VALUES, STATUSES, TOP_FUNDERS, decadeOf } from './facets.js';
import { collectivityDocument, funderOf, jsonList, noticeDocument, partnershipDocument, projectDocument, type DocFacets, type DocInput, type DocVocabulary, type IndexWords } from './documents.js';
import { ensureSearchTables, type SearchDb, type SearchTables } from './tables.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { makeTallies } from '../stats/tallies.js';
import { fold, forEachTerm, tokenize } from './text.js';
import { INDEX_VERSION, type FacetName } from './types.js';

/** Facets counted together: one code per document and group stands for its values in every facet of the group. */
export const FACET_GROUPS: readonly (readonly FacetName[])[] = [
  ['type', 'status', 'pad', 'decade', 'homeKind', 'partnerKind'],
  ['domain'],
  ['funder'],
  ['region'],
];

/**
 * A facet value of the index: its code, and a label only for values named by the directory's data
 * (domains, regions, funders). Codes of the project's own vocabularies (types, statuses, PAD,
 * decades, kinds of collectivity) have none: the web layer labels them from its catalogue.
 */
export interface FacetEntry {
  value: string;
  label?: string;
  parent?: string;
}

/** What `search_meta` key `dict` holds (JSON). */
export interface IndexDictionary {
  version: typeof INDEX_VERSION;
  size: number;
  facets: Record<FacetName, FacetEntry[]>;
  /** per group: profiles[code][facetOfGroup] = indexes into facets[facet] */
  groups: { facets: FacetName[]; profiles: number[][][]; wide: boolean }[];
  counts: Record<string, number>;
  /**
   * The partner-search notices' documents and their last day shown (yyyymmdd): [doc, until] pairs.
   * A notice expires by the day while the index is rebuilt only when the store changes, so the
   * searchers leave out the documents past their day at query time (a few numbers compared per
   * search) rather than the index being rebuilt every day (minutes at a million projects).
   */
  expiry: [number, number][];
}

export type { IndexWords } from './documents.js';

export const PREFIX_LENGTHS = [2, 3] as const;
/** The longest text kept per document for excerpts. */
export const BODY_LIMIT = 4000;
const READ_CHUNK = 2000;
const WRITE_CHUNK = 1500; // rows per INSERT: 11 columns, under SQLite's 32 766 parameters

class FacetValues {
  readonly entries: FacetEntry[] = [];
  private readonly index = new Map<string, number>();

  id(value: string, label?: string, parent?: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.entries.length;
      this.entries.push({ value, ...(label === undefined ? {} : { label }), ...(parent === undefined ? {} : { parent }) });
      this.index.set(value, i);
    }
    return i;
  }
}

class Profiles {
  readonly list: number[][][] = [];
  private readonly index = new Map<string, number>();

  code(profile: number[][]): number {
    const key = profile.map((ids) => ids.join(',')).join('|');
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.list.length;
      this.list.push(profile);
      this.index.set(key, code);
    }
    return code;
  }
}

interface TermEntry {
  docs: DocList;
  title: DocList | undefined;
  surface: string;
}

/** The date sort key: yyyymmdd, 0 when unknown. */
export function dateKey(date: string | null | undefined): number {
  if (date === null || date === undefined) return 0;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (m === null) return 0;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

/** The folded title the name order sorts on. */
export function sortName(title: string): string {
  return fold(title).replace(/[^a-z0-9]+/g, ' ').trim().slice(0, 120);
}

/** A document as indexed, for an engine that keeps its own per-document rows (PostgreSQL's). */
export interface IndexedDocument {
  doc: number;
  title: string;
  /** the rest of the indexed text: subtitle, body and the words indexed beside it */
  text: string;
  /** its profile code in each of FACET_GROUPS */
  codes: number[];
  /** the date sort key (yyyymmdd, 0 when unknown) */
  dateKey: number;
  /** the folded title the name order sorts on */
  sortName: string;
}

/** Called for every document, and after each batch of documents was written. */
export interface IndexHooks {
  document(doc: IndexedDocument): void;
  flush(): Promise<void>;
}

export async function rebuildSearchIndex(
  db: Kysely<Database>,
  directoryId: string,
  onProgress?: (done: number, total: number) => void,
  hooks?: IndexHooks,
  words?: IndexWords,
): Promise<void> {
  const directory = await db.selectFrom('directories').select(['id', 'countries']).where('id', '=', directoryId).executeTakeFirst();
  if (directory === undefined) throw new RepertoireError('not-found', `no directory "${directoryId}" in the store: nothing to index`, 404);
  await ensureSearchTables(db);
  // inside the caller's transaction (say, right after saving a document), or in one of its own
  const countries = { countries: jsonList(directory.countries) };
  if (db.isTransaction) await build(db.withTables<SearchTables>(), directoryId, countries, onProgress, hooks, words);
  else await db.transaction().execute((trx) => build(trx.withTables<SearchTables>(), directoryId, countries, onProgress, hooks, words));
}

async function build(
  db: SearchDb,
  directoryId: string,
  countries: { countries: string[] },
  onProgress?: (done: number, total: number) => void,
  hooks?: IndexHooks,
  words?: IndexWords,
): Promise<void> {
  for (const table of ['search_docs', 'search_terms', 'search_prefixes', 'search_meta', 'search_delta', 'search_tallies'] as const) {
    await db.deleteFrom(table).where('directory_id', '=', directoryId).execute();
  }

  // ---- what every document refers to
  // One label, one domain in the facets ("Eau & assainissement (Environnement)"): model/domain-labels.ts.
  const domains = distinctDomainLabels(await db.selectFrom('domains').select(['code', 'label', 'parent']).where('directory_id', '=', directoryId).orderBy('position').execute());
  const collectivities = await db
    .selectFrom('collectivities')
    .select(['id', 'name', 'short_name', 'country', 'kind', 'region', 'population', 'executive_name', 'executive_title', 'address', 'aliases'])
    .where('directory_id', '=', directoryId)
    .orderBy('position')
    .execute();
  const parties = await db
    .selectFrom('partnership_parties')
    .select(['partnership_id', 'collectivity_id', 'country'])
    .where('directory_id', '=', directoryId)
    .orderBy('partnership_id')
    .orderBy('position')
    .execute();
  const partnershipDomains = await db
    .selectFrom('partnership_domains')
    .select(['partnership_id', 'domain_code'])
    .where('directory_id', '=', directoryId)
    .orderBy('partnership_id')
    .orderBy('position')
    .execute();
  const counted = async (table: 'partnerships' | 'projects') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', directoryId).executeTakeFirst())?.n ?? 0);
  const partnershipCount = await counted('partnerships');
  const projectCount = await counted('projects');
  // the notices the public may see: approved ones (past ones too: they leave at query time, see `expiry`)
  const notices = await db
    .selectFrom('partner_notices')
    .select(['id', 'collectivity_id', 'domains', 'partner_country', 'partner_kind', 'partner_region', 'description', 'until', 'decided_at'])
    .where('directory_id', '=', directoryId)
    .where('status', '=', 'approved')
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
  const total = partnershipCount + projectCount + collectivities.length + notices.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };

  // ---- facet values
  const values = Object.fromEntries(
    ['type', 'domain', 'homeKind', 'partnerKind', 'region', 'pad', 'status', 'decade', 'funder'].map((f) => [f, new FacetValues()]),
  ) as Record<FacetName, FacetValues>;
  for (const type of HIT_TYPES) values.type.id(type);
  for (const status of STATUSES) values.status.id(status);
  for (const pad of PAD_VALUES) values.pad.id(pad);
  const domainLabel = new Map(domains.map((d) => [d.code, d.label]));
  const domainParent = new Map(domains.map((d) => [d.code, d.parent]));
  for (const d of domains) values.domain.id(d.code, d.label, d.parent ?? undefined);
  // decades are numbered in time order once all are known: collect first
  const partnershipDates = await db.selectFrom('partnerships').select(['signed_date']).where('directory_id', '=', directoryId).distinct().execute();
  for (const decade of [...new Set(partnershipDates.map((p) => decadeOf(p.signed_date)))].sort()) {
    if (decade !== 'unknown') values.decade.id(decade);
  }
  values.decade.id('unknown');

  const collectivityById = new Map(collectivities.map((c) => [c.id, c]));

  // funders: normalised names, the most frequent kept
  const funderRows = await db
    .selectFrom('funding_lines')
    .select(['funder', 'funder_collectivity_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('directory_id', '=', directoryId)
    .groupBy(['funder', 'funder_collectivity_id'])
    .execute();
  const funderCounts = new Map<string, number>();
  for (const row of funderRows) {
    const name = funderOf({ collectivityById }, row.funder, row.funder_collectivity_id);
    if (name !== undefined) funderCounts.set(name, (funderCounts.get(name) ?? 0) + Number(row.n));
  }
  const topFunders = new Set(
    [...funderCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'))
      .slice(0, TOP_FUNDERS)
      .map(([name]) => name),
  );
  const vocabulary: DocVocabulary = { values, countries, domainLabel, domainParent, collectivityById, topFunders, words };

  // ---- per partnership: parties and domains
  const partiesOf = new Map<string, { collectivity_id: string; country: string }[]>();
  for (const party of parties) {
    const list = partiesOf.get(party.partnership_id) ?? [];
    list.push(party);
    partiesOf.set(party.partnership_id, list);
  }
  const domainsOf = new Map<string, string[]>();
  for (const row of partnershipDomains) {
    const list = domainsOf.get(row.partnership_id) ?? [];
    list.push(row.domain_code);
    domainsOf.set(row.partnership_id, list);
  }

  // ---- the documents
  const profiles = FACET_GROUPS.map(() => new Profiles());
  const codes: number[][] = FACET_GROUPS.map(() => []);
  const dates: number[] = [];
  const terms = new Map<string, TermEntry>();
  let docRows: Record<string, unknown>[] = [];
  let size = 0;

  const flushDocs = async () => {
    for (let i = 0; i < docRows.length; i += WRITE_CHUNK) {
      await db.insertInto('search_docs').values(docRows.slice(i, i + WRITE_CHUNK) as never).execute();
    }
    docRows = [];
    await hooks?.flush();
  };

  const indexText = (doc: number, text: string, title: boolean) => {
    forEachTerm(text, (term, written) => {
      let entry = terms.get(term);
      if (entry === undefined) {
        entry = { docs: new DocList(), title: undefined, surface: tokenize(written)[0]?.folded ?? term };
        terms.set(term, entry);
      }
      entry.docs.push(doc);
      if (title) (entry.title ??= new DocList()).push(doc);
    });
  };

  const addDoc = (doc: DocInput) => {
    const n = size++;
    indexText(n, doc.title, true);
    indexText(n, `${doc.subtitle} ${doc.body} ${doc.extra}`, false);
    FACET_GROUPS.forEach((group, g) => {
      codes[g]!.push(profiles[g]!.code(group.map((facet) => doc.facets[facet] ?? [])));
    });
    dates.push(dateKey(doc.sortDate));
    hooks?.document({
      doc: n,
      title: doc.title,
      text: `${doc.subtitle} ${doc.body} ${doc.extra}`,
      codes: codes.map((list) => list[n]!),
      dateKey: dates[n]!,
      sortName: sortName(doc.title),
    });
    docRows.push({
      directory_id: directoryId,
      doc: n,
      type: doc.type,
      record_id: doc.recordId,
      partnership_id: doc.partnershipId,
      title: doc.title,
      subtitle: doc.subtitle,
      date: doc.date,
      pad: doc.pad,
      body: doc.body.length > BODY_LIMIT ? doc.body.slice(0, BODY_LIMIT) : doc.body,
      sort_name: sortName(doc.title),
    });
  };

  // collectivities: with the domains and decades of their partnerships
  const partnershipsOfCollectivity = new Map<string, string[]>();
  for (const party of parties) {
    const list = partnershipsOfCollectivity.get(party.collectivity_id) ?? [];
    list.push(party.partnership_id);
    partnershipsOfCollectivity.set(party.collectivity_id, list);
  }
  const signedDate = new Map<string, string | null>();
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('partnerships')
      .select(['id', 'signed_date'])
      .where('directory_id', '=', directoryId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(50_000)
      .execute();
    for (const row of rows) signedDate.set(row.id, row.signed_date);
    if (rows.length < 50_000) break;
    after = rows[rows.length - 1]!.id;
  }

  for (const c of collectivities) {
    const ofIt = (partnershipsOfCollectivity.get(c.id) ?? []).map((p) => ({ signedDate: signedDate.get(p), domains: domainsOf.get(p) ?? [] }));
    addDoc(collectivityDocument(vocabulary, c, ofIt));
  }
  progress(collectivities.length);
  await flushDocs();

  // partnerships
  const partnershipTitle = new Map<string, string>();
  const partnershipFacets = new Map<string, DocFacets>();
  for (let after = -1; ; ) {
    const rows = await db
      .selectFrom('partnerships')
      .select(['id', 'position', 'section', 'legal_framework', 'date_text', 'signed_date', 'history', 'domains_text', 'notes', 'human_resources', 'other_partnerships'])
      .where('directory_id', '=', directoryId)
      .where('position', '>', after)
      .orderBy('position')
      .limit(READ_CHUNK)
      .execute();
    for (const p of rows) {
      const made = partnershipDocument(vocabulary, p, partiesOf.get(p.id) ?? [], domainsOf.get(p.id) ?? []);
      partnershipTitle.set(p.id, made.title);
      partnershipFacets.set(p.id, made.facets);
      addDoc(made.doc);
    }
    progress(rows.length);
    await flushDocs();
    if (rows.length < READ_CHUNK) break;
    after = rows[rows.length - 1]!.position;
  }

  // projects, by id
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('projects')
      .select([
        'id',
        'partnership_id',
        'title',
        'status',
        'themes',
        'period_text',
        'start_date',
        'pad_cofinanced',
        'objectives',
        'description',
        'funding_text',
        'expected_results',
        'obtained_results',
        'beneficiaries',
        'observations',
      ])
      .where('directory_id', '=', directoryId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(READ_CHUNK)
      .execute();
    if (rows.length === 0) break;
    const first = rows[0]!.id;
    const last = rows[rows.length - 1]!.id;
    const projectDomains = await db
      .selectFrom('project_domains')
      .select(['project_id', 'domain_code'])
      .where('directory_id', '=', directoryId)
      .where('project_id', '>=', first)
      .where('project_id', '<=', last)
      .orderBy('project_id')
      .orderBy('position')
      .execute();
    const funding = await db
      .selectFrom('funding_lines')
      .select(['project_id', 'funder', 'funder_collectivity_id'])
      .where('directory_id', '=', directoryId)
      .where('project_id', '>=', first)
      .where('project_id', '<=', last)
      .orderBy('project_id')
      .orderBy('position')
      .execute();
    const partners = await db
      .selectFrom('project_partners')
      .select(['project_id', 'name'])
      .where('directory_id', '=', directoryId)
      .where('project_id', '>=', first)
      .where('project_id', '<=', last)
      .orderBy('project_id')
      .orderBy('position')
      .execute();
    const group = <R extends { project_id: string }>(list: R[]) => {
      const map = new Map<string, R[]>();
      for (const row of list) {
        const entry = map.get(row.project_id);
        if (entry === undefined) map.set(row.project_id, [row]);
        else entry.push(row);
      }
      return map;
    };
    const domainsByProject = group(projectDomains);
    const fundingByProject = group(funding);
    const partnersByProject = group(partners);
    for (const p of rows) {
      addDoc(
        projectDocument(
          vocabulary,
          p,
          { title: partnershipTitle.get(p.partnership_id), facets: partnershipFacets.get(p.partnership_id), signedDate: signedDate.get(p.partnership_id) },
          {
            domains: (domainsByProject.get(p.id) ?? []).map((d) => d.domain_code),
            funding: fundingByProject.get(p.id) ?? [],
            partners: (partnersByProject.get(p.id) ?? []).map((r) => r.name),
          },
        ),
      );
    }
    progress(rows.length);
    await flushDocs();
    after = last;
  }

  // partner-search notices: found by their words, their publisher's name and what they seek
  const expiry: [number, number][] = [];
  const profilesOfCountries = defaultProfiles();
  for (const n of notices) {
    expiry.push([size, dateKey(n.until)]);
    addDoc(noticeDocument(vocabulary, n, profilesOfCountries));
  }
  progress(notices.length);
  await flushDocs();

  // ---- name ranks
  const nameRank = new Uint32Array(size);
  {
    let rank = 0;
    const rows = await db.selectFrom('search_docs').select('doc').where('directory_id', '=', directoryId).orderBy('sort_name').orderBy('doc').execute();
    for (const row of rows) nameRank[row.doc] = rank++;
  }

  // ---- postings
  const termRows: Record<string, unknown>[] = [];
  const flushTerms = async (table: 'search_terms' | 'search_prefixes', force: boolean) => {
    if (termRows.length >= 200 || (force && termRows.length > 0)) {
      await db.insertInto(table).values(termRows.splice(0) as never).execute();
    }
  };
  for (const [term, entry] of terms) {
    const all = encodePostings(entry.docs.view(), size);
    const title = entry.title === undefined ? undefined : encodePostings(entry.title.view(), size);
    termRows.push({
      directory_id: directoryId,
      term,
      df: entry.docs.length,
      surface: entry.surface,
      kind: all.kind,
      postings: all.blob,
      title_kind: title?.kind ?? null,
      title_postings: title?.blob ?? null,
    });
    await flushTerms('search_terms', false);
  }
  await flushTerms('search_terms', true);

  // prefixes of 2 and 3 letters: the union of their terms' postings
  const byPrefix = new Map<string, string[]>();
  for (const term of terms.keys()) {
    for (const length of PREFIX_LENGTHS) {
      if (term.length < length) continue;
      const prefix = term.slice(0, length);
      const list = byPrefix.get(prefix);
      if (list === undefined) byPrefix.set(prefix, [term]);
      else list.push(term);
    }
  }
  for (const [prefix, list] of byPrefix) {
    const all = emptySet(size);
    const title = emptySet(size);
    let anyTitle = false;
    for (const term of list) {
      const entry = terms.get(term)!;
      const p = encodePostings(entry.docs.view(), size);
      addPostings(all, p.kind, p.blob);
      if (entry.title !== undefined) {
        const t = encodePostings(entry.title.view(), size);
        addPostings(title, t.kind, t.blob);
        anyTitle = true;
      }
    }
    const a = encodeSet(all, size);
    const t = anyTitle ? encodeSet(title, size) : undefined;
    termRows.push({
      directory_id: directoryId,
      prefix,
      kind: a.kind,
      postings: Buffer.from(a.blob),
      title_kind: t?.kind ?? null,
      title_postings: t === undefined ? null : Buffer.from(t.blob),
    });
    await flushTerms('search_prefixes', false);
  }
  await flushTerms('search_prefixes', true);

  // ---- facet codes and sort keys
  const groups = FACET_GROUPS.map((facets, g) => ({ facets: [...facets], profiles: profiles[g]!.list, wide: profiles[g]!.list.length > 0xffff }));
  const dictionary: IndexDictionary = {
    version: INDEX_VERSION,
    size,
    facets: Object.fromEntries(Object.entries(values).map(([facet, v]) => [facet, v.entries])) as Record<FacetName, FacetEntry[]>,
    groups,
    counts: { collectivities: collectivities.length, partnerships: partnershipCount, projects: projectCount, notices: notices.length, terms: terms.size, prefixes: byPrefix.size },
    expiry,
  };
  const meta: { key: string; value: Uint8Array | string }[] = [
    // bytes on either engine (a BLOB column in SQLite, bytea in PostgreSQL)
    { key: 'dict', value: Buffer.from(JSON.stringify(dictionary)) },
    // searchers compare it on every search, and reload the index when it changed
    { key: 'stamp', value: Buffer.from(`${new Date().toISOString()} ${Math.random().toString(36).slice(2)}`) },
  ];
  groups.forEach((group, g) => {
    const array = group.wide ? Uint32Array.from(codes[g]!) : Uint16Array.from(codes[g]!);
    meta.push({ key: `codes${g}`, value: Buffer.from(array.buffer) });
  });
  meta.push({ key: 'date', value: Buffer.from(Int32Array.from(dates).buffer) });
  meta.push({ key: 'name', value: Buffer.from(nameRank.buffer) });
  for (const row of meta) await db.insertInto('search_meta').values({ directory_id: directoryId, ...row }).execute();
  // what each document counts for in the statistics of a search, read from the documents just written
  for (const row of await makeTallies(db, directoryId, size)) await db.insertInto('search_tallies').values({ directory_id: directoryId, ...row }).execute();
}
