import { z } from 'zod';
import type { FieldError } from '../domain/errors.ts';

// Danish messages for zod's built-in checks (the UI is Danish first); our own messages are Danish too.
z.config(z.locales.da());

/** zod issues as field errors (the first message per field), for forms, API and CLI alike. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    result.push({ field, message: issue.message });
  }
  return result;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are checked before they reach SQL: a malformed id is "not found", not a crash. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
