// Table types of referrals (migration 20261123000000_referrals.sql).
import type { ColumnType, Generated } from 'kysely';
import type { ReferralKind, ReferralOutcome, ReferralState } from '../../domain/referrals/referral-states.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ReferralsTable {
  id: Generated<string>;
  kind: Generated<ReferralKind>;
  from_organisation_id: string;
  from_user_id: string | null;
  to_organisation_id: string;
  receiver_user_id: string | null;
  company_id: string;
  contact_person_id: string | null;
  course_id: string | null;
  region_code: number | null;
  theme: string;
  note: string | null;
  state: Generated<ReferralState>;
  outcome: ReferralOutcome | null;
  rejection_reason: string | null;
  service_goal_hours: number;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  received_at: Timestamp | null;
  contacted_at: Timestamp | null;
  closed_at: Timestamp | null;
  is_demo: Generated<boolean>;
}

export interface ReferralEventsTable {
  id: Generated<string | number>;
  referral_id: string;
  from_state: ReferralState | null;
  to_state: ReferralState;
  at: Timestamp;
  by_user_id: string | null;
  by_name: string;
  note: string | null;
}

export interface ReferralTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
}

// Migration 20261123030000_referral_links_files.sql: the import's source id (merged into the
// interface above), the external receivers' links, their throttling and the screening files.
export interface ReferralsTable {
  source_id: string | null;
}

export interface ReferralLinksTable {
  id: Generated<string>;
  referral_id: string;
  token_hash: string;
  email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ReferralLinkFailuresTable {
  id: Generated<string | number>;
  ip: string;
  failed_at: Timestamp;
}

export interface ReferralFilesTable {
  id: Generated<string>;
  referral_id: string;
  storage_id: string;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface ReferralLinkTables {
  referral_links: ReferralLinksTable;
  referral_link_failures: ReferralLinkFailuresTable;
  referral_files: ReferralFilesTable;
}

// Merged into ReferralTables above, so the DB type (schema.ts) has them without another edit there.
export interface ReferralTables extends ReferralLinkTables {}
