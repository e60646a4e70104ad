// The external receiver's page (/henvisning/<token>): no login, the DKFDS layout of the login page,
// plain forms with CSRF (works without JavaScript). Shows the company, the referring organisation and
// the theme — never the internal note. Also the sender's box on the referral page about the link.
import { referralOutcomeLabels, referralOutcomes, referralStateLabels } from '../../domain/referrals/referral-states.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, type FormErrors, type FormValues, stringValue } from '../../web/components/forms.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { ExternalLinkStatus, ExternalReferralView } from './referral-external.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);

export const ExternalReferralPage = (props: { ctx: PageContext; action: string; view: ExternalReferralView; errors?: FormErrors; values?: FormValues; notice?: string | undefined; message?: string | undefined; done?: boolean }) => {
  const { ctx, view: v } = props;
  const title = t(ctx, `Henvisning: ${v.companyName}`, `Referral: ${v.companyName}`);
  const canConfirm = !props.done && (v.state === 'sent' || v.state === 'received');
  const canReport = !props.done && (v.state === 'contacted' || v.state === 'inProgress');
  const errors = props.errors ?? {};
  return (
    <Page ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      {props.message ? <Alert variant="error">{props.message}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="font-lead">
        {t(
          ctx,
          `${v.fromOrganisationName} har henvist virksomheden til ${v.toOrganisationName}. Bekræft her, når I har taget første kontakt, og meld udfaldet tilbage, når I er færdige.`,
          `${v.fromOrganisationName} has referred the company to ${v.toOrganisationName}. Confirm here when you have made first contact, and report the outcome when you are done.`,
        )}
      </p>
      <dl class="company-facts">
        <dt>{t(ctx, 'Virksomhed', 'Company')}</dt>
        <dd>
          {v.companyName}
          {v.companyCvr ? ` (CVR ${v.companyCvr})` : ''}
        </dd>
        <dt>{t(ctx, 'Henvist af', 'Referred by')}</dt>
        <dd>{[v.fromUserName, v.fromOrganisationName].filter(Boolean).join(', ')}</dd>
        <dt>{t(ctx, 'Tema', 'Theme')}</dt>
        <dd>{v.theme}</dd>
        <dt>{t(ctx, 'Sendt', 'Sent')}</dt>
        <dd>{formatDateTime(v.createdAt)}</dd>
        <dt>Status</dt>
        <dd>
          {referralStateLabels[v.state][ctx.locale]}
          {v.outcome ? `: ${referralOutcomeLabels[v.outcome][ctx.locale]}` : ''}
        </dd>
        {v.contactedAt ? (
          <>
            <dt>{t(ctx, 'Første kontakt', 'First contact')}</dt>
            <dd>{formatDateTime(v.contactedAt)}</dd>
          </>
        ) : null}
        {v.screening && !props.done ? (
          <>
            <dt>{t(ctx, 'Screening', 'Screening')}</dt>
            <dd>
              <a href={`${props.action}/screening`} download>
                {v.screening.name}
              </a>
            </dd>
          </>
        ) : null}
        {props.done ? null : (
          <>
            <dt>{t(ctx, 'Linket virker til', 'The link works until')}</dt>
            <dd>{formatDateTime(v.expiresAt)}</dd>
          </>
        )}
      </dl>
      {canConfirm ? (
        <form method="post" action={`${props.action}/kontakt`}>
          <CsrfField ctx={ctx} />
          <h2>{t(ctx, 'Første kontakt', 'First contact')}</h2>
          <p>{t(ctx, 'Tryk, når I har været i kontakt med virksomheden.', 'Press when you have been in contact with the company.')}</p>
          <button type="submit" class="button button-primary">
            {t(ctx, 'Bekræft første kontakt', 'Confirm first contact')}
          </button>
        </form>
      ) : null}
      {canReport ? (
        <form method="post" action={`${props.action}/udfald`} novalidate>
          <CsrfField ctx={ctx} />
          <h2>{t(ctx, 'Meld udfaldet tilbage', 'Report the outcome')}</h2>
          <p>{t(ctx, 'Når udfaldet er meldt tilbage, er henvisningen afsluttet, og linket virker ikke længere.', 'Once the outcome is reported, the referral is closed and the link stops working.')}</p>
          <SelectField
            ctx={ctx}
            name="outcome"
            label={t(ctx, 'Udfald', 'Outcome')}
            value={stringValue(props.values ?? {}, 'outcome')}
            placeholder={t(ctx, 'Vælg udfald', 'Choose outcome')}
            error={errors.outcome}
            options={referralOutcomes.map((o) => ({ value: o, label: referralOutcomeLabels[o][ctx.locale] }))}
          />
          <div class={`form-group${errors.note ? ' form-error' : ''}`}>
            <label class="form-label" for="note">
              {t(ctx, 'Bemærkning til den henvisende organisation', 'Remark to the referring organisation')}
              <span class="weight-normal"> ({ctx.t('form.optional')})</span>
            </label>
            {errors.note ? (
              <span class="form-error-message" id="note-error">
                <span class="sr-only">{ctx.t('form.error')}: </span>
                {errors.note}
              </span>
            ) : null}
            <textarea id="note" name="note" class="form-input" rows={4} aria-invalid={errors.note ? 'true' : undefined} aria-describedby={errors.note ? 'note-error' : undefined}>
              {stringValue(props.values ?? {}, 'note') ?? ''}
            </textarea>
          </div>
          <button type="submit" class="button button-primary">
            {t(ctx, 'Meld udfaldet og afslut', 'Report the outcome and close')}
          </button>
        </form>
      ) : null}
      {props.done ? <p>{t(ctx, 'Tak. Henvisningen er afsluttet, og linket er brugt. I kan lukke siden.', 'Thank you. The referral is closed and the link has been used. You may close the page.')}</p> : null}
    </Page>
  );
};

/** Expired, used-up or unknown links: a clear message and nothing about the referral. */
export const ExternalLinkErrorPage = (props: { ctx: PageContext; title: string; text: string }) => (
  <Page ctx={props.ctx} title={props.title}>
    <h1>{props.title}</h1>
    <p class="font-lead">{props.text}</p>
  </Page>
);

/** On the referral page, for the two organisations: was a link sent to the external receiver? */
export const ExternalLinkBox = (props: { ctx: PageContext; referralId: string; status: ExternalLinkStatus; canResend: boolean; now: Date }) => {
  const { ctx, status } = props;
  const latest = status.latest;
  const resend = props.canResend ? (
    <form method="post" action={`/henvisninger/${props.referralId}/link`}>
      <CsrfField ctx={ctx} />
      <button type="submit" class="button button-secondary">
        {latest ? t(ctx, 'Send et nyt link', 'Send a new link') : t(ctx, 'Send linket', 'Send the link')}
      </button>
    </form>
  ) : null;
  return (
    <section aria-labelledby="external-link" class="referral-external-link">
      <h2 id="external-link">{t(ctx, 'Link til den eksterne modtager', 'Link for the external receiver')}</h2>
      {!status.organisationEmail && !latest ? (
        <Alert variant="warning">
          {t(
            ctx,
            `Der kunne ikke sendes et link: ${status.organisationName} har ingen e-mailadresse i Knudepunkt. Bed en administrator om at tilføje den, og send linket herfra.`,
            `No link could be sent: ${status.organisationName} has no e-mail address in Knudepunkt. Ask an administrator to add it, then send the link from here.`,
          )}
        </Alert>
      ) : latest ? (
        <p>
          {latest.usedAt
            ? t(ctx, `Linket til ${latest.email} er brugt (udfaldet er meldt ${formatDateTime(latest.usedAt)}).`, `The link to ${latest.email} has been used (outcome reported ${formatDateTime(latest.usedAt)}).`)
            : latest.revokedAt
              ? t(ctx, `Linket til ${latest.email} er erstattet.`, `The link to ${latest.email} has been replaced.`)
              : latest.expiresAt.getTime() <= props.now.getTime()
                ? t(ctx, `Linket til ${latest.email} udløb ${formatDateTime(latest.expiresAt)}.`, `The link to ${latest.email} expired ${formatDateTime(latest.expiresAt)}.`)
                : t(ctx, `Sendt til ${latest.email} ${formatDateTime(latest.createdAt)}; virker til ${formatDateTime(latest.expiresAt)}.`, `Sent to ${latest.email} ${formatDateTime(latest.createdAt)}; works until ${formatDateTime(latest.expiresAt)}.`)}
        </p>
      ) : (
        <p>{t(ctx, 'Der er ikke sendt et link endnu.', 'No link has been sent yet.')}</p>
      )}
      {status.organisationEmail && !latest?.usedAt ? resend : null}
    </section>
  );
};
