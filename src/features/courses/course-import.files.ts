// Files of the courses import: reading a file's lines as a stream (node:readline), and the uploads of
// the web page, kept on the server between the dry run and the confirmed import (decision 006):
// DATA_DIR/course-imports/<random id>.csv with <id>.json beside it naming the user who uploaded it. The
// confirm step names only the id, so the file imported is exactly the file previewed; ids are 128
// random bits and checked against the owner, and uploads older than a day are swept away.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../domain/errors.ts';
import type { CourseImportSummary } from './course-import.service.ts';

/** Streams a file's lines without their line breaks; a read error (ENOENT …) reaches the loop. */
export async function* readFileLines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Larger files are imported with `knudepunkt import courses`, which streams without a limit. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface CourseUpload {
  id: string;
  userId: string;
  organisationId: string;
  fileName: string;
  size: number;
  uploadedAt: string;
  /** Set once the file has been imported (the CSV itself is then deleted). */
  result?: CourseImportSummary;
}

const directory = (dataDir: string) => join(dataDir, 'course-imports');
const isUploadId = (id: string) => /^[0-9a-f]{32}$/.test(id);
export const uploadFilePath = (dataDir: string, id: string) => join(directory(dataDir), `${id}.csv`);
const metaPath = (dataDir: string, id: string) => join(directory(dataDir), `${id}.json`);

const refuse = (message: string, en: string) => new AppError('validation', message, { en, fields: [{ field: 'file', message }] });
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

/** Refuses what cannot be a courses CSV before anything is stored; the parser judges the rest. */
export function checkCourseUpload(file: { name: string; size: number }, head: Uint8Array): void {
  if (file.size === 0) throw refuse('Filen er tom. Vælg forløbsfilen (CSV).', 'The file is empty.');
  if (file.size > MAX_UPLOAD_BYTES) {
    throw refuse(
      `Filen fylder ${megabytes(file.size)} MB – her kan højst indlæses ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Del filen op, eller indlæs den med kommandoen "knudepunkt import courses".`,
      `The file is ${megabytes(file.size)} MB; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB can be uploaded here. Split it, or use "knudepunkt import courses".`,
    );
  }
  if (head[0] === 0x50 && head[1] === 0x4b) {
    throw refuse(`"${file.name}" er et Excel-ark, ikke en CSV-fil. Gem arket som "CSV UTF-8 (kommasepareret)" i Excel, og vælg den fil.`, 'The file is an Excel workbook, not CSV.');
  }
  if (head.includes(0) || !/\.(csv|txt)$/i.test(file.name)) {
    throw refuse(`"${file.name}" er ikke en CSV-fil. Vælg forløbsfilen, gemt som CSV (UTF-8).`, 'The file is not a CSV file.');
  }
}

export async function saveCourseUpload(dataDir: string, owner: { userId: string; organisationId: string }, file: { name: string; bytes: Uint8Array }, now: Date): Promise<CourseUpload> {
  await mkdir(directory(dataDir), { recursive: true });
  await sweepCourseUploads(dataDir, now);
  const id = randomBytes(16).toString('hex');
  const upload: CourseUpload = { id, ...owner, fileName: file.name, size: file.bytes.length, uploadedAt: now.toISOString() };
  await writeFile(uploadFilePath(dataDir, id), file.bytes, { mode: 0o600 });
  await writeFile(metaPath(dataDir, id), JSON.stringify(upload), { mode: 0o600 });
  return upload;
}

/** The upload, if it exists and belongs to the user; anything else is "not found" (no guessing). */
export async function findCourseUpload(dataDir: string, id: string, userId: string): Promise<CourseUpload | undefined> {
  if (!isUploadId(id)) return undefined;
  try {
    const upload = JSON.parse(await readFile(metaPath(dataDir, id), 'utf8')) as CourseUpload;
    return upload.userId === userId ? upload : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the outcome for the result page and deletes the imported file. */
export async function markCourseUploadImported(dataDir: string, upload: CourseUpload, result: CourseImportSummary): Promise<void> {
  await writeFile(metaPath(dataDir, upload.id), JSON.stringify({ ...upload, result }), { mode: 0o600 });
  await rm(uploadFilePath(dataDir, upload.id), { force: true });
}

async function sweepCourseUploads(dataDir: string, now: Date): Promise<void> {
  for (const name of await readdir(directory(dataDir))) {
    const path = join(directory(dataDir), name);
    const info = await stat(path).catch(() => undefined);
    if (info && now.getTime() - info.mtime.getTime() > UPLOAD_LIFETIME_MS) await rm(path, { force: true });
  }
}

export const uploadNotFound = () =>
  new AppError('notFound', 'Den indlæste fil findes ikke længere (den gemmes i et døgn). Vælg filen igen.', {
    en: 'The uploaded file no longer exists (it is kept for a day). Choose the file again.',
  });
