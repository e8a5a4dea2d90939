/**
 * The privacy service: consents, a person's export and erasure. Who may see what is decided in
 * `redactor.ts` (`mayShowCoordinates`), who is a person in `named-person.ts`.
 *
 * Consents are kept apart from the records, keyed by directory and person (normalised name +
 * collectivity), so that re-importing the directory keeps them.
 *
 * An administrator can export everything the store holds about a person, and erase them. Erasure
 * removes the person's contact entries altogether — name, role and coordinates — from the live
 * records, from every stored version and from every proposal, in one transaction: a name with a
 * role is personal data too, and a version or a draft that still held it could bring it back (a
 * revert, an approval). Only a SHA-256 of the person's key remains, so that re-importing the
 * printed directory does not bring them back either; the audit keeps "person erased by X at T".
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RepertoireError } from '../../errors.js';
import type { Contact, RepertoireDocument } from '../../model/schema.js';
import { decodeJson, encodeJson } from '../../store/codec.js';
import { lockDirectoryWrites } from '../../store/directory-lock.js';
import { readDocument } from '../../store/load-document.js';
import type { PartnershipEntry } from '../../store/records/partnership.js';
import type { Database } from '../../store/tables.js';
import { currentVersions, headKey } from '../../store/versions.js';
import { listAudit, recordAudit, type AuditEvent } from '../../accounts/audit.js';
import { requireAdmin, requireEditor, type Actor } from '../../accounts/roles.js';
import { digest } from '../../accounts/tokens.js';
import { parseInput, Required } from '../../accounts/validation.js';
import { clockOf, directoryOf, type CensusDeps } from '../context.js';
import { saveRecord } from '../records.js';
import { normaliseName, personKey, withoutCivility } from './named-person.js';
import type { ConsentSet } from './redactor.js';

const PersonInput = z.object({
  directoryId: z.string().optional(),
  name: Required('Nom', 200),
  collectivityId: z.string().trim().min(1).optional(),
});
export type PersonInput = z.input<typeof PersonInput>;

const ConsentInput = PersonInput.extend({ publish: z.coerce.boolean(), note: z.string().trim().max(1000).optional() });

export interface Consent {
  personKey: string;
  name: string;
  collectivityId?: string;
  publish: boolean;
  recordedAt: string;
  recordedBy?: string;
  note?: string;
}

export interface PersonExport {
  person: { name: string; collectivityId?: string; key: string };
  exportedAt: string;
  /** every contact entry that names them, in the live records */
  contacts: { partnershipId: string; position: number; contact: Contact }[];
  /** collectivities and partnership parties whose executive they are */
  executiveOf: { recordType: 'collectivity' | 'partnership'; recordId: string; title?: string }[];
  /** project partners whose contact line names them */
  mentionedAsProjectContact: { projectId: string; partner: string; contact: string }[];
  consent?: Consent;
  /** versions of records that held their contact entry */
  versions: { recordType: string; recordId: string; version: number; createdAt: string }[];
  audit: AuditEvent[];
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;

export function createPrivacyService(deps: CensusDeps) {
  const { db } = deps;
  const now = clockOf(deps);

  return {
    /** The consents of a directory, for `redactContacts`. */
    async consents(directoryId?: string): Promise<ConsentSet> {
      const id = await directoryOf(deps, directoryId);
      const rows = await db.selectFrom('consents').select('person_key').where('directory_id', '=', id).where('publish', '=', 1).execute();
      return new Set(rows.map((row) => row.person_key));
    },

    /** Records (or withdraws) a person's consent to the publication of their coordinates. Editors. */
    async setConsent(actor: Actor | undefined, input: z.input<typeof ConsentInput>): Promise<Consent> {
      const editor = requireEditor(actor);
      const fields = parseInput(ConsentInput, input);
      const directoryId = await directoryOf(deps, fields.directoryId);
      const key = personKey(fields);
      const at = now().toISOString();
      const row = {
        directory_id: directoryId,
        person_key: key,
        name: fields.name,
        collectivity_id: fields.collectivityId ?? null,
        publish: fields.publish ? 1 : 0,
        recorded_at: at,
        recorded_by: editor.id,
        note: fields.note ?? null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('consents').where('directory_id', '=', directoryId).where('person_key', '=', key).execute();
        await trx.insertInto('consents').values(row).execute();
        await recordAudit(trx, { action: 'consent.set', actorId: editor.id, directoryId, subjectType: 'person', subjectId: key, details: { publish: fields.publish } }, now());
      });
      return consentFrom(row);
    },

    /** Everything the store holds about a person. Administrators; the export itself is audited. */
    async exportPerson(actor: Actor | undefined, input: PersonInput): Promise<PersonExport> {
      const admin = requireAdmin(actor);
      const fields = parseInput(PersonInput, input);
      const directoryId = await directoryOf(deps, fields.directoryId);
      const doc = await readDocument(db, directoryId);
      if (doc === undefined) throw new RepertoireError('not-found', 'Répertoire inconnu.', 404, { wording: { key: 'failure.directory.unknown' } });
      const key = personKey(fields);
      const matches = matcher(fields);
      const result: PersonExport = {
        person: { name: fields.name, key, ...(fields.collectivityId ? { collectivityId: fields.collectivityId } : {}) },
        exportedAt: now().toISOString(),
        contacts: [],
        executiveOf: [],
        mentionedAsProjectContact: [],
        versions: [],
        audit: [],
      };
      for (const p of doc.partnerships) {
        (p.contacts ?? []).forEach((contact, position) => {
          if (matches(contact)) result.contacts.push({ partnershipId: p.id, position, contact });
        });
        for (const party of p.parties) {
          if (party.executive && normaliseName(party.executive.name) === normaliseName(fields.name)) {
            result.executiveOf.push({ recordType: 'partnership', recordId: p.id, ...(party.executive.title ? { title: party.executive.title } : {}) });
          }
        }
        for (const project of p.projects ?? []) {
          for (const partner of project.partners ?? []) {
            if (partner.contact && normaliseName(partner.contact).includes(normaliseName(fields.name))) {
              result.mentionedAsProjectContact.push({ projectId: project.id, partner: partner.name, contact: partner.contact });
            }
          }
        }
      }
      for (const c of doc.collectivities) {
        if (c.executive && normaliseName(c.executive.name) === normaliseName(fields.name)) {
          result.executiveOf.push({ recordType: 'collectivity', recordId: c.id, ...(c.executive.title ? { title: c.executive.title } : {}) });
        }
      }
      const consent = await db.selectFrom('consents').selectAll().where('directory_id', '=', directoryId).where('person_key', '=', key).executeTakeFirst();
      if (consent !== undefined) result.consent = consentFrom(consent);
      const versions = await db.selectFrom('record_versions').selectAll().where('directory_id', '=', directoryId).where('record_type', '=', 'partnership').execute();
      for (const v of versions) {
        const data = decodeJson<PartnershipEntry>(v.data);
        if (data?.contacts?.some(matches)) result.versions.push({ recordType: v.record_type, recordId: v.record_id, version: v.version, createdAt: v.created_at });
      }
      result.audit = await listAudit(db, { subjectType: 'person', subjectId: key, limit: 1000 });
      await recordAudit(db, { action: 'person.export', actorId: admin.id, directoryId, subjectType: 'person', subjectId: key }, now());
      return result;
    },

    /**
     * Erases a person: their contact entries leave the live partnerships (each a new version),
     * every stored version and every proposal; their consent and the audit events about them go;
     * a digest of their key stops re-imports from bringing them back. One transaction.
     */
    async erasePerson(actor: Actor | undefined, input: PersonInput): Promise<{ contacts: number; versions: number; proposals: number }> {
      const admin = requireAdmin(actor);
      const fields = parseInput(PersonInput, input);
      const directoryId = await directoryOf(deps, fields.directoryId);
      const key = personKey(fields);
      const keyHash = digest(key);
      const matches = matcher(fields);
      const at = now();
      return db.transaction().execute(async (trx) => {
        // Before reading: an import running now finishes first, and what is erased is what it left.
        await lockDirectoryWrites(trx, directoryId);
        const doc = await readDocument(trx, directoryId);
        if (doc === undefined) throw new RepertoireError('not-found', 'Répertoire inconnu.', 404, { wording: { key: 'failure.directory.unknown' } });
        const heads = await currentVersions(trx, directoryId);
        let contacts = 0;
        for (const p of doc.partnerships) {
          const kept = (p.contacts ?? []).filter((c) => !matches(c));
          if (kept.length === (p.contacts ?? []).length) continue;
          contacts += (p.contacts ?? []).length - kept.length;
          const { projects: _projects, ...entry } = p;
          const data: PartnershipEntry = { ...entry, contacts: kept };
          if (kept.length === 0) delete data.contacts;
          // The live record without them: a new version (an edit, by the administrator).
          await saveRecord(trx, directoryId, { recordType: 'partnership', recordId: p.id, data }, {
            baseVersion: heads.get(headKey('partnership', p.id))?.version ?? 0,
            origin: { kind: 'edit', ref: 'effacement de données personnelles', userId: admin.id },
            now: at,
          });
        }
        // Older versions: the contact goes from every one that held it (what a revert could bring back).
        let versions = 0;
        const rows = await trx.selectFrom('record_versions').selectAll().where('directory_id', '=', directoryId).where('record_type', '=', 'partnership').execute();
        for (const v of rows) {
          const data = decodeJson<PartnershipEntry>(v.data);
          if (!data?.contacts?.some(matches)) continue;
          versions += 1;
          const cleaned = { ...data, contacts: data.contacts.filter((c) => !matches(c)) };
          if (cleaned.contacts.length === 0) delete (cleaned as Partial<PartnershipEntry>).contacts;
          await trx
            .updateTable('record_versions')
            .set({ data: encodeJson(cleaned) })
            .where('directory_id', '=', directoryId)
            .where('record_type', '=', v.record_type)
            .where('record_id', '=', v.record_id)
            .where('version', '=', v.version)
            .execute();
        }
        let proposals = 0;
        const drafts = await trx.selectFrom('proposals').selectAll().where('directory_id', '=', directoryId).where('record_type', '=', 'partnership').execute();
        for (const proposal of drafts) {
          const data = decodeJson<PartnershipEntry>(proposal.data);
          const base = decodeJson<PartnershipEntry>(proposal.base_data);
          if (!data?.contacts?.some(matches) && !base?.contacts?.some(matches)) continue;
          proposals += 1;
          const strip = (record: PartnershipEntry | undefined) => (record === undefined ? null : encodeJson({ ...record, contacts: (record.contacts ?? []).filter((c) => !matches(c)) }));
          await trx.updateTable('proposals').set({ data: strip(data), base_data: strip(base) }).where('id', '=', proposal.id).execute();
        }
        await trx.deleteFrom('consents').where('directory_id', '=', directoryId).where('person_key', '=', key).execute();
        // Audit events about them lose what named them; the erasure itself is recorded without the name.
        await trx.updateTable('audit_events').set({ subject_id: 'effacé', details: null }).where('subject_type', '=', 'person').where('subject_id', '=', key).execute();
        await trx.deleteFrom('erasures').where('directory_id', '=', directoryId).where('key_hash', '=', keyHash).execute();
        await trx.insertInto('erasures').values({ directory_id: directoryId, key_hash: keyHash, erased_at: at.toISOString(), erased_by: admin.id }).execute();
        await recordAudit(trx, { action: 'person.erase', actorId: admin.id, directoryId, subjectType: 'person', subjectId: 'effacé', details: { contacts, versions, proposals } }, at);
        return { contacts, versions, proposals };
      });
    },
  };
}

/** Which contact entries name the person: same normalised name, and same collectivity when one is given. */
function matcher(person: { name: string; collectivityId?: string | undefined }): (contact: Contact) => boolean {
  const name = normaliseName(person.name);
  return (contact) => normaliseName(contact.name) === name && (person.collectivityId === undefined || contact.collectivityId === person.collectivityId);
}

/** The document without the contact entries of erased people (an import must not bring them back). */
export async function withoutErased(db: Kysely<Database>, directoryId: string, doc: RepertoireDocument): Promise<RepertoireDocument> {
  const rows = await db.selectFrom('erasures').select('key_hash').where('directory_id', '=', directoryId).execute();
  if (rows.length === 0) return doc;
  const erased = new Set(rows.map((row) => row.key_hash));
  const keys = (contact: Contact) => [personKey(contact), personKey({ name: contact.name }), ...asciiPersonKeys(contact)];
  const isErased = (contact: Contact) => keys(contact).some((key) => erased.has(digest(key)));
  return {
    ...doc,
    partnerships: doc.partnerships.map((p) => {
      if (!p.contacts?.some(isErased)) return p;
      const contacts = p.contacts.filter((c) => !isErased(c));
      const { contacts: _c, ...rest } = p;
      return contacts.length === 0 ? rest : { ...rest, contacts };
    }),
  };
}

/**
 * The person keys erasures recorded before names were folded by `foldKey`: ASCII words only
 * (accents stripped, every other letter a space — "Cœur" was "c ur", an Arabic name nothing).
 * Frozen here, not a second folding: only a stored digest of such a key still names those people,
 * and a re-import must not bring them back.
 */
function asciiPersonKeys(contact: Contact): string[] {
  const words = withoutCivility(contact.name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());
  return [`${words}|${contact.collectivityId ?? ''}`, `${words}|`];
}

function consentFrom(row: { person_key: string; name: string; collectivity_id: string | null; publish: number; recorded_at: string; recorded_by: string | null; note: string | null }): Consent {
  const consent: Consent = { personKey: row.person_key, name: row.name, publish: Boolean(row.publish), recordedAt: row.recorded_at };
  if (row.collectivity_id !== null) consent.collectivityId = row.collectivity_id;
  if (row.recorded_by !== null) consent.recordedBy = row.recorded_by;
  if (row.note !== null) consent.note = row.note;
  return consent;
}
