// Table types of the evaluation invitations (migration 20261123040000_evaluation_invitations.sql).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface EvaluationInvitationSettingsTable {
  business_hub_id: string;
  enabled: Generated<boolean>;
  invite_delay_days: Generated<number>;
  invite_weekday: number | null;
  expiry_days: Generated<number>;
  reminder_count: Generated<number>;
  reminder_spacing_days: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by_name: string | null;
}

export interface EvaluationInvitationsTable {
  id: Generated<string>;
  course_id: string;
  company_id: string;
  contact_person_id: string | null;
  business_hub_id: string;
  email: string;
  instrument_key: string;
  instrument_version: number;
  guidance_year: number;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
  response_id: string | null;
  opted_out_at: Timestamp | null;
  reminders_sent: Generated<number>;
  last_reminder_at: Timestamp | null;
}

export interface EvaluationInvitationTokensTable {
  token_hash: string;
  invitation_id: string;
  step: number;
  issued_at: Timestamp;
}

export interface EvaluationExclusionsTable {
  business_hub_id: string;
  company_id: string;
  reason: string;
  excluded_by_user_id: string | null;
  excluded_by_name: string;
  excluded_at: Timestamp;
}

export interface EvaluationOptOutsTable {
  email: string;
  contact_person_id: string | null;
  via: 'link' | 'hub';
  opted_out_at: Timestamp;
}

export interface EvaluationLinkFailuresTable {
  id: Generated<number>;
  ip: string;
  failed_at: Timestamp;
}

export interface EvaluationInvitationTables {
  evaluation_invitation_settings: EvaluationInvitationSettingsTable;
  evaluation_invitations: EvaluationInvitationsTable;
  evaluation_invitation_tokens: EvaluationInvitationTokensTable;
  evaluation_exclusions: EvaluationExclusionsTable;
  evaluation_opt_outs: EvaluationOptOutsTable;
  evaluation_link_failures: EvaluationLinkFailuresTable;
}
