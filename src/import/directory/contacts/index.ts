/** The contacts reader of the directory import: see read-contacts.ts. */
export { readContacts } from './read-contacts.js';
export type { ContactsReading, InstitutionDetails, ReadContactsOptions } from './types.js';
