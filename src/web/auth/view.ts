/** What the layout knows of the signed-in member: who, their forms' CSRF token, and what they may open. */
import type { Role } from '../../accounts/roles.js';

/** A record a public page shows: the members' tools link to its history (and, for editors, its edit form). */
export interface RecordRef {
  type: 'collectivity' | 'partnership' | 'project';
  id: string;
}

export interface MemberView {
  name: string;
  email: string;
  role: Role;
  /** the session's CSRF token, for the header's sign-out form */
  csrfToken: string;
  /** whether they may read this record's history (editors: any; contributors: their own records) */
  mayRead(record: RecordRef): boolean;
}
