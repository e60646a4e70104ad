// Forløb → Importér forløb, in two steps that work without JavaScript: (1) choose the file — it is
// checked (a dry run) and kept on the server; (2) confirm — the same file is imported. Then the outcome.
import type { CourseCsvError } from '../../domain/guidance/courses-csv.ts';
import { Alert, ErrorSummary, SelectField, type FormErrors } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import type { PageContext } from '../../web/context.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import { MAX_UPLOAD_BYTES, type CourseUpload } from './course-import.files.ts';
import type { CourseImportSummary } from './course-import.service.ts';
import { UploadProgress, uploadFormAttributes } from '../../web/components/upload-progress.tsx';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
/** More errors than this are counted, not listed: the command line lists them all. */
const MAX_ERRORS_LISTED = 500;

const crumbs = (ctx: PageContext, last: string) => [{ href: '/', label: ctx.t('nav.home') }, { href: '/forloeb', label: ctx.t('nav.courses') }, { label: last }];

const FileField = (props: { ctx: PageContext; error?: string | undefined }) => {
  const { ctx } = props;
  return (
    <div class={`form-group${props.error ? ' form-error' : ''}`}>
      <label class="form-label" for="file">
        {t(ctx, 'Forløbsfil (CSV)', 'Course file (CSV)')}
      </label>
      <span class="form-hint" id="file-hint">
        {t(
          ctx,
          `UTF-8, komma eller semikolon, med kolonnerne course_id, cvr, company_name, municipality_code, hub, category, segment, themes, target_group, start_date, end_date, meeting_dates. Højst ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
          `UTF-8, comma or semicolon, with the columns course_id, cvr, company_name, municipality_code, hub, category, segment, themes, target_group, start_date, end_date, meeting_dates. At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
        )}
      </span>
      {props.error ? (
        <span class="form-error-message" id="file-error">
          <span class="sr-only">{ctx.t('form.error')}: </span>
          {props.error}
        </span>
      ) : null}
      <input type="file" id="file" name="file" accept=".csv,.txt,text/csv,text/plain" required aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? 'file-hint file-error' : 'file-hint'} />
    </div>
  );
};

export interface ImportFormProps {
  ctx: PageContext;
  /** For admins: the organisations they may register courses under; otherwise their own is used. */
  organisations: { id: string; name: string }[] | null;
  organisationId?: string | undefined;
  errors?: FormErrors;
  message?: string | undefined;
}

export const CourseImportFormPage = (props: ImportFormProps) => {
  const { ctx } = props;
  const title = t(ctx, 'Importér forløb', 'Import courses');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} message={props.message} />
      <p class="font-lead">{t(ctx, 'Trin 1 af 2: vælg filen. Den bliver kontrolleret, og du ser, hvad der vil ske, før noget gemmes.', 'Step 1 of 2: choose the file. It is checked, and you see what will happen before anything is saved.')}</p>
      <p>
        {t(
          ctx,
          'Forløb genkendes på course_id, så den samme fil kan indlæses igen uden dubletter. Virksomheder findes på CVR-nummer, førstartere på navn og kommune. Alt eller intet: er blot én række ugyldig, importeres intet. Større filer indlæses med kommandoen "knudepunkt import courses".',
          'Courses are recognised by course_id, so the same file can be imported again without duplicates. Companies are found by CVR number, pre-starters by name and municipality. All or nothing: if a single row is invalid, nothing is imported. Larger files are imported with "knudepunkt import courses".',
        )}
      </p>
      <form method="post" action="/forloeb/import" enctype="multipart/form-data" novalidate {...uploadFormAttributes('/forloeb/import')}>
<UploadProgress ctx={ctx} />
        <CsrfField ctx={ctx} />
        {props.organisations ? (
          <SelectField
            ctx={ctx}
            name="organisation"
            label={t(ctx, 'Forløbene registreres under', 'Register the courses under')}
            hint={t(ctx, 'Rækker for andre erhvervshuse end organisationens springes over.', 'Rows of other hubs than the organisation’s are skipped.')}
            value={props.organisationId ?? ctx.actor?.organisationId}
            options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
            error={props.errors?.organisation}
          />
        ) : (
          <p>
            {t(ctx, 'Forløbene registreres under ', 'The courses are registered under ')}
            <strong>{ctx.actor?.organisationName}</strong>
            {t(ctx, '; rækker for andre erhvervshuse springes over.', '; rows of other hubs are skipped.')}
          </p>
        )}
        <FileField ctx={ctx} error={props.errors?.file} />
        <button type="submit" class="button button-primary">
          {t(ctx, 'Kontrollér filen', 'Check the file')}
        </button>
      </form>
    </Page>
  );
};

const ErrorTable = (props: { ctx: PageContext; errors: CourseCsvError[]; total: number }) => {
  const { ctx } = props;
  const caption = t(ctx, `Fejl i filen (${props.total})`, `Errors in the file (${props.total})`);
  return (
    <>
      <ScrollRegion label={caption}>
        <Table caption={caption} compact columns={[t(ctx, 'Linje', 'Line'), t(ctx, 'Kolonne', 'Column'), t(ctx, 'Værdi', 'Value'), t(ctx, 'Fejl', 'Error')]}>
          {props.errors.slice(0, MAX_ERRORS_LISTED).map((error) => (
            <tr>
              <td>{error.line}</td>
              <td>{error.column}</td>
              <td>{error.value.length > 60 ? `${error.value.slice(0, 60)}…` : error.value}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </Table>
      </ScrollRegion>
      {props.total > Math.min(MAX_ERRORS_LISTED, props.errors.length) ? (
        <p>{t(ctx, `… og ${props.total - Math.min(MAX_ERRORS_LISTED, props.errors.length)} fejl mere. Kommandoen "knudepunkt import courses --dry-run" viser dem alle.`, `… and ${props.total - Math.min(MAX_ERRORS_LISTED, props.errors.length)} more. "knudepunkt import courses --dry-run" lists them all.`)}</p>
      ) : null}
    </>
  );
};

/** The counts of a dry run or a real run, as a definition list. */
const Counts = (props: { ctx: PageContext; summary: CourseImportSummary }) => {
  const { ctx, summary: s } = props;
  const will = s.dryRun;
  return (
    <dl class="company-facts" data-testid="import-counts">
      <dt>{t(ctx, 'Rækker i filen', 'Rows in the file')}</dt>
      <dd>{s.rows}</dd>
      <dt>{t(ctx, will ? 'Forløb der oprettes' : 'Forløb oprettet', will ? 'Courses to create' : 'Courses created')}</dt>
      <dd data-testid="created">{s.courses.created}</dd>
      <dt>{t(ctx, will ? 'Forløb der opdateres' : 'Forløb opdateret', will ? 'Courses to update' : 'Courses updated')}</dt>
      <dd data-testid="updated">{s.courses.updated}</dd>
      <dt>{t(ctx, 'Forløb uændret', 'Courses unchanged')}</dt>
      <dd data-testid="unchanged">{s.courses.unchanged}</dd>
      <dt>{t(ctx, will ? 'Nye virksomheder der oprettes' : 'Nye virksomheder', will ? 'New companies to create' : 'New companies')}</dt>
      <dd>{s.companiesCreated}</dd>
      {s.skipped.count > 0 ? (
        <>
          <dt>{t(ctx, 'Sprunget over (andre erhvervshuse)', 'Skipped (other hubs)')}</dt>
          <dd>
            {s.skipped.count} ({s.skipped.hubs.join(', ')}; {t(ctx, 'linje', 'lines')} {s.skipped.lines.join(', ')}
            {s.skipped.count > s.skipped.lines.length ? ' …' : ''})
          </dd>
        </>
      ) : null}
    </dl>
  );
};

export const CourseImportPreviewPage = (props: { ctx: PageContext; upload: CourseUpload; summary: CourseImportSummary; rejected?: boolean }) => {
  const { ctx, upload, summary } = props;
  const title = t(ctx, `Kontrol af ${upload.fileName}`, `Check of ${upload.fileName}`);
  const nothingToDo = summary.courses.created === 0 && summary.courses.updated === 0;
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={crumbs(ctx, t(ctx, 'Importér forløb', 'Import courses'))}>
      <h1>{title}</h1>
      {summary.errorCount > 0 ? (
        <>
          <Alert variant="error" heading={t(ctx, `Filen har ${summary.invalidRows} ugyldige rækker – intet kan importeres`, `The file has ${summary.invalidRows} invalid rows – nothing can be imported`)}>
            {props.rejected
              ? t(ctx, 'Importen blev afvist, og intet er gemt. Ret fejlene i filen, og vælg den igen.', 'The import was refused and nothing was saved. Correct the file and choose it again.')
              : t(ctx, 'Ret fejlene i filen, og vælg den igen. Hver fejl nævner linje, kolonne og værdi.', 'Correct the file and choose it again. Each error names line, column and value.')}
          </Alert>
          <ErrorTable ctx={ctx} errors={summary.errors} total={summary.errorCount} />
          <h2>{t(ctx, 'De gyldige rækker', 'The valid rows')}</h2>
        </>
      ) : (
        <Alert variant="success" heading={t(ctx, 'Filen er i orden', 'The file is valid')}>
          {t(ctx, `Trin 2 af 2: ${summary.rows} rækker er kontrolleret, og intet er gemt endnu.`, `Step 2 of 2: ${summary.rows} rows were checked; nothing has been saved yet.`)}
        </Alert>
      )}
      <Counts ctx={ctx} summary={summary} />
      {summary.errorCount === 0 ? (
        <form method="post" action={`/forloeb/import/${upload.id}`}>
          <CsrfField ctx={ctx} />
          {nothingToDo ? <p>{t(ctx, 'Alle forløb er allerede importeret som i filen; en import ændrer intet.', 'Every course is already imported as in the file; importing changes nothing.')}</p> : null}
          <button type="submit" class="button button-primary">
            {t(ctx, `Importér ${summary.courses.created + summary.courses.updated} forløb`, `Import ${summary.courses.created + summary.courses.updated} courses`)}
          </button>
        </form>
      ) : null}
      <p>
        <a href="/forloeb/import">{t(ctx, 'Vælg en anden fil', 'Choose another file')}</a>
      </p>
    </Page>
  );
};

export const CourseImportResultPage = (props: { ctx: PageContext; upload: CourseUpload; summary: CourseImportSummary }) => {
  const { ctx, summary } = props;
  const title = t(ctx, 'Forløbene er importeret', 'The courses have been imported');
  const nothing = summary.courses.created === 0 && summary.courses.updated === 0;
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, t(ctx, 'Importér forløb', 'Import courses'))}>
      <h1>{title}</h1>
      <Alert variant="success">
        {nothing
          ? t(ctx, `${props.upload.fileName}: ingen ændringer – alle forløb var allerede importeret som i filen.`, `${props.upload.fileName}: no changes – every course was already imported as in the file.`)
          : t(ctx, `${props.upload.fileName} er importeret.`, `${props.upload.fileName} has been imported.`)}
      </Alert>
      <Counts ctx={ctx} summary={summary} />
      <p>
        <a href="/forloeb">{t(ctx, 'Se forløbene', 'See the courses')}</a>
        {' · '}
        <a href="/forloeb/statistik">{t(ctx, 'Se statistikken', 'See the statistics')}</a>
      </p>
    </Page>
  );
};
