/**
 * Public exports (the site's): the rows and documents passed through the one `Redactor`
 * (src/census/privacy/redactor.ts, which decides), so that named people's coordinates are cut out
 * exactly as on the public pages and their JSON twins. This file only maps a row's cells to a
 * contact and back; the site passes its public snapshot's Redactor (built with the consents):
 * - contacts: a named person who did not consent keeps name, role, kind, collectivity and
 *   organisation, never phones, faxes, e-mails or address;
 * - collectivities: a phone, fax or e-mail that is such a person's is dropped from the lists;
 * - every other text (descriptions, notes, funding lines…): such phones and e-mails become `[…]`.
 * The CLI exports for the editors pass no redactor and write everything.
 */
import type { Collectivity, Contact, Partnership, RepertoireDocument } from '../model/schema.js';
import type { Redactor } from '../census/privacy/index.js';
import { LIST_SEPARATOR, type Cell, type Row, type TableName } from './cells.js';

/** What the writers need of the site's Redactor. */
export type ExportRedactor = Pick<Redactor, 'contact' | 'collectivity' | 'deep' | 'text' | 'isPrivatePhone' | 'isPrivateEmail'>;

const items = (cell: Cell): string[] | undefined => (typeof cell === 'string' && cell !== '' ? cell.split(LIST_SEPARATOR) : undefined);
const joinedCell = (values: readonly string[] | undefined): string | null => (values === undefined || values.length === 0 ? null : values.join(LIST_SEPARATOR));

function textCells(row: Row, redactor: ExportRedactor): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [name, value] of Object.entries(row)) out[name] = typeof value === 'string' ? redactor.text(value) : value;
  return out;
}

/** A row of a spreadsheet table (tables.ts) as the public may see it. */
export function redactRow(table: TableName, row: Row, redactor: ExportRedactor): Row {
  if (table === 'contacts') {
    const contact = {
      name: String(row.name ?? ''),
      ...(row.role !== null && row.role !== undefined ? { role: String(row.role) } : {}),
      ...(row.kind !== null && row.kind !== undefined ? { kind: String(row.kind) as Contact['kind'] } : {}),
      ...(row.collectivity_id !== null && row.collectivity_id !== undefined ? { collectivityId: String(row.collectivity_id) } : {}),
      ...(row.organization !== null && row.organization !== undefined ? { organization: String(row.organization) } : {}),
      ...(items(row.phones ?? null) ? { phones: items(row.phones ?? null) } : {}),
      ...(items(row.faxes ?? null) ? { faxes: items(row.faxes ?? null) } : {}),
      ...(items(row.emails ?? null) ? { emails: items(row.emails ?? null) } : {}),
      ...(row.address !== null && row.address !== undefined ? { address: String(row.address) } : {}),
    } as Contact;
    const shown = redactor.contact(contact);
    return {
      ...textCells(row, redactor),
      phones: joinedCell(shown.phones),
      faxes: joinedCell(shown.faxes),
      emails: joinedCell(shown.emails),
      address: shown.address ?? null,
    };
  }
  const out = textCells(row, redactor);
  if (table === 'collectivities') {
    const keep = (cell: Cell, isPrivate: (value: string) => boolean) => joinedCell(items(cell)?.filter((value) => !isPrivate(value)));
    out.phones = keep(row.phones ?? null, (v) => redactor.isPrivatePhone(v));
    out.faxes = keep(row.faxes ?? null, (v) => redactor.isPrivatePhone(v));
    out.emails = keep(row.emails ?? null, (v) => redactor.isPrivateEmail(v));
  }
  return out;
}

/** The interchange document as the public may see it (what the site's JSON twins show). */
export function redactDocument(doc: RepertoireDocument, redactor: ExportRedactor): RepertoireDocument {
  const collectivities: Collectivity[] = doc.collectivities.map((c) => redactor.collectivity(c));
  const partnerships: Partnership[] = doc.partnerships.map(({ contacts, ...rest }) => {
    const partnership: Partnership = redactor.deep(rest) as Partnership;
    if (contacts !== undefined) {
      partnership.contacts = contacts.map((c) => {
        const { restricted: _restricted, ...shown } = redactor.contact(c);
        return shown as Contact;
      });
    }
    return partnership;
  });
  return { ...redactor.deep({ ...doc, collectivities: [], partnerships: [] }), collectivities, partnerships };
}
