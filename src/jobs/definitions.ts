// What a job is: a type name, a zod schema for its payload and a handler. The runner (runner.ts)
// validates the stored payload against the schema before calling the handler, so a handler only
// ever sees a well-formed payload.
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Executor } from '../db/database.ts';
import type { Clock } from '../domain/clock.ts';
import type { Mailer } from '../features/mail/mailer.ts';
import type { Logger } from '../logger.ts';

export interface JobContext {
  /** The database, not a transaction: a handler opens its own transactions, kept short. */
  db: Executor;
  config: Config;
  /** Already tagged with jobId and jobType. */
  logger: Logger;
  clock: Clock;
  mailer: Mailer;
  jobId: number;
}

export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  type: string;
  payloadSchema: Schema;
  // Method syntax on purpose: a definition for a narrow payload must fit in a registry of any payload.
  handler(context: JobContext, payload: z.output<Schema>): Promise<void>;
}

export type JobRegistry = ReadonlyMap<string, JobDefinition>;

/** Identity function that lets TypeScript infer the payload type from the schema. */
export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}

/** Builds the registry the runner looks job types up in; two definitions of one type are a bug. */
export function createJobRegistry(...groups: (JobDefinition | readonly JobDefinition[])[]): JobRegistry {
  const registry = new Map<string, JobDefinition>();
  for (const definition of groups.flat()) {
    if (registry.has(definition.type)) throw new Error(`Jobtypen "${definition.type}" er defineret to gange`);
    registry.set(definition.type, definition);
  }
  return registry;
}

/**
 * Thrown by a handler when trying again cannot help (a recipient the mail server refuses, say): the
 * job fails at once instead of after all its attempts.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
