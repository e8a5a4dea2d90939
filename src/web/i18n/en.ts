/**
 * The English catalogue: fr.ts's keys in English (see index.ts; `catalogues.test.ts` lists any key
 * missing or unused).
 * Size: a catalogue, one string a line: it grows with the site's pages, not with logic.
 */
import { membersEn } from '../auth/messages-en.js';
import type { Translation } from './fr.js';

export const en = {
  ...membersEn,
} as const satisfies Translation;
