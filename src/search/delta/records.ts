/**
 * Which documents a change touches, and those documents re-made from the store by the build's
 * functions (documents.ts), with only the rows they need (a few indexed reads, not a pass over
 * the directory).
 */
import type { Kysely } from 'kysely';
import { defaultProfiles } from '../../profiles/profiles.js';
import type { Database } from '../../store/tables.js';
import { dateKey } from '../build.js';
import {
  COLLECTIVITY_COLUMNS,
  NOTICE_COLUMNS,
  PARTNERSHIP_COLUMNS,
  PROJECT_COLUMNS,
  collectivityDocument,
  noticeDocument,
  partnershipDocument,
  projectDocument,
  type DocInput,
  type DocVocabulary,
} from '../documents.js';

/** A changed record, as the audit log names it (`subject_type`, `subject_id`). */
export interface RecordRef {
  type: string;
  id: string;
}

export type DocType = 'collectivity' | 'partnership' | 'project' | 'notice';

/** The delta cannot take this change: the index is to be rebuilt. */
export class NeedsRebuild extends Error {}

const CHUNK = 500;

/** `read` over `ids` by chunks of bound parameters. */
async function chunked<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * The records whose documents change: the changed ones; a partnership's projects (its title and
 * facets are theirs) and parties (their facets count its decade and domains); a collectivity's
 * partnerships and theirs, its notices and the projects it funds (its name is on them).
 */
export async function affectedRecords(db: Kysely<Database>, directoryId: string, changes: readonly RecordRef[], limit: number): Promise<Map<DocType, Set<string>>> {
  const out = new Map<DocType, Set<string>>((['collectivity', 'partnership', 'project', 'notice'] as const).map((type) => [type, new Set<string>()]));
  const add = (type: DocType, ids: Iterable<string>) => {
    for (const id of ids) out.get(type)!.add(id);
    const size = [...out.values()].reduce((n, set) => n + set.size, 0);
    if (size > limit) throw new NeedsRebuild(`a change touching more than ${limit} documents`);
  };
  const byType = (type: string) => [...new Set(changes.filter((c) => c.type === type).map((c) => c.id))];
  const other = changes.find((c) => !['collectivity', 'partnership', 'project', 'notice'].includes(c.type));
  if (other !== undefined) throw new NeedsRebuild(`a change to a ${other.type}`);
  const collectivities = byType('collectivity');
  add('collectivity', collectivities);
  add('notice', byType('notice'));
  add('project', byType('project'));
  const partnerships = new Set(byType('partnership'));
  const ofCollectivities = await chunked(collectivities, (chunk) =>
    db.selectFrom('partnership_parties').select('partnership_id').where('directory_id', '=', directoryId).where('collectivity_id', 'in', chunk).execute(),
  );
  for (const row of ofCollectivities) partnerships.add(row.partnership_id);
  add('partnership', partnerships);
  const notices = await chunked(collectivities, (chunk) => db.selectFrom('partner_notices').select('id').where('directory_id', '=', directoryId).where('collectivity_id', 'in', chunk).execute());
  add('notice', notices.map((row) => row.id));
  const funded = await chunked(collectivities, (chunk) =>
    db.selectFrom('funding_lines').select('project_id').where('directory_id', '=', directoryId).where('funder_collectivity_id', 'in', chunk).execute(),
  );
  add('project', funded.map((row) => row.project_id));
  const projects = await chunked([...partnerships], (chunk) => db.selectFrom('projects').select('id').where('directory_id', '=', directoryId).where('partnership_id', 'in', chunk).execute());
  add('project', projects.map((row) => row.id));
  const parties = await chunked([...partnerships], (chunk) =>
    db.selectFrom('partnership_parties').select('collectivity_id').where('directory_id', '=', directoryId).where('partnership_id', 'in', chunk).execute(),
  );
  add('collectivity', parties.map((row) => row.collectivity_id));
  return out;
}

/** A re-made document, with a notice's last day. */
export interface Made {
  doc: DocInput;
  until?: number;
}

/** The vocabulary of a delta, but for the collectivities: those the documents name are read with them. */
export type RecordVocabulary = Omit<DocVocabulary, 'collectivityById'>;

/**
 * The records' documents as the build would make them now; a record that is gone (or a notice no
 * longer approved) has none. The rows they need are read first, then the collectivities they name
 * (parties, funders, publishers): a few, not the directory's every collectivity.
 */
export async function makeRecordDocuments(db: Kysely<Database>, directoryId: string, base: RecordVocabulary, records: Map<DocType, Set<string>>): Promise<Map<DocType, Map<string, Made>>> {
  const out = new Map<DocType, Map<string, Made>>();
  const put = (type: DocType, id: string, made: Made) => {
    const list = out.get(type) ?? new Map<string, Made>();
    list.set(id, made);
    out.set(type, list);
  };
  const group = <R, K extends keyof R>(rows: R[], key: K) => {
    const map = new Map<R[K], R[]>();
    for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
    return map;
  };
  const where = (table: 'partnership_parties' | 'partnership_domains', chunk: string[]) =>
    db.selectFrom(table).selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', chunk).orderBy('partnership_id').orderBy('position');

  const projects = await chunked([...records.get('project')!], (chunk) =>
    db.selectFrom('projects').select([...PROJECT_COLUMNS]).where('directory_id', '=', directoryId).where('id', 'in', chunk).execute(),
  );
  const partnershipIds = [...new Set([...records.get('partnership')!, ...projects.map((p) => p.partnership_id)])];
  const partnerships = await chunked(partnershipIds, (chunk) =>
    db.selectFrom('partnerships').select([...PARTNERSHIP_COLUMNS]).where('directory_id', '=', directoryId).where('id', 'in', chunk).execute(),
  );
  const partyRows = await chunked(partnershipIds, (chunk) => where('partnership_parties', chunk).execute());
  const parties = group(partyRows, 'partnership_id');
  const domains = group(await chunked(partnershipIds, (chunk) => where('partnership_domains', chunk).execute()), 'partnership_id');
  const projectIds = projects.map((p) => p.id);
  const related = async (table: 'project_domains' | 'funding_lines' | 'project_partners') =>
    await chunked(projectIds, (chunk) =>
      db.selectFrom(table).selectAll().where('directory_id', '=', directoryId).where('project_id', 'in', chunk).orderBy('project_id').orderBy('position').execute(),
    );
  const fundingRows = (await related('funding_lines')) as { project_id: string; funder: string; funder_collectivity_id: string | null }[];
  const [projectDomains, funding, partners] = [group(await related('project_domains'), 'project_id'), group(fundingRows, 'project_id'), group(await related('project_partners'), 'project_id')];
  const notices = await chunked([...records.get('notice')!], (chunk) =>
    db.selectFrom('partner_notices').select([...NOTICE_COLUMNS]).where('directory_id', '=', directoryId).where('status', '=', 'approved').where('id', 'in', chunk).execute(),
  );
  const named = new Set([
    ...records.get('collectivity')!,
    ...partyRows.map((row) => row.collectivity_id),
    ...fundingRows.flatMap((row) => (row.funder_collectivity_id === null ? [] : [row.funder_collectivity_id])),
    ...notices.map((n) => n.collectivity_id),
  ]);
  const collectivityRows = await chunked([...named], (chunk) =>
    db.selectFrom('collectivities').select([...COLLECTIVITY_COLUMNS]).where('directory_id', '=', directoryId).where('id', 'in', chunk).execute(),
  );
  const v: DocVocabulary = { ...base, collectivityById: new Map(collectivityRows.map((c) => [c.id, c])) };

  const parents = new Map<string, { title: string; facets: DocInput['facets']; signedDate: string | null }>();
  for (const p of partnerships) {
    const made = partnershipDocument(v, p, parties.get(p.id) ?? [], (domains.get(p.id) ?? []).map((d) => d.domain_code));
    parents.set(p.id, { title: made.title, facets: made.facets, signedDate: p.signed_date });
    if (records.get('partnership')!.has(p.id)) put('partnership', p.id, { doc: made.doc });
  }

  for (const p of projects) {
    const parent = parents.get(p.partnership_id);
    const doc = projectDocument(
      v,
      p,
      { title: parent?.title, facets: parent?.facets, signedDate: parent?.signedDate },
      {
        domains: (projectDomains.get(p.id) ?? []).map((d) => (d as { domain_code: string }).domain_code),
        funding: funding.get(p.id) ?? [],
        partners: (partners.get(p.id) ?? []).map((r) => (r as { name: string }).name),
      },
    );
    put('project', p.id, { doc });
  }

  const collectivityIds = [...records.get('collectivity')!];
  const changed = new Set(collectivityIds);
  const collectivities = collectivityRows.filter((c) => changed.has(c.id));
  const theirParties = await chunked(collectivityIds, (chunk) =>
    db.selectFrom('partnership_parties').select(['collectivity_id', 'partnership_id']).where('directory_id', '=', directoryId).where('collectivity_id', 'in', chunk).execute(),
  );
  const theirIds = [...new Set(theirParties.map((row) => row.partnership_id))];
  const signed = new Map(
    (await chunked(theirIds, (chunk) => db.selectFrom('partnerships').select(['id', 'signed_date']).where('directory_id', '=', directoryId).where('id', 'in', chunk).execute())).map((row) => [
      row.id,
      row.signed_date,
    ]),
  );
  const theirDomains = group(await chunked(theirIds, (chunk) => where('partnership_domains', chunk).execute()), 'partnership_id');
  const partnershipsOf = group(theirParties, 'collectivity_id');
  for (const c of collectivities) {
    const ofIt = (partnershipsOf.get(c.id) ?? []).map((row) => ({ signedDate: signed.get(row.partnership_id), domains: (theirDomains.get(row.partnership_id) ?? []).map((d) => d.domain_code) }));
    put('collectivity', c.id, { doc: collectivityDocument(v, c, ofIt) });
  }

  const profiles = defaultProfiles();
  for (const n of notices) put('notice', n.id, { doc: noticeDocument(v, n, profiles), until: dateKey(n.until) });
  return out;
}
