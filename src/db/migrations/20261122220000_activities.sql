-- The shared CRM, part 3: activities (02-crm.md, "Activities"): visits, meetings, calls, e-mails and
-- events of an organisation with one or more companies. Collective activities (events) count their
-- participants (Midtjylland's 2020 goal: participants in collective activities). An activity's note
-- lives in `notes` like every other note, internal or shared (sharing rule).

create table activities (
  id uuid primary key default gen_random_uuid(),
  source_id text unique,                    -- the source system's activity_id (idempotent imports)
  organisation_id uuid not null references organisations(id),   -- who registered it; only they change it
  adviser_user_id uuid references users(id),                    -- null for imported activities
  kind text not null check (kind in ('visit', 'meeting', 'call', 'email', 'event')),
  activity_date date not null,
  title text not null check (length(trim(title)) between 1 and 200),
  participant_count integer check (participant_count between 1 and 100000),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Participants are counted for collective activities only (docs/decisions/007-activities.md).
  check (participant_count is null or kind = 'event')
);
create index activities_date on activities (activity_date desc);
create index activities_organisation_date on activities (organisation_id, activity_date desc);

create table activity_companies (
  activity_id uuid not null references activities(id) on delete cascade,
  company_id uuid not null references companies(id),
  primary key (activity_id, company_id)
);
create index activity_companies_company on activity_companies (company_id);

-- Notes may now be written on activities too. The check is dropped and added again (PostgreSQL names
-- an unnamed column check <table>_<column>_check, on PGlite as on the server).
alter table notes drop constraint notes_subject_type_check;
alter table notes add constraint notes_subject_type_check check (subject_type in ('company', 'course', 'activity'));
