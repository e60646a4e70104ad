// Reading a command's input file: its lines as a stream (the same reader the web imports use), and a
// Danish reason when it cannot be read.
export { readFileLines as openFileLines } from '../features/courses/course-import.files.ts';

export function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'filen findes ikke';
  if (code === 'EACCES' || code === 'EPERM') return 'ingen adgang til filen';
  if (code === 'EISDIR') return 'det er en mappe, ikke en fil';
  return error instanceof Error ? error.message : String(error);
}
