-- User evaluation ("brugerevaluering", 03-evaluation.md): the instrument as data, and the responses —
-- imported from ERST's national survey (`erst`) or run by the platform (`own`), kept apart by source.

-- The instrument: questions and scales with their labels, one row per instrument and version. Loaded
-- from src/domain/evaluation/instrument.ts by the reference seed (src/db/seed/reference.ts),
-- idempotently; a new contract period adds a row (or a version) without a release of the schema.
create table evaluation_instruments (
  key text not null,                        -- '2019-2020', '2021-2023'
  version int not null check (version > 0),
  from_year int not null,
  to_year int not null,
  questions jsonb not null,                 -- [{ key, column, scale, da, en, askedWhen? }] in instrument order
  scales jsonb not null,                    -- { satisfaction: { kind, options: [{ key, da, en }] }, … }
  loaded_at timestamptz not null default now(),
  primary key (key, version),
  check (to_year >= from_year)
);

-- One response. The answers are one column per question (null = not answered), holding the scale's
-- option key ('veryPleased', 'high', 'yes' …) or the 0-10 number; "Ved ikke" is the answer 'dontKnow'.
-- Columns rather than a jsonb: every filter and drill-down condition is plain SQL, and the checks
-- below keep the values to the scales. A question a later instrument adds gets a column of its own.
create table evaluation_responses (
  id uuid primary key default gen_random_uuid(),
  source text not null check (source in ('erst', 'own')),
  source_response_id text not null check (length(source_response_id) between 1 and 200),
  cvr text check (cvr ~ '^[0-9]{8}$'),
  company_id uuid references companies(id) on delete set null,   -- linked when the CVR is a known company
  business_hub_id text not null references business_hubs(id),
  municipality_code text not null references municipalities(code),
  segment text not null check (segment in ('growth', 'operations')),
  guidance_year int not null check (guidance_year between 1990 and 2100),
  answered_at date,
  recommend smallint check (recommend between 0 and 10),
  staff_competence text check (staff_competence in ('veryPleased', 'pleased', 'neutral', 'displeased', 'veryDispleased', 'dontKnow')),
  expected_effect text check (expected_effect in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_unrecognised_challenges text check (effect_unrecognised_challenges in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_strategy text check (effect_strategy in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_growth_ambitions text check (effect_growth_ambitions in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_business_concept text check (effect_business_concept in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_sales_marketing text check (effect_sales_marketing in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_organisation text check (effect_organisation in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  effect_operations text check (effect_operations in ('high', 'some', 'low', 'notAtAll', 'dontKnow')),
  referred text check (referred in ('yes', 'no')),
  used_referral text check (used_referral in ('yes', 'no')),
  digital_guidance text check (digital_guidance in ('yes', 'no')),
  themes text[] not null default '{}',
  import_id uuid,                           -- the import run that last wrote the row (audit log: evaluationImport)
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source, source_response_id)       -- idempotent imports
);
create index evaluation_responses_hub_year on evaluation_responses (business_hub_id, guidance_year, segment);
create index evaluation_responses_municipality on evaluation_responses (municipality_code, guidance_year);
create index evaluation_responses_company on evaluation_responses (company_id) where company_id is not null;
create index evaluation_responses_cvr on evaluation_responses (cvr) where cvr is not null;
create index evaluation_responses_themes on evaluation_responses using gin (themes);
