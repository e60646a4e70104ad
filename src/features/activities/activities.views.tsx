import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import { Page } from '../../web/layout.tsx';
import { activityKindLabels, activityKinds, type Activity, type ActivityFilterQuery, type ActivityNote } from './activities.schema.ts';

export const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
export const kindLabel = (ctx: PageContext, activity: Pick<Activity, 'kind'>) => activityKindLabels[activity.kind][ctx.locale];

const visibilityBadge = (ctx: PageContext, note: ActivityNote) => (
  <span class="badge badge-small">{note.visibility === 'internal' ? t(ctx, 'Intern', 'Internal') : t(ctx, 'Delt', 'Shared')}</span>
);

/** The companies of an activity as links, with the number of pre-starters of other regions. */
const CompanyNames = (props: { ctx: PageContext; activity: Activity; max?: number }) => {
  const { activity } = props;
  const shown = activity.companies.slice(0, props.max ?? activity.companies.length);
  const more = activity.companies.length - shown.length + activity.hiddenCompanies;
  return (
    <>
      {shown.map((company, index) => (
        <>
          {index > 0 ? ', ' : ''}
          <a href={`/virksomheder/${company.id}`}>{company.name}</a>
        </>
      ))}
      {more > 0 ? t(props.ctx, ` og ${more} flere`, ` and ${more} more`) : ''}
    </>
  );
};

/** Activities of one company (its page) or of the region (the list): newest first. */
export const ActivityTable = (props: { ctx: PageContext; activities: Activity[]; caption: string; showCompanies?: boolean }) => {
  const { ctx } = props;
  return (
    <ScrollRegion label={props.caption}>
      <Table
        caption={props.caption}
        columns={[
          t(ctx, 'Dato', 'Date'),
          'Type',
          t(ctx, 'Titel', 'Title'),
          ...(props.showCompanies ? [t(ctx, 'Virksomheder', 'Companies')] : []),
          'Organisation',
          t(ctx, 'Konsulent', 'Adviser'),
          ...(props.showCompanies ? [t(ctx, 'Deltagere', 'Participants')] : ['Note']),
        ]}
      >
        {props.activities.map((activity) => (
          <tr>
            <td>{activity.activityDate}</td>
            <td>{kindLabel(ctx, activity)}</td>
            <td>
              <a href={`/aktiviteter/${activity.id}`}>{activity.title}</a>
            </td>
            {props.showCompanies ? (
              <td>
                <CompanyNames ctx={ctx} activity={activity} max={3} />
              </td>
            ) : null}
            <td>{activity.organisationName}</td>
            <td>{activity.adviserName ?? '–'}</td>
            {props.showCompanies ? (
              <td>{activity.participantCount ?? ''}</td>
            ) : (
              <td>{activity.note ? <>{visibilityBadge(ctx, activity.note)} {activity.note.body.length > 200 ? `${activity.note.body.slice(0, 200)} …` : activity.note.body}</> : ''}</td>
            )}
          </tr>
        ))}
      </Table>
    </ScrollRegion>
  );
};

export const ActivityPage = (props: { ctx: PageContext; activity: Activity; canChange: boolean; notice?: string | undefined }) => {
  const { ctx, activity } = props;
  const title = `${kindLabel(ctx, activity)}: ${activity.title}`;
  return (
    <Page ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: '/aktiviteter', label: ctx.t('nav.activities') }, { label: activity.title }]}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <dl class="company-facts">
        <dt>{t(ctx, 'Dato', 'Date')}</dt>
        <dd>{activity.activityDate}</dd>
        <dt>Organisation</dt>
        <dd>{activity.organisationName}</dd>
        <dt>{t(ctx, 'Konsulent', 'Adviser')}</dt>
        <dd>{activity.adviserName ?? '–'}</dd>
        <dt>{t(ctx, 'Virksomheder', 'Companies')}</dt>
        <dd>
          <CompanyNames ctx={ctx} activity={activity} />
        </dd>
        {activity.kind === 'event' ? (
          <>
            <dt>{t(ctx, 'Antal deltagere', 'Participants')}</dt>
            <dd>{activity.participantCount ?? '–'}</dd>
          </>
        ) : null}
      </dl>
      {props.canChange ? (
        <p>
          <a href={`/aktiviteter/${activity.id}/rediger`} class="button button-secondary">
            {ctx.t('common.edit')}
          </a>
        </p>
      ) : null}
      <h2>Note</h2>
      {activity.note ? (
        <div class="note-list">
          <p class="note-meta">
            {activity.note.authorName ?? ''}
            {activity.note.authorName ? ', ' : ''}
            {activity.note.organisationName} {visibilityBadge(ctx, activity.note)}
          </p>
          <p class="note-body">{activity.note.body}</p>
        </div>
      ) : (
        <p>{t(ctx, 'Ingen note, du kan se.', 'No note you can see.')}</p>
      )}
    </Page>
  );
};

export const ActivityListPage = (props: {
  ctx: PageContext;
  activities: Activity[];
  total: number;
  participants: number;
  page: number;
  pageSize: number;
  filter: Partial<ActivityFilterQuery>;
  organisations: { id: string; name: string }[];
  errors: FormErrors;
  url: URL;
}) => {
  const { ctx, filter } = props;
  const title = ctx.t('nav.activities');
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      <p>
        {t(
          ctx,
          'Besøg, møder, samtaler, e-mails og arrangementer med virksomheder i din region – registreret af erhvervshuset og de lokale erhvervskontorer.',
          'Visits, meetings, calls, e-mails and events with companies in your region, registered by the business hub and the local business offices.',
        )}
      </p>
      {ctx.actor?.roles.includes('admin') ? (
        <p>
          <a href="/aktiviteter/import">{t(ctx, 'Importér aktiviteter', 'Import activities')}</a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action="/aktiviteter" class="filter-form" novalidate>
        <SelectField
          ctx={ctx}
          name="type"
          label="Type"
          required={false}
          value={filter.type}
          placeholder={t(ctx, 'Alle', 'All')}
          options={activityKinds.map((key) => ({ value: key, label: activityKindLabels[key][ctx.locale] }))}
        />
        <SelectField
          ctx={ctx}
          name="organisation"
          label="Organisation"
          required={false}
          value={filter.organisation}
          placeholder={t(ctx, 'Alle', 'All')}
          options={props.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        />
        <TextField ctx={ctx} name="fra" type="date" label={t(ctx, 'Fra', 'From')} required={false} value={filter.fra} error={props.errors.fra} />
        <TextField ctx={ctx} name="til" type="date" label={t(ctx, 'Til', 'To')} required={false} value={filter.til} error={props.errors.til} />
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
      </form>
      <p>
        {t(ctx, `Deltagere i kollektive aktiviteter (arrangementer): ${props.participants}.`, `Participants in collective activities (events): ${props.participants}.`)}
      </p>
      {props.activities.length === 0 ? (
        <p>{t(ctx, 'Ingen aktiviteter matcher filtrene.', 'No activities match the filters.')}</p>
      ) : (
        <ActivityTable ctx={ctx} activities={props.activities} caption={props.total === 1 ? t(ctx, '1 aktivitet', '1 activity') : t(ctx, `${props.total} aktiviteter`, `${props.total} activities`)} showCompanies />
      )}
      <Pagination ctx={ctx} page={props.page} pageSize={props.pageSize} total={props.total} url={props.url} />
    </Page>
  );
};
