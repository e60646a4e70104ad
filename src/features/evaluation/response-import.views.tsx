// Evaluering → Importér besvarelser, in two steps that work without JavaScript, on the shared layouts
// of the courses import: (1) choose the file — it is checked against the database (a dry run) and kept
// on the server; (2) confirm — the same file is imported, all or nothing. Then the outcome.
import { ImportCounts, ImportFormLayout, ImportPreviewLayout, ImportResultLayout } from '../courses/course-import.views.tsx';
import { MAX_UPLOAD_BYTES, type ImportUpload } from '../courses/course-import.files.ts';
import { responseCsvColumns } from '../../domain/evaluation/responses-csv.ts';
import type { FormErrors } from '../../web/components/forms.tsx';
import type { PageContext } from '../../web/context.ts';
import type { ResponseImportSummary } from './response-import.service.ts';

export type ResponseUpload = ImportUpload<ResponseImportSummary>;

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
export const RESPONSES_COMMAND = 'knudepunkt import responses';

const crumbs = (ctx: PageContext) => [
  { href: '/', label: ctx.t('nav.home') },
  { href: '/evaluering', label: ctx.t('nav.evaluation') },
  { label: t(ctx, 'Importér besvarelser', 'Import responses') },
];

export const ResponseImportFormPage = (props: { ctx: PageContext; errors?: FormErrors; message?: string | undefined }) => {
  const { ctx } = props;
  const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
  return (
    <ImportFormLayout
      ctx={ctx}
      title={t(ctx, 'Importér besvarelser', 'Import responses')}
      breadcrumbs={crumbs(ctx)}
      intro={t(
        ctx,
        `Brugerevalueringens besvarelser – fra Erhvervsstyrelsens brugerevalueringssystem (source = erst) eller egne (own). Besvarelser genkendes på source og response_id, så den samme fil kan indlæses igen uden dubletter. En leder importerer sit eget erhvervshus' rækker; rækker for andre erhvervshuse springes over. Alt eller intet: er blot én række ugyldig, importeres intet. Større filer indlæses med kommandoen "${RESPONSES_COMMAND}".`,
        `The user evaluation's responses – from the Danish Business Authority's survey (source = erst) or the platform's own (own). Responses are recognised by source and response_id, so the same file can be imported again without duplicates. A manager imports their own hub's rows; rows of other hubs are skipped. All or nothing: if a single row is invalid, nothing is imported. Larger files are imported with "${RESPONSES_COMMAND}".`,
      )}
      action="/evaluering/import"
      file={{
        label: t(ctx, 'Besvarelsesfil (CSV)', 'Responses file (CSV)'),
        hint: t(ctx, `UTF-8, komma eller semikolon, med kolonnerne ${responseCsvColumns.join(', ')} og evt. themes. Højst ${megabytes} MB.`, `UTF-8, comma or semicolon, with the columns ${responseCsvColumns.join(', ')} and optionally themes. At most ${megabytes} MB.`),
      }}
      errors={props.errors}
      message={props.message}
    />
  );
};

const Counts = (props: { ctx: PageContext; summary: ResponseImportSummary }) => {
  const { ctx, summary: s } = props;
  return (
    <ImportCounts
      ctx={ctx}
      noun={{ da: 'Besvarelser', en: 'Responses' }}
      counts={s}
      extra={[
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
      ]}
    />
  );
};

export const ResponseImportPreviewPage = (props: { ctx: PageContext; upload: ResponseUpload; summary: ResponseImportSummary; rejected?: boolean }) => {
  const { ctx, upload, summary } = props;
  const toImport = summary.created + summary.updated;
  return (
    <ImportPreviewLayout
      ctx={ctx}
      fileName={upload.fileName}
      breadcrumbs={crumbs(ctx)}
      invalidRows={summary.invalidRows}
      errors={summary.errors}
      errorCount={summary.errorCount}
      rows={summary.rows}
      rejected={props.rejected}
      command={RESPONSES_COMMAND}
      counts={<Counts ctx={ctx} summary={summary} />}
      confirm={{
        action: `/evaluering/import/${upload.id}`,
        label: toImport === 1 ? t(ctx, 'Importér 1 besvarelse', 'Import 1 response') : t(ctx, `Importér ${toImport} besvarelser`, `Import ${toImport} responses`),
        nothingToDo: toImport === 0 ? t(ctx, 'Alle besvarelser er allerede importeret som i filen; en import ændrer intet.', 'Every response is already imported as in the file; importing changes nothing.') : null,
      }}
      againHref="/evaluering/import"
    />
  );
};

export const ResponseImportResultPage = (props: { ctx: PageContext; upload: ResponseUpload; summary: ResponseImportSummary }) => {
  const { ctx, upload, summary } = props;
  const nothing = summary.created === 0 && summary.updated === 0;
  return (
    <ImportResultLayout
      ctx={ctx}
      title={t(ctx, 'Besvarelserne er importeret', 'The responses have been imported')}
      breadcrumbs={crumbs(ctx)}
      message={
        nothing
          ? t(ctx, `${upload.fileName}: ingen ændringer – alle besvarelser var allerede importeret som i filen.`, `${upload.fileName}: no changes – every response was already imported as in the file.`)
          : t(ctx, `${upload.fileName} er importeret.`, `${upload.fileName} has been imported.`)
      }
      counts={<Counts ctx={ctx} summary={summary} />}
    >
      <a href="/evaluering">{t(ctx, 'Se nøgletallene', 'See the metrics')}</a>
    </ImportResultLayout>
  );
};
