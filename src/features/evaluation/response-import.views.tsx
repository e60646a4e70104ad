// Evaluering → Importér besvarelser, in two steps that work without JavaScript (import-pages.tsx):
// (1) choose the file — it is checked against the database (a dry run) and kept on the server;
// (2) confirm — the same file is imported, all or nothing. Then the outcome.
import { responseCsvColumns, responseCsvOptionalColumns } from '../../domain/evaluation/responses-csv.ts';
import type { PageContext } from '../../web/context.ts';
import type { ImportUpload } from '../courses/course-import.files.ts';
import { simpleImportPages } from '../courses/import-pages.tsx';
import type { ResponseImportSummary } from './response-import.service.ts';

export type ResponseUpload = ImportUpload<ResponseImportSummary>;

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
export const RESPONSES_COMMAND = 'knudepunkt import responses';

/** Beyond created/updated/unchanged: responses linked to known companies, and rows of other hubs skipped. */
function responseCounts(ctx: PageContext, s: ResponseImportSummary) {
  return [
    { label: t(ctx, 'Knyttet til kendte virksomheder (CVR)', 'Linked to known companies (CVR)'), value: s.linkedToCompanies },
    ...(s.skipped.count > 0
      ? [
          {
            label: t(ctx, 'Sprunget over (andre erhvervshuse)', 'Skipped (other hubs)'),
            value: (
              <span data-testid="skipped">
                {s.skipped.count} ({s.skipped.hubs.join(', ')}; {t(ctx, 'linje', 'lines')} {s.skipped.lines.join(', ')}
                {s.skipped.count > s.skipped.lines.length ? ' …' : ''})
              </span>
            ),
          },
        ]
      : []),
  ];
}

export const {
  FormPage: ResponseImportFormPage,
  PreviewPage: ResponseImportPreviewPage,
  ResultPage: ResponseImportResultPage,
} = simpleImportPages<ResponseImportSummary>({
  base: '/evaluering',
  section: 'nav.evaluation',
  one: { da: 'besvarelse', en: 'response' },
  many: { da: 'besvarelser', en: 'responses' },
  command: RESPONSES_COMMAND,
  intro: {
    da: "Brugerevalueringens besvarelser – fra Erhvervsstyrelsens brugerevalueringssystem (source = erst) eller egne (own). Besvarelser genkendes på source og response_id, så den samme fil kan indlæses igen uden dubletter. En leder importerer sit eget erhvervshus' rækker; rækker for andre erhvervshuse springes over. Alt eller intet: er blot én række ugyldig, importeres intet.",
    en: "The user evaluation's responses – from the Danish Business Authority's survey (source = erst) or the platform's own (own). Responses are recognised by source and response_id, so the same file can be imported again without duplicates. A manager imports their own hub's rows; rows of other hubs are skipped. All or nothing: if a single row is invalid, nothing is imported.",
  },
  fileLabel: { da: 'Besvarelsesfil (CSV)', en: 'Responses file (CSV)' },
  columns: { required: responseCsvColumns, optional: responseCsvOptionalColumns },
  extraCounts: responseCounts,
});
