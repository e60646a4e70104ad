// Files of the CSV imports: reading a file's lines as a stream (node:readline), and the uploads of the
// web pages (courses, activities), kept on the server between the dry run and the confirmed import
// (decision 006): DATA_DIR/<kind's folder>/<random id>.csv with <id>.json beside it naming the user who
// uploaded it. The confirm step names only the id, so the file imported is exactly the file previewed;
// ids are 128 random bits and checked against the owner, and uploads older than a day are swept away.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../domain/errors.ts';
import type { CourseImportSummary } from './course-import.service.ts';

/**
 * Streams a file's lines without their line breaks; a read error (ENOENT …) reaches the loop.
 * The file is opened only when the loop asks for the first line: a readline interface reads from the
 * moment it exists, and lines it reads before anyone iterates are lost (nodejs/node#33463) — so an
 * import must never create one and then await a transaction before reading it. Use this instead.
 */
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

/** Larger files are imported with the `knudepunkt import …` command, which streams without a limit. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** An uploaded file of one import, and once imported its outcome `R`. */
export interface ImportUpload<R> {
  id: string;
  userId: string;
  organisationId: string;
  fileName: string;
  size: number;
  uploadedAt: string;
  /** Set once the file has been imported (the CSV itself is then deleted). */
  result?: R;
}
export type CourseUpload = ImportUpload<CourseImportSummary>;

/** What differs between the imports that keep uploads. */
export interface UploadKind {
  /** The folder under DATA_DIR. */
  folder: string;
  /** The file as the messages name it: "Vælg forløbsfilen (CSV)." */
  file: { da: string; en: string };
  /** The command that imports larger files. */
  command: string;
  /** Refuse a file that is not UTF-8 as a whole, instead of reporting each line in the dry run. */
  requireUtf8?: boolean;
}

const isUploadId = (id: string) => /^[0-9a-f]{32}$/.test(id);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
const refuse = (message: string, en: string) => new AppError('validation', message, { en, fields: [{ field: 'file', message }] });

/** The line (from 1) of the first byte sequence that is not UTF-8, or null when the text is UTF-8. */
function firstNonUtf8Line(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes);
    return null;
  } catch {
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      try {
        decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
      } catch {
        return line;
      }
      if (end === -1) return line;
      start = end + 1;
    }
  }
}

/** The uploads of one import (a kind): kept, found again by id for their owner, marked imported. */
export function uploadStore<R>(kind: UploadKind) {
  const directory = (dataDir: string) => join(dataDir, kind.folder);
  const filePath = (dataDir: string, id: string) => join(directory(dataDir), `${id}.csv`);
  const metaPath = (dataDir: string, id: string) => join(directory(dataDir), `${id}.json`);

  /** Refuses what cannot be a CSV file of this kind before anything is stored; the parser judges the rest. */
  function check(file: { name: string; size: number }, bytes?: Uint8Array): void {
    if (file.size === 0) throw refuse(`Filen er tom. Vælg ${kind.file.da} (CSV).`, 'The file is empty.');
    if (file.size > MAX_UPLOAD_BYTES) {
      throw refuse(
        `Filen fylder ${megabytes(file.size)} MB – her kan højst indlæses ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Del filen op, eller indlæs den med kommandoen "${kind.command}".`,
        `The file is ${megabytes(file.size)} MB; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB can be uploaded here. Split it, or use "${kind.command}".`,
      );
    }
    if (!bytes) return;
    const head = bytes.subarray(0, 8192);
    if (head[0] === 0x50 && head[1] === 0x4b) {
      throw refuse(`"${file.name}" er et Excel-ark, ikke en CSV-fil. Gem arket som "CSV UTF-8 (kommasepareret)" i Excel, og vælg den fil.`, 'The file is an Excel workbook, not CSV.');
    }
    if (head.includes(0) || !/\.(csv|txt)$/i.test(file.name)) {
      throw refuse(`"${file.name}" er ikke en CSV-fil. Vælg ${kind.file.da}, gemt som CSV (UTF-8).`, 'The file is not a CSV file.');
    }
    const line = kind.requireUtf8 ? firstNonUtf8Line(bytes) : null;
    if (line !== null) {
      throw refuse(
        `"${file.name}" er ikke gemt som UTF-8: linje ${line} indeholder tegn, der ikke er gyldig UTF-8 (typisk æ, ø eller å fra et ældre tegnsæt). Gem filen som "CSV UTF-8 (kommasepareret)" i Excel, og vælg den igen.`,
        `The file is not UTF-8: line ${line} has characters that are not valid UTF-8. Save it as "CSV UTF-8".`,
      );
    }
  }

  async function sweep(dataDir: string, now: Date): Promise<void> {
    for (const name of await readdir(directory(dataDir))) {
      const path = join(directory(dataDir), name);
      const info = await stat(path).catch(() => undefined);
      if (info && now.getTime() - info.mtime.getTime() > UPLOAD_LIFETIME_MS) await rm(path, { force: true });
    }
  }

  async function save(dataDir: string, owner: { userId: string; organisationId: string }, file: { name: string; bytes: Uint8Array }, now: Date): Promise<ImportUpload<R>> {
    await mkdir(directory(dataDir), { recursive: true });
    await sweep(dataDir, now);
    const id = randomBytes(16).toString('hex');
    const upload: ImportUpload<R> = { id, ...owner, fileName: file.name, size: file.bytes.length, uploadedAt: now.toISOString() };
    await writeFile(filePath(dataDir, id), file.bytes, { mode: 0o600 });
    await writeFile(metaPath(dataDir, id), JSON.stringify(upload), { mode: 0o600 });
    return upload;
  }

  /** The upload, if it exists and belongs to the user; anything else is "not found" (no guessing). */
  async function find(dataDir: string, id: string, userId: string): Promise<ImportUpload<R> | undefined> {
    if (!isUploadId(id)) return undefined;
    try {
      const upload = JSON.parse(await readFile(metaPath(dataDir, id), 'utf8')) as ImportUpload<R>;
      return upload.userId === userId ? upload : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    filePath,
    /**
     * The `file` field of an upload form, checked and kept. A refusal (no file, empty, too large, not
     * CSV …) is an AppError with a field error on `file`, in the page's language where it can be.
     */
    async keep(dataDir: string, owner: { userId: string; organisationId: string }, file: unknown, now: Date, locale: 'da' | 'en'): Promise<ImportUpload<R>> {
      if (!(file instanceof File) || (file.name === '' && file.size === 0)) {
        const message = locale === 'en' ? `Choose ${kind.file.en} (CSV).` : `Vælg ${kind.file.da} (CSV).`;
        throw new AppError('validation', message, { fields: [{ field: 'file', message }] });
      }
      check(file);
      const bytes = new Uint8Array(await file.arrayBuffer());
      check(file, bytes);
      const name = basename(file.name.replace(/\\/g, '/')).slice(0, 200);
      return save(dataDir, owner, { name, bytes }, now);
    },
    find,
    /** The upload of the user, or "not found" (gone after a day, someone else's, or no id at all). */
    async get(dataDir: string, id: string, userId: string): Promise<ImportUpload<R>> {
      const upload = await find(dataDir, id, userId);
      if (!upload) throw uploadNotFound();
      return upload;
    },
    /** Keeps the outcome for the result page and deletes the imported file. */
    async markImported(dataDir: string, upload: ImportUpload<R>, result: R): Promise<void> {
      await writeFile(metaPath(dataDir, upload.id), JSON.stringify({ ...upload, result }), { mode: 0o600 });
      await rm(filePath(dataDir, upload.id), { force: true });
    },
  };
}

export const courseUploads = uploadStore<CourseImportSummary>({
  folder: 'course-imports',
  file: { da: 'forløbsfilen', en: 'the course file' },
  command: 'knudepunkt import courses',
});

export const uploadNotFound = () =>
  new AppError('notFound', 'Den indlæste fil findes ikke længere (den gemmes i et døgn). Vælg filen igen.', {
    en: 'The uploaded file no longer exists (it is kept for a day). Choose the file again.',
  });
