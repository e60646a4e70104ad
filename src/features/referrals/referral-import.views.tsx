// Henvisninger → Importér henvisninger (admins), in two steps that work without JavaScript
// (import-pages.tsx): (1) choose the file — it is checked against the database (a dry run) and kept
// on the server; (2) confirm — the same file is imported, all or nothing. Then the outcome.
import { referralCsvOptionalColumns, referralCsvRequiredColumns } from '../../domain/referrals/referrals-csv.ts';
import type { ImportUpload } from '../courses/course-import.files.ts';
import { simpleImportPages } from '../courses/import-pages.tsx';
import type { ReferralImportSummary } from './referral-import.service.ts';

export type ReferralUpload = ImportUpload<ReferralImportSummary>;

export const {
  FormPage: ReferralImportFormPage,
  PreviewPage: ReferralImportPreviewPage,
  ResultPage: ReferralImportResultPage,
} = simpleImportPages<ReferralImportSummary>({
  base: '/henvisninger',
  section: 'nav.referrals',
  one: { da: 'henvisning', en: 'referral' },
  many: { da: 'henvisninger', en: 'referrals' },
  command: 'knudepunkt import referrals',
  intro: {
    da: 'Henvisninger fra et tidligere system: hver række nævner den henvisende og den modtagende organisation. Henvisninger genkendes på referral_id, så den samme fil kan indlæses igen uden dubletter, og de beholder deres tidspunkter (der sendes ingen notifikationer eller links). Virksomheder findes på CVR-nummer, førstartere på navn og kommune. Alt eller intet: er blot én række ugyldig, importeres intet.',
    en: 'Referrals from an earlier system: each row names the referring and the receiving organisation. Referrals are recognised by referral_id, so the same file can be imported again without duplicates, and they keep their times (no notifications or links are sent). Companies are found by CVR number, pre-starters by name and municipality. All or nothing: if a single row is invalid, nothing is imported.',
  },
  fileLabel: { da: 'Henvisningsfil (CSV)', en: 'Referrals file (CSV)' },
  columns: { required: referralCsvRequiredColumns, optional: referralCsvOptionalColumns },
});
