-- Course imports (02-crm.md, "Imports": `import courses`) and the course statistics built on them.

-- Pre-starters have no CVR number; in a courses file they are identified by their normalised name
-- together with their municipality code (02-crm.md). The key the importer computed
-- ("name:<normalised name>|<municipality code>", see src/domain/guidance/year-counting.ts) is kept
-- here, so a re-import finds the company it created instead of creating it again. A lookup table
-- rather than a column: the key belongs to the import, and a company can later get a CVR number
-- and still be found by the key of its old rows (docs/decisions/006-course-imports.md).
create table company_import_keys (
  import_key text primary key check (import_key like 'name:%|___'),
  company_id uuid not null references companies(id) on delete cascade,
  created_at timestamptz not null default now()
);
create index company_import_keys_company on company_import_keys (company_id);

-- The municipality the source system recorded for the course (the file's `municipality_code`).
-- The statistics' byMunicipality counts a course there, as `knudepunkt courses stats` does; a course
-- registered in Knudepunkt itself has none and counts in its company's municipality.
alter table guidance_courses add column municipality_code text references municipalities(code);
