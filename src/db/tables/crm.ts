// Table types of the shared CRM (migrations 20261122190000_companies.sql …).
import type { ColumnType, Generated } from 'kysely';

export interface CompaniesTable {
  id: Generated<string>;
  cvr: string | null;
  name: string;
  municipality_code: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  industry_code: string | null;
  industry_text: string | null;
  legal_form: string | null;
  employees_band: string | null;
  employees_year: number | null;
  start_date: string | null;
  status: Generated<'active' | 'ceased'>;
  status_text: string | null;
  advertising_protected: Generated<boolean>;
  source: 'manual' | 'cvr' | 'import';
  cvr_synced_at: Date | null;
  is_demo: Generated<boolean>;
  merged_into_id: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContactPersonsTable {
  id: Generated<string>;
  company_id: string;
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  organisation_id: string;
  erased_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CompanyProductionUnitsTable {
  company_id: string;
  p_number: string;
  active: boolean;
}

export interface CompanyRegionsTable {
  company_id: string;
  region_code: number;
}

export interface GuidanceCoursesTable {
  id: Generated<string>;
  source_id: string | null;
  company_id: string;
  organisation_id: string;
  business_hub_id: string;
  adviser_user_id: string | null;
  category: 'growth' | 'operations' | 'short' | 'earlyWarning';
  themes: ColumnType<string[], string[] | undefined, string[]>;
  segment: 'growth' | 'operations' | null;
  target_group: string | null;
  start_date: string;
  end_date: string | null;
  status: Generated<'planned' | 'active' | 'completed' | 'cancelled'>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The source file's municipality_code (20261122210000_course_imports.sql); null when registered here. */
  municipality_code: string | null;
}

/** A pre-starter's key from a courses import (20261122210000_course_imports.sql). */
export interface CompanyImportKeysTable {
  import_key: string;
  company_id: string;
  created_at: Generated<Date>;
}

export interface CourseMeetingsTable {
  id: Generated<string>;
  course_id: string;
  meeting_date: string;
  created_at: Generated<Date>;
}

export interface ActivitiesTable {
  id: Generated<string>;
  source_id: string | null;
  organisation_id: string;
  adviser_user_id: string | null;
  kind: 'visit' | 'meeting' | 'call' | 'email' | 'event';
  activity_date: string;
  title: string;
  participant_count: number | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ActivityCompaniesTable {
  activity_id: string;
  company_id: string;
}

export interface NotesTable {
  id: Generated<string>;
  subject_type: 'company' | 'course' | 'activity';
  subject_id: string;
  organisation_id: string;
  author_user_id: string | null;
  visibility: 'internal' | 'shared';
  body: string;
  created_at: Generated<Date>;
}

export interface CrmTables {
  contact_persons: ContactPersonsTable;
  guidance_courses: GuidanceCoursesTable;
  course_meetings: CourseMeetingsTable;
  notes: NotesTable;
  activities: ActivitiesTable;
  activity_companies: ActivityCompaniesTable;
  companies: CompaniesTable;
  company_regions: CompanyRegionsTable;
  company_production_units: CompanyProductionUnitsTable;
  company_import_keys: CompanyImportKeysTable;
}
