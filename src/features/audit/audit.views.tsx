import type { PageContext } from '../../web/context.ts';
import { Table } from '../../web/components/table.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { ErrorSummary, SelectField, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import type { findAuditEntries } from './audit.repository.ts';

type AuditRow = Awaited<ReturnType<typeof findAuditEntries>>['rows'][number];

const formatTime = (date: Date) => date.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'medium' });
const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export const AuditLogPage = (props: {
  ctx: PageContext;
  entries: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  entityTypes: string[];
  query: Record<string, string>;
  url: URL;
  errors: FormErrors;
}) => {
  const { ctx, query } = props;
  const title = ctx.t('admin.audit');
  const en = ctx.locale === 'en';
  const exportUrl = `/admin/revisionslog.csv${props.url.search}`;
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>
        {en
          ? 'Every change made through Knudepunkt: who, when, from which organisation, and the values before and after. The log cannot be changed.'
          : 'Alle ændringer foretaget i Knudepunkt: hvem, hvornår, fra hvilken organisation, og værdierne før og efter. Loggen kan ikke ændres.'}
      </p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action="/admin/revisionslog" class="filter-form">
        <SelectField
          ctx={ctx}
          name="entitet"
          label={en ? 'Entity' : 'Entitet'}
          required={false}
          value={query.entitet}
          placeholder={en ? 'All' : 'Alle'}
          options={props.entityTypes.map((type) => ({ value: type, label: type }))}
        />
        <SelectField
          ctx={ctx}
          name="handling"
          label={en ? 'Action' : 'Handling'}
          required={false}
          value={query.handling}
          placeholder={en ? 'All' : 'Alle'}
          options={[
            { value: 'create', label: en ? 'Created' : 'Oprettet' },
            { value: 'update', label: en ? 'Updated' : 'Ændret' },
            { value: 'delete', label: en ? 'Deleted' : 'Slettet' },
          ]}
        />
        <TextField ctx={ctx} name="bruger" label={en ? 'User' : 'Bruger'} required={false} value={query.bruger} />
        <TextField ctx={ctx} name="fra" type="date" label={en ? 'From' : 'Fra'} required={false} value={query.fra} error={props.errors.fra} />
        <TextField ctx={ctx} name="til" type="date" label={en ? 'To (inclusive)' : 'Til og med'} required={false} value={query.til} error={props.errors.til} />
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
        <a href={exportUrl} class="button button-tertiary" download>
          {en ? 'Export CSV' : 'Eksportér CSV'}
        </a>
      </form>
      <ScrollRegion label={title}>
        <Table caption={en ? `${props.total} entries` : `${props.total} hændelser`} compact columns={[en ? 'Time' : 'Tidspunkt', en ? 'User' : 'Bruger', 'Organisation', en ? 'Action' : 'Handling', en ? 'Entity' : 'Entitet', en ? 'Before' : 'Før', en ? 'After' : 'Efter']}>
            {props.entries.map((entry) => (
              <tr>
                <td>{formatTime(entry.occurred_at)}</td>
                <td>{entry.actor_name}</td>
                <td>{entry.actor_organisation_name ?? '–'}</td>
                <td>{entry.action}</td>
                <td>
                  {entry.entity_type} <span class="text-small">{entry.entity_id}</span>
                </td>
                <td class="json-cell">{json(entry.before)}</td>
                <td class="json-cell">{json(entry.after)}</td>
              </tr>
            ))}
          </Table>
      </ScrollRegion>
      <Pagination ctx={ctx} page={props.page} pageSize={props.pageSize} total={props.total} url={props.url} />
    </Page>
  );
};
