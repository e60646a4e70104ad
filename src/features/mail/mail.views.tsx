import type { PageContext } from '../../web/context.ts';
import { Table } from '../../web/components/table.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { formatDateTime } from '../../web/format.ts';
import { Page } from '../../web/layout.tsx';
import { adminCrumbs } from '../admin/admin.views.tsx';
import type { MailLogEntry, MailLogList } from './mail.service.ts';

export const OutboxPage = (props: { ctx: PageContext; list: MailLogList; url: URL; transport: 'outbox' | 'smtp' }) => {
  const { ctx, list } = props;
  const en = ctx.locale === 'en';
  const title = ctx.t('admin.outbox');
  return (
    <Page ctx={ctx} title={title} wide breadcrumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>
        {props.transport === 'outbox'
          ? en
            ? 'No SMTP server is configured (SMTP_URL): e-mails are written to the outbox folder in DATA_DIR and listed here instead of being sent.'
            : 'Der er ikke sat en SMTP-server op (SMTP_URL): e-mails skrives til udbakken i DATA_DIR og vises her i stedet for at blive sendt.'
          : en
            ? 'E-mails are sent through the configured SMTP server.'
            : 'E-mails sendes gennem den opsatte SMTP-server.'}{' '}
        {en ? `Messages are kept for ${list.retentionDays} days.` : `Beskederne gemmes i ${list.retentionDays} dage.`}
      </p>
      <Table caption={`${list.total} e-mails`} columns={[en ? 'Sent' : 'Sendt', en ? 'To' : 'Til', en ? 'Subject' : 'Emne', en ? 'Transport' : 'Forsendelse']}>
          {list.messages.map((message) => (
            <tr>
              <td>{formatDateTime(message.sentAt)}</td>
              <td>{message.recipient}</td>
              <td>
                <a href={`/admin/e-mail/${message.id}`}>{message.subject}</a>
              </td>
              <td>{message.transport === 'outbox' ? (en ? 'Outbox' : 'Udbakke') : 'SMTP'}</td>
            </tr>
          ))}
        </Table>
      <Pagination ctx={ctx} page={list.page} pageSize={list.pageSize} total={list.total} url={props.url} />
    </Page>
  );
};

export const MailMessagePage = (props: { ctx: PageContext; message: MailLogEntry }) => {
  const { ctx, message } = props;
  const en = ctx.locale === 'en';
  return (
    <Page ctx={ctx} title={message.subject} breadcrumbs={adminCrumbs(ctx, { href: '/admin/e-mail', label: ctx.t('admin.outbox') }, { label: message.subject })}>
      <h1>{message.subject}</h1>
      <dl>
        <dt>{en ? 'To' : 'Til'}</dt>
        <dd>{message.recipient}</dd>
        <dt>{en ? 'Sent' : 'Sendt'}</dt>
        <dd>{formatDateTime(message.sentAt)}</dd>
        {message.outboxFile ? (
          <>
            <dt>{en ? 'Outbox file' : 'Fil i udbakken'}</dt>
            <dd>
              <code>{message.outboxFile}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <pre class="mail-body">{message.textBody}</pre>
    </Page>
  );
};
