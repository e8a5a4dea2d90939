/**
 * The Arabic catalogue: fr.ts's keys in Arabic, with the six plural forms of CLDR for counts
 * (`.zero`, `.one`, `.two`, `.few`, `.many`, `.other`; see index.ts). `catalogues.test.ts` lists any
 * key missing or unused.
 * Size: a catalogue, one string a line: it grows with the site's pages, not with logic.
 */
import { membersAr } from '../auth/messages-ar.js';
import type { Translation } from './fr.js';

export const ar = {
  ...membersAr,
} as const satisfies Translation;
