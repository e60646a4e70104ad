import { roles } from '../../domain/actor.ts';
import { Table } from '../../web/components/table.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import type { PageContext } from '../../web/context.ts';
import { Alert, CheckboxGroup, ErrorSummary, SelectField, TextField, listValue, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import type { MessageKey } from '../../web/i18n/index.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import type { User } from './users.schema.ts';

const en = (ctx: PageContext) => ctx.locale === 'en';
const roleOptions = (ctx: PageContext) => roles.map((role) => ({ value: role, label: ctx.t(`role.${role}` as MessageKey) }));

export const UserListPage = (props: { ctx: PageContext; users: User[]; notice?: string | undefined }) => {
  const { ctx } = props;
  const title = ctx.t('admin.users');
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <p>
        <a href="/admin/brugere/inviter" class="button button-primary">
          {en(ctx) ? 'Invite user' : 'Invitér bruger'}
        </a>
      </p>
      <ScrollRegion label={title}>
        <Table caption={title} hideCaption columns={[ctx.t('common.name'), ctx.t('common.email'), 'Organisation', en(ctx) ? 'Roles' : 'Roller', ctx.t('common.status')]}>
            {props.users.map((user) => (
              <tr>
                <td>
                  <a href={`/admin/brugere/${user.id}`}>{user.name}</a>
                </td>
                <td>{user.email}</td>
                <td>{user.organisationName}</td>
                <td>{user.roles.map((role) => ctx.t(`role.${role}` as MessageKey)).join(', ')}</td>
                <td>
                  {!user.active ? ctx.t('common.inactive') : user.invitationPending ? (en(ctx) ? 'Invited' : 'Inviteret') : ctx.t('common.active')}
                </td>
              </tr>
            ))}
          </Table>
      </ScrollRegion>
    </Page>
  );
};

type Organisations = { id: string; name: string }[];

/** The fields an invitation and an edit share: which organisation, which roles. */
const OrganisationAndRoles = (props: { ctx: PageContext; organisations: Organisations; values: FormValues; errors: FormErrors; placeholder?: boolean }) => (
  <>
    <SelectField
      ctx={props.ctx}
      name="organisationId"
      label="Organisation"
      value={stringValue(props.values, 'organisationId')}
      error={props.errors.organisationId}
      {...(props.placeholder ? { placeholder: '' } : {})}
      options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
    />
    <CheckboxGroup
      ctx={props.ctx}
      name="roles"
      legend={en(props.ctx) ? 'Roles' : 'Roller'}
      options={roleOptions(props.ctx)}
      values={listValue(props.values, 'roles')}
      error={props.errors.roles}
    />
  </>
);

export const InviteUserPage = (props: { ctx: PageContext; organisations: Organisations; values: FormValues; errors?: FormErrors }) => {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const title = en(ctx) ? 'Invite user' : 'Invitér bruger';
  return (
    <Page ctx={ctx} title={title} breadcrumbs={adminCrumbs(ctx, { href: '/admin/brugere', label: ctx.t('admin.users') }, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="font-lead">
        {en(ctx)
          ? 'The user receives an e-mail with a link to choose a password. The link works once and for 7 days.'
          : 'Brugeren får en e-mail med et link til at vælge adgangskode. Linket virker én gang og i 7 dage.'}
      </p>
      <form method="post" action="/admin/brugere" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="name" label={ctx.t('common.name')} value={stringValue(values, 'name')} error={errors.name} autocomplete="off" />
        <TextField ctx={ctx} name="email" type="email" label={ctx.t('common.email')} value={stringValue(values, 'email')} error={errors.email} autocomplete="off" />
        <OrganisationAndRoles ctx={ctx} organisations={props.organisations} values={values} errors={errors} placeholder />
        <SelectField
          ctx={ctx}
          name="locale"
          label={en(ctx) ? 'Language of the e-mails' : 'Sprog i e-mails'}
          value={stringValue(values, 'locale') ?? 'da'}
          options={[
            { value: 'da', label: 'Dansk' },
            { value: 'en', label: 'English' },
          ]}
        />
        <button type="submit" class="button button-primary">
          Send invitation
        </button>
      </form>
    </Page>
  );
};

export const EditUserPage = (props: { ctx: PageContext; user: User; organisations: Organisations; values: FormValues; errors?: FormErrors; notice?: string | undefined }) => {
  const { ctx, user, values } = props;
  const errors = props.errors ?? {};
  return (
    <Page ctx={ctx} title={user.name} breadcrumbs={adminCrumbs(ctx, { href: '/admin/brugere', label: ctx.t('admin.users') }, { label: user.name })}>
      <h1>{user.name}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {user.email} · {!user.active ? ctx.t('common.inactive') : user.invitationPending ? (en(ctx) ? 'Invitation not yet accepted' : 'Invitationen er ikke taget imod endnu') : ctx.t('common.active')}
      </p>
      <form method="post" action={`/admin/brugere/${user.id}`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} name="name" label={ctx.t('common.name')} value={stringValue(values, 'name')} error={errors.name} />
        <OrganisationAndRoles ctx={ctx} organisations={props.organisations} values={values} errors={errors} />
        <button type="submit" class="button button-primary">
          {ctx.t('form.save')}
        </button>
      </form>
      <h2>{en(ctx) ? 'Access' : 'Adgang'}</h2>
      <div class="table-actions">
        {user.invitationPending && user.active ? (
          <form method="post" action={`/admin/brugere/${user.id}/invitation`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="button button-secondary">
              {en(ctx) ? 'Send invitation again' : 'Send invitation igen'}
            </button>
          </form>
        ) : null}
        <form method="post" action={`/admin/brugere/${user.id}/${user.active ? 'deaktiver' : 'aktiver'}`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button button-secondary">
            {user.active ? (en(ctx) ? 'Deactivate user' : 'Deaktivér bruger') : en(ctx) ? 'Reactivate user' : 'Genaktivér bruger'}
          </button>
        </form>
      </div>
    </Page>
  );
};
