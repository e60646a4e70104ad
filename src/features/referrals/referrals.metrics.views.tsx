// /henvisninger/noegletal: per receiver, sender and month — n, the share contacted within the service
// goal, the median hours to first contact and the outcomes (02-crm.md); and the organisation's own goal.
import type { ReferralMetrics } from '../../domain/referrals/referral-metrics.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import { t } from './referrals.views.tsx';

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
const hours = (value: number | null) => (value === null ? '–' : value.toLocaleString('da-DK', { maximumFractionDigits: 1 }));

const MetricsTable = (props: { ctx: PageContext; caption: string; first: string; rows: ReferralMetrics[] }) => {
  const { ctx } = props;
  return (
    <ScrollRegion label={props.caption}>
      <Table
        caption={props.caption}
        columns={[
          props.first,
          t(ctx, 'Henvisninger', 'Referrals'),
          t(ctx, 'Kontaktet inden for servicemålet', 'Contacted within the goal'),
          t(ctx, 'Median timer til første kontakt', 'Median hours to first contact'),
          t(ctx, 'Brugt', 'Used'),
          t(ctx, 'Ikke brugt', 'Not used'),
          t(ctx, 'Ikke relevant', 'Not relevant'),
        ]}
      >
        {props.rows.map((row) => (
          <tr>
            <td>{row.label}</td>
            <td>{row.n}</td>
            <td>
              {percent(row.withinGoal.share)} <span class="weight-normal">(n={row.withinGoal.n})</span>
            </td>
            <td>
              {hours(row.medianHoursToContact.hours)} <span class="weight-normal">(n={row.medianHoursToContact.n})</span>
            </td>
            <td>{row.outcomes.used}</td>
            <td>{row.outcomes.notUsed}</td>
            <td>{row.outcomes.notRelevant}</td>
          </tr>
        ))}
      </Table>
    </ScrollRegion>
  );
};

export const ReferralMetricsPage = (props: {
  ctx: PageContext;
  metrics: { total: ReferralMetrics; byReceiver: ReferralMetrics[]; bySender: ReferralMetrics[]; byMonth: ReferralMetrics[] };
  year: number | undefined;
  years: number[];
  serviceGoalHours: number;
  canSetGoal: boolean;
  errors?: FormErrors;
  notice?: string | undefined;
}) => {
  const { ctx, metrics } = props;
  const title = t(ctx, 'Nøgletal for henvisninger', 'Referral metrics');
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: '/henvisninger', label: ctx.t('nav.referrals') }, { label: t(ctx, 'Nøgletal', 'Metrics') }]}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <p>
        {t(
          ctx,
          'Andelen kontaktet inden for servicemålet regnes af de henvisninger, hvor det er afgjort: kontaktet, eller ikke kontaktet og fristen er overskredet. Afviste og tilbagetrukne uden kontakt tæller ikke med. Måneden er den danske måned, henvisningen blev sendt i. n står ved hvert tal.',
          'The share contacted within the goal counts the referrals where it is decided: contacted, or not contacted past the deadline. Rejected and withdrawn ones without contact are left out. The month is the Danish month the referral was sent in. n is given with each figure.',
        )}
      </p>
      <form method="get" action="/henvisninger/noegletal" class="filter-form">
        <SelectField
          ctx={ctx}
          name="aar"
          label={t(ctx, 'År', 'Year')}
          required={false}
          value={props.year ? String(props.year) : ''}
          placeholder={t(ctx, 'Alle', 'All')}
          options={props.years.map((year) => ({ value: String(year), label: String(year) }))}
        />
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
      </form>
      <MetricsTable ctx={ctx} caption={t(ctx, 'I alt', 'Total')} first="" rows={[{ ...metrics.total, label: t(ctx, 'Alle henvisninger', 'All referrals') }]} />
      <h2>{t(ctx, 'Pr. modtager', 'By receiver')}</h2>
      <MetricsTable ctx={ctx} caption={t(ctx, 'Pr. modtager', 'By receiver')} first={t(ctx, 'Modtager', 'Receiver')} rows={metrics.byReceiver} />
      <h2>{t(ctx, 'Pr. afsender', 'By sender')}</h2>
      <MetricsTable ctx={ctx} caption={t(ctx, 'Pr. afsender', 'By sender')} first={t(ctx, 'Afsender', 'Sender')} rows={metrics.bySender} />
      <h2>{t(ctx, 'Pr. måned', 'By month')}</h2>
      <MetricsTable ctx={ctx} caption={t(ctx, 'Pr. måned', 'By month')} first={t(ctx, 'Måned', 'Month')} rows={metrics.byMonth} />
      <h2>{t(ctx, 'Din organisations servicemål', 'Your organisation’s service goal')}</h2>
      <p>
        {t(
          ctx,
          `Henvisninger til ${ctx.actor?.organisationName ?? ''} skal have første kontakt inden for ${props.serviceGoalHours} timer (kalendertimer). En henvisning beholder det servicemål, der gjaldt, da den blev sendt.`,
          `Referrals to ${ctx.actor?.organisationName ?? ''} must get first contact within ${props.serviceGoalHours} hours (calendar hours). A referral keeps the goal that applied when it was sent.`,
        )}
      </p>
      {props.canSetGoal ? (
        <form method="post" action="/henvisninger/servicemaal" class="filter-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextField ctx={ctx} name="hours" type="number" label={t(ctx, 'Servicemål i timer', 'Service goal in hours')} value={String(props.serviceGoalHours)} error={props.errors?.hours} inputClass="input-width-xs" />
          <button type="submit" class="button button-secondary">
            {t(ctx, 'Gem servicemål', 'Save service goal')}
          </button>
        </form>
      ) : null}
    </Page>
  );
};
