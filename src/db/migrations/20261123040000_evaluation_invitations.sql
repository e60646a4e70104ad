-- The platform's own user evaluation (issue 6, 03-evaluation.md "Running the evaluation"): when a
-- hub's guidance course ends, the company's contact person is invited by e-mail with a personal,
-- single-use, expiring link; reminders go to those who have not answered; opt-outs are honoured and a
-- hub can exclude any company. Decision 010 (docs/decisions/010-evaluation-invitations.md).

-- A hub's settings; a hub without a row uses the column defaults (the jobs coalesce to the same).
create table evaluation_invitation_settings (
  business_hub_id text primary key references business_hubs(id),
  enabled boolean not null default true,
  invite_delay_days int not null default 1 check (invite_delay_days between 0 and 90),
  invite_weekday int check (invite_weekday between 1 and 7),        -- ISO weekday (1 = Monday); null = any day
  expiry_days int not null default 30 check (expiry_days between 1 and 180),
  reminder_count int not null default 2 check (reminder_count between 0 and 5),
  reminder_spacing_days int not null default 7 check (reminder_spacing_days between 1 and 60),
  updated_at timestamptz not null default now(),
  updated_by_name text
);

-- One invitation per course (and so at most one per course and contact person): the unique course_id
-- is what makes "never twice" hold even when two job runners race.
create table evaluation_invitations (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null unique references guidance_courses(id) on delete cascade,
  company_id uuid not null references companies(id),
  contact_person_id uuid references contact_persons(id) on delete set null,
  business_hub_id text not null references business_hubs(id),
  email text not null,
  instrument_key text not null,
  instrument_version int not null,
  guidance_year int not null check (guidance_year between 1990 and 2100),
  created_at timestamptz not null,
  sent_at timestamptz,                      -- when the invitation mail was queued
  expires_at timestamptz not null,
  answered_at timestamptz,
  response_id uuid references evaluation_responses(id) on delete set null,
  opted_out_at timestamptz,
  reminders_sent int not null default 0 check (reminders_sent >= 0),
  last_reminder_at timestamptz,
  foreign key (instrument_key, instrument_version) references evaluation_instruments(key, version)
);
create index evaluation_invitations_hub on evaluation_invitations (business_hub_id, created_at);
create index evaluation_invitations_open on evaluation_invitations (expires_at) where answered_at is null and opted_out_at is null;

-- The links: only an HMAC-SHA256 (keyed with SESSION_SECRET) of each 256-bit token is stored; the token
-- itself is only in the mail. Step 0 is the invitation, step n the n-th reminder (each reminder carries
-- a new link; every link of an invitation works until the invitation expires). (invitation, step) is
-- unique: a step is never sent twice.
create table evaluation_invitation_tokens (
  token_hash text primary key,
  invitation_id uuid not null references evaluation_invitations(id) on delete cascade,
  step int not null check (step >= 0),
  issued_at timestamptz not null,
  unique (invitation_id, step)
);

-- A company the hub does not want evaluated (any company; reklamebeskyttelse alone does not exclude).
create table evaluation_exclusions (
  business_hub_id text not null references business_hubs(id),
  company_id uuid not null references companies(id),
  reason text not null check (length(reason) between 1 and 500),
  excluded_by_user_id uuid references users(id) on delete set null,
  excluded_by_name text not null,
  excluded_at timestamptz not null,
  primary key (business_hub_id, company_id)
);

-- Opt-outs, by lower-cased e-mail address: never invited or reminded again, by any hub.
create table evaluation_opt_outs (
  email text primary key check (email = lower(email)),
  contact_person_id uuid references contact_persons(id) on delete set null,
  via text not null check (via in ('link', 'hub')),
  opted_out_at timestamptz not null
);

-- Failed look-ups of the public answer page, per address, for throttling (as referral_link_failures).
create table evaluation_link_failures (
  id bigserial primary key,
  ip text not null,
  failed_at timestamptz not null
);
create index evaluation_link_failures_ip on evaluation_link_failures (ip, failed_at);
