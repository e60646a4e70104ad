-- The shared CRM, part 1: companies (02-crm.md, "Companies"), enriched from the CVR register.
create extension if not exists pg_trgm;

create table companies (
  id uuid primary key default gen_random_uuid(),
  cvr text unique check (cvr ~ '^[0-9]{8}$'),           -- null for pre-starters (linkable later)
  name text not null check (length(trim(name)) > 0),
  municipality_code text references municipalities(code),
  street text,
  postcode text,
  city text,
  industry_code text,
  industry_text text,
  legal_form text,
  employees_band text,
  employees_year integer,
  start_date date,
  status text not null default 'active' check (status in ('active', 'ceased')),
  status_text text,
  advertising_protected boolean not null default false,  -- reklamebeskyttet
  source text not null check (source in ('manual', 'cvr', 'import')),
  cvr_synced_at timestamptz,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index companies_name_prefix on companies (lower(name) text_pattern_ops);
create index companies_name_trigram on companies using gin (lower(name) gin_trgm_ops);
create index companies_municipality on companies (municipality_code);

create table company_production_units (
  company_id uuid not null references companies(id) on delete cascade,
  p_number text not null check (p_number ~ '^[0-9]{10}$'),
  active boolean not null,
  primary key (company_id, p_number)
);

-- The regions that work with a company (02-crm.md, sharing rule: within a region every organisation
-- sees the companies of the others). A company belongs to the region of its municipality and to the
-- region of every organisation that registers it or, later, guides, visits or refers it.
create table company_regions (
  company_id uuid not null references companies(id) on delete cascade,
  region_code integer not null references regions(code),
  primary key (region_code, company_id)
);
