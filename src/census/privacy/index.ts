/**
 * Personal data, one module below the site and the exports: who is a person (`named-person.ts`,
 * its words in `person-words.ts`), who may see their coordinates (`redactor.ts`), and the census's
 * consents, exports and erasures (`service.ts`). The site and the exports only call it.
 */
export { isNamedPerson, normaliseName, personKey } from './named-person.js';
export { PERSON_WORDS, type PersonWords } from './person-words.js';
export {
  mayShowCoordinates,
  redactContacts,
  Redactor,
  REDACTED,
  type Audience,
  type ConsentSet,
  type PublicContact,
  type RedactedContact,
  type RedactorOptions,
  type Viewer,
} from './redactor.js';
export { createPrivacyService, withoutErased, type Consent, type PersonExport, type PersonInput, type PrivacyService } from './service.js';
