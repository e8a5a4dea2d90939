/**
 * Partnerships with their lists (parties, domains, budgets, contacts). Projects are records of
 * their own (`project.ts`): a partnership here is everything but its projects.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Contact, Money, Partnership, PartyBudget, Party } from '../../model/schema.js';
import { decodeJson, encodeJson, orNull, orUndefined, present } from '../codec.js';
import type { ContactTable, Database, MoneyColumns, PartnershipBudgetTable, PartnershipPartyTable } from '../tables.js';
import { executiveFrom, groupBy, moneyColumns, moneyFrom, sourceColumns, sourceFrom } from './columns.js';
import type { RecordKind } from './kind.js';
import { CHUNK, chunks } from './writer.js';

export type PartnershipEntry = Omit<Partnership, 'projects'>;

export const partnershipKind: RecordKind<PartnershipEntry> = {
  table: 'partnerships',
  key: 'id',
  children: ['partnership_parties', 'partnership_domains', 'partnership_budgets', 'contacts'],
  childKey: 'partnership_id',
  keyOf: (partnership) => partnership.id,
  rows: (directoryId, { record: p, position }) => {
    const child = (index: number) => ({ directory_id: directoryId, partnership_id: p.id, position: index });
    return {
      partnerships: [
        {
          directory_id: directoryId,
          id: p.id,
          position,
          tier: p.tier,
          section: orNull(p.section),
          legal_framework: orNull(p.legalFramework),
          framework_kind: orNull(p.frameworkKind),
          date_text: orNull(p.dateText),
          signed_date: orNull(p.signedDate),
          history: orNull(p.history),
          domains_text: orNull(p.domainsText),
          human_resources: encodeJson(p.humanResources),
          other_partnerships: encodeJson(p.otherPartnerships),
          notes: encodeJson(p.notes),
          ...sourceColumns(p.source),
        },
      ],
      partnership_parties: p.parties.map((party, i) => ({
        ...child(i),
        collectivity_id: party.collectivityId,
        country: party.country,
        executive_name: orNull(party.executive?.name),
        executive_title: orNull(party.executive?.title),
        executive_civility: orNull(party.executive?.civility),
      })),
      partnership_domains: (p.domains ?? []).map((code, i) => ({ ...child(i), domain_code: code })),
      partnership_budgets: (p.budgets ?? []).map((budget, i) => ({
        ...child(i),
        ...moneyColumns(budget.amount),
        collectivity_id: orNull(budget.collectivityId),
        period: orNull(budget.period),
        text: orNull(budget.text),
      })),
      contacts: (p.contacts ?? []).map((contact, i) => ({
        ...child(i),
        name: contact.name,
        civility: orNull(contact.civility),
        role: orNull(contact.role),
        kind: orNull(contact.kind),
        collectivity_id: orNull(contact.collectivityId),
        organization: orNull(contact.organization),
        phones: encodeJson(contact.phones),
        faxes: encodeJson(contact.faxes),
        emails: encodeJson(contact.emails),
        address: orNull(contact.address),
      })),
    };
  },
};

/**
 * The directory's partnerships, in order, without their projects; or only those of `ids` (the
 * site reads a page's records this way), in the directory's order.
 */
export async function readPartnerships(db: Kysely<Database>, directoryId: string, ids?: readonly string[]): Promise<PartnershipEntry[]> {
  if (ids !== undefined && ids.length > CHUNK) return (await Promise.all(chunks(ids).map((slice) => readPartnerships(db, directoryId, slice)))).flat();
  if (ids?.length === 0) return [];
  const some = ids !== undefined;
  const [rows, parties, domains, budgets, contacts] = await Promise.all([
    db
      .selectFrom('partnerships')
      .selectAll()
      .where('directory_id', '=', directoryId)
      .$if(some, (q) => q.where('id', 'in', ids!))
      .orderBy('position')
      .execute(),
    db.selectFrom('partnership_parties').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('partnership_id', 'in', ids!)).orderBy('partnership_id').orderBy('position').execute(),
    db.selectFrom('partnership_domains').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('partnership_id', 'in', ids!)).orderBy('partnership_id').orderBy('position').execute(),
    db.selectFrom('partnership_budgets').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('partnership_id', 'in', ids!)).orderBy('partnership_id').orderBy('position').execute(),
    db.selectFrom('contacts').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('partnership_id', 'in', ids!)).orderBy('partnership_id').orderBy('position').execute(),
  ]);
  const byPartnership = (row: { partnership_id: string }) => row.partnership_id;
  const partiesOf = groupBy(parties, byPartnership, partyFrom);
  const domainsOf = groupBy(domains, byPartnership, (row) => row.domain_code);
  const budgetsOf = groupBy(budgets, byPartnership, budgetFrom);
  const contactsOf = groupBy(contacts, byPartnership, contactFrom);

  // Enum-typed columns are cast here and checked when the whole document is validated on load.
  return rows.map((row) =>
    present({
      id: row.id,
      tier: row.tier as Partnership['tier'],
      section: orUndefined(row.section),
      parties: partiesOf.get(row.id) ?? [],
      legalFramework: orUndefined(row.legal_framework),
      frameworkKind: orUndefined(row.framework_kind) as Partnership['frameworkKind'],
      dateText: orUndefined(row.date_text),
      signedDate: orUndefined(row.signed_date),
      history: orUndefined(row.history),
      domainsText: orUndefined(row.domains_text),
      domains: domainsOf.get(row.id),
      budgets: budgetsOf.get(row.id),
      humanResources: decodeJson<string[]>(row.human_resources),
      otherPartnerships: decodeJson<string[]>(row.other_partnerships),
      contacts: contactsOf.get(row.id),
      notes: decodeJson<string[]>(row.notes),
      source: sourceFrom(row),
    }),
  );
}

function partyFrom(row: Selectable<PartnershipPartyTable>): Party {
  const executive = executiveFrom(row.executive_name, row.executive_title, row.executive_civility);
  return present({ collectivityId: row.collectivity_id, country: row.country, executive });
}

function budgetFrom(row: Selectable<PartnershipBudgetTable>): PartyBudget {
  return present({
    collectivityId: orUndefined(row.collectivity_id),
    amount: requiredMoney(row),
    period: orUndefined(row.period),
    text: orUndefined(row.text),
  });
}

function requiredMoney(row: MoneyColumns): Money {
  const money = moneyFrom(row);
  if (money === undefined) throw new Error('partnership_budgets row without amount (the column is NOT NULL)');
  return money;
}

function contactFrom(row: Selectable<ContactTable>): Contact {
  return present({
    name: row.name,
    civility: orUndefined(row.civility),
    role: orUndefined(row.role),
    kind: orUndefined(row.kind) as Contact['kind'],
    collectivityId: orUndefined(row.collectivity_id),
    organization: orUndefined(row.organization),
    phones: decodeJson<string[]>(row.phones),
    faxes: decodeJson<string[]>(row.faxes),
    emails: decodeJson<string[]>(row.emails),
    address: orUndefined(row.address),
  });
}

/** Every contact of the directory's partnerships (the site's privacy rules need them all). */
export async function readContacts(db: Kysely<Database>, directoryId: string): Promise<Contact[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('directory_id', '=', directoryId).execute();
  return rows.map(contactFrom);
}
