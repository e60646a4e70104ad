// Structured JSON logs, one line an event. Personal data is never logged: callers pass ids, never
// e-mail addresses, names or tokens, and any field whose name suggests a secret or a person is
// replaced by "[redacted]" as a safety net.
import type { LogLevel } from './config.ts';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const redactedKey = /pass|secret|token|cookie|authorization|e-?mail|name|phone|cpr|address/i;

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function redact(fields: LogFields): LogFields {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      if (value instanceof Error) return [key, { name: value.name, message: value.message, stack: value.stack }];
      return [key, redactedKey.test(key) ? '[redacted]' : value];
    }),
  );
}

export function createLogger(level: LogLevel, base: LogFields = {}, write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
  const log = (at: LogLevel) => (message: string, fields: LogFields = {}) => {
    if (order[at] < order[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...redact(base), ...redact(fields) }));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

export const silentLogger: Logger = createLogger('silent');
