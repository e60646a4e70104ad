-- Foundation: reference data (regions, KKRs, business hubs, municipalities), organisations, users,
-- sessions, tokens, login throttling, audit log, jobs and mail log.

create table regions (
  code integer primary key,               -- 1081 Nordjylland … 1085 Sjælland
  name text not null unique
);

create table kkrs (
  id text primary key,                    -- 'kkr-nordjylland'
  name text not null unique,
  region_code integer not null unique references regions(code)
);

create table business_hubs (
  id text primary key,                    -- 'nordjylland'
  name text not null unique,              -- 'Erhvervshus Nordjylland'
  region_code integer not null references regions(code)
);

create table municipalities (
  code text primary key check (code ~ '^[0-9]{3}$'),
  name text not null unique,
  region_code integer not null references regions(code),
  business_hub_id text not null references business_hubs(id)
);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('hub', 'localOffice', 'kkrSecretariat', 'external')),
  business_hub_id text references business_hubs(id),
  municipality_code text references municipalities(code),
  kkr_id text references kkrs(id),
  email text,
  website text,
  active boolean not null default true,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- the kind decides which link is required (01-system.md: a hub, one municipality's office, a KKR's secretariat)
  constraint organisation_kind_links check (
    (kind = 'hub' and business_hub_id is not null and municipality_code is null and kkr_id is null)
    or (kind = 'localOffice' and municipality_code is not null and business_hub_id is null and kkr_id is null)
    or (kind = 'kkrSecretariat' and kkr_id is not null and business_hub_id is null and municipality_code is null)
    or (kind = 'external' and business_hub_id is null and municipality_code is null and kkr_id is null)
  )
);

create table users (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text,                     -- null until an invitation is accepted
  roles text[] not null default '{}',
  locale text not null default 'da' check (locale in ('da', 'en')),
  active boolean not null default true,
  is_demo boolean not null default false,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_organisation on users (organisation_id);

create table sessions (
  token_hash text primary key,            -- HMAC of the cookie value; the value itself is never stored
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null         -- absolute timeout; the idle timeout is checked on last_seen_at
);
create index sessions_user on sessions (user_id);

-- Invitation and password-reset links: single use, expiring, stored hashed.
create table user_tokens (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  purpose text not null check (purpose in ('invitation', 'passwordReset')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  token_prefix text not null,             -- first characters, shown so the owner can tell tokens apart
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Failed logins for throttling; purged after a day (personal data kept no longer than needed).
create table login_failures (
  id bigserial primary key,
  email text not null,
  ip text not null,
  failed_at timestamptz not null default now()
);
create index login_failures_email on login_failures (email, failed_at);
create index login_failures_ip on login_failures (ip, failed_at);

create table audit_log (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,                     -- no foreign key: the log outlives what it describes
  actor_name text not null,
  actor_organisation_id uuid,
  actor_organisation_name text,
  action text not null check (action in ('create', 'update', 'delete')),
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  request_id text
);
create index audit_log_occurred on audit_log (occurred_at desc);
create index audit_log_entity on audit_log (entity_type, entity_id);

-- The audit log is append-only: the database itself refuses to change or delete a row.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();

create table jobs (
  id bigserial primary key,
  type text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  run_at timestamptz not null default now(),
  locked_at timestamptz,
  locked_by text,
  last_error text,
  unique_key text,                        -- a job with the same key is enqueued only once
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_runnable on jobs (run_at) where status = 'queued';
create unique index jobs_unique_key on jobs (unique_key) where unique_key is not null;

create table job_schedules (
  name text primary key,
  cron text not null,
  job_type text not null,
  payload jsonb not null default '{}',
  next_run_at timestamptz not null,
  last_run_at timestamptz
);

create table mail_log (
  id uuid primary key default gen_random_uuid(),
  job_id bigint,
  transport text not null check (transport in ('outbox', 'smtp')),
  recipient text not null,
  subject text not null,
  text_body text not null,
  message_id text,
  outbox_file text,
  sent_at timestamptz not null default now()
);
create index mail_log_sent on mail_log (sent_at desc);
