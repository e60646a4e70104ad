// SQL for the mail log: one row per message sent (outbox or SMTP), read by the admin outbox page and
// purged after the retention period (mail.service.ts).
import type { Executor } from '../../db/database.ts';
import type { MailTransportKind } from './mailer.ts';

export interface MailLogInsert {
  jobId: number | null;
  transport: MailTransportKind;
  recipient: string;
  subject: string;
  textBody: string;
  messageId: string | null;
  outboxFile: string | null;
  sentAt: Date;
}

export async function insertMailLog(db: Executor, entry: MailLogInsert): Promise<string> {
  const row = await db
    .insertInto('mail_log')
    .values({
      job_id: entry.jobId,
      transport: entry.transport,
      recipient: entry.recipient,
      subject: entry.subject,
      text_body: entry.textBody,
      message_id: entry.messageId,
      outbox_file: entry.outboxFile,
      sent_at: entry.sentAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findMailLog(db: Executor, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('mail_log')
      .select(['id', 'job_id', 'transport', 'recipient', 'subject', 'message_id', 'outbox_file', 'sent_at'])
      .orderBy('sent_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('mail_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function findMailLogEntry(db: Executor, id: string) {
  return db.selectFrom('mail_log').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes the rows sent before `cutoff`; returns how many. */
export async function deleteMailLogBefore(db: Executor, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('mail_log').where('sent_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
