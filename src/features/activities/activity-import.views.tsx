// Aktiviteter → Importér aktiviteter, in two steps that work without JavaScript (import-pages.tsx):
// (1) choose the file — it is checked against the database (a dry run) and kept on the server;
// (2) confirm — the same file is imported, all or nothing. Then the outcome.
import { activityCsvOptionalColumns, activityCsvRequiredColumns } from '../../domain/activities/activities-csv.ts';
import type { ImportUpload } from '../courses/course-import.files.ts';
import { simpleImportPages } from '../courses/import-pages.tsx';
import type { ActivityImportSummary } from './activity-import.service.ts';

export type ActivityUpload = ImportUpload<ActivityImportSummary>;

export const {
  FormPage: ActivityImportFormPage,
  PreviewPage: ActivityImportPreviewPage,
  ResultPage: ActivityImportResultPage,
} = simpleImportPages<ActivityImportSummary>({
  base: '/aktiviteter',
  section: 'nav.activities',
  one: { da: 'aktivitet', en: 'activity' },
  many: { da: 'aktiviteter', en: 'activities' },
  command: 'knudepunkt import activities',
  intro: {
    da: 'Aktiviteter fra et andet CRM: hver række nævner den organisation, der registrerede aktiviteten. Aktiviteter genkendes på activity_id, så den samme fil kan indlæses igen uden dubletter. Virksomheder findes på CVR-nummer, førstartere på navn og kommune. Alt eller intet: er blot én række ugyldig, importeres intet.',
    en: 'Activities from another CRM: each row names the organisation that registered the activity. Activities are recognised by activity_id, so the same file can be imported again without duplicates. Companies are found by CVR number, pre-starters by name and municipality. All or nothing: if a single row is invalid, nothing is imported.',
  },
  fileLabel: { da: 'Aktivitetsfil (CSV)', en: 'Activities file (CSV)' },
  columns: { required: activityCsvRequiredColumns, optional: activityCsvOptionalColumns },
});
