-- Referrals ("henvisninger", 02-crm.md): one organisation refers a company to another (any kind,
-- external ones included); the receiver makes first contact within its service goal and reports the
-- outcome back. Every state change is kept in referral_events (the history) and the audit log.

alter table organisations add column referral_service_goal_hours int not null default 48
  check (referral_service_goal_hours > 0);

create table referrals (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'referral' check (kind in ('referral', 'lead')),
  from_organisation_id uuid not null references organisations(id),
  from_user_id uuid references users(id),
  to_organisation_id uuid not null references organisations(id),
  receiver_user_id uuid references users(id), -- the receiver's adviser handling it (who made contact)
  company_id uuid not null references companies(id),
  contact_person_id uuid references contact_persons(id),
  course_id uuid references guidance_courses(id),
  region_code int,                          -- the sending organisation's region (the tenant)
  theme text not null check (length(theme) between 1 and 200),
  note text check (note is null or length(note) <= 5000),
  state text not null default 'sent'
    check (state in ('sent', 'received', 'contacted', 'inProgress', 'closed', 'rejected', 'withdrawn')),
  outcome text check (outcome in ('used', 'notUsed', 'notRelevant')),
  rejection_reason text,
  service_goal_hours int not null check (service_goal_hours > 0),   -- the receiver's goal when sent
  created_at timestamptz not null default now(),
  received_at timestamptz,
  contacted_at timestamptz,
  closed_at timestamptz,                    -- closed, rejected or withdrawn
  is_demo boolean not null default false,
  check ((state = 'closed') = (outcome is not null)),
  check (state <> 'rejected' or rejection_reason is not null),
  check (from_organisation_id <> to_organisation_id)
);
create index referrals_inbox on referrals (to_organisation_id, state, created_at);
create index referrals_outbox on referrals (from_organisation_id, state, created_at);
create index referrals_company on referrals (company_id, created_at);
create index referrals_from_user on referrals (from_user_id, created_at);
create index referrals_receiver_user on referrals (receiver_user_id, created_at);
create index referrals_course on referrals (course_id) where course_id is not null;

create table referral_events (
  id bigserial primary key,                 -- also orders events made in the same instant
  referral_id uuid not null references referrals(id) on delete cascade,
  from_state text,                          -- null for the creation
  to_state text not null,
  at timestamptz not null,
  by_user_id uuid references users(id),
  by_name text not null,
  note text
);
create index referral_events_referral on referral_events (referral_id, at);
