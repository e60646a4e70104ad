import type { PageContext } from '../../web/context.ts';
import { Table } from '../../web/components/table.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Alert, SelectField } from '../../web/components/forms.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import { jobStatuses, type JobList, type JobSchedule } from './jobs.service.ts';

const statusLabels = {
  da: { queued: 'I kø', running: 'Kører', succeeded: 'Gennemført', failed: 'Fejlet' },
  en: { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed' },
} as const;

export const JobsPage = (props: { ctx: PageContext; list: JobList; schedules: JobSchedule[]; filter: { status?: string | undefined; type?: string | undefined }; url: URL; notice?: string | undefined }) => {
  const { ctx, list } = props;
  const en = ctx.locale === 'en';
  const labels = statusLabels[ctx.locale];
  const title = ctx.t('admin.jobs');
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <p>
        {jobStatuses.map((status) => (
          <span class="badge mr-3">
            {labels[status]}: {list.counts[status]}
          </span>
        ))}
      </p>
      <form method="get" action="/admin/job" class="filter-form">
        <SelectField
          ctx={ctx}
          name="status"
          label="Status"
          required={false}
          value={props.filter.status}
          placeholder={en ? 'All' : 'Alle'}
          options={jobStatuses.map((status) => ({ value: status, label: labels[status] }))}
        />
        <SelectField
          ctx={ctx}
          name="type"
          label="Type"
          required={false}
          value={props.filter.type}
          placeholder={en ? 'All' : 'Alle'}
          options={list.types.map((type) => ({ value: type, label: type }))}
        />
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
      </form>
      <ScrollRegion label={title}>
        <Table caption={en ? `${list.total} jobs` : `${list.total} job`} compact columns={['Id', 'Type', 'Status', en ? 'Attempts' : 'Forsøg', en ? 'Run at' : 'Køres', en ? 'Finished' : 'Afsluttet', en ? 'Last error' : 'Seneste fejl', ctx.t('common.actions')]}>
            {list.jobs.map((job) => (
              <tr>
                <td>{job.id}</td>
                <td>{job.type}</td>
                <td>{labels[job.status]}</td>
                <td>
                  {job.attempts}/{job.maxAttempts}
                </td>
                <td>{formatDateTime(job.runAt)}</td>
                <td>{formatDateTime(job.finishedAt)}</td>
                <td>{job.lastError ?? ''}</td>
                <td>
                  {job.status === 'failed' ? (
                    <form method="post" action={`/admin/job/${job.id}/igen`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button button-secondary button-small" aria-label={`${en ? 'Retry job' : 'Kør job'} ${job.id} ${en ? 'again' : 'igen'}`}>
                        {en ? 'Retry' : 'Kør igen'}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
      </ScrollRegion>
      <Pagination ctx={ctx} page={list.page} pageSize={list.pageSize} total={list.total} url={props.url} />
      <h2>{en ? 'Schedules' : 'Faste kørsler'}</h2>
      <Table caption={en ? 'Schedules' : 'Faste kørsler'} hideCaption columns={[ctx.t('common.name'), 'Cron', 'Type', en ? 'Next run' : 'Næste kørsel', en ? 'Last run' : 'Seneste kørsel']}>
          {props.schedules.map((schedule) => (
            <tr>
              <td>{schedule.name}</td>
              <td>
                <code>{schedule.cron}</code>
              </td>
              <td>{schedule.jobType}</td>
              <td>{formatDateTime(schedule.nextRunAt)}</td>
              <td>{formatDateTime(schedule.lastRunAt)}</td>
            </tr>
          ))}
        </Table>
    </Page>
  );
};
