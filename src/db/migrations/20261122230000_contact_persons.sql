-- The shared CRM, part 3: contact persons (personal data under GDPR: exportable per person and
-- erasable without losing the company's history), and merging duplicate companies (02-crm.md).

create table contact_persons (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references companies(id),
  name text,                                  -- null once erased
  title text,
  email text,
  phone text,
  organisation_id uuid not null references organisations(id),   -- who registered the person
  erased_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (erased_at is not null or name is not null)
);
create index contact_persons_company on contact_persons (company_id);
create index contact_persons_email on contact_persons (lower(email));

-- A merged duplicate points at the company that kept its history; it no longer shows anywhere.
alter table companies add column merged_into_id uuid references companies(id);
create index companies_merged on companies (merged_into_id) where merged_into_id is not null;
