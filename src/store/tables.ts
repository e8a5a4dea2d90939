/**
 * Row types of the store's tables, for Kysely. Column names are snake_case; the record modules
 * under `records/` translate between these rows and the model's records.
 *
 * Every record table is scoped by `directory_id`: the store can hold several directory editions,
 * and ids are stable slugs within one. Lists keep their order in `position` columns.
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

export interface Database {
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
