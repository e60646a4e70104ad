-- Result contracts (issue 7, 04-contracts.md). A contract is stored as its document: the JSON form that
-- contractSchema reads (goals, targets, fulfilment rules, activities with their status and evidence,
-- recorded external figures), validated by the service on every write. The columns beside it are what
-- is looked up or constrained: one contract per hub and year, the status for lists, a revision that
-- makes concurrent edits fail instead of overwriting each other.
create table contracts (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),   -- 'nordjylland-2023'
  business_hub_id text not null references business_hubs(id),
  kkr_id text not null references kkrs(id),
  year integer not null check (year between 2000 and 2100),
  status text not null check (status in ('draft', 'agreed', 'signed', 'reported', 'followedUp')),
  document jsonb not null,
  revision integer not null default 1 check (revision > 0),
  -- 'shipped' for the contracts of the source documents, 'copy' for a copy of an earlier year, 'new'.
  origin text not null check (origin in ('shipped', 'copy', 'new')),
  copied_from uuid references contracts(id),
  created_at timestamptz not null,
  created_by uuid references users(id),
  updated_at timestamptz not null,
  updated_by uuid references users(id),
  unique (business_hub_id, year)
);

-- Evidence files of activities and documents of external figures: bytes under
-- DATA_DIR/contract-files/<storage_id>, metadata here (as referral_files).
create table contract_files (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references contracts(id) on delete cascade,
  storage_id text not null unique check (storage_id ~ '^[0-9a-f]{32}$'),
  original_name text not null check (length(original_name) between 1 and 200),
  media_type text not null,
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null
);
create index contract_files_contract on contract_files (contract_id);

-- Issued reports: version n of a contract's annual report, its numbers frozen as the report model
-- (src/domain/contracts/report.types.ts). Never updated; a correction is a new version.
create table contract_reports (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references contracts(id) on delete cascade,
  version integer not null check (version > 0),
  issued_at timestamptz not null,
  issued_by uuid references users(id),
  issued_by_name text not null,
  note text,
  report jsonb not null,
  unique (contract_id, version)
);
