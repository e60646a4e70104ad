// Reading a command's input file: its lines as a stream (the same reader the web imports use), and a
// Danish reason when it cannot be read.
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../domain/errors.ts';

export { readFileLines as openFileLines } from '../features/courses/course-import.files.ts';

export function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'filen findes ikke';
  if (code === 'EACCES' || code === 'EPERM') return 'ingen adgang til filen';
  if (code === 'EISDIR') return 'det er en mappe, ikke en fil';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The arguments of an import command: one readable file and the flags in `options`. Returns the file
 * and the flags, or the exit code after a Danish message (2 bad usage, 1 a file that cannot be read).
 */
export async function readImportArguments<O extends Record<string, { type: 'boolean' | 'string' }>>(
  args: string[],
  io: { stderr(text: string): void },
  spec: { usage: string; fileLabel: string; options: O },
): Promise<{ file: string; values: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>['values'] } | number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: spec.options });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nBrug: ${spec.usage}\n`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.stderr(`${file ? `Angiv kun én fil – fik også ${extra.map((p) => `"${p}"`).join(', ')}.` : `Angiv ${spec.fileLabel} (CSV).`}\n\nBrug: ${spec.usage}\n`);
    return 2;
  }
  try {
    await access(file);
  } catch {
    io.stderr(`Filen "${file}" findes ikke eller kan ikke læses.\n`);
    return 1;
  }
  return { file, values: parsed.values };
}

/**
 * The exit code for what stopped an import: 2 after a Danish message for a refusal (AppError), 1 for
 * a file that could not be read while streaming (ENOENT, EACCES …); anything else is a bug and rethrown.
 */
export function importFailureExitCode(error: unknown, file: string, io: { stderr(text: string): void }): number {
  if (error instanceof AppError) {
    io.stderr(`Fejl: ${error.userMessage}\n`);
    return 2;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    io.stderr(`Kan ikke læse filen "${file}": ${(error as Error).message}\n`);
    return 1;
  }
  throw error;
}
