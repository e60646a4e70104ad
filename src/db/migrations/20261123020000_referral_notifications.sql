-- Referral notifications (issue 5): the overdue flag the scheduled job sets, the in-app notifications
-- (new referral, state change, overdue) and each user's choice of which of them also come by e-mail.

-- When the referrals.flagOverdue job found the referral past its service goal without first contact;
-- null until then. Set once (`where overdue_at is null`), so a referral is flagged and notified once.
alter table referrals add column overdue_at timestamptz;
create index referrals_not_flagged on referrals (created_at)
  where overdue_at is null and state in ('sent', 'received');

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  kind text not null check (kind in ('referralNew', 'referralChanged', 'referralOverdue')),
  referral_id uuid references referrals(id) on delete cascade,
  title text not null check (length(title) between 1 and 500),
  body text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  -- When the e-mail for it was handed to the mail queue (null: in-app only, or not yet).
  email_queued_at timestamptz
);
create index notifications_user on notifications (user_id, read_at, created_at);
-- A new referral and an overdue referral are told to each user once, whatever runs twice.
create unique index notifications_once on notifications (user_id, referral_id, kind)
  where kind in ('referralNew', 'referralOverdue');

-- A user's choice per kind; no row means the default: e-mail on.
create table notification_preferences (
  user_id uuid not null references users(id) on delete cascade,
  kind text not null check (kind in ('referralNew', 'referralChanged', 'referralOverdue')),
  email boolean not null,
  primary key (user_id, kind)
);
