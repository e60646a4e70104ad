// E-mail goes out through the job queue: queueMail puts a sendMail job in the caller's transaction, so
// a mail exists exactly when the change that asked for it was committed, and a mail server that is
// down only delays it (retries with backoff). The admin outbox page reads the mail log.
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { days } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { defineJob, PermanentJobError } from '../../jobs/definitions.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { requireRole } from '../authorization.ts';
import { replaceJobPayload } from '../jobs/jobs.repository.ts';
import { deleteMailLogBefore, findMailLog, findMailLogEntry, insertMailLog } from './mail.repository.ts';
import { deleteOutboxFilesBefore, type MailTransportKind, type SentMail } from './mailer.ts';

/**
 * GDPR art. 5(1)(e), storage limitation: the mail log and outbox files hold addresses, names and
 * single-use links. They are kept 90 days — long enough to answer "did my invitation go out?" —
 * and then deleted by the nightly purgeMailLog job.
 */
export const mailRetentionDays = 90;

export const mailMessageSchema = z.object({
  to: z.email({ message: 'skal være en gyldig e-mailadresse / must be a valid e-mail address' }),
  subject: z
    .string()
    .min(1, 'må ikke være tom / must not be empty')
    .max(500, 'må højst være 500 tegn / must be at most 500 characters')
    .regex(/^[^\r\n]*$/, 'må ikke indeholde linjeskift / must not contain line breaks'),
  text: z.string().min(1, 'må ikke være tom / must not be empty'),
  html: z.string().optional(),
});

export type OutgoingMail = z.infer<typeof mailMessageSchema>;

// What the payload becomes once the mail is sent. Read by a rerun of the same job (the process died
// between sending and finishing) so that the mail is not sent twice.
const sentMarkerSchema = z.object({ sent: z.literal(true), mailLogId: z.string() });

export const sendMailPayloadSchema = z.union([mailMessageSchema, sentMarkerSchema]);

/** Queues a mail in the caller's transaction; returns the job id. Throws on a malformed message (a bug). */
export async function queueMail(db: Executor, message: OutgoingMail): Promise<number | null> {
  return enqueueJob(db, 'sendMail', mailMessageSchema.parse(message));
}

/** A 5xx reply (unknown recipient, say): sending again will get the same answer. */
function isPermanentRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { permanent, responseCode } = error as { permanent?: unknown; responseCode?: unknown };
  return permanent === true || (typeof responseCode === 'number' && responseCode >= 500);
}

export const sendMailJob = defineJob({
  type: 'sendMail',
  payloadSchema: sendMailPayloadSchema,
  async handler(context, payload) {
    if ('sent' in payload) {
      context.logger.info('Mailen var allerede sendt', { mailLogId: payload.mailLogId });
      return;
    }
    let sent: SentMail;
    try {
      sent = await context.mailer.send(payload);
    } catch (error) {
      if (!isPermanentRefusal(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new PermanentJobError(`Mailserveren afviste mailen / the mail server refused the message: ${reason}`, { cause: error });
    }
    await context.db.transaction().execute(async (trx) => {
      const mailLogId = await insertMailLog(trx, {
        jobId: context.jobId,
        transport: sent.transport,
        recipient: payload.to,
        subject: payload.subject,
        textBody: payload.text,
        messageId: sent.messageId,
        outboxFile: sent.outboxFile ?? null,
        sentAt: context.clock.now(),
      });
      // The mail log (purged after 90 days) is the one place the address and link stay; the job row,
      // kept for the queue's history, no longer needs them.
      await replaceJobPayload(trx, context.jobId, { sent: true, mailLogId });
    });
  },
});

export const purgeMailLogJob = defineJob({
  type: 'purgeMailLog',
  payloadSchema: z.object({}),
  async handler(context) {
    const cutoff = new Date(context.clock.now().getTime() - days(mailRetentionDays));
    const rows = await deleteMailLogBefore(context.db, cutoff);
    const files = await deleteOutboxFilesBefore(context.config, cutoff);
    context.logger.info('Mail-loggen er ryddet', { rows, files, retentionDays: mailRetentionDays });
  },
});

// --- The admin outbox page ---------------------------------------------------------------------------

export interface MailLogSummary {
  id: string;
  jobId: number | null;
  transport: MailTransportKind;
  recipient: string;
  subject: string;
  messageId: string | null;
  /** File name in DATA_DIR/outbox (outbox transport); read it with readOutboxMessage. */
  outboxFile: string | null;
  sentAt: Date;
}

export interface MailLogEntry extends MailLogSummary {
  textBody: string;
}

export interface MailLogList {
  messages: MailLogSummary[];
  total: number;
  page: number;
  pageSize: number;
  retentionDays: number;
}

type MailLogRow = Awaited<ReturnType<typeof findMailLog>>['rows'][number];

function toMailLogSummary(row: MailLogRow): MailLogSummary {
  return {
    id: row.id,
    jobId: row.job_id,
    transport: row.transport,
    recipient: row.recipient,
    subject: row.subject,
    messageId: row.message_id,
    outboxFile: row.outbox_file,
    sentAt: row.sent_at,
  };
}

export async function listMailLog(db: Executor, actor: Actor, page: { page: number; pageSize: number }): Promise<MailLogList> {
  requireRole(actor, 'admin');
  const { rows, total } = await findMailLog(db, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { messages: rows.map(toMailLogSummary), total, page: page.page, pageSize: page.pageSize, retentionDays: mailRetentionDays };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getMailMessage(db: Executor, actor: Actor, id: string): Promise<MailLogEntry> {
  requireRole(actor, 'admin');
  // An id that is not a uuid would make PostgreSQL raise an error; it simply names no mail.
  const row = uuidPattern.test(id) ? await findMailLogEntry(db, id) : undefined;
  if (!row) throw notFound('Mailen', 'The e-mail was not found');
  return { ...toMailLogSummary(row), textBody: row.text_body };
}
