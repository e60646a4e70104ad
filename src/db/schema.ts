// Table types for Kysely, kept in step with migrations/ by hand (one migration, one edit here).
// Generated<T> marks columns with a database default.
import type { ColumnType, Generated } from 'kysely';
import type { CrmTables } from './tables/crm.ts';
import type { ReferralTables } from './tables/referrals.ts';
import type { EvaluationTables } from './tables/evaluation.ts';
import type { EvaluationInvitationTables } from './tables/evaluation-invitations.ts';
import type { NotificationTables } from './tables/notifications.ts';
import type { ContractTables } from './tables/contracts.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface RegionsTable {
  code: number;
  name: string;
}

export interface KkrsTable {
  id: string;
  name: string;
  region_code: number;
}

export interface BusinessHubsTable {
  id: string;
  name: string;
  region_code: number;
}

export interface MunicipalitiesTable {
  code: string;
  name: string;
  region_code: number;
  business_hub_id: string;
}

export type OrganisationKind = 'hub' | 'localOffice' | 'kkrSecretariat' | 'external';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  business_hub_id: string | null;
  municipality_code: string | null;
  kkr_id: string | null;
  email: string | null;
  website: string | null;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** First contact within this many calendar hours of a referral (20261123000000_referrals.sql). */
  referral_service_goal_hours: Generated<number>;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  locale: Generated<'da' | 'en'>;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  last_login_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
}

export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'invitation' | 'passwordReset';
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  failed_at: ColumnType<Date, Date | string | undefined, never>;
}

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  actor_user_id: string | null;
  actor_name: string;
  actor_organisation_id: string | null;
  actor_organisation_name: string | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  type: string;
  payload: Json;
  status: Generated<JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_at: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  job_type: string;
  payload: Json;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
}

export interface MailLogTable {
  id: Generated<string>;
  job_id: number | null;
  transport: 'outbox' | 'smtp';
  recipient: string;
  subject: string;
  text_body: string;
  message_id: string | null;
  outbox_file: string | null;
  sent_at: Generated<Date>;
}

export interface DataSetsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  format: 'folk1a' | 'generic' | 'published';
  source: string;
  period: string;
  period_label: string;
  value_label: string;
  content_hash: string;
  file_name: string | null;
  row_count: number;
  skipped: Json;
  warnings: Json;
  imported_at: Generated<Date>;
  imported_by_user_id: string | null;
  imported_by_name: string;
}

export interface DataSetValuesTable {
  data_set_id: string;
  municipality_code: string;
  value: string;
  line: number | null;
}

export interface AllocationsTable {
  id: Generated<string>;
  name: string;
  origin: Generated<'knudepunkt' | 'published'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AllocationVersionsTable {
  id: Generated<string>;
  allocation_id: string;
  version: number;
  name: string;
  total: string;
  unit: string;
  resolution: string;
  method: string;
  recipients: string;
  rules: Json;
  derived: Json;
  note: string | null;
  locked_at: Timestamp | null;
  locked_reason: string | null;
  created_at: Generated<Date>;
  created_by_user_id: string | null;
  created_by_name: string;
}

export interface AllocationCriteriaTable {
  allocation_version_id: string;
  position: number;
  key: string;
  data_set_id: string;
  weight: string;
  label: string;
  period_label: string;
}

export interface BaseGrantsTable {
  id: Generated<string>;
  business_hub_id: string;
  year: number;
  source: 'knudepunkt' | 'published';
  allocation_version_id: string;
  stated_total: string;
  unit: 'DKK' | '1000 DKK';
  key_basis: string;
  created_at: Generated<Date>;
  created_by_user_id: string | null;
  created_by_name: string;
}

export interface BaseGrantLinesTable {
  base_grant_id: string;
  municipality_code: string;
  municipality_name: string;
  amount: string;
}

export interface PlRatesTable {
  id: Generated<string>;
  year: number;
  category: string;
  percent: string;
  source: string;
  released_on: string;
  created_at: Generated<Date>;
  created_by_user_id: string | null;
  created_by_name: string;
}

export interface DB extends CrmTables, ReferralTables, EvaluationTables, EvaluationInvitationTables, NotificationTables, ContractTables {
  schema_migrations: SchemaMigrationsTable;
  regions: RegionsTable;
  kkrs: KkrsTable;
  business_hubs: BusinessHubsTable;
  municipalities: MunicipalitiesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  mail_log: MailLogTable;
  data_sets: DataSetsTable;
  data_set_values: DataSetValuesTable;
  allocations: AllocationsTable;
  allocation_versions: AllocationVersionsTable;
  allocation_criteria: AllocationCriteriaTable;
  base_grants: BaseGrantsTable;
  base_grant_lines: BaseGrantLinesTable;
  pl_rates: PlRatesTable;
}
