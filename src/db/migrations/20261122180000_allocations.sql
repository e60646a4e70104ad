-- Distribution keys (issue 3, spec 05): data sets of values per municipality, allocations with
-- immutable versions, base grants with their invoice lines, and the price-and-wage (PL) rates.
-- Storage decisions: docs/decisions/004-allocations-storage.md.

-- Facts that were imported or invoiced are never changed afterwards: the database refuses it.
create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end;
$$;

-- A data set: one value per municipality for one period, e.g. FOLK1A population 2022K1.
create table data_sets (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]{0,39}$'),   -- the criterion key: 'population', 'staff'
  format text not null check (format in ('folk1a', 'generic', 'published')),
  source text not null,                     -- 'Danmarks Statistik FOLK1A'
  period text not null,                     -- as written in the file: '2022K1', '2023'
  period_label text not null,               -- '1. kvt. 2022' (for the explanation sentence)
  value_label text not null,                -- 'bopælskommunefolketal'
  content_hash text not null unique,        -- sha256 of kind, period and the sorted values: a re-import finds it
  file_name text,
  row_count integer not null,
  skipped jsonb not null default '[]',      -- rows the import skipped, with line and reason
  warnings jsonb not null default '[]',
  imported_at timestamptz not null default now(),
  imported_by_user_id uuid,                 -- no foreign key, as in the audit log
  imported_by_name text not null
);
create index data_sets_imported on data_sets (imported_at desc);
create trigger data_sets_append_only before update or delete on data_sets
  for each row execute function refuse_change();

create table data_set_values (
  data_set_id uuid not null references data_sets(id),
  municipality_code text not null references municipalities(code),
  value numeric not null check (value >= 0),
  line integer,                             -- line in the imported file
  primary key (data_set_id, municipality_code)
);
create trigger data_set_values_append_only before update or delete on data_set_values
  for each row execute function refuse_change();

create table allocations (
  id uuid primary key default gen_random_uuid(),
  name text not null,                       -- the newest version's name, for lists
  origin text not null default 'knudepunkt' check (origin in ('knudepunkt', 'published')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Every change to an allocation is a new version; a version is never edited.
create table allocation_versions (
  id uuid primary key default gen_random_uuid(),
  allocation_id uuid not null references allocations(id),
  version integer not null check (version >= 1),
  name text not null,
  total numeric not null check (total >= 0),
  unit text not null check (unit in ('DKK', '1000 DKK', 'places', 'persons')),
  resolution numeric not null check (resolution > 0),
  method text not null check (method in ('largestRemainder', 'roundEach', 'floor')),
  recipients text not null,                 -- 'hub:nordjylland', 'kkr:kkr-syddanmark' or 'all'
  rules jsonb not null default '[]',        -- [{ municipalityCode, fixedShare?: '0.072', exempt?: true, transferTo?: '400' }]
  derived jsonb not null default '[]',      -- [{ name, factor: '0.9', method }]
  note text,
  locked_at timestamptz,                    -- set once, when the version is used for invoices
  locked_reason text,
  created_at timestamptz not null default now(),
  created_by_user_id uuid,
  created_by_name text not null,
  unique (allocation_id, version)
);

-- Only the lock may be set, once; nothing else of a version changes, and none is deleted.
create function allocation_version_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'allocation versions are never deleted';
  end if;
  if old.locked_at is not null then
    raise exception 'allocation version % is locked', old.id;
  end if;
  if (to_jsonb(new) - 'locked_at' - 'locked_reason') is distinct from (to_jsonb(old) - 'locked_at' - 'locked_reason') then
    raise exception 'allocation versions are immutable; create a new version';
  end if;
  return new;
end;
$$;
create trigger allocation_versions_immutable before update or delete on allocation_versions
  for each row execute function allocation_version_immutable();

create table allocation_criteria (
  allocation_version_id uuid not null references allocation_versions(id),
  position integer not null,
  key text not null,
  data_set_id uuid not null references data_sets(id),   -- a data set in use cannot disappear
  weight text not null check (weight ~ '^[0-9]+(\.[0-9]+)?(/[0-9]+)?$'),  -- exact: '0.5' or '1/3'
  label text not null,                      -- copied from the data set for the explanation sentence
  period_label text not null,
  primary key (allocation_version_id, position),
  unique (allocation_version_id, key)
);
create index allocation_criteria_data_set on allocation_criteria (data_set_id);
create trigger allocation_criteria_append_only before update or delete on allocation_criteria
  for each row execute function refuse_change();

-- A base grant: the invoice list of one hub's base grant for one year. 'knudepunkt' lines are the
-- allocated amounts of the linked version; 'published' lines are a historical table as published.
create table base_grants (
  id uuid primary key default gen_random_uuid(),
  business_hub_id text not null references business_hubs(id),
  year integer not null check (year between 2000 and 2100),
  source text not null check (source in ('knudepunkt', 'published')),
  allocation_version_id uuid not null references allocation_versions(id),
  stated_total numeric not null check (stated_total >= 0),
  unit text not null check (unit in ('DKK', '1000 DKK')),
  key_basis text not null,
  created_at timestamptz not null default now(),
  created_by_user_id uuid,
  created_by_name text not null,
  unique (business_hub_id, year, source)
);
create trigger base_grants_append_only before update or delete on base_grants
  for each row execute function refuse_change();

create table base_grant_lines (
  base_grant_id uuid not null references base_grants(id),
  municipality_code text not null references municipalities(code),
  municipality_name text not null,
  amount numeric not null check (amount >= 0),
  primary key (base_grant_id, municipality_code)
);
create trigger base_grant_lines_append_only before update or delete on base_grant_lines
  for each row execute function refuse_change();

-- KL's price-and-wage rates: a revision is a new row; the newest release of a year and category is current.
create table pl_rates (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  category text not null,
  percent numeric not null check (percent > -100),
  source text not null,
  released_on date not null,
  created_at timestamptz not null default now(),
  created_by_user_id uuid,
  created_by_name text not null,
  unique (year, category, released_on)
);
create trigger pl_rates_append_only before update or delete on pl_rates
  for each row execute function refuse_change();
