/**
 * Who may see what. Contacts who are named people (the census's `isNamedPerson`: any contact but
 * an organisation's or a service's own line) are shown to the public with their name, role and collectivity,
 * never with their phones, faxes, e-mails or address: those are for signed-in members, unless
 * the person consented to their publication (the census's consents; the decision is the census
 * service's `redactContacts`). Institutional coordinates (a collectivity's own, an
 * organisation's) are public.
 *
 * Applied to every record as the site reads it (`records.ts`), so that every page and its JSON
 * twin are built from data that no longer holds the private coordinates. The same
 * numbers and addresses are also cut out of free text (notes, descriptions…) and out of a
 * collectivity's coordinates where the book printed a person's line there.
 */
import { isNamedPerson, personKey, redactContacts } from '../../census/privacy.js';
import type { Collectivity, Contact, Project } from '../../model/schema.js';

/** For whom a snapshot is made: anyone, or signed-in members (who see every coordinate). */
export type Audience = 'public' | 'members';

export interface RedactorOptions {
  audience?: Audience;
  /** person keys (census `personKey`) of the people who consented to the publication of their coordinates */
  consents?: ReadonlySet<string>;
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
  private readonly viewer: { actor?: unknown } | undefined;
  private readonly consents: ReadonlySet<string>;

  /** `contacts`: every contact of the directory, whose private coordinates are cut out of any text */
  constructor(contacts: readonly Contact[], options: RedactorOptions = {}) {
    this.viewer = options.audience === 'members' ? { actor: 'member' } : undefined;
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

  /** Whether this viewer must not see the contact's coordinates (a named person, not published). */
  private isHidden(contact: Contact): boolean {
    if (!isNamedPerson(contact)) return false;
    if (this.viewer !== undefined) return false;
    return !this.consents.has(personKey(contact));
  }

  contact(contact: Contact): PublicContact {
    if (this.isHidden(contact)) {
      const { name, role, kind, collectivityId, organization } = contact;
      return dropUndefined({ name, role, kind, collectivityId, organization, restricted: true });
    }
    const [shown] = redactContacts([contact], this.viewer, this.consents);
    return { ...this.deep(shown ?? contact), restricted: false };
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
