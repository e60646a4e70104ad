// Table types of the user evaluation (migration 20261123010000_evaluation.sql).
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface EvaluationInstrumentsTable {
  key: string;
  version: number;
  from_year: number;
  to_year: number;
  questions: Json;
  scales: Json;
  loaded_at: Generated<Date>;
}

export interface EvaluationResponsesTable {
  id: Generated<string>;
  source: 'erst' | 'own';
  source_response_id: string;
  cvr: string | null;
  company_id: string | null;
  business_hub_id: string;
  municipality_code: string;
  segment: 'growth' | 'operations';
  guidance_year: number;
  /** A date, 'YYYY-MM-DD' on both engines (src/db/database.ts). */
  answered_at: string | null;
  recommend: number | null;
  staff_competence: string | null;
  expected_effect: string | null;
  effect_unrecognised_challenges: string | null;
  effect_strategy: string | null;
  effect_growth_ambitions: string | null;
  effect_business_concept: string | null;
  effect_sales_marketing: string | null;
  effect_organisation: string | null;
  effect_operations: string | null;
  referred: string | null;
  used_referral: string | null;
  digital_guidance: string | null;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  import_id: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EvaluationTables {
  evaluation_instruments: EvaluationInstrumentsTable;
  evaluation_responses: EvaluationResponsesTable;
}
