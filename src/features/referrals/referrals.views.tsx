// Referral pages: the form (from a company or a course), the inbox/outbox, one referral with its
// history and the transitions the reader's side may make (plain forms with CSRF, no JavaScript needed).
import { availableTransitions, referralOutcomeLabels, referralOutcomes, referralStateLabels, type ReferralState } from '../../domain/referrals/referral-states.ts';
import { formatDuration, serviceGoalStatus } from '../../domain/referrals/service-goal.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextArea, TextField, type FormErrors, type FormValues, stringValue } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { Table } from '../../web/components/table.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { Referral, ReferralEvent } from './referrals.schema.ts';
import { ScreeningFields } from './referral-files.views.tsx';
import type { Child } from 'hono/jsx';

export const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
export const stateText = (ctx: PageContext, state: ReferralState) => referralStateLabels[state][ctx.locale];
export const outcomeText = (ctx: PageContext, referral: Pick<Referral, 'outcome'>) => (referral.outcome ? referralOutcomeLabels[referral.outcome][ctx.locale] : '');
/** "Afsluttet: Brugt" — the state, and the outcome when there is one. */
export const stateWithOutcome = (ctx: PageContext, referral: Pick<Referral, 'state' | 'outcome'>) => `${stateText(ctx, referral.state)}${referral.outcome ? `: ${outcomeText(ctx, referral)}` : ''}`;

const crumbs = (ctx: PageContext, last?: { href?: string; label: string }) => [
  { href: '/', label: ctx.t('nav.home') },
  ...(last ? [{ href: '/henvisninger', label: ctx.t('nav.referrals') }, last] : [{ label: ctx.t('nav.referrals') }]),
];


/** Time left of the service goal, overdue, or whether first contact was within it. */
export function serviceGoalText(ctx: PageContext, referral: Referral, now: Date): string {
  const status = serviceGoalStatus(referral, now);
  switch (status.kind) {
    case 'awaiting':
      return t(ctx, `${formatDuration(status.msLeft)} tilbage`, `${formatDuration(status.msLeft, 'en')} left`);
    case 'overdue':
      return t(ctx, `Overskredet med ${formatDuration(status.msOver)}`, `Overdue by ${formatDuration(status.msOver, 'en')}`);
    case 'contacted':
      return status.met ? t(ctx, 'Kontaktet inden for servicemålet', 'Contacted within the goal') : t(ctx, 'Kontaktet efter servicemålet', 'Contacted after the goal');
    case 'none':
      return '–';
  }
}

// ---------------------------------------------------------------------------------------------- form

export interface ReferralFormData {
  company: { id: string; name: string };
  course?: { id: string; label: string } | undefined;
  targets: { id: string; name: string; kind: string; referral_service_goal_hours: number }[];
  contactPersons: { id: string; name: string | null; title: string | null }[];
}

const kindNames: Record<string, [string, string]> = { hub: ['erhvervshus', 'business hub'], localOffice: ['lokalt erhvervskontor', 'local business office'], kkrSecretariat: ['KKR-sekretariat', 'KKR secretariat'], external: ['ekstern', 'external'] };

export const ReferralFormPage = (props: { ctx: PageContext; data: ReferralFormData; values: FormValues; errors?: FormErrors }) => {
  const { ctx, data } = props;
  const errors = props.errors ?? {};
  const title = t(ctx, `Henvis ${data.company.name}`, `Refer ${data.company.name}`);
  return (
    <Page ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: `/virksomheder/${data.company.id}`, label: data.company.name }, { label: t(ctx, 'Henvis', 'Refer') }]}>
      <h1>{title}</h1>
      <p>
        {t(
          ctx,
          'Henvis virksomheden til en anden organisation – et erhvervshus, et lokalt erhvervskontor eller en ekstern partner. Modtageren skal tage første kontakt inden for sit servicemål, og du kan altid følge status og udfald.',
          'Refer the company to another organisation — a business hub, a local business office or an external partner. The receiver must make first contact within its service goal, and you can always follow the state and outcome.',
        )}
      </p>
      {data.course ? <p>{t(ctx, `Fra forløbet: ${data.course.label}`, `From the course: ${data.course.label}`)}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/virksomheder/${data.company.id}/henvisninger`} novalidate enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        {data.course ? <input type="hidden" name="courseId" value={data.course.id} /> : null}
        <SelectField
          ctx={ctx}
          name="toOrganisationId"
          label={t(ctx, 'Modtager', 'Receiver')}
          hint={t(ctx, 'Servicemålet for første kontakt står i parentes.', 'The service goal for first contact is in brackets.')}
          width="input-width-xl"
          value={stringValue(props.values, 'toOrganisationId')}
          placeholder={t(ctx, 'Vælg organisation', 'Choose organisation')}
          error={errors.toOrganisationId}
          options={data.targets.map((o) => ({ value: o.id, label: `${o.name} – ${kindNames[o.kind]?.[ctx.locale === 'en' ? 1 : 0] ?? o.kind} (${o.referral_service_goal_hours} ${t(ctx, 'timer', 'hours')})` }))}
        />
        <TextField ctx={ctx} name="theme" label={t(ctx, 'Tema eller årsag', 'Theme or reason')} value={stringValue(props.values, 'theme')} error={errors.theme} />
        <TextArea
          ctx={ctx}
          name="note"
          label={t(ctx, 'Note til modtageren', 'Note to the receiver')}
          hint={t(ctx, 'Ses kun af din og den modtagende organisation.', 'Seen only by your and the receiving organisation.')}
          required={false}
          value={stringValue(props.values, 'note')}
          error={errors.note}
        />
        <ScreeningFields ctx={ctx} values={props.values} errors={errors} />
        {data.contactPersons.length > 0 ? (
          <SelectField
            ctx={ctx}
            name="contactPersonId"
            label={t(ctx, 'Kontaktperson i virksomheden', 'Contact person at the company')}
            required={false}
            value={stringValue(props.values, 'contactPersonId')}
            placeholder={t(ctx, 'Ingen valgt', 'None chosen')}
            error={errors.contactPersonId}
            options={data.contactPersons.map((p) => ({ value: p.id, label: [p.name ?? '–', p.title].filter(Boolean).join(', ') }))}
          />
        ) : null}
        <button type="submit" class="button button-primary">
          {t(ctx, 'Send henvisning', 'Send referral')}
        </button>
      </form>
    </Page>
  );
};

// ---------------------------------------------------------------------------------------------- lists

export type ReferralGroup = 'new' | 'awaiting' | 'overdue' | 'inProgress' | 'closed';

export const groupLabels: Record<ReferralGroup, [string, string]> = {
  new: ['Nye', 'New'],
  awaiting: ['Afventer kontakt', 'Awaiting contact'],
  overdue: ['Overskredet servicemål', 'Service goal overdue'],
  inProgress: ['I gang', 'In progress'],
  closed: ['Afsluttede', 'Closed'],
};

/** new: not yet opened; awaiting contact: opened; overdue: either, past the goal; in progress; closed (or rejected, withdrawn). */
export function groupOf(referral: Referral, now: Date): ReferralGroup {
  if (referral.state === 'contacted' || referral.state === 'inProgress') return 'inProgress';
  if (referral.state !== 'sent' && referral.state !== 'received') return 'closed';
  if (serviceGoalStatus(referral, now).kind === 'overdue') return 'overdue';
  return referral.state === 'sent' ? 'new' : 'awaiting';
}

export const ReferralTable = (props: { ctx: PageContext; referrals: Referral[]; caption: string; hideCaption?: boolean; now: Date; show: 'to' | 'from' | 'both'; showCompany?: boolean }) => {
  const { ctx } = props;
  return (
    <ScrollRegion label={props.caption}>
      <Table
        caption={props.caption}
        hideCaption={props.hideCaption}
        columns={[
          ...(props.showCompany === false ? [] : [t(ctx, 'Virksomhed', 'Company')]),
          t(ctx, 'Tema', 'Theme'),
          ...(props.show !== 'to' ? [t(ctx, 'Fra', 'From')] : []),
          ...(props.show !== 'from' ? [t(ctx, 'Til', 'To')] : []),
          t(ctx, 'Sendt', 'Sent'),
          'Status',
          t(ctx, 'Servicemål', 'Service goal'),
        ]}
      >
        {props.referrals.map((r) => (
          <tr>
            {props.showCompany === false ? null : (
              <td>
                <a href={`/henvisninger/${r.id}`}>{r.companyName}</a>
              </td>
            )}
            <td>{props.showCompany === false ? <a href={`/henvisninger/${r.id}`}>{r.theme}</a> : r.theme}</td>
            {props.show !== 'to' ? <td>{[r.fromUserName, r.fromOrganisationName].filter(Boolean).join(', ')}</td> : null}
            {props.show !== 'from' ? <td>{[r.receiverUserName, r.toOrganisationName].filter(Boolean).join(', ')}</td> : null}
            <td>{formatDateTime(r.createdAt)}</td>
            <td>{stateWithOutcome(ctx, r)}</td>
            <td>{serviceGoalText(ctx, r, props.now)}</td>
          </tr>
        ))}
      </Table>
    </ScrollRegion>
  );
};

export const ReferralListPage = (props: { ctx: PageContext; box: 'inbox' | 'outbox'; mine: boolean; group: ReferralGroup | undefined; referrals: Referral[]; now: Date; notice?: string | undefined }) => {
  const { ctx } = props;
  const title = ctx.t('nav.referrals');
  const groups = (Object.keys(groupLabels) as ReferralGroup[]).filter((g) => !props.group || g === props.group);
  const byGroup = new Map<ReferralGroup, Referral[]>();
  for (const referral of props.referrals) {
    const group = groupOf(referral, props.now);
    byGroup.set(group, [...(byGroup.get(group) ?? []), referral]);
  }
  const href = (box: 'inbox' | 'outbox') => `/henvisninger?boks=${box === 'inbox' ? 'ind' : 'ud'}${props.mine ? '&mine=1' : ''}`;
  const orgName = ctx.actor?.organisationName ?? '';
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={crumbs(ctx)}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <p class="table-actions">
        <a href={href('inbox')} class={`button ${props.box === 'inbox' ? 'button-primary' : 'button-secondary'}`} aria-current={props.box === 'inbox' ? 'page' : undefined}>
          {t(ctx, 'Indbakke', 'Inbox')}
        </a>
        <a href={href('outbox')} class={`button ${props.box === 'outbox' ? 'button-primary' : 'button-secondary'}`} aria-current={props.box === 'outbox' ? 'page' : undefined}>
          {t(ctx, 'Udbakke', 'Outbox')}
        </a>
        <a href="/henvisninger/noegletal">{t(ctx, 'Nøgletal', 'Metrics')}</a>
        {ctx.actor?.roles.includes('admin') ? <a href="/henvisninger/import">{t(ctx, 'Importér henvisninger', 'Import referrals')}</a> : null}
      </p>
      <p>
        {props.box === 'inbox'
          ? t(ctx, `Henvisninger til ${orgName}.`, `Referrals to ${orgName}.`)
          : t(ctx, `Henvisninger fra ${orgName}: status og udfald hos modtageren.`, `Referrals from ${orgName}: state and outcome at the receiver.`)}
      </p>
      <form method="get" action="/henvisninger" class="filter-form">
        <input type="hidden" name="boks" value={props.box === 'inbox' ? 'ind' : 'ud'} />
        <SelectField
          ctx={ctx}
          name="gruppe"
          label={t(ctx, 'Vis', 'Show')}
          required={false}
          value={props.group ?? ''}
          placeholder={t(ctx, 'Alle grupper', 'All groups')}
          options={(Object.keys(groupLabels) as ReferralGroup[]).map((g) => ({ value: g, label: groupLabels[g][ctx.locale === 'en' ? 1 : 0] }))}
        />
        <div class="form-group">
          <div class="form-group-checkbox">
            <input id="mine" type="checkbox" name="mine" value="1" class="form-checkbox" checked={props.mine} />
            <label for="mine" class="form-label">
              {props.box === 'inbox' ? t(ctx, 'Kun mine (som jeg har kontaktet)', 'Only mine (that I contacted)') : t(ctx, 'Kun mine (som jeg har sendt)', 'Only mine (that I sent)')}
            </label>
          </div>
        </div>
        <button type="submit" class="button button-secondary">
          {ctx.t('form.filter')}
        </button>
      </form>
      {groups.map((group) => {
        const items = byGroup.get(group) ?? [];
        const label = groupLabels[group][ctx.locale === 'en' ? 1 : 0];
        return (
          <section aria-labelledby={`gruppe-${group}`}>
            <h2 id={`gruppe-${group}`}>
              {label} ({items.length})
            </h2>
            {items.length === 0 ? (
              <p>{t(ctx, 'Ingen.', 'None.')}</p>
            ) : (
              <ReferralTable ctx={ctx} referrals={items} caption={label} hideCaption now={props.now} show={props.box === 'inbox' ? 'from' : 'to'} />
            )}
          </section>
        );
      })}
    </Page>
  );
};

// ---------------------------------------------------------------------------------------------- one referral

const transitionButtons: Partial<Record<ReferralState, [string, string]>> = {
  received: ['Markér som modtaget', 'Mark as received'],
  contacted: ['Markér som kontaktet', 'Mark as contacted'],
  inProgress: ['Markér som i gang', 'Mark as in progress'],
  withdrawn: ['Træk henvisningen tilbage', 'Withdraw the referral'],
};

const TransitionForm = (props: { ctx: PageContext; referral: Referral; to: ReferralState; errors: FormErrors; values: FormValues }) => {
  const { ctx, referral, to } = props;
  const action = `/henvisninger/${referral.id}/status`;
  if (to === 'closed') {
    return (
      <form method="post" action={action} novalidate class="referral-transition">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="to" value="closed" />
        <SelectField
          ctx={ctx}
          name="outcome"
          label={t(ctx, 'Udfald', 'Outcome')}
          value={stringValue(props.values, 'outcome')}
          placeholder={t(ctx, 'Vælg udfald', 'Choose outcome')}
          error={props.errors.outcome}
          options={referralOutcomes.map((o) => ({ value: o, label: referralOutcomeLabels[o][ctx.locale] }))}
        />
        <TextArea ctx={ctx} name="note" id="close-note" label={t(ctx, 'Bemærkning', 'Remark')} required={false} value={stringValue(props.values, 'to') === 'closed' ? stringValue(props.values, 'note') : undefined} />
        <button type="submit" class="button button-primary">
          {t(ctx, 'Afslut henvisningen', 'Close the referral')}
        </button>
      </form>
    );
  }
  if (to === 'rejected') {
    return (
      <form method="post" action={action} novalidate class="referral-transition">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="to" value="rejected" />
        <TextArea ctx={ctx} name="reason" label={t(ctx, 'Begrundelse for afvisning', 'Reason for rejecting')} value={stringValue(props.values, 'reason')} error={props.errors.reason} />
        <button type="submit" class="button button-secondary">
          {t(ctx, 'Afvis henvisningen', 'Reject the referral')}
        </button>
      </form>
    );
  }
  const [da, en] = transitionButtons[to] ?? [stateText(ctx, to), stateText(ctx, to)];
  return (
    <form method="post" action={action} class="referral-transition">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="to" value={to} />
      <button type="submit" class={`button ${to === 'withdrawn' ? 'button-tertiary' : 'button-primary'}`}>
        {t(ctx, da, en)}
      </button>
    </form>
  );
};

export const ReferralPage = (props: {
  ctx: PageContext;
  referral: Referral;
  events: ReferralEvent[];
  side: 'receiver' | 'sender' | null;
  canAct: boolean;
  now: Date;
  errors?: FormErrors;
  values?: FormValues;
  notice?: string | undefined;
  message?: string | undefined;
  attachments?: Child;
}) => {
  const { ctx, referral: r } = props;
  const title = t(ctx, `Henvisning: ${r.companyName}`, `Referral: ${r.companyName}`);
  const transitions = props.side && props.canAct ? availableTransitions(r.state, props.side).filter((to) => to !== 'received') : [];
  const status = serviceGoalStatus(r, props.now);
  const row = (label: string, value: string | null | undefined) => (
    <>
      <dt>{label}</dt>
      <dd>{value || '–'}</dd>
    </>
  );
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { label: r.companyName })}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      {props.message ? <Alert variant="error">{props.message}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      {status.kind === 'overdue' ? (
        <Alert variant="warning">{t(ctx, `Servicemålet for første kontakt er overskredet med ${formatDuration(status.msOver)}.`, `The service goal for first contact is overdue by ${formatDuration(status.msOver, 'en')}.`)}</Alert>
      ) : null}
      <dl class="company-facts">
        {row('Status', stateText(ctx, r.state))}
        {row(t(ctx, 'Udfald', 'Outcome'), outcomeText(ctx, r))}
        {r.state === 'rejected' ? row(t(ctx, 'Begrundelse for afvisning', 'Reason for rejecting'), r.detailsVisible ? r.rejectionReason : t(ctx, 'Ses kun af de to organisationer', 'Seen only by the two organisations')) : null}
        <dt>{t(ctx, 'Virksomhed', 'Company')}</dt>
        <dd>
          <a href={`/virksomheder/${r.companyId}`}>{r.companyName}</a>
          {r.companyCvr ? ` (CVR ${r.companyCvr})` : ''}
        </dd>
        {row(t(ctx, 'Tema', 'Theme'), r.theme)}
        {row(t(ctx, 'Fra', 'From'), [r.fromUserName, r.fromOrganisationName].filter(Boolean).join(', '))}
        {row(t(ctx, 'Til', 'To'), r.toOrganisationName)}
        {row(t(ctx, 'Håndteres af', 'Handled by'), r.receiverUserName)}
        {r.detailsVisible ? row(t(ctx, 'Kontaktperson', 'Contact person'), r.contactPersonName) : null}
        {row(t(ctx, 'Sendt', 'Sent'), formatDateTime(r.createdAt))}
        {row(t(ctx, 'Servicemål', 'Service goal'), `${r.serviceGoalHours} ${t(ctx, 'timer', 'hours')}: ${t(ctx, 'første kontakt senest', 'first contact by')} ${formatDateTime(status.deadline)} – ${serviceGoalText(ctx, r, props.now)}`)}
        {row(t(ctx, 'Kontaktet', 'Contacted'), r.contactedAt ? formatDateTime(r.contactedAt) : null)}
        {r.courseId ? (
          <>
            <dt>{t(ctx, 'Forløb', 'Course')}</dt>
            <dd>
              <a href={`/forloeb/${r.courseId}`}>{t(ctx, 'Se forløbet', 'See the course')}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {props.attachments}
      <h2>{t(ctx, 'Note', 'Note')}</h2>
      <p class="note-body">{r.detailsVisible ? (r.note ?? t(ctx, 'Ingen note.', 'No note.')) : t(ctx, 'Noten ses kun af den henvisende og den modtagende organisation.', 'The note is seen only by the referring and the receiving organisation.')}</p>
      {transitions.length > 0 ? (
        <>
          <h2>{t(ctx, 'Skift status', 'Change state')}</h2>
          <div class="referral-transitions">
            {transitions.map((to) => (
              <TransitionForm ctx={ctx} referral={r} to={to} errors={props.errors ?? {}} values={props.values ?? {}} />
            ))}
          </div>
        </>
      ) : null}
      <h2>{t(ctx, 'Historik', 'History')}</h2>
      <ol class="company-timeline referral-history">
        {props.events.map((event) => (
          <li>
            <strong>{formatDateTime(event.at)}</strong> {stateText(ctx, event.toState)} – {event.byName}
            {event.note ? `: ${event.note}` : ''}
          </li>
        ))}
      </ol>
    </Page>
  );
};
