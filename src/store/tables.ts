/**
 * Row types of the store's tables, for Kysely. Column names are snake_case; the record modules
 * under `records/` translate between these rows and the model's records.
 *
 * Every record table is scoped by `directory_id`: the store can hold several directory editions,
 * and ids are stable slugs within one. Lists keep their order in `position` columns.
 * Size: the row type of every table of the store, one interface each: a declaration list that grows with the schema, no logic.
 */
import type { Generated } from 'kysely';

/** JSON text on SQLite (jsonb on PostgreSQL later); only `codec.ts` reads or writes it. */
export type Json = string;
/** A boolean stored as 0/1; null when the field is absent. */
export type Flag = number;

export interface DirectoryTable {
  id: string;
  /** 1 when the document gave the id; 0 when the store derived it (then exports omit it) */
  explicit_id: Flag;
  title: string;
  countries: Json;
  edition: string | null;
  publishers: Json | null;
  language: string | null;
  source: Json | null;
}

export interface DomainTable {
  directory_id: string;
  code: string;
  label: string;
  parent: string | null;
  position: number;
  /** migration 0011: codes merged into this domain (JSON list) */
  aliases: Json | null;
}

export interface CollectivityTable {
  directory_id: string;
  id: string;
  position: number;
  name: string;
  short_name: string | null;
  country: string;
  kind: string;
  population: number | null;
  population_year: number | null;
  executive_name: string | null;
  executive_title: string | null;
  /** migration 0008 */
  executive_civility: string | null;
  address: string | null;
  phones: Json | null;
  faxes: Json | null;
  emails: Json | null;
  websites: Json | null;
  lat: number | null;
  lon: number | null;
  region: string | null;
  aliases: Json | null;
}

/** Where a partnership or a project was read: the interchange format's `source`, flattened. */
export interface SourceColumns {
  source_document: string | null;
  source_first_line: number | null;
  source_last_line: number | null;
  source_page: number | null;
}

export interface PartnershipTable extends SourceColumns {
  directory_id: string;
  id: string;
  position: number;
  tier: string;
  section: string | null;
  legal_framework: string | null;
  framework_kind: string | null;
  date_text: string | null;
  signed_date: string | null;
  history: string | null;
  domains_text: string | null;
  human_resources: Json | null;
  other_partnerships: Json | null;
  notes: Json | null;
}

interface PartnershipChild {
  directory_id: string;
  partnership_id: string;
  position: number;
}

export interface PartnershipPartyTable extends PartnershipChild {
  collectivity_id: string;
  country: string;
  executive_name: string | null;
  executive_title: string | null;
  /** migration 0008 */
  executive_civility: string | null;
}

export interface PartnershipDomainTable extends PartnershipChild {
  domain_code: string;
}

/** A sum of money; `amount` is null only where the money itself is optional. */
export interface MoneyColumns {
  amount: number | null;
  currency: string | null;
  approximate: Flag | null;
  amount_text: string | null;
}

export interface PartnershipBudgetTable extends PartnershipChild, MoneyColumns {
  collectivity_id: string | null;
  period: string | null;
  text: string | null;
}

export interface ContactTable extends PartnershipChild {
  name: string;
  /** migration 0008 */
  civility: string | null;
  role: string | null;
  kind: string | null;
  collectivity_id: string | null;
  organization: string | null;
  phones: Json | null;
  faxes: Json | null;
  emails: Json | null;
  address: string | null;
}

export interface ProjectTable extends SourceColumns {
  directory_id: string;
  id: string;
  partnership_id: string;
  position: number;
  title: string;
  status: string;
  themes: Json | null;
  period_text: string | null;
  start_date: string | null;
  end_date: string | null;
  duration_months: number | null;
  pad_cofinanced: Flag | null;
  objectives: Json | null;
  description: string | null;
  total_cost_amount: number | null;
  total_cost_currency: string | null;
  total_cost_approximate: Flag | null;
  total_cost_text: string | null;
  funding_text: string | null;
  /** migration 0008: how the project's domains were derived, when they were not printed with it */
  domain_rule: string | null;
  expected_results: Json | null;
  obtained_results: Json | null;
  beneficiaries: Json | null;
  observations: string | null;
}

interface ProjectChild {
  directory_id: string;
  project_id: string;
  position: number;
}

export interface ProjectDomainTable extends ProjectChild {
  domain_code: string;
}

export interface ProjectPartnerTable extends ProjectChild {
  name: string;
  role: string | null;
  country: string | null;
  collectivity_id: string | null;
  contact: string | null;
}

export interface FundingLineTable extends ProjectChild, MoneyColumns {
  funder: string;
  funder_collectivity_id: string | null;
  /** migration 0008: the funder registry's id */
  funder_id: string | null;
  share: number | null;
  contribution: string | null;
  text: string | null;
}

export interface SourceTable {
  directory_id: string;
  position: number;
  record_type: string;
  record_id: string;
  document: string;
  first_line: number;
  last_line: number;
}

export interface ImportReportTable {
  id: Generated<number>;
  directory_id: string;
  document: string;
  format: string;
  imported_at: string;
  report: Json;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

// ─── Census: accounts, sessions, audit, history, campaigns, proposals, privacy (migration 0002) ───
// Timestamps are ISO 8601 text in UTC (`Date.toISOString()`), so they sort as text on both engines.

export interface UserTable {
  id: string;
  /** lower-cased */
  email: string;
  name: string;
  /** 'admin' | 'editor' | 'contributor' */
  role: string;
  /** a contributor's collectivity: (directory_id, collectivity_id); no foreign key, so that imports stay free */
  directory_id: string | null;
  collectivity_id: string | null;
  /** argon2id (PHC string); null until the invitation is accepted */
  password_hash: string | null;
  created_at: string;
  created_by: string | null;
  disabled_at: string | null;
  /** sign-in refused until then, after repeated failures */
  locked_until: string | null;
  last_sign_in_at: string | null;
  /** the language of their mail: fr, en, ar (the site's languages; 'fr' by default) */
  language: Generated<string>;
  /** when they chose it on their account page: from then on a sign-in no longer changes it (null: never chosen) */
  language_chosen_at: Generated<string | null>;
}

export interface InvitationTable {
  /** SHA-256 (hex) of the token in the link; the token itself is never stored */
  token_hash: string;
  user_id: string;
  created_at: string;
  created_by: string | null;
  expires_at: string;
  used_at: string | null;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token */
  id: string;
  user_id: string;
  /** the synchroniser token the session's forms carry */
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  client_address: string | null;
  user_agent: string | null;
}

export interface SignInAttemptTable {
  id: string;
  /** lower-cased, as typed (the account may not exist) */
  email: string;
  client_address: string | null;
  attempted_at: string;
  succeeded: Flag;
}

/**
 * A row to lock: the sign-in writes it before counting failures, so that counts for one account
 * (key `account:<email>`) or one address (`address:<ip>`) are taken one after the other (migration 0004).
 */
export interface SignInGateTable {
  key: string;
  touched_at: string;
}

/** A "mot de passe oublié" request (migration 0010): the link's token only as its SHA-256. */
export interface PasswordResetTable {
  token_hash: string;
  /** null: the address typed has no account (the request still counts against the limits) */
  user_id: string | null;
  email: string;
  client_address: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One person reminded of a campaign on one day (UTC): the key keeps it to once a day (migration 0010). */
export interface CampaignReminderTable {
  campaign_id: string;
  user_id: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  collectivity_id: string;
  sent_at: string;
}

/** A visitor without a session: the sign-in and invitation forms' CSRF token, held by the server (migration 0005). */
export interface PreSessionTable {
  /** SHA-256 (hex) of the cookie's random id */
  id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: string;
  /** the user who acted; null for the system or an anonymous client */
  actor_id: string | null;
  action: string;
  directory_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  client_address: string | null;
  details: Json | null;
}

export interface RecordVersionTable {
  directory_id: string;
  /** 'domain' | 'collectivity' | 'partnership' | 'project' */
  record_type: string;
  record_id: string;
  version: number;
  /** a project's partnership */
  parent_id: string | null;
  /** the whole record as JSON (a partnership without its projects); null: removed */
  data: Json | null;
  /** 'import' | 'edit' | 'campaign' | 'revert' | 'copy' */
  origin_kind: string;
  /** the document imported, the campaign, the proposal, the version reverted to… */
  origin_ref: string | null;
  user_id: string | null;
  created_at: string;
}

export interface CampaignTable {
  id: string;
  directory_id: string;
  title: string;
  /** 'open' | 'closed' */
  status: string;
  opened_at: string;
  opened_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
}

export interface CampaignResponseTable {
  campaign_id: string;
  collectivity_id: string;
  /** 'draft' | 'submitted' */
  status: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
}

export interface ProposalTable {
  id: string;
  directory_id: string;
  campaign_id: string | null;
  /** an import's review batch: the document's name and the import's time */
  batch: string | null;
  /** 'campaign' | 'import' | 'edit' */
  origin_kind: string;
  /** the contributor's collectivity (campaign proposals) */
  collectivity_id: string | null;
  record_type: string;
  record_id: string;
  parent_id: string | null;
  /** 'create' | 'update' | 'remove' */
  action: string;
  data: Json | null;
  base_version: number;
  base_data: Json | null;
  /** 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn' */
  status: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  review_comment: string | null;
  applied_version: number | null;
}

export interface ConsentTable {
  directory_id: string;
  /** normalised name + collectivity: survives re-imports (see census/privacy.ts) */
  person_key: string;
  name: string;
  collectivity_id: string | null;
  /** 1: the person agreed to the publication of their phones and e-mails */
  publish: Flag;
  recorded_at: string;
  recorded_by: string | null;
  note: string | null;
}

/** People erased: only a SHA-256 of their key, so that a re-import does not bring them back. */
export interface ErasureTable {
  directory_id: string;
  key_hash: string;
  erased_at: string;
  erased_by: string | null;
}

export interface CensusDatabase {
  users: UserTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  /** never copied or backed up (see records/kind.ts TABLE_ORDER) */
  sign_in_gates: SignInGateTable;
  /** never copied or backed up either */
  pre_sessions: PreSessionTable;
  password_resets: PasswordResetTable;
  audit_events: AuditEventTable;
  record_versions: RecordVersionTable;
  campaigns: CampaignTable;
  campaign_responses: CampaignResponseTable;
  campaign_reminders: CampaignReminderTable;
  proposals: ProposalTable;
  consents: ConsentTable;
  erasures: ErasureTable;
  quality_acceptances: QualityAcceptanceTable;
  partner_notices: PartnerNoticeTable;
  partner_notice_answers: PartnerNoticeAnswerTable;
}

/** A partner-search notice (migration 0011): what a collectivity seeks, until when; public once approved. */
export interface PartnerNoticeTable {
  id: string;
  directory_id: string;
  collectivity_id: string;
  author_id: string | null;
  /** JSON list of domain codes */
  domains: string;
  partner_country: string;
  partner_kind: string | null;
  /** a top-level division's code in the partner country's profile */
  partner_region: string | null;
  description: string;
  /** the last day it is shown, YYYY-MM-DD */
  until: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  review_comment: string | null;
  created_at: string;
}

/** A member's answer to a notice, one a day at most (the key); the message is only in the mail. */
export interface PartnerNoticeAnswerTable {
  notice_id: string;
  user_id: string;
  day: string;
  sent_at: string;
}

/** A data-quality finding an editor accepted (migration 0008): the desk no longer lists it. */
export interface QualityAcceptanceTable {
  directory_id: string;
  finding_key: string;
  accepted_at: string;
  accepted_by: string | null;
}

export interface Database extends CensusDatabase {
  directories: DirectoryTable;
  domains: DomainTable;
  collectivities: CollectivityTable;
  partnerships: PartnershipTable;
  partnership_parties: PartnershipPartyTable;
  partnership_domains: PartnershipDomainTable;
  partnership_budgets: PartnershipBudgetTable;
  contacts: ContactTable;
  projects: ProjectTable;
  project_domains: ProjectDomainTable;
  project_partners: ProjectPartnerTable;
  funding_lines: FundingLineTable;
  sources: SourceTable;
  import_reports: ImportReportTable;
}
