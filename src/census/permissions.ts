/**
 * What a contributor may propose changes to: their collectivity; the partnerships it is a party
 * to; those partnerships' projects (and new projects in them); a new partnership it is a party
 * to. Editors and administrators may change anything. The services check this themselves: a
 * page that hides a button is not a permission.
 */
import type { RepertoireDocument } from '../model/schema.js';
import { forbidden, isEditor, type Actor } from '../accounts/roles.js';
import type { PartnershipEntry } from '../store/records/partnership.js';
import type { RecordData, RecordType } from './records.js';

export interface Target {
  recordType: RecordType;
  recordId: string;
  /** a project's partnership */
  parentId?: string;
  /** the proposed content (for a new partnership: its parties) */
  data?: RecordData;
}

/** The partnerships a collectivity is a party to. */
export function partnershipsOf(doc: RepertoireDocument, collectivityId: string): string[] {
  return doc.partnerships.filter((p) => p.parties.some((party) => party.collectivityId === collectivityId)).map((p) => p.id);
}

/** Whether the actor may propose this change (editors: always). `doc` is the directory as it stands. */
export function mayPropose(actor: Actor, doc: RepertoireDocument, directoryId: string, target: Target): boolean {
  if (isEditor(actor)) return true;
  if (actor.role !== 'contributor' || actor.collectivityId === undefined || actor.directoryId !== directoryId) return false;
  const own = actor.collectivityId;
  const isParty = (partnershipId: string | undefined) =>
    partnershipId !== undefined && (doc.partnerships.find((p) => p.id === partnershipId)?.parties.some((party) => party.collectivityId === own) ?? false);
  switch (target.recordType) {
    case 'domain':
      return false;
    case 'collectivity':
      return target.recordId === own;
    case 'partnership': {
      const exists = doc.partnerships.some((p) => p.id === target.recordId);
      const staysParty = target.data === undefined || (target.data as PartnershipEntry).parties.some((party) => party.collectivityId === own);
      return (exists ? isParty(target.recordId) : true) && staysParty;
    }
    case 'project': {
      const current = doc.partnerships.find((p) => p.projects?.some((q) => q.id === target.recordId));
      return isParty(current?.id ?? target.parentId);
    }
  }
}

export function assertMayPropose(actor: Actor, doc: RepertoireDocument, directoryId: string, target: Target): void {
  if (!mayPropose(actor, doc, directoryId, target)) {
    throw forbidden('Vous ne pouvez proposer de modification que pour votre collectivité, ses partenariats et leurs projets.', 'failure.forbidden.ownRecords');
  }
}
