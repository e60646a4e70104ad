// Forløb → Importér forløb, in two steps that work without JavaScript: (1) choose the file — it is
// checked (a dry run) and kept on the server; (2) confirm — the same file is imported. Then the outcome.
// The layouts of the three pages (Import…Layout) serve the activities import too.
import type { Child } from 'hono/jsx';
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

type Crumbs = { href?: string; label: string }[];
const crumbs = (ctx: PageContext, last: string) => [{ href: '/', label: ctx.t('nav.home') }, { href: '/forloeb', label: ctx.t('nav.courses') }, { label: last }];

const FileField = (props: { ctx: PageContext; label: string; hint: string; error?: string | undefined }) => {
  const { ctx } = props;
  return (
    <div class={`form-group${props.error ? ' form-error' : ''}`}>
      <label class="form-label" for="file">
        {props.label}
      </label>
      <span class="form-hint" id="file-hint">
        {props.hint}
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

/** Step 1 of an import: the upload form (with progress through htmx, a plain post without JavaScript). */
export const ImportFormLayout = (props: {
  ctx: PageContext;
  title: string;
  breadcrumbs: Crumbs;
  /** What the import does, under the step line. */
  intro: string;
  action: string;
  file: { label: string; hint: string };
  errors?: FormErrors | undefined;
  message?: string | undefined;
  /** Fields before the file field. */
  children?: Child;
}) => {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={props.title} breadcrumbs={props.breadcrumbs}>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} message={props.message} />
      <p class="font-lead">{t(ctx, 'Trin 1 af 2: vælg filen. Den bliver kontrolleret, og du ser, hvad der vil ske, før noget gemmes.', 'Step 1 of 2: choose the file. It is checked, and you see what will happen before anything is saved.')}</p>
      <p>{props.intro}</p>
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate {...uploadFormAttributes(props.action)}>
        <UploadProgress ctx={ctx} />
        <CsrfField ctx={ctx} />
        {props.children}
        <FileField ctx={ctx} label={props.file.label} hint={props.file.hint} error={props.errors?.file} />
        <button type="submit" class="button button-primary">
          {t(ctx, 'Kontrollér filen', 'Check the file')}
        </button>
      </form>
    </Page>
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
  const columns = 'course_id, cvr, company_name, municipality_code, hub, category, segment, themes, target_group, start_date, end_date, meeting_dates';
  return (
    <ImportFormLayout
      ctx={ctx}
      title={title}
      breadcrumbs={crumbs(ctx, title)}
      intro={t(
        ctx,
        'Forløb genkendes på course_id, så den samme fil kan indlæses igen uden dubletter. Virksomheder findes på CVR-nummer, førstartere på navn og kommune. Alt eller intet: er blot én række ugyldig, importeres intet. Større filer indlæses med kommandoen "knudepunkt import courses".',
        'Courses are recognised by course_id, so the same file can be imported again without duplicates. Companies are found by CVR number, pre-starters by name and municipality. All or nothing: if a single row is invalid, nothing is imported. Larger files are imported with "knudepunkt import courses".',
      )}
      action="/forloeb/import"
      file={{
        label: t(ctx, 'Forløbsfil (CSV)', 'Course file (CSV)'),
        hint: t(ctx, `UTF-8, komma eller semikolon, med kolonnerne ${columns}. Højst ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, `UTF-8, comma or semicolon, with the columns ${columns}. At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`),
      }}
      errors={props.errors}
      message={props.message}
    >
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
    </ImportFormLayout>
  );
};

/** An error of a CSV file as the parsers report it. */
interface ImportCsvError {
  line: number;
  column: string;
  value: string;
  message: string;
}

const ErrorTable = (props: { ctx: PageContext; errors: ImportCsvError[]; total: number; command: string }) => {
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
        <p>{t(ctx, `… og ${props.total - Math.min(MAX_ERRORS_LISTED, props.errors.length)} fejl mere. Kommandoen "${props.command} --dry-run" viser dem alle.`, `… and ${props.total - Math.min(MAX_ERRORS_LISTED, props.errors.length)} more. "${props.command} --dry-run" lists them all.`)}</p>
      ) : null}
    </>
  );
};

/**
 * The counts of a dry run or a real run, as a definition list: rows, the records (`noun`, e.g. Forløb)
 * to create, update or leave, new companies, then any `extra` lines of the import.
 */
export const ImportCounts = (props: {
  ctx: PageContext;
  noun: { da: string; en: string };
  counts: { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number; companiesCreated: number };
  extra?: { label: string; value: Child }[];
}) => {
  const { ctx, noun, counts: s } = props;
  const will = s.dryRun;
  const items: { label: string; value: Child; testId?: string }[] = [
    { label: t(ctx, 'Rækker i filen', 'Rows in the file'), value: s.rows },
    { label: t(ctx, `${noun.da} ${will ? 'der oprettes' : 'oprettet'}`, will ? `${noun.en} to create` : `${noun.en} created`), value: s.created, testId: 'created' },
    { label: t(ctx, `${noun.da} ${will ? 'der opdateres' : 'opdateret'}`, will ? `${noun.en} to update` : `${noun.en} updated`), value: s.updated, testId: 'updated' },
    { label: t(ctx, `${noun.da} uændret`, `${noun.en} unchanged`), value: s.unchanged, testId: 'unchanged' },
    { label: t(ctx, will ? 'Nye virksomheder der oprettes' : 'Nye virksomheder', will ? 'New companies to create' : 'New companies'), value: s.companiesCreated, testId: 'companies-created' },
    ...(props.extra ?? []),
  ];
  return (
    <dl class="company-facts" data-testid="import-counts">
      {items.map((item) => (
        <>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId}>{item.value}</dd>
        </>
      ))}
    </dl>
  );
};

const Counts = (props: { ctx: PageContext; summary: CourseImportSummary }) => {
  const { ctx, summary: s } = props;
  return (
    <ImportCounts
      ctx={ctx}
      noun={{ da: 'Forløb', en: 'Courses' }}
      counts={{ dryRun: s.dryRun, rows: s.rows, ...s.courses, companiesCreated: s.companiesCreated }}
      extra={
        s.skipped.count > 0
          ? [
              {
                label: t(ctx, 'Sprunget over (andre erhvervshuse)', 'Skipped (other hubs)'),
                value: (
                  <>
                    {s.skipped.count} ({s.skipped.hubs.join(', ')}; {t(ctx, 'linje', 'lines')} {s.skipped.lines.join(', ')}
                    {s.skipped.count > s.skipped.lines.length ? ' …' : ''})
                  </>
                ),
              },
            ]
          : []
      }
    />
  );
};

/**
 * Step 2 of an import: the dry run's outcome. With errors, every invalid row (line, column, value,
 * reason) and no import button; without, the button that imports the same file.
 */
export const ImportPreviewLayout = (props: {
  ctx: PageContext;
  fileName: string;
  breadcrumbs: Crumbs;
  invalidRows: number;
  errors: ImportCsvError[];
  errorCount: number;
  rows: number;
  /** The import was tried and refused (rows became invalid since the check). */
  rejected?: boolean | undefined;
  /** The command that lists every error of a larger file. */
  command: string;
  counts: Child;
  confirm: { action: string; label: string; nothingToDo?: string | null };
  againHref: string;
}) => {
  const { ctx } = props;
  const title = t(ctx, `Kontrol af ${props.fileName}`, `Check of ${props.fileName}`);
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={props.breadcrumbs}>
      <h1>{title}</h1>
      {props.errorCount > 0 ? (
        <>
          <Alert variant="error" heading={t(ctx, `Filen har ${props.invalidRows === 1 ? '1 ugyldig række' : `${props.invalidRows} ugyldige rækker`} – intet kan importeres`, `The file has ${props.invalidRows === 1 ? '1 invalid row' : `${props.invalidRows} invalid rows`} – nothing can be imported`)}>
            {props.rejected
              ? t(ctx, 'Importen blev afvist, og intet er gemt. Ret fejlene i filen, og vælg den igen.', 'The import was refused and nothing was saved. Correct the file and choose it again.')
              : t(ctx, 'Ret fejlene i filen, og vælg den igen. Hver fejl nævner linje, kolonne og værdi.', 'Correct the file and choose it again. Each error names line, column and value.')}
          </Alert>
          <ErrorTable ctx={ctx} errors={props.errors} total={props.errorCount} command={props.command} />
          <h2>{t(ctx, 'De gyldige rækker', 'The valid rows')}</h2>
        </>
      ) : (
        <Alert variant="success" heading={t(ctx, 'Filen er i orden', 'The file is valid')}>
          {t(ctx, `Trin 2 af 2: ${props.rows} rækker er kontrolleret, og intet er gemt endnu.`, `Step 2 of 2: ${props.rows} rows were checked; nothing has been saved yet.`)}
        </Alert>
      )}
      {props.counts}
      {props.errorCount === 0 ? (
        <form method="post" action={props.confirm.action}>
          <CsrfField ctx={ctx} />
          {props.confirm.nothingToDo ? <p>{props.confirm.nothingToDo}</p> : null}
          <button type="submit" class="button button-primary">
            {props.confirm.label}
          </button>
        </form>
      ) : null}
      <p>
        <a href={props.againHref}>{t(ctx, 'Vælg en anden fil', 'Choose another file')}</a>
      </p>
    </Page>
  );
};

export const CourseImportPreviewPage = (props: { ctx: PageContext; upload: CourseUpload; summary: CourseImportSummary; rejected?: boolean }) => {
  const { ctx, upload, summary } = props;
  const nothingToDo = summary.courses.created === 0 && summary.courses.updated === 0;
  const toImport = summary.courses.created + summary.courses.updated;
  return (
    <ImportPreviewLayout
      ctx={ctx}
      fileName={upload.fileName}
      breadcrumbs={crumbs(ctx, t(ctx, 'Importér forløb', 'Import courses'))}
      invalidRows={summary.invalidRows}
      errors={summary.errors}
      errorCount={summary.errorCount}
      rows={summary.rows}
      rejected={props.rejected}
      command="knudepunkt import courses"
      counts={<Counts ctx={ctx} summary={summary} />}
      confirm={{
        action: `/forloeb/import/${upload.id}`,
        label: t(ctx, `Importér ${toImport} forløb`, `Import ${toImport} courses`),
        nothingToDo: nothingToDo ? t(ctx, 'Alle forløb er allerede importeret som i filen; en import ændrer intet.', 'Every course is already imported as in the file; importing changes nothing.') : null,
      }}
      againHref="/forloeb/import"
    />
  );
};

/** The outcome of an import, kept with the upload so that the page survives a reload. */
export const ImportResultLayout = (props: { ctx: PageContext; title: string; breadcrumbs: Crumbs; message: string; counts: Child; children?: Child }) => (
  <Page ctx={props.ctx} title={props.title} breadcrumbs={props.breadcrumbs}>
    <h1>{props.title}</h1>
    <Alert variant="success">{props.message}</Alert>
    {props.counts}
    <p>{props.children}</p>
  </Page>
);

export const CourseImportResultPage = (props: { ctx: PageContext; upload: CourseUpload; summary: CourseImportSummary }) => {
  const { ctx, summary } = props;
  const nothing = summary.courses.created === 0 && summary.courses.updated === 0;
  return (
    <ImportResultLayout
      ctx={ctx}
      title={t(ctx, 'Forløbene er importeret', 'The courses have been imported')}
      breadcrumbs={crumbs(ctx, t(ctx, 'Importér forløb', 'Import courses'))}
      message={
        nothing
          ? t(ctx, `${props.upload.fileName}: ingen ændringer – alle forløb var allerede importeret som i filen.`, `${props.upload.fileName}: no changes – every course was already imported as in the file.`)
          : t(ctx, `${props.upload.fileName} er importeret.`, `${props.upload.fileName} has been imported.`)
      }
      counts={<Counts ctx={ctx} summary={summary} />}
    >
      <a href="/forloeb">{t(ctx, 'Se forløbene', 'See the courses')}</a>
      {' · '}
      <a href="/forloeb/statistik">{t(ctx, 'Se statistikken', 'See the statistics')}</a>
    </ImportResultLayout>
  );
};
