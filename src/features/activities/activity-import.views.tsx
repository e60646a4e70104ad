// Aktiviteter → Importér aktiviteter, in two steps that work without JavaScript, on the layouts of the
// courses import: (1) choose the file — it is checked against the database (a dry run) and kept on the
// server; (2) confirm — the same file is imported, all or nothing. Then the outcome.
import { ImportCounts, ImportFormLayout, ImportPreviewLayout, ImportResultLayout } from '../courses/course-import.views.tsx';
import { MAX_UPLOAD_BYTES, type ImportUpload } from '../courses/course-import.files.ts';
import type { FormErrors } from '../../web/components/forms.tsx';
import type { PageContext } from '../../web/context.ts';
import type { ActivityImportSummary } from './activity-import.service.ts';
import { activityCsvOptionalColumns, activityCsvRequiredColumns } from '../../domain/activities/activities-csv.ts';

export type ActivityUpload = ImportUpload<ActivityImportSummary>;

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const COMMAND = 'knudepunkt import activities';

const crumbs = (ctx: PageContext) => [
  { href: '/', label: ctx.t('nav.home') },
  { href: '/aktiviteter', label: ctx.t('nav.activities') },
  { label: t(ctx, 'Importér aktiviteter', 'Import activities') },
];

export const ActivityImportFormPage = (props: { ctx: PageContext; errors?: FormErrors; message?: string | undefined }) => {
  const { ctx } = props;
  const required = activityCsvRequiredColumns.join(', ');
  const optional = activityCsvOptionalColumns.join(', ');
  const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
  return (
    <ImportFormLayout
      ctx={ctx}
      title={t(ctx, 'Importér aktiviteter', 'Import activities')}
      breadcrumbs={crumbs(ctx)}
      intro={t(
        ctx,
        `Aktiviteter fra et andet CRM: hver række nævner den organisation, der registrerede aktiviteten. Aktiviteter genkendes på activity_id, så den samme fil kan indlæses igen uden dubletter. Virksomheder findes på CVR-nummer, førstartere på navn og kommune. Alt eller intet: er blot én række ugyldig, importeres intet. Større filer indlæses med kommandoen "${COMMAND}".`,
        `Activities from another CRM: each row names the organisation that registered the activity. Activities are recognised by activity_id, so the same file can be imported again without duplicates. Companies are found by CVR number, pre-starters by name and municipality. All or nothing: if a single row is invalid, nothing is imported. Larger files are imported with "${COMMAND}".`,
      )}
      action="/aktiviteter/import"
      file={{
        label: t(ctx, 'Aktivitetsfil (CSV)', 'Activities file (CSV)'),
        hint: t(
          ctx,
          `UTF-8, komma eller semikolon, med kolonnerne ${required} og evt. ${optional}. Højst ${megabytes} MB.`,
          `UTF-8, comma or semicolon, with the columns ${required} and optionally ${optional}. At most ${megabytes} MB.`,
        ),
      }}
      errors={props.errors}
      message={props.message}
    />
  );
};

const Counts = (props: { ctx: PageContext; summary: ActivityImportSummary }) => (
  <ImportCounts ctx={props.ctx} noun={{ da: 'Aktiviteter', en: 'Activities' }} counts={props.summary} />
);

export const ActivityImportPreviewPage = (props: { ctx: PageContext; upload: ActivityUpload; summary: ActivityImportSummary; rejected?: boolean }) => {
  const { ctx, upload, summary } = props;
  const toImport = summary.created + summary.updated;
  return (
    <ImportPreviewLayout
      ctx={ctx}
      fileName={upload.fileName}
      breadcrumbs={crumbs(ctx)}
      invalidRows={new Set(summary.errors.map((error) => error.line)).size}
      errors={summary.errors}
      errorCount={summary.errors.length}
      rows={summary.rows}
      rejected={props.rejected}
      command={COMMAND}
      counts={<Counts ctx={ctx} summary={summary} />}
      confirm={{
        action: `/aktiviteter/import/${upload.id}`,
        label: toImport === 1 ? t(ctx, 'Importér 1 aktivitet', 'Import 1 activity') : t(ctx, `Importér ${toImport} aktiviteter`, `Import ${toImport} activities`),
        nothingToDo: toImport === 0 ? t(ctx, 'Alle aktiviteter er allerede importeret som i filen; en import ændrer intet.', 'Every activity is already imported as in the file; importing changes nothing.') : null,
      }}
      againHref="/aktiviteter/import"
    />
  );
};

export const ActivityImportResultPage = (props: { ctx: PageContext; upload: ActivityUpload; summary: ActivityImportSummary }) => {
  const { ctx, upload, summary } = props;
  const nothing = summary.created === 0 && summary.updated === 0;
  return (
    <ImportResultLayout
      ctx={ctx}
      title={t(ctx, 'Aktiviteterne er importeret', 'The activities have been imported')}
      breadcrumbs={crumbs(ctx)}
      message={
        nothing
          ? t(ctx, `${upload.fileName}: ingen ændringer – alle aktiviteter var allerede importeret som i filen.`, `${upload.fileName}: no changes – every activity was already imported as in the file.`)
          : t(ctx, `${upload.fileName} er importeret.`, `${upload.fileName} has been imported.`)
      }
      counts={<Counts ctx={ctx} summary={summary} />}
    >
      <a href="/aktiviteter">{t(ctx, 'Se aktiviteterne', 'See the activities')}</a>
    </ImportResultLayout>
  );
};
