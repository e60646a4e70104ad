// The company page: register facts, courses, activities, notes and the shared timeline.
import { hasRole } from '../../domain/actor.ts';
import { guidanceCategoryLabels } from '../../domain/guidance/guidance.types.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, type FormErrors } from '../../web/components/forms.tsx';
import { formatDateTime } from '../../web/format.ts';
import { Page } from '../../web/layout.tsx';
import type { Activity } from '../activities/activities.schema.ts';
import { ActivityTable, kindLabel } from '../activities/activities.views.tsx';
import type { Course, Note } from '../courses/courses.schema.ts';
import { CourseTable, NoteForm, NoteList } from '../courses/courses.views.tsx';
import type { Referral } from '../referrals/referrals.schema.ts';
import { ReferralTable, stateWithOutcome } from '../referrals/referrals.views.tsx';
import type { Company } from './companies.schema.ts';
import { crumbs, t } from './companies.views.tsx';

export interface CompanyHistoryEntry {
  occurredAt: Date;
  actorName: string;
  actorOrganisationName: string | null;
  action: 'create' | 'update' | 'delete';
}

interface TimelineEvent {
  sortKey: string;
  when: string;
  text: string;
}

/** The company's shared timeline: register changes, courses and their meetings, activities, notes — newest first. */
function timeline(ctx: PageContext, history: CompanyHistoryEntry[], courses: Course[], activities: Activity[], notes: Note[], referrals: Referral[] = []): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...history.map((entry) => ({
      sortKey: entry.occurredAt.toISOString(),
      when: formatDateTime(entry.occurredAt),
      text: `${entry.action === 'create' ? t(ctx, 'Registreret', 'Registered') : t(ctx, 'Ændret', 'Changed')} ${t(ctx, 'af', 'by')} ${entry.actorName}${entry.actorOrganisationName ? `, ${entry.actorOrganisationName}` : ''}`,
    })),
    ...courses.flatMap((course) => {
      const name = guidanceCategoryLabels[course.category][ctx.locale];
      return [
        { sortKey: course.startDate, when: course.startDate, text: `${name} ${t(ctx, 'startet hos', 'started with')} ${course.organisationName}` },
        ...course.meetingDates.map((date) => ({ sortKey: date, when: date, text: `${t(ctx, 'Møde i', 'Meeting in')} ${name.toLowerCase()}, ${course.organisationName}` })),
      ];
    }),
    ...activities.map((activity) => ({
      sortKey: activity.activityDate,
      when: activity.activityDate,
      text: `${kindLabel(ctx, activity)}: ${activity.title} (${activity.organisationName})`,
    })),
    ...notes.map((note) => ({
      sortKey: note.createdAt.toISOString(),
      when: formatDateTime(note.createdAt),
      text: `${note.visibility === 'internal' ? t(ctx, 'Intern note', 'Internal note') : t(ctx, 'Note', 'Note')} ${t(ctx, 'fra', 'from')} ${note.organisationName}`,
    })),
    ...referrals.map((referral) => ({
      sortKey: referral.createdAt.toISOString(),
      when: formatDateTime(referral.createdAt),
      text: `${t(ctx, 'Henvist fra', 'Referred from')} ${referral.fromOrganisationName} ${t(ctx, 'til', 'to')} ${referral.toOrganisationName}: ${referral.theme} (${stateWithOutcome(ctx, referral)})`,
    })),
  ];
  return events.sort((a, b) => b.sortKey.localeCompare(a.sortKey));
}

export const CompanyPage = (props: {
  ctx: PageContext;
  company: Company;
  productionUnits: { p_number: string; active: boolean }[];
  inScope: boolean;
  canEdit: boolean;
  history: CompanyHistoryEntry[];
  courses: Course[];
  activities: Activity[];
  notes: Note[];
  referrals?: Referral[];
  /** The instant the referrals' service goals are shown against (the app's clock). */
  now?: Date;
  canGuide: boolean;
  errors?: FormErrors | undefined;
  notice?: string | undefined;
}) => {
  const { ctx, company } = props;
  const row = (label: string, value: string | null) => (
    <>
      <dt>{label}</dt>
      <dd>{value ?? '–'}</dd>
    </>
  );
  const address = [company.street, [company.postcode, company.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  return (
    <Page ctx={ctx} title={company.name} breadcrumbs={crumbs(ctx, { label: company.name })}>
      <h1>{company.name}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      {company.advertisingProtected ? (
        <Alert variant="warning" heading={t(ctx, 'Reklamebeskyttet', 'Advertising protected')}>
          {t(
            ctx,
            'Virksomheden har frabedt sig henvendelser med markedsføring. Den tages ikke med på lister til opsøgende arbejde eller masseudsendelser. Vejledning, som virksomheden selv har bedt om, er ikke markedsføring.',
            'The company has asked not to be contacted for marketing. It is left out of outreach lists and bulk mailings. Guidance the company asked for is not marketing.',
          )}
        </Alert>
      ) : null}
      {!props.inScope ? (
        <Alert variant="info">{t(ctx, 'Virksomheden hører til en anden region. Registeroplysningerne kan ses, men ikke ændres.', 'The company belongs to another region. Its register data can be viewed, not changed.')}</Alert>
      ) : null}
      <dl class="company-facts">
        {row('CVR', company.cvr ?? t(ctx, 'Før-starter (intet CVR-nummer endnu)', 'Pre-starter (no CVR number yet)'))}
        {row(t(ctx, 'Adresse', 'Address'), address)}
        {row(t(ctx, 'Kommune', 'Municipality'), company.municipalityName)}
        {row(t(ctx, 'Branche', 'Industry'), [company.industryCode, company.industryText].filter(Boolean).join(' ') || null)}
        {row(t(ctx, 'Virksomhedsform', 'Legal form'), company.legalForm)}
        {row(t(ctx, 'Ansatte', 'Employees'), company.employeesBand ? `${company.employeesBand}${company.employeesYear ? ` (${company.employeesYear})` : ''}` : null)}
        {row(t(ctx, 'Startdato', 'Start date'), company.startDate)}
        {row(ctx.t('common.status'), company.statusText ?? (company.status === 'active' ? t(ctx, 'Aktiv', 'Active') : t(ctx, 'Ophørt', 'Ceased')))}
        {row(t(ctx, 'Opdateret fra CVR', 'Updated from CVR'), company.cvrSyncedAt ? formatDateTime(company.cvrSyncedAt) : null)}
      </dl>
      {props.inScope ? (
        <p class="table-actions">
          {props.canEdit ? (
            <a href={`/virksomheder/${company.id}/rediger`} class="button button-secondary">
              {ctx.t('common.edit')}
            </a>
          ) : null}
          <a href={`/virksomheder/${company.id}/kontaktpersoner`} class="button button-secondary">
            {t(ctx, 'Kontaktpersoner', 'Contact persons')}
          </a>
          {ctx.actor && hasRole(ctx.actor, 'manager', 'admin') ? (
            <a href={`/virksomheder/${company.id}/flet`} class="button button-tertiary">
              {t(ctx, 'Flet dublet', 'Merge duplicate')}
            </a>
          ) : null}
        </p>
      ) : null}
      {props.productionUnits.length > 0 ? (
        <>
          <h2>{t(ctx, 'Produktionsenheder', 'Production units')}</h2>
          <ul>
            {props.productionUnits.map((unit) => (
              <li>
                P-nr. {unit.p_number} {unit.active ? '' : t(ctx, '(ophørt)', '(closed)')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.inScope ? (
        <>
          <h2>{ctx.t('nav.courses')}</h2>
          {props.courses.length > 0 ? (
            <CourseTable ctx={ctx} courses={props.courses} caption={t(ctx, `Forløb med ${company.name}`, `Courses with ${company.name}`)} />
          ) : (
            <p>{t(ctx, 'Ingen forløb endnu.', 'No courses yet.')}</p>
          )}
          {props.canGuide ? (
            <p>
              <a href={`/virksomheder/${company.id}/forloeb/ny`} class="button button-secondary">
                {t(ctx, 'Nyt forløb', 'New course')}
              </a>{' '}
              <a href={`/virksomheder/${company.id}/aktiviteter/ny`} class="button button-secondary">
                {t(ctx, 'Ny aktivitet', 'New activity')}
              </a>{' '}
              <a href={`/virksomheder/${company.id}/henvisninger/ny`} class="button button-secondary">
                {t(ctx, 'Henvis virksomheden', 'Refer the company')}
              </a>
            </p>
          ) : null}
          <h2>{ctx.t('nav.activities')}</h2>
          {props.activities.length > 0 ? (
            <ActivityTable ctx={ctx} activities={props.activities} caption={t(ctx, `Aktiviteter med ${company.name}`, `Activities with ${company.name}`)} />
          ) : (
            <p>{t(ctx, 'Ingen aktiviteter endnu.', 'No activities yet.')}</p>
          )}
          <h2>{ctx.t('nav.referrals')}</h2>
          {props.referrals && props.referrals.length > 0 ? (
            <ReferralTable ctx={ctx} referrals={props.referrals} caption={t(ctx, `Henvisninger af ${company.name}`, `Referrals of ${company.name}`)} now={props.now ?? new Date()} show="both" showCompany={false} />
          ) : (
            <p>{t(ctx, 'Ingen henvisninger endnu.', 'No referrals yet.')}</p>
          )}
          <h2>{t(ctx, 'Noter', 'Notes')}</h2>
          <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
          <NoteList ctx={ctx} notes={props.notes} />
          {props.canGuide ? <NoteForm ctx={ctx} action={`/virksomheder/${company.id}/noter`} errors={props.errors} /> : null}
        </>
      ) : null}
      <h2>{t(ctx, 'Tidslinje', 'Timeline')}</h2>
      <ol class="company-timeline">
        {timeline(ctx, props.history, props.courses, props.activities, props.notes, props.referrals).map((event) => (
          <li>
            <strong>{event.when}</strong> {event.text}
          </li>
        ))}
      </ol>
    </Page>
  );
};
