-- The shared CRM, part 2: guidance courses ("forløb") with their meetings, and notes that are either
-- shared within the region or internal to the organisation that wrote them (02-crm.md).

create table guidance_courses (
  id uuid primary key default gen_random_uuid(),
  source_id text unique,                    -- the source system's course_id (idempotent imports)
  company_id uuid not null references companies(id),
  organisation_id uuid not null references organisations(id),   -- who guides
  business_hub_id text not null references business_hubs(id),   -- the hub the course counts for
  adviser_user_id uuid references users(id),
  category text not null check (category in ('growth', 'operations', 'short', 'earlyWarning')),
  themes text[] not null default '{}',
  segment text check (segment in ('growth', 'operations')),
  target_group text,
  start_date date not null,
  end_date date,
  status text not null default 'active' check (status in ('planned', 'active', 'completed', 'cancelled')),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index guidance_courses_company on guidance_courses (company_id);
create index guidance_courses_hub_start on guidance_courses (business_hub_id, start_date);

create table course_meetings (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references guidance_courses(id) on delete cascade,
  meeting_date date not null,
  created_at timestamptz not null default now()
);
create index course_meetings_course on course_meetings (course_id, meeting_date);

create table notes (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null check (subject_type in ('company', 'course')),
  subject_id uuid not null,
  organisation_id uuid not null references organisations(id),
  author_user_id uuid references users(id),
  visibility text not null check (visibility in ('internal', 'shared')),
  body text not null check (length(body) between 1 and 5000),
  created_at timestamptz not null default now()
);
create index notes_subject on notes (subject_type, subject_id, created_at);
