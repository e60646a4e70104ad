// Table types of referral notifications (migration 20261123020000_referral_notifications.sql).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export const notificationKinds = ['referralNew', 'referralChanged', 'referralOverdue'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

// The overdue flag, merged into the referrals table's interface.
declare module './referrals.ts' {
  interface ReferralsTable {
    overdue_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  }
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  referral_id: string | null;
  title: string;
  body: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  email_queued_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: NotificationKind;
  email: boolean;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}
