// Evaluering → Invitationer: how the hub's invitations stand, its settings (delay after the course
// ends, weekday, link validity, reminders) and the companies it has excluded from the evaluation.
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, type FormErrors, type FormValues, stringValue } from '../../web/components/forms.tsx';
import { Table } from '../../web/components/table.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { InvitationAdmin } from './invitations.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const weekdays: [string, string][] = [
  ['mandag', 'Monday'],
  ['tirsdag', 'Tuesday'],
  ['onsdag', 'Wednesday'],
  ['torsdag', 'Thursday'],
  ['fredag', 'Friday'],
  ['lørdag', 'Saturday'],
  ['søndag', 'Sunday'],
];

export const InvitationAdminPage = (props: { ctx: PageContext; admin: InvitationAdmin; notice?: string | undefined; form?: { which: 'settings' | 'exclusion' | 'optOut'; errors: FormErrors; values: FormValues } | undefined }) => {
  const { ctx, admin } = props;
  const s = admin.settings;
  const settingsErrors = props.form?.which === 'settings' ? props.form.errors : {};
  const exclusionErrors = props.form?.which === 'exclusion' ? props.form.errors : {};
  const optOutErrors = props.form?.which === 'optOut' ? props.form.errors : {};
  const values = props.form?.values ?? {};
  const typed = (name: string, fallback: number | null) => (props.form?.which === 'settings' ? stringValue(values, name) : fallback === null ? '' : String(fallback));
  const title = t(ctx, `Invitationer til brugerevaluering – ${admin.hub.name}`, `User evaluation invitations – ${admin.hub.name}`);
  const c = admin.counts;
  return (
    <Page ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: `/evaluering?erhvervshus=${admin.hub.id}`, label: ctx.t('nav.evaluation') }, { label: t(ctx, 'Invitationer', 'Invitations') }]}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={{ ...settingsErrors, ...exclusionErrors, ...optOutErrors }} />
      {admin.hubs.length > 1 ? (
        <form method="get" action="/evaluering/invitationer" class="filter-form">
          <SelectField ctx={ctx} name="erhvervshus" label={t(ctx, 'Erhvervshus', 'Business hub')} value={admin.hub.id} options={admin.hubs.map((h) => ({ value: h.id, label: h.name }))} />
          <button type="submit" class="button button-secondary">
            {t(ctx, 'Vis', 'Show')}
          </button>
        </form>
      ) : null}
      <p>
        {t(
          ctx,
          'Når et af erhvervshusets forløb er afsluttet, inviteres virksomhedens kontaktperson med et personligt link, der kan bruges til ét svar. Reklamebeskyttede virksomheder inviteres også (evalueringen er ikke markedsføring); undtag en virksomhed herunder, hvis den ikke skal evalueres.',
          "When one of the hub's courses has ended, the company's contact person is invited with a personal link that can be used for one answer. Companies protected from advertising are invited too (the evaluation is not marketing); exclude a company below if it should not be evaluated.",
        )}
      </p>

      <h2>{t(ctx, 'Status', 'Status')}</h2>
      <Table caption={t(ctx, 'Invitationernes status', 'Status of the invitations')} hideCaption compact columns={[t(ctx, 'Invitationer', 'Invitations'), t(ctx, 'Antal', 'Count')]}>
        {(
          [
            ['invited', t(ctx, 'Inviteret i alt', 'Invited in total'), c.invited],
            ['answered', t(ctx, 'Besvaret', 'Answered'), c.answered],
            ['open', t(ctx, 'Venter på svar', 'Awaiting an answer'), c.open],
            ['expired', t(ctx, 'Udløbet uden svar', 'Expired without an answer'), c.expired],
            ['optedOut', t(ctx, 'Frameldt', 'Opted out'), c.optedOut],
            ['reminders', t(ctx, 'Påmindelser sendt', 'Reminders sent'), c.reminders],
          ] as const
        ).map(([key, label, value]) => (
          <tr data-testid={`count-${key}`}>
            <th scope="row">{label}</th>
            <td class="align-text-right">{value}</td>
          </tr>
        ))}
      </Table>

      <h2>{t(ctx, 'Indstillinger', 'Settings')}</h2>
      <form method="post" action="/evaluering/invitationer/indstillinger" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="erhvervshus" value={admin.hub.id} />
        <div class="form-group">
          <input type="checkbox" class="form-checkbox" id="enabled" name="enabled" checked={props.form?.which === 'settings' ? stringValue(values, 'enabled') === 'on' : s.enabled} />
          <label for="enabled" class="form-label">
            {t(ctx, 'Send invitationer og påmindelser', 'Send invitations and reminders')}
          </label>
        </div>
        <TextField ctx={ctx} type="number" name="inviteDelayDays" inputClass="input-width-xs" label={t(ctx, 'Dage efter forløbets afslutning', 'Days after the course ends')} value={typed('inviteDelayDays', s.inviteDelayDays)} error={settingsErrors.inviteDelayDays} />
        <SelectField
          ctx={ctx}
          name="inviteWeekday"
          label={t(ctx, 'Send kun invitationer på ugedag', 'Send invitations only on weekday')}
          required={false}
          placeholder={t(ctx, 'Alle dage', 'Every day')}
          value={typed('inviteWeekday', s.inviteWeekday)}
          error={settingsErrors.inviteWeekday}
          options={weekdays.map(([da, en], index) => ({ value: String(index + 1), label: t(ctx, da, en) }))}
        />
        <TextField ctx={ctx} type="number" name="expiryDays" inputClass="input-width-xs" label={t(ctx, 'Linket virker i (dage)', 'The link works for (days)')} value={typed('expiryDays', s.expiryDays)} error={settingsErrors.expiryDays} />
        <TextField ctx={ctx} type="number" name="reminderCount" inputClass="input-width-xs" label={t(ctx, 'Antal påmindelser', 'Number of reminders')} value={typed('reminderCount', s.reminderCount)} error={settingsErrors.reminderCount} />
        <TextField ctx={ctx} type="number" name="reminderSpacingDays" inputClass="input-width-xs" label={t(ctx, 'Dage mellem påmindelser', 'Days between reminders')} value={typed('reminderSpacingDays', s.reminderSpacingDays)} error={settingsErrors.reminderSpacingDays} />
        {s.updatedAt ? <p class="form-hint">{t(ctx, `Sidst ændret ${formatDateTime(s.updatedAt)} af ${s.updatedByName ?? ''}.`, `Last changed ${formatDateTime(s.updatedAt)} by ${s.updatedByName ?? ''}.`)}</p> : null}
        <button type="submit" class="button button-primary">
          {t(ctx, 'Gem indstillinger', 'Save settings')}
        </button>
      </form>

      <h2>{t(ctx, 'Undtagne virksomheder', 'Excluded companies')}</h2>
      {admin.exclusions.length === 0 ? (
        <p>{t(ctx, 'Ingen virksomheder er undtaget.', 'No companies are excluded.')}</p>
      ) : (
        <Table caption={t(ctx, 'Undtagne virksomheder', 'Excluded companies')} hideCaption compact columns={[t(ctx, 'Virksomhed', 'Company'), t(ctx, 'Begrundelse', 'Reason'), t(ctx, 'Undtaget', 'Excluded'), ctx.t('common.actions')]}>
          {admin.exclusions.map((x) => (
            <tr>
              <td>
                {x.company_name}
                {x.cvr ? ` (CVR ${x.cvr})` : ''}
              </td>
              <td>{x.reason}</td>
              <td>{`${formatDateTime(x.excluded_at)}, ${x.excluded_by_name}`}</td>
              <td>
                <form method="post" action={`/evaluering/invitationer/undtagelser/${x.company_id}/slet`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="erhvervshus" value={admin.hub.id} />
                  <button type="submit" class="button button-secondary" aria-label={t(ctx, `Evaluér ${x.company_name} igen`, `Evaluate ${x.company_name} again`)}>
                    {t(ctx, 'Evaluér igen', 'Evaluate again')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <form method="post" action="/evaluering/invitationer/undtagelser" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="erhvervshus" value={admin.hub.id} />
        <h3>{t(ctx, 'Undtag en virksomhed', 'Exclude a company')}</h3>
        <TextField ctx={ctx} name="cvr" inputClass="input-width-s" label={t(ctx, 'CVR-nummer', 'CVR number')} value={props.form?.which === 'exclusion' ? stringValue(values, 'cvr') : ''} error={exclusionErrors.cvr} />
        <TextField ctx={ctx} name="reason" label={t(ctx, 'Begrundelse', 'Reason')} value={props.form?.which === 'exclusion' ? stringValue(values, 'reason') : ''} error={exclusionErrors.reason} />
        <button type="submit" class="button button-secondary">
          {t(ctx, 'Undtag virksomheden', 'Exclude the company')}
        </button>
      </form>

      <h2>{t(ctx, 'Framelding', 'Opting out')}</h2>
      <p>
        {t(
          ctx,
          'Hvis en kontaktperson beder om ikke at få flere evalueringer – fx i telefonen – så frameld adressen her. Det virker som frameldingslinket i mailen: adressen får hverken invitationer eller påmindelser igen, fra noget erhvervshus.',
          'If a contact person asks to receive no more evaluations – on the phone, for instance – opt the address out here. It works as the opt-out link in the mail: the address gets neither invitations nor reminders again, from any hub.',
        )}
      </p>
      <form method="post" action="/evaluering/invitationer/frameldinger" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="erhvervshus" value={admin.hub.id} />
        <TextField ctx={ctx} type="email" name="email" autocomplete="off" label={t(ctx, 'E-mailadresse', 'E-mail address')} value={props.form?.which === 'optOut' ? stringValue(values, 'email') : ''} error={optOutErrors.email} />
        <button type="submit" class="button button-secondary">
          {t(ctx, 'Frameld adressen', 'Opt the address out')}
        </button>
      </form>
    </Page>
  );
};
