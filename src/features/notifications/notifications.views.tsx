import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, type FormErrors } from '../../web/components/forms.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import { notificationKindLabels, notificationKinds, type Notification, type NotificationKind } from './notifications.schema.ts';

export const NotificationsPage = (props: { ctx: PageContext; notifications: Notification[]; notice?: string | undefined }) => {
  const { ctx, notifications } = props;
  const en = ctx.locale === 'en';
  const title = en ? 'Notifications' : 'Notifikationer';
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <Page ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <p>
        {en ? `${unread} unread. ` : `${unread} ulæste. `}
        <a href="/notifikationer/indstillinger" class="function-link">
          {en ? 'Choose which notifications also come by e-mail' : 'Vælg hvilke notifikationer, du også får på e-mail'}
        </a>
      </p>
      {unread > 0 ? (
        <form method="post" action="/notifikationer/laest">
          <CsrfField ctx={ctx} />
          <button type="submit" class="button button-secondary">
            {en ? 'Mark all as read' : 'Markér alle som læst'}
          </button>
        </form>
      ) : null}
      {notifications.length === 0 ? (
        <p>{en ? 'You have no notifications.' : 'Du har ingen notifikationer.'}</p>
      ) : (
        <ul class="nobullet-list notification-list" data-testid="notifications">
          {notifications.map((n) => (
            <li class={n.readAt ? 'notification notification-read' : 'notification notification-unread'} data-notification-id={n.id}>
              <h2 class="h4">
                {n.readAt ? null : <strong class="notification-new">{en ? 'Unread: ' : 'Ulæst: '}</strong>}
                {n.href ? <a href={n.href}>{n.title}</a> : n.title}
              </h2>
              <p>{n.body}</p>
              <p class="form-hint">{formatDateTime(n.createdAt)}</p>
              {n.readAt ? null : (
                <form method="post" action={`/notifikationer/${n.id}/laest`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="function-link">
                    {en ? 'Mark as read' : 'Markér som læst'}
                    <span class="sr-only">: {n.title}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
};

export const NotificationPreferencesPage = (props: { ctx: PageContext; preferences: Record<NotificationKind, boolean>; errors?: FormErrors; notice?: string | undefined }) => {
  const { ctx } = props;
  const en = ctx.locale === 'en';
  const title = en ? 'Notification settings' : 'Indstillinger for notifikationer';
  const parent = en ? 'Notifications' : 'Notifikationer';
  return (
    <Page ctx={ctx} title={title} breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: '/notifikationer', label: parent }, { label: title }]}>
      <h1>{title}</h1>
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <ErrorSummary ctx={ctx} errors={props.errors ?? {}} />
      <p>
        {en
          ? 'You always see your notifications in Knudepunkt. Choose which of them you also get by e-mail.'
          : 'Du ser altid dine notifikationer i Knudepunkt. Vælg hvilke af dem, du også får på e-mail.'}
      </p>
      <form method="post" action="/notifikationer/indstillinger">
        <CsrfField ctx={ctx} />
        {notificationKinds.map((kind) => (
          <div class="form-group">
            <fieldset>
              <legend class="form-label">{notificationKindLabels[kind][ctx.locale]}</legend>
              <ul class="nobullet-list">
                <li>
                  <input id={`email-${kind}`} type="checkbox" name="email" value={kind} class="form-checkbox" checked={props.preferences[kind]} />
                  <label for={`email-${kind}`} class="form-label">
                    {en ? 'Also send an e-mail' : 'Send også e-mail'}
                  </label>
                </li>
              </ul>
            </fieldset>
          </div>
        ))}
        <button type="submit" class="button button-primary">
          {en ? 'Save' : 'Gem'}
        </button>
      </form>
    </Page>
  );
};
