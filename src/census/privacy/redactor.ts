/**
 * Who may see a person's coordinates — the one decision, `mayShowCoordinates` — and its two
 * applications:
 * - `redactContacts`: the census's contact lists, for a viewer (a session or nobody);
 * - `Redactor`: a whole snapshot for an audience (the site's pages, their JSON twins, its search
 *   and its exports): contacts, a collectivity's coordinates where the book printed a person's
 *   line there, and the same numbers and addresses cut out of free text (notes, descriptions…).
 *
 * Named people (`isNamedPerson`: any contact but an organisation's or a service's own line) are
 * shown with their name, role and collectivity, never with their phones, faxes, e-mails or address:
 * those are for signed-in users, unless the person consented to their publication. Institutional
 * coordinates (a collectivity's own, an organisation's) are public.
 */
import type { Collectivity, Contact, Project } from '../../model/schema.js';
import { isNamedPerson, personKey } from './named-person.js';

/** Persons whose coordinates may be published, by person key. */
export type ConsentSet = ReadonlySet<string>;

/** Whether a contact's phones, faxes, e-mails and address may be shown: to signed-in users, for a non-person, or with consent. */
export function mayShowCoordinates(contact: Pick<Contact, 'kind' | 'name' | 'organization' | 'collectivityId'>, access: { signedIn: boolean; consents: ConsentSet }): boolean {
  return access.signedIn || !isNamedPerson(contact) || access.consents.has(personKey(contact));
}

/** Who is looking: a session (any signed-in user) or nobody. */
export type Viewer = { actor?: unknown } | null | undefined;

export interface RedactedContact extends Contact {
  /** true when coordinates were withheld from this viewer */
  restricted: boolean;
}

/**
 * Contacts as `viewer` may see them: a named person's phones, faxes, e-mails and address only
 * for a signed-in viewer or with the person's consent; institutional contacts as they are.
 */
export function redactContacts(contacts: readonly Contact[], viewer: Viewer, consents: ConsentSet = new Set()): RedactedContact[] {
  const signedIn = viewer !== null && viewer !== undefined && viewer.actor !== undefined;
  return contacts.map((contact) => {
    if (mayShowCoordinates(contact, { signedIn, consents })) return { ...contact, restricted: false };
    const { phones: _p, faxes: _f, emails: _e, address: _a, ...rest } = contact;
    const hidden = [contact.phones?.length, contact.faxes?.length, contact.emails?.length, contact.address].some(Boolean);
    return { ...rest, restricted: hidden };
  });
}

/** For whom a snapshot is made: anyone, or signed-in members (who see every coordinate). */
export type Audience = 'public' | 'members';

export interface RedactorOptions {
  audience?: Audience;
  /** person keys (`personKey`) of the people who consented to the publication of their coordinates */
  consents?: ConsentSet;
}

/** What replaces a private coordinate cut out of free text. */
export const REDACTED = '[…]';

export interface PublicContact {
  name: string;
  role?: string;
  kind?: Contact['kind'];
  collectivityId?: string;
  organization?: string;
  phones?: string[];
  faxes?: string[];
  emails?: string[];
  address?: string;
  /** true when the contact is a named person whose coordinates are withheld */
  restricted: boolean;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE = /\+?\s?\(?\d[\d\s().\-/]{6,}\d/g;
/** eight digits with at most separators between: the least a phone number has (see phoneKey) */
const DIGITS = /\d(?:[\s().\-/]*\d){7}/;

/**
 * "46000 SAFI": a postcode and a town locate nobody, and are an institution's address as well
 * (the wilaya's, the region's "Hôtel de Région, 46000 Safi"): not cut out of other text.
 */
const TOWN_ONLY = /^\d{2}\s?\d{3}\s+[\p{L}' -]+$/u;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The last eight digits: enough to tell phones apart whatever the prefix (+212, 00 212, 0…). */
function phoneKey(text: string): string | undefined {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 8 ? digits.slice(-8) : undefined;
}

export class Redactor {
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();
  /** private addresses, as one pattern (any case, any run of blanks); undefined when there is none */
  private readonly addresses: RegExp | undefined;
  private readonly signedIn: boolean;
  private readonly consents: ConsentSet;

  /** `contacts`: every contact of the directory, whose private coordinates are cut out of any text */
  constructor(contacts: readonly Contact[], options: RedactorOptions = {}) {
    this.signedIn = options.audience === 'members';
    this.consents = options.consents ?? new Set();
    const addresses = new Set<string>();
    for (const contact of contacts) {
      if (!this.isHidden(contact)) continue;
      if (contact.address !== undefined && !TOWN_ONLY.test(contact.address.trim())) addresses.add(contact.address.trim());
      for (const email of contact.emails ?? []) this.emails.add(email.trim().toLowerCase().replace(/\.$/, ''));
      for (const phone of [...(contact.phones ?? []), ...(contact.faxes ?? [])]) {
        const key = phoneKey(phone);
        if (key !== undefined) this.phones.add(key);
      }
    }
    // the longest first, so that an address is cut whole rather than a shorter one inside it
    const patterns = [...addresses].sort((a, b) => b.length - a.length).map((address) => address.split(/\s+/).map(escapeRegExp).join('\\s+'));
    this.addresses = patterns.length === 0 ? undefined : new RegExp(patterns.join('|'), 'giu');
  }

  isPrivateEmail(email: string): boolean {
    return this.emails.has(email.trim().toLowerCase().replace(/\.$/, ''));
  }

  isPrivatePhone(phone: string): boolean {
    const key = phoneKey(phone);
    return key !== undefined && this.phones.has(key);
  }

  /** The text with every private e-mail, phone number and address replaced by REDACTED. */
  text(value: string): string {
    // the patterns run only where they could match something private: every excerpt of every search page comes here
    let text = value;
    if (this.addresses !== undefined) text = text.replace(this.addresses, REDACTED);
    if (this.emails.size > 0 && text.includes('@')) text = text.replace(EMAIL, (email) => (this.isPrivateEmail(email) ? REDACTED : email));
    if (this.phones.size > 0 && DIGITS.test(text)) text = text.replace(PHONE, (phone) => (this.isPrivatePhone(phone) ? REDACTED : phone));
    return text;
  }

  /** Every string of a plain value (record, list) passed through `text`. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.deep(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.deep(item)])) as T;
    }
    return value;
  }

  /** Whether this audience must not see the contact's coordinates (`mayShowCoordinates`). */
  private isHidden(contact: Contact): boolean {
    return !mayShowCoordinates(contact, { signedIn: this.signedIn, consents: this.consents });
  }

  contact(contact: Contact): PublicContact {
    if (this.isHidden(contact)) {
      const { name, role, kind, collectivityId, organization } = contact;
      return dropUndefined({ name, role, kind, collectivityId, organization, restricted: true });
    }
    return { ...this.deep(contact), restricted: false };
  }

  collectivity(collectivity: Collectivity): Collectivity {
    const keep = (values: string[] | undefined, isPrivate: (v: string) => boolean) => {
      const kept = values?.filter((v) => !isPrivate(v));
      return kept === undefined || kept.length === 0 ? undefined : kept;
    };
    return dropUndefined({
      ...this.deep(collectivity),
      phones: keep(collectivity.phones, (v) => this.isPrivatePhone(v)),
      faxes: keep(collectivity.faxes, (v) => this.isPrivatePhone(v)),
      emails: keep(collectivity.emails, (v) => this.isPrivateEmail(v)),
    });
  }

  project(project: Project): Project {
    return this.deep(project);
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
