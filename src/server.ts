// Boots Knudepunkt: database, migrations check, job runner and HTTP server, with a graceful stop.
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { pendingMigrations } from './db/migrate.ts';
import { hasDemoData } from './db/seed/demo.ts';
import { systemClock, type Clock } from './domain/clock.ts';
import { createMailer } from './features/mail/mailer.ts';
import { ensureFoundationSchedules, foundationJobDefinitions } from './jobs/foundation-jobs.ts';
import { ensureReferralSchedules, referralJobDefinitions } from './jobs/referral-jobs.ts';
import { ensureEvaluationSchedules, evaluationJobDefinitions } from './jobs/evaluation-jobs.ts';
import { createJobRunner } from './jobs/runner.ts';
import type { Logger } from './logger.ts';
import { createApp } from './web/app.tsx';

export function openConfiguredDatabase(config: Config, logger?: Logger): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: join(config.dataDir, 'pglite'),
    onIdleConnectionError: (error) => logger?.warn('PostgreSQL closed an idle connection; the pool opens a new one', { error: error.message }),
  });
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger, database: Database, clock: Clock = systemClock): Promise<RunningServer> {
  const pending = await pendingMigrations(database);
  if (pending.length > 0) {
    throw new Error(`Databasen mangler ${pending.length} migrering(er): kør "knudepunkt migrate" først (${pending.map((m) => m.name).join(', ')}).`);
  }
  let demo = await hasDemoData(database.db);
  const mailer = createMailer(config, logger);
  const runner = createJobRunner({ database, definitions: [...foundationJobDefinitions, ...referralJobDefinitions, ...evaluationJobDefinitions], config, logger, clock, mailer });
  await ensureFoundationSchedules(database.db, clock);
  await ensureReferralSchedules(database.db, clock);
  await ensureEvaluationSchedules(database.db, clock);
  runner.start();

  const app = createApp({ database, config, logger, clock }, { isDemo: () => demo });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.port }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Port 0 (tests) means "any free port": the URL is then the one actually bound.
  const url = config.port === 0 ? `http://localhost:${port}` : config.baseUrl;
  logger.info('server started', { port, database: database.kind });
  // Recheck the demo flag now and then: `knudepunkt seed demo` may run while the server is up.
  const demoCheck = setInterval(() => void hasDemoData(database.db).then((value) => (demo = value), () => {}), 60_000);
  demoCheck.unref();

  return {
    url,
    port,
    async stop() {
      clearInterval(demoCheck);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.stop();
      mailer.close();
    },
  };
}
