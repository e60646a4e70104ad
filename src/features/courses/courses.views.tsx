import { guidanceCategories, guidanceCategoryLabels, guidanceThemeLabels, type GuidanceTheme } from '../../domain/guidance/guidance.types.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import { statusLabels } from './courses.form.views.tsx';
import type { Course, Note } from './courses.schema.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const themes = (ctx: PageContext, keys: string[]) => keys.map((key) => guidanceThemeLabels[key as GuidanceTheme]?.[ctx.locale] ?? key).join(', ');
const period = (course: Course) => `${course.startDate} – ${course.endDate ?? ''}`;

/** Courses of one company, for its page. */
export const CourseTable = (props: { ctx: PageContext; courses: Course[]; caption: string; showCompany?: boolean }) => {
  const { ctx } = props;
  return (
    <ScrollRegion label={props.caption}>
      <Table
        caption={props.caption}
        columns={[
          ...(props.showCompany ? [t(ctx, 'Virksomhed', 'Company')] : []),
          t(ctx, 'Kategori', 'Category'),
          t(ctx, 'Tematikker', 'Themes'),
          'Organisation',
          t(ctx, 'Periode', 'Period'),
          t(ctx, 'Møder', 'Meetings'),
          'Status',
        ]}
      >
        {props.courses.map((course) => (
          <tr>
            {props.showCompany ? <td>{course.companyName}</td> : null}
            <td>
              <a href={`/forloeb/${course.id}`}>{guidanceCategoryLabels[course.category][ctx.locale]}</a>
            </td>
            <td>{themes(ctx, course.themes)}</td>
            <td>{course.organisationName}</td>
            <td>{period(course)}</td>
            <td>{course.meetingDates.length}</td>
            <td>{statusLabels[course.status][ctx.locale]}</td>
          </tr>
        ))}
      </Table>
    </ScrollRegion>
  );
};

export const NoteList = (props: { ctx: PageContext; notes: Note[] }) => (
  <ul class="note-list">
    {props.notes.map((note) => (
      <li>
        <p class="note-meta">
          <strong>{formatDateTime(note.createdAt)}</strong> {note.authorName ?? ''}, {note.organisationName}{' '}
          <span class="badge badge-small">{note.visibility === 'internal' ? t(props.ctx, 'Intern', 'Internal') : t(props.ctx, 'Delt', 'Shared')}</span>
        </p>
        <p class="note-body">{note.body}</p>
      </li>
    ))}
  </ul>
);

export const NoteForm = (props: { ctx: PageContext; action: string; errors?: FormErrors; body?: string | undefined }) => {
  const { ctx } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField ctx={ctx} />
      <div class={`form-group${props.errors?.body ? ' form-error' : ''}`}>
        <label class="form-label" for="body">
          {t(ctx, 'Ny note', 'New note')}
        </label>
        {props.errors?.body ? (
          <span class="form-error-message" id="body-error">
            {props.errors.body}
          </span>
        ) : null}
        <textarea id="body" name="body" class="form-input" rows={4} aria-describedby={props.errors?.body ? 'body-error' : undefined}>
          {props.body ?? ''}
        </textarea>
      </div>
      <SelectField
        ctx={ctx}
        name="visibility"
        label={t(ctx, 'Hvem kan se noten', 'Who can see the note')}
        value="internal"
        options={[
          { value: 'internal', label: t(ctx, 'Kun min organisation (intern)', 'Only my organisation (internal)') },
          { value: 'shared', label: t(ctx, 'Alle organisationer i regionen (delt)', 'All organisations in the region (shared)') },
        ]}
      />
      <button type="submit" class="button button-secondary">
        {t(ctx, 'Gem note', 'Save note')}
      </button>
    </form>
  );
};

export const CoursePage = (props: { ctx: PageContext; course: Course; notes: Note[]; canChange: boolean; canNote: boolean; errors?: FormErrors; notice?: string | undefined }) => {
  const { ctx, course } = props;
  const title = `${guidanceCategoryLabels[course.category][ctx.locale]}: ${course.companyName}`;
  return (
    <Page
      ctx={ctx}
      title={title}
      breadcrumbs={[
        { href: '/', label: ctx.t('nav.home') },
        { href: '/forloeb', label: ctx.t('nav.courses') },
        { href: `/virksomheder/${course.companyId}`, label: course.companyName },
        { label: guidanceCategoryLabels[course.category][ctx.locale] },
      ]}
    >
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <dl class="company-facts">
        <dt>{t(ctx, 'Tematikker', 'Themes')}</dt>
        <dd>{themes(ctx, course.themes)}</dd>
        <dt>Organisation</dt>
        <dd>{course.organisationName}</dd>
        <dt>{t(ctx, 'Konsulent', 'Adviser')}</dt>
        <dd>{course.adviserName ?? '–'}</dd>
        <dt>{t(ctx, 'Periode', 'Period')}</dt>
        <dd>{period(course)}</dd>
        <dt>Status</dt>
        <dd>{statusLabels[course.status][ctx.locale]}</dd>
      </dl>
      {props.canChange ? (
        <p>
          <a href={`/forloeb/${course.id}/rediger`} class="button button-secondary">
            {ctx.t('common.edit')}
          </a>
        </p>
      ) : null}
      {props.canNote ? (
        <p>
          <a href={`/virksomheder/${course.companyId}/henvisninger/ny?forloeb=${course.id}`} class="button button-secondary">
            {t(ctx, 'Henvis virksomheden', 'Refer the company')}
          </a>
        </p>
      ) : null}
      <h2>{t(ctx, 'Møder', 'Meetings')}</h2>
      {course.meetingDates.length === 0 ? <p>{t(ctx, 'Ingen møder registreret endnu.', 'No meetings registered yet.')}</p> : <ul>{course.meetingDates.map((date) => <li>{date}</li>)}</ul>}
      {props.canChange ? (
        <form method="post" action={`/forloeb/${course.id}/moeder`} class="filter-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextField ctx={ctx} name="meetingDate" type="date" label={t(ctx, 'Mødedato', 'Meeting date')} error={props.errors?.meetingDate} />
          <button type="submit" class="button button-secondary">
            {t(ctx, 'Registrér møde', 'Register meeting')}
          </button>
        </form>
      ) : null}
      <h2>{t(ctx, 'Noter', 'Notes')}</h2>
      <NoteList ctx={ctx} notes={props.notes} />
      {props.canNote ? <NoteForm ctx={ctx} action={`/forloeb/${course.id}/noter`} errors={props.errors} /> : null}
    </Page>
  );
};

export const CourseListPage = (props: { ctx: PageContext; courses: Course[]; total: number; page: number; pageSize: number; filter: { category?: string | undefined; year?: number | undefined }; url: URL }) => {
  const { ctx } = props;
  const title = ctx.t('nav.courses');
  const thisYear = new Date().getFullYear();
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t(ctx, 'Forløb hos virksomheder i din region. Året tæller efter forløbets møder (et forløb uden møder tæller i startåret).', 'Courses with companies in your region. The year counts by the course’s meetings (a course without meetings counts in its start year).')}</p>
      <p>
        <a href="/forloeb/statistik">{t(ctx, 'Statistik', 'Statistics')}</a>
        {ctx.actor?.roles.some((role) => role === 'manager' || role === 'admin') ? (
          <>
            {' · '}
            <a href="/forloeb/import">{t(ctx, 'Importér forløb', 'Import courses')}</a>
          </>
        ) : null}
      </p>
      <form method="get" action="/forloeb" class="filter-form">
        <SelectField
          ctx={ctx}
          name="kategori"
          label={t(ctx, 'Kategori', 'Category')}
          required={false}
          value={props.filter.category}
          placeholder={t(ctx, 'Alle', 'All')}
          options={guidanceCategories.map((key) => ({ value: key, label: guidanceCategoryLabels[key][ctx.locale] }))}
        />
        <SelectField
          ctx={ctx}
          name="aar"
          label={t(ctx, 'År', 'Year')}
          required={false}
          value={props.filter.year ? String(props.filter.year) : ''}
          placeholder={t(ctx, 'Alle', 'All')}
          options={Array.from({ length: 8 }, (_, i) => String(thisYear - i)).map((year) => ({ value: year, label: year }))}
        />
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
      </form>
      <CourseTable ctx={ctx} courses={props.courses} caption={t(ctx, `${props.total} forløb`, `${props.total} courses`)} showCompany />
      <Pagination ctx={ctx} page={props.page} pageSize={props.pageSize} total={props.total} url={props.url} />
    </Page>
  );
};
