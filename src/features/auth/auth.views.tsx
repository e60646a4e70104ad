import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, TextField, type FormErrors } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';

export const LoginPage = (props: { ctx: PageContext; email?: string; errors?: FormErrors; message?: string; notice?: string; next?: string }) => {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={ctx.t('login.title')}>
      <h1>{ctx.t('login.title')}</h1>
      {props.notice ? <Alert variant="info">{props.notice}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} message={props.message} />
      <p class="font-lead">{ctx.t('login.intro')}</p>
      <form method="post" action="/log-ind" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={props.next ?? '/'} />
        <TextField ctx={ctx} name="email" type="email" label={ctx.t('login.email')} value={props.email} error={props.errors?.email} autocomplete="username" />
        <TextField ctx={ctx} name="password" type="password" label={ctx.t('login.password')} error={props.errors?.password} autocomplete="current-password" />
        <button type="submit" class="button button-primary">
          {ctx.t('login.submit')}
        </button>
      </form>
      <p class="mt-6">
        <a href="/nulstil-adgangskode">{ctx.t('login.forgot')}</a>
      </p>
    </Page>
  );
};

export const ResetRequestPage = (props: { ctx: PageContext; email?: string; errors?: FormErrors; sent?: boolean }) => {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={ctx.t('reset.title')}>
      <h1>{ctx.t('reset.title')}</h1>
      {props.sent ? <Alert variant="success">{ctx.t('reset.sent')}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <p class="font-lead">{ctx.t('reset.intro')}</p>
      <form method="post" action="/nulstil-adgangskode" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="email" type="email" label={ctx.t('login.email')} value={props.email} error={props.errors?.email} autocomplete="username" />
        <button type="submit" class="button button-primary">
          {ctx.t('reset.submit')}
        </button>
      </form>
    </Page>
  );
};

export const ChoosePasswordPage = (props: { ctx: PageContext; action: string; intro: string; errors?: FormErrors; message?: string }) => {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={ctx.t('password.title')}>
      <h1>{ctx.t('password.title')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} message={props.message} />
      <p class="font-lead">{props.intro}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={ctx.t('password.new')}
          hint={ctx.t('password.hint')}
          error={props.errors?.password}
          autocomplete="new-password"
        />
        <TextField
          ctx={ctx}
          name="passwordConfirmation"
          type="password"
          label={ctx.t('password.confirm')}
          error={props.errors?.passwordConfirmation}
          autocomplete="new-password"
        />
        <button type="submit" class="button button-primary">
          {ctx.t('password.submit')}
        </button>
      </form>
    </Page>
  );
};
