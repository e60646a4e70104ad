// Sending e-mail with nodemailer. With no SMTP_URL the message is written to the outbox — an .eml file
// per message in DATA_DIR/outbox, shown on the admin page — so a fresh installation runs without a
// mail server and nothing is silently lost. With SMTP_URL the message goes to that server.
// Only the sendMail job calls this; everything else queues mail (mail.service.ts, queueMail).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { systemClock, type Clock } from '../../domain/clock.ts';
import type { Logger } from '../../logger.ts';

export type MailTransportKind = 'outbox' | 'smtp';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

export interface SentMail {
  transport: MailTransportKind;
  messageId: string;
  /** File name inside the outbox folder (outbox transport only). */
  outboxFile?: string;
}

export interface Mailer {
  readonly transport: MailTransportKind;
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

export function outboxDirectory(config: Config): string {
  return join(config.dataDir, 'outbox');
}

export function senderAddress(config: Config): string {
  return `Knudepunkt <noreply@${new URL(config.baseUrl).hostname}>`;
}

// The outbox file name starts with the send time in UTC, so the files sort by time in any listing and
// the retention purge can read a file's age from its name: 2026-11-22T16-00-00-123Z-1a2b3c4d.eml
const outboxFilePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-[0-9a-f]{8}\.eml$/;

export function outboxFileName(sentAt: Date): string {
  return `${sentAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
}

/** When an outbox file was written, read from its name; null for files not written by the outbox. */
export function outboxFileTime(fileName: string): Date | null {
  const match = outboxFilePattern.exec(fileName);
  if (!match) return null;
  const [, date, hour, minute, second, millisecond] = match;
  return new Date(`${date}T${hour}:${minute}:${second}.${millisecond}Z`);
}

/** The raw message of an outbox file (for download on the admin page); null if it is gone. */
export async function readOutboxMessage(config: Config, fileName: string): Promise<string | null> {
  // Only names the outbox itself writes: a name from a request can never reach outside the folder.
  if (!outboxFilePattern.test(fileName)) return null;
  return readFile(join(outboxDirectory(config), fileName), 'utf8').catch(() => null);
}

/** Deletes outbox files written before `cutoff` (by the time in their name); returns how many. */
export async function deleteOutboxFilesBefore(config: Config, cutoff: Date): Promise<number> {
  const directory = outboxDirectory(config);
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  let deleted = 0;
  for (const name of names) {
    const writtenAt = outboxFileTime(name);
    if (writtenAt && writtenAt < cutoff) {
      await unlink(join(directory, name));
      deleted++;
    }
  }
  return deleted;
}

// Message content is ours, but never let it make nodemailer read a local file or fetch a URL.
const contentAccess = { disableFileAccess: true, disableUrlAccess: true };

export function createMailer(config: Config, logger: Logger, clock: Clock = systemClock): Mailer {
  const from = senderAddress(config);
  const log = logger.child({ component: 'mailer' });

  if (config.smtpUrl) {
    const transporter = nodemailer.createTransport({ url: config.smtpUrl, ...contentAccess }, { from });
    return {
      transport: 'smtp',
      async send(message) {
        const info = await transporter.sendMail(message);
        log.info('Mail afleveret til SMTP-serveren', { messageId: info.messageId });
        return { transport: 'smtp', messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }

  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...contentAccess }, { from });
  const directory = outboxDirectory(config);
  return {
    transport: 'outbox',
    async send(message) {
      const info = await transporter.sendMail(message);
      if (!Buffer.isBuffer(info.message)) throw new Error('streamTransport med buffer: true gav ikke en Buffer');
      const fileName = outboxFileName(clock.now());
      await mkdir(directory, { recursive: true });
      await writeFile(join(directory, fileName), info.message, { flag: 'wx' });
      log.info('Mail lagt i udbakken', { messageId: info.messageId, outboxFile: fileName });
      return { transport: 'outbox', messageId: info.messageId, outboxFile: fileName };
    },
    close: () => transporter.close(),
  };
}
