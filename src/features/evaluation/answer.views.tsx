// The public pages of the own evaluation: the answer form (/evaluering/svar/<token>), its thank-you
// page, the link's error pages and the opt-out (/evaluering/framelding/<token>). No login; the DKFDS
// layout of the login page; plain forms with CSRF that work without JavaScript; every question a
// fieldset with its legend, radio buttons with labels, errors next to the question and in the summary.
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, type FormErrors, type FormValues, stringValue } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { AnswerPageView, AnswerQuestion } from './answer.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);
const dateText = (ctx: PageContext, date: Date) =>
  date.toLocaleDateString(ctx.locale === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });

const QuestionField = (props: { ctx: PageContext; q: AnswerQuestion; number: number; value: string | undefined; error: string | undefined }) => {
  const { ctx, q } = props;
  const id = q.column;
  const options =
    q.scale.kind === 'numeric'
      ? Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => {
          const n = String(q.scale.kind === 'numeric' ? q.scale.min + i : i);
          return { key: n, label: n };
        })
      : q.scale.options.map((o) => ({ key: o.key, label: o[ctx.locale] }));
  const hint =
    q.scale.kind === 'numeric'
      ? t(ctx, `${q.scale.min} = slet ikke sandsynligt, ${q.scale.max} = meget sandsynligt`, `${q.scale.min} = not at all likely, ${q.scale.max} = extremely likely`)
      : q.askedWhen
        ? t(ctx, `Besvares kun, hvis du svarede ja til spørgsmålet ovenfor.`, `Answer only if you answered yes to the question above.`)
        : undefined;
  const described = [hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`form-group${props.error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={described}>
        <legend class="form-label">
          {`${props.number}. `}
          {q[ctx.locale]}
        </legend>
        {hint ? (
          <span class="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        {props.error ? (
          <span class="form-error-message" id={`${id}-error`}>
            <span class="sr-only">{ctx.t('form.error')}: </span>
            {props.error}
          </span>
        ) : null}
        <ul class="nobullet-list">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.key}`;
            return (
              <li>
                <input type="radio" class="form-radio" id={optionId} name={id} value={option.key} checked={props.value === option.key} />
                <label for={optionId} class="form-label">
                  {option.label}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
};

export const AnswerPage = (props: { ctx: PageContext; action: string; view: AnswerPageView; errors?: FormErrors; values?: FormValues }) => {
  const { ctx, view: v } = props;
  const errors = props.errors ?? {};
  const title = t(ctx, `Evaluering af dit forløb hos ${v.hubName}`, `Evaluation of your course with ${v.hubName}`);
  return (
    <Page ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="font-lead">
        {t(
          ctx,
          `${v.companyName} har haft et forløb hos ${v.hubName}. Dine svar hjælper erhvervshuset med at blive bedre. Det tager et par minutter.`,
          `${v.companyName} has had a course with ${v.hubName}. Your answers help the business hub improve. It takes a few minutes.`,
        )}
      </p>
      <p>
        {t(ctx, `Linket kan bruges til ét svar og virker til og med ${dateText(ctx, v.expiresAt)}. Svar på alle spørgsmål; vælg "Ved ikke", hvis du er i tvivl.`, `The link can be used for one answer and works until ${dateText(ctx, v.expiresAt)}. Answer every question; choose "Don't know" if you are unsure.`)}
      </p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        {v.questions.map((q, index) => (
          <QuestionField ctx={ctx} q={q} number={index + 1} value={stringValue(props.values ?? {}, q.column)} error={errors[q.column]} />
        ))}
        <button type="submit" class="button button-primary">
          {t(ctx, 'Send besvarelsen', 'Send the answers')}
        </button>
      </form>
    </Page>
  );
};

export const AnswerThanksPage = (props: { ctx: PageContext; hubName: string }) => {
  const { ctx } = props;
  const title = t(ctx, 'Tak for din besvarelse', 'Thank you for your answers');
  return (
    <Page ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Alert variant="success">{t(ctx, `Dine svar er gemt og sendt til ${props.hubName}.`, `Your answers have been saved and sent to ${props.hubName}.`)}</Alert>
      <p>{t(ctx, 'Linket er nu brugt. Du kan lukke siden.', 'The link has now been used. You may close the page.')}</p>
    </Page>
  );
};

/** Invalid, expired, already answered or throttled: a clear message, nothing about the invitation. */
export const AnswerLinkErrorPage = (props: { ctx: PageContext; title: string; text: string }) => (
  <Page ctx={props.ctx} title={props.title}>
    <h1>{props.title}</h1>
    <p class="font-lead">{props.text}</p>
  </Page>
);

export const OptOutPage = (props: { ctx: PageContext; action: string; hubName: string; done?: boolean; alreadyOptedOut?: boolean }) => {
  const { ctx } = props;
  const title = t(ctx, 'Frameld evalueringer', 'Opt out of evaluations');
  return (
    <Page ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.done || props.alreadyOptedOut ? (
        <Alert variant="success">
          {t(ctx, 'Du er frameldt. Du får ikke flere invitationer eller påmindelser om evalueringer fra Knudepunkt.', 'You have opted out. You will receive no more evaluation invitations or reminders from Knudepunkt.')}
        </Alert>
      ) : (
        <form method="post" action={props.action}>
          <CsrfField ctx={ctx} />
          <p class="font-lead">
            {t(
              ctx,
              `Vil du ikke have flere invitationer og påmindelser om evaluering af forløb hos ${props.hubName} og de andre erhvervshuse? Bekræft her.`,
              `Do you want no more invitations and reminders to evaluate courses with ${props.hubName} and the other business hubs? Confirm here.`,
            )}
          </p>
          <button type="submit" class="button button-primary">
            {t(ctx, 'Frameld mig', 'Opt me out')}
          </button>
        </form>
      )}
    </Page>
  );
};
