// Screening leads (issue 5): a referral of kind `lead` from a municipality's sustainability screening
// carries the screening as a file — PDF, DOCX, XLSX or CSV, at most 10 MB, the type judged by the
// file's first bytes (and for DOCX/XLSX the parts inside the ZIP), not only by its name. The bytes are
// stored under DATA_DIR/referral-files/<128 random bits> (mode 0600, never under a name the user chose),
// the metadata in referral_files; the file is served only to those who may see the referral's details
// (the two organisations and the region's admins: the service's visibility rule, `detailsVisible`).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Executor } from '../../db/database.ts';
import type { Actor, UserActor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Referral } from './referrals.schema.ts';
import { getReferral } from './referrals.service.ts';

export const MAX_SCREENING_BYTES = 10 * 1024 * 1024;
export const SCREENING_FIELD = 'screening';
export const screeningFolder = 'referral-files';

export const screeningTypes = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  csv: { mediaType: 'text/csv', extensions: ['csv'] },
} as const;
export type ScreeningType = keyof typeof screeningTypes;

const refuse = (message: string) => validationFailed([{ field: SCREENING_FIELD, message }]);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');

/** The file's type by its content: PDF, a ZIP holding a Word or Excel document, or UTF-8 text. */
export function sniffScreeningType(bytes: Uint8Array): ScreeningType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: the part names are stored uncompressed in the ZIP's headers.
    if (contains(bytes, '[Content_Types].xml') && contains(bytes, 'word/document.xml')) return 'docx';
    if (contains(bytes, '[Content_Types].xml') && contains(bytes, 'xl/workbook.xml')) return 'xlsx';
    return null;
  }
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.length <= head.length ? bytes : trimToCharBoundary(head));
  } catch {
    return null;
  }
  // Text without control characters other than tab, CR and LF.
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return null;
  return 'csv';
}

/** The head of a larger text without a UTF-8 sequence cut in two at its end. */
function trimToCharBoundary(head: Uint8Array): Uint8Array {
  let end = head.length;
  while (end > 0 && end > head.length - 4 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) end--;
  if (end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0xc0) end--;
  return head.subarray(0, end);
}

export interface CheckedScreening {
  name: string;
  type: ScreeningType;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * The form's `screening` field: undefined when no file was chosen; otherwise checked (size, name, the
 * type by content, the name's extension matching it) or refused with a field error naming the file.
 */
export async function readScreeningField(file: unknown): Promise<CheckedScreening | undefined> {
  if (!(file instanceof File) || (file.name === '' && file.size === 0)) return undefined;
  const name = basename(file.name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'screening';
  if (file.size === 0) throw refuse(`Screeningsfilen "${name}" er tom.`);
  if (file.size > MAX_SCREENING_BYTES) throw refuse(`Screeningsfilen "${name}" fylder ${megabytes(file.size)} MB – højst ${MAX_SCREENING_BYTES / 1024 / 1024} MB.`);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const allowed = Object.values(screeningTypes).flatMap((t) => t.extensions) as string[];
  if (!allowed.includes(extension)) throw refuse(`Screeningsfilen "${name}" er ikke en PDF-, DOCX-, XLSX- eller CSV-fil (filtypen "${extension || 'ingen'}" kan ikke vedhæftes).`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_SCREENING_BYTES) throw refuse(`Screeningsfilen "${name}" fylder ${megabytes(bytes.length)} MB – højst ${MAX_SCREENING_BYTES / 1024 / 1024} MB.`);
  const type = sniffScreeningType(bytes);
  if (type === null || !(screeningTypes[type].extensions as readonly string[]).includes(extension)) {
    throw refuse(`Indholdet af "${name}" er ikke en ${extension.toUpperCase()}-fil${type ? ` (det ligner en ${type.toUpperCase()}-fil)` : ''}. Vælg screeningen som PDF, DOCX, XLSX eller CSV.`);
  }
  return { name, type, mediaType: screeningTypes[type].mediaType, bytes };
}

const storagePath = (dataDir: string, storageId: string) => join(dataDir, screeningFolder, storageId);

/**
 * Attaches the screening to a lead just created, in the caller's transaction (the metadata row; the
 * bytes are written last, so a refusal leaves nothing behind). Only leads carry a screening.
 */
export async function attachScreening(db: Executor, deps: { dataDir: string; clock: Clock }, actor: UserActor, referral: Referral, file: CheckedScreening): Promise<string> {
  if (referral.kind !== 'lead') throw refuse('En screening kan kun vedhæftes et lead – vælg typen "Lead (screening)", eller fjern filen.');
  if (actor.organisationId !== referral.fromOrganisationId) throw new AppError('forbidden', 'Kun den henvisende organisation vedhæfter screeningen.', { en: 'Only the referring organisation attaches the screening.' });
  const storageId = randomBytes(16).toString('hex');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const now = deps.clock.now();
  const row = await db
    .insertInto('referral_files')
    .values({ referral_id: referral.id, storage_id: storageId, original_name: file.name, media_type: file.mediaType, size_bytes: file.bytes.length, sha256, uploaded_by: actor.userId, uploaded_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, { action: 'create', entityType: 'referralFile', entityId: row.id, after: { referralId: referral.id, name: file.name, mediaType: file.mediaType, size: file.bytes.length, sha256 } });
  await mkdir(join(deps.dataDir, screeningFolder), { recursive: true, mode: 0o700 });
  await writeFile(storagePath(deps.dataDir, storageId), file.bytes, { mode: 0o600, flag: 'wx' });
  return row.id;
}

/** Removes bytes written for a transaction that then failed (best effort). */
export async function discardScreeningBytes(dataDir: string, storageId: string): Promise<void> {
  await rm(storagePath(dataDir, storageId), { force: true });
}

export interface ScreeningInfo {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

async function latestScreening(db: Executor, referralId: string) {
  return db.selectFrom('referral_files').selectAll().where('referral_id', '=', referralId).orderBy('uploaded_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

/** The screening's metadata for the referral page, when the reader may see the details. */
export async function getScreeningInfo(db: Executor, referral: Referral): Promise<ScreeningInfo | null> {
  if (!referral.detailsVisible) return null;
  const row = await latestScreening(db, referral.id);
  return row ? { id: row.id, name: row.original_name, mediaType: row.media_type, size: row.size_bytes, sha256: row.sha256, uploadedAt: row.uploaded_at } : null;
}

/** The file for download: only for readers who see the referral's details; anyone else: not found. */
export async function readScreening(db: Executor, dataDir: string, actor: Actor, referralId: string): Promise<{ info: ScreeningInfo; bytes: Buffer }> {
  const referral = await getReferral(db, actor, referralId);
  const info = await getScreeningInfo(db, referral);
  if (!info) throw notFound('Screeningen', 'The screening was not found.');
  const row = (await latestScreening(db, referral.id))!;
  const bytes = await readFile(storagePath(dataDir, row.storage_id));
  return { info, bytes };
}

/**
 * The file for an external receiver whose link referral-external.service.ts has checked (the link is
 * its permission: it names exactly this referral).
 */
export async function readScreeningForLink(db: Executor, dataDir: string, referral: Referral): Promise<{ info: ScreeningInfo; bytes: Buffer }> {
  const row = await latestScreening(db, referral.id);
  if (!row) throw notFound('Screeningen', 'The screening was not found.');
  const bytes = await readFile(storagePath(dataDir, row.storage_id));
  return { info: { id: row.id, name: row.original_name, mediaType: row.media_type, size: row.size_bytes, sha256: row.sha256, uploadedAt: row.uploaded_at }, bytes };
}
