// start, serve, migrate and seed: the commands that bring an installation up.
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { demoPassword, demoUsers, hasDemoData, seedDemo } from '../../db/seed/demo.ts';
import { loadReferenceData } from '../../db/seed/reference.ts';
import { createLogger } from '../../logger.ts';
import { openConfiguredDatabase, startServer } from '../../server.ts';
import type { CliIo } from '../io.ts';

async function withDatabase<T>(io: CliIo, work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openConfiguredDatabase(config, createLogger(config.logLevel));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function migrateAndLoadReference(database: Database, io: CliIo): Promise<void> {
  const applied = await migrate(database);
  io.stdout(applied.length > 0 ? `Migreringer kørt: ${applied.join(', ')}\n` : 'Databasen er allerede opdateret.\n');
  await loadReferenceData(database.db);
}

export function runMigrate(io: CliIo): Promise<number> {
  return withDatabase(io, async (database) => {
    await migrateAndLoadReference(database, io);
    io.stdout('Referencedata (regioner, KKR, erhvervshuse, 98 kommuner) er indlæst.\n');
    return 0;
  });
}

export async function runSeed(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== 'demo') {
    io.stderr('Brug: knudepunkt seed demo\n');
    return 2;
  }
  return withDatabase(io, async (database) => {
    await migrateAndLoadReference(database, io);
    const result = await database.db.transaction().execute((tx) => seedDemo(tx));
    io.stdout(result.loaded ? 'Demodata for Region Nordjylland er indlæst.\n' + demoLogins() : `${result.reason}\n`);
    return 0;
  });
}

function demoLogins(): string {
  const width = Math.max(...demoUsers.map((user) => user.email.length));
  return [
    `Demo-logins (adgangskode for alle: ${demoPassword}):`,
    ...demoUsers.map((user) => `  ${user.email.padEnd(width)}  ${user.roles.join(', ').padEnd(16)} ${user.organisation}`),
    '',
  ].join('\n');
}

/** Runs the server until SIGINT/SIGTERM, then stops it cleanly. */
async function serveUntilStopped(database: Database, io: CliIo, banner: (url: string) => string): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger, database);
  io.stdout(banner(server.url));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stdout('Stopper …\n');
  await server.stop();
  return 0;
}

export function runServe(io: CliIo): Promise<number> {
  return withDatabase(io, (database) => serveUntilStopped(database, io, (url) => `Knudepunkt kører på ${url}\n`));
}

/** `npm start`: migrate, load demo data into an empty database, and serve. */
export function runStart(io: CliIo): Promise<number> {
  return withDatabase(io, async (database) => {
    await migrateAndLoadReference(database, io);
    let demo = await hasDemoData(database.db);
    if (!demo) {
      try {
        demo = (await database.db.transaction().execute((tx) => seedDemo(tx))).loaded;
        if (demo) io.stdout('Demodata for Region Nordjylland er indlæst.\n');
      } catch (error) {
        io.stdout(`Demodata indlæses ikke: ${(error as Error).message}\n`);
      }
    }
    return serveUntilStopped(database, io, (url) => `\nKnudepunkt kører på ${url}\n\n${demo ? demoLogins() : ''}Stop med Ctrl+C.\n`);
  });
}
