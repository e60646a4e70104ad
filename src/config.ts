// The environment is read and validated once at boot. Every setting has one name, one meaning and a
// clear Danish/English error when it is wrong; nothing else in the code reads process.env.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'skal være en PostgreSQL-URL (postgres://…) / must be a PostgreSQL URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce
    .number({ message: 'skal være et tal / must be a number' })
    .int()
    .min(0)
    .max(65535, 'skal være en port mellem 0 og 65535 / must be a port between 0 and 65535')
    .default(3000),
  BASE_URL: z.url({ message: 'skal være en fuld URL som https://knudepunkt.example.dk / must be an absolute URL' }).optional(),
  SESSION_SECRET: z
    .string()
    .min(32, 'skal være mindst 32 tegn / must be at least 32 characters')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'skal være en smtp://- eller smtps://-URL / must be an smtp:// or smtps:// URL')
    .optional(),
  LOG_LEVEL: z.enum(logLevels, { message: `skal være en af ${logLevels.join(', ')} / must be one of ${logLevels.join(', ')}` }).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  baseUrl: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  logLevel: LogLevel;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  production: boolean;
  /** True when BASE_URL is https: cookies get the Secure flag. */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ugyldig konfiguration / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. Throws ConfigError naming every variable that is wrong. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(present[String(issue.path[0])] ?? '')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: skal sættes i produktion (mindst 32 tegn) / must be set in production (at least 32 characters)']);
  }
  if (production && !env.BASE_URL) {
    throw new ConfigError(['BASE_URL: skal sættes i produktion / must be set in production']);
  }
  const dataDir = resolve(env.DATA_DIR);
  const baseUrl = (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir,
    port: env.PORT,
    baseUrl,
    sessionSecret: env.SESSION_SECRET ?? localSessionSecret(dataDir),
    smtpUrl: env.SMTP_URL,
    logLevel: env.LOG_LEVEL,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    production,
    secureCookies: baseUrl.startsWith('https://'),
  };
}

/**
 * Outside production a missing SESSION_SECRET is generated once and kept in DATA_DIR, so sessions
 * survive restarts of a local installation without anyone having to invent a secret.
 */
function localSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
