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
