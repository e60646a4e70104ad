import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { bodyText, decodeWords, header } from '../../../test/helpers/mime.ts';
import { startLoopbackSmtp, type LoopbackSmtp, type ReceivedMail } from '../../../test/helpers/smtp.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { UserActor } from '../../domain/actor.ts';
import { days, ManualClock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { foundationJobDefinitions } from '../../jobs/foundation-jobs.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { silentLogger } from '../../logger.ts';
import { getMailMessage, listMailLog, queueMail } from './mail.service.ts';
import { createMailer, outboxDirectory, outboxFileName, readOutboxMessage, type Mailer } from './mailer.ts';

const admin: UserActor = {
  kind: 'user',
  userId: randomUUID(),
  name: 'Admin',
  organisationId: randomUUID(),
  organisationName: 'Erhvervshus Test',
  organisationKind: 'hub',
  regionCode: 1081,
  roles: ['admin'],
  locale: 'da',
};
const viewer: UserActor = { ...admin, userId: randomUUID(), roles: ['viewer'] };

describe('mail', () => {
  let database: TestDatabase;
  let dataDir: string;
  // Later than the database's now(), which queueMail's run_at comes from, so queued mail is due.
  const clock = new ManualClock('2030-06-01T10:00:00Z');

  before(async () => {
    database = await createTestDatabase({ reference: false });
    dataDir = await mkdtemp(join(tmpdir(), 'kp-mail-'));
  });
  after(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute();
    await database.db.deleteFrom('mail_log').execute();
  });

  const configWith = (environment: Record<string, string>) =>
    loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: 'https://knudepunkt.example.dk', ...environment });
  const runnerFor = (config: Config, mailer: Mailer) =>
    createJobRunner({ database, definitions: foundationJobDefinitions, config, logger: silentLogger, clock, mailer });
  const onlyJob = () => database.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();

  describe('through the outbox (no SMTP_URL)', () => {
    it('writes an .eml file with the recipient and subject, logs the mail and forgets the address in the job', async () => {
      const config = configWith({});
      const mailer = createMailer(config, silentLogger, clock);
      assert.equal(mailer.transport, 'outbox');
      await queueMail(database.db, { to: 'anna@example.dk', subject: 'Din invitation til Knudepunkt', text: 'Kære Anna\n\nVelkommen.' });
      assert.equal(await runnerFor(config, mailer).runDueJobs(), 1);

      const job = await onlyJob();
      assert.equal(job.status, 'succeeded');
      const log = await database.db.selectFrom('mail_log').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual(
        [log.transport, log.recipient, log.subject, log.text_body, log.job_id],
        ['outbox', 'anna@example.dk', 'Din invitation til Knudepunkt', 'Kære Anna\n\nVelkommen.', job.id],
      );
      assert.deepEqual(job.payload, { sent: true, mailLogId: log.id });

      const files = await readdir(outboxDirectory(config));
      assert.deepEqual(files, [log.outbox_file]);
      assert.match(log.outbox_file!, /^2030-06-01T10-00-00-000Z-[0-9a-f]{8}\.eml$/, 'named by send time, so the files sort by time');
      const raw = await readFile(join(outboxDirectory(config), files[0]!), 'utf8');
      assert.equal(header(raw, 'To'), 'anna@example.dk');
      assert.equal(header(raw, 'Subject'), 'Din invitation til Knudepunkt');
      assert.equal(header(raw, 'From'), 'Knudepunkt <noreply@knudepunkt.example.dk>');
      assert.ok(raw.includes(log.message_id!.replace(/^<|>$/g, '')), 'the logged message id is the one in the file');
      assert.equal(await readOutboxMessage(config, log.outbox_file!), raw);
      assert.equal(await readOutboxMessage(config, '../session-secret'), null, 'only outbox file names are read');
      mailer.close();
    });

    it('does not send again when a job that already sent its mail is run a second time', async () => {
      const config = configWith({});
      const mailer = createMailer(config, silentLogger, clock);
      const jobId = (await enqueueJob(database.db, 'sendMail', { sent: true, mailLogId: randomUUID() }, { runAt: clock.now() }))!;
      await runnerFor(config, mailer).runDueJobs();
      const job = await onlyJob();
      assert.deepEqual([job.id, job.status], [jobId, 'succeeded']);
      assert.equal((await database.db.selectFrom('mail_log').selectAll().execute()).length, 0);
    });

    it('refuses to queue a mail without a valid recipient', async () => {
      await assert.rejects(queueMail(database.db, { to: 'ikke-en-adresse', subject: 'Hej', text: 'x' }), /gyldig e-mailadresse/);
      assert.equal((await database.db.selectFrom('jobs').selectAll().execute()).length, 0);
    });

    it('shows the mail log and one message to an admin only, newest first', async () => {
      const config = configWith({});
      const mailer = createMailer(config, silentLogger, clock);
      await queueMail(database.db, { to: 'a@example.dk', subject: 'Første', text: 'én' });
      await runnerFor(config, mailer).runDueJobs();
      clock.advance(1000);
      await queueMail(database.db, { to: 'b@example.dk', subject: 'Anden', text: 'to' });
      await runnerFor(config, mailer).runDueJobs();

      const list = await listMailLog(database.db, admin, { page: 1, pageSize: 10 });
      assert.deepEqual(list.messages.map((message) => [message.recipient, message.subject, message.transport]), [
        ['b@example.dk', 'Anden', 'outbox'],
        ['a@example.dk', 'Første', 'outbox'],
      ]);
      assert.deepEqual([list.total, list.retentionDays], [2, 90]);
      const message = await getMailMessage(database.db, admin, list.messages[1]!.id);
      assert.deepEqual([message.subject, message.textBody], ['Første', 'én']);

      const isError = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;
      await assert.rejects(listMailLog(database.db, viewer, { page: 1, pageSize: 10 }), isError('forbidden'));
      await assert.rejects(getMailMessage(database.db, viewer, message.id), isError('forbidden'));
      await assert.rejects(getMailMessage(database.db, admin, 'not-a-uuid'), isError('notFound'));
      await assert.rejects(getMailMessage(database.db, admin, randomUUID()), isError('notFound'));
      mailer.close();
    });

    it('purges mail log rows and outbox files older than 90 days and keeps the rest', async () => {
      const config = configWith({});
      const outbox = outboxDirectory(config);
      await mkdir(outbox, { recursive: true });
      for (const name of await readdir(outbox)) await rm(join(outbox, name));
      const old = new Date(clock.now().getTime() - days(90) - 1000);
      const recent = new Date(clock.now().getTime() - days(89));
      const [oldFile, recentFile] = [outboxFileName(old), outboxFileName(recent)];
      for (const name of [oldFile, recentFile, 'LÆS-MIG.txt']) await writeFile(join(outbox, name), 'x');
      for (const [sentAt, file] of [[old, oldFile], [recent, recentFile]] as const) {
        await database.db
          .insertInto('mail_log')
          .values({ transport: 'outbox', recipient: 'x@example.dk', subject: 's', text_body: 't', outbox_file: file, sent_at: sentAt })
          .execute();
      }
      await enqueueJob(database.db, 'purgeMailLog', {}, { runAt: clock.now() });
      await runnerFor(config, createMailer(config, silentLogger, clock)).runDueJobs();

      assert.equal((await onlyJob()).status, 'succeeded');
      const left = await database.db.selectFrom('mail_log').select('outbox_file').execute();
      assert.deepEqual(left, [{ outbox_file: recentFile }]);
      assert.deepEqual((await readdir(outbox)).sort(), [recentFile, 'LÆS-MIG.txt'].sort());
    });
  });

  describe('through a real SMTP server on loopback (SMTP_URL)', () => {
    let smtp: LoopbackSmtp;
    let port: number;
    let received: ReceivedMail[];

    before(async () => {
      // A mailbox that does not exist, to see a permanent refusal.
      smtp = await startLoopbackSmtp({ refuse: ['ukendt@example.dk'] });
      ({ port, received } = smtp);
    });
    after(async () => smtp.close());

    it('delivers a Danish mail through the job runner and the server receives it intact', async () => {
      const config = configWith({ SMTP_URL: `smtp://127.0.0.1:${port}` });
      const mailer = createMailer(config, silentLogger, clock);
      assert.equal(mailer.transport, 'smtp');
      const subject = 'Velkommen til Ærø, Øster Løgum og Åbenrå';
      const text = 'Kære Søren\n\nDin rådgivning hos Erhvervshuset er bekræftet. Blåbærgrød på menuen.\n\nMed venlig hilsen\nKnudepunkt';
      await queueMail(database.db, { to: 'soeren@example.dk', subject, text });
      assert.equal(await runnerFor(config, mailer).runDueJobs(), 1);
      mailer.close();

      assert.equal(received.length, 1);
      const [mail] = received;
      assert.deepEqual(mail!.to, ['soeren@example.dk'], 'RCPT TO');
      assert.equal(mail!.from, 'noreply@knudepunkt.example.dk', 'MAIL FROM');
      assert.equal(decodeWords(header(mail!.raw, 'Subject')), subject);
      assert.equal(bodyText(mail!.raw).replace(/\r\n/g, '\n').trimEnd(), text);

      const job = await onlyJob();
      const log = await database.db.selectFrom('mail_log').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([job.status, log.transport, log.recipient, log.subject, log.outbox_file], ['succeeded', 'smtp', 'soeren@example.dk', subject, null]);
      assert.ok(mail!.raw.includes(log.message_id!.replace(/^<|>$/g, '')), 'the logged message id is the one that arrived');
    });

    it('gives up at once, with the address masked, when the server refuses the recipient', async () => {
      const config = configWith({ SMTP_URL: `smtp://127.0.0.1:${port}` });
      const mailer = createMailer(config, silentLogger, clock);
      await queueMail(database.db, { to: 'ukendt@example.dk', subject: 'Hej', text: 'Hej' });
      await runnerFor(config, mailer).runDueJobs();
      mailer.close();
      const job = await onlyJob();
      assert.deepEqual([job.status, job.attempts], ['failed', 1]);
      assert.match(job.last_error ?? '', /afviste mailen/);
      assert.doesNotMatch(job.last_error ?? '', /ukendt@example\.dk/);
    });

    it('tries again later when the mail server cannot be reached', async () => {
      const closed = new SMTPServer({ authOptional: true, logger: false });
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedPort = (closed.server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(resolve));

      const config = configWith({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` });
      const mailer = createMailer(config, silentLogger, clock);
      await queueMail(database.db, { to: 'anna@example.dk', subject: 'Hej', text: 'Hej' });
      await runnerFor(config, mailer).runDueJobs();
      mailer.close();
      const job = await onlyJob();
      assert.deepEqual([job.status, job.attempts], ['queued', 1]);
      assert.equal(job.run_at.getTime() - clock.now().getTime(), 30_000);
      assert.deepEqual(job.payload, { to: 'anna@example.dk', subject: 'Hej', text: 'Hej' }, 'the message is kept until it is sent');
    });
  });
});
