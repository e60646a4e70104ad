// Evidence files of result contracts (issue 7, 04-contracts.md: "activity status with evidence (text,
// files, links, dates)", external figures "with source and document"): PDF, DOCX, XLSX, PNG or JPEG,
// at most 10 MB, the type judged by the file's first bytes, not its name (the PDF/Office sniffing is
// the screening files'). Bytes under DATA_DIR/contract-files/<128 random bits> (mode 0600), metadata
// in contract_files; served only to those who may read the contract (getContract decides).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { forbidden, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sniffScreeningType } from '../referrals/referral-files.service.ts';
import { isUuid } from '../validation.ts';
import { getContract, type StoredContract } from './contracts.service.ts';

export const MAX_CONTRACT_FILE_BYTES = 10 * 1024 * 1024;
export const contractFilesFolder = 'contract-files';

export const contractFileTypes = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
} as const;
export type ContractFileType = keyof typeof contractFileTypes;

/** For the file input's `accept`: a hint to the browser, never trusted. */
export const contractFileAccept = ['.pdf', '.docx', '.xlsx', '.png', '.jpg', '.jpeg', ...Object.values(contractFileTypes).map((t) => t.mediaType)].join(',');

export const contractFilePath = (fileId: string) => `/kontrakter/filer/${fileId}`;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** The type by content: PDF, DOCX or XLSX (as the screening files), PNG or JPEG; anything else null. */
export function sniffContractFileType(bytes: Uint8Array): ContractFileType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const office = sniffScreeningType(bytes);
  return office === 'pdf' || office === 'docx' || office === 'xlsx' ? office : null;
}

export interface CheckedContractFile {
  name: string;
  type: ContractFileType;
  mediaType: string;
  bytes: Uint8Array;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

/**
 * A form's file field: undefined when no file was chosen; otherwise checked (size, name, the type by
 * content and the name's extension matching it) or refused with a Danish error on `field` naming the file.
 */
export async function readContractFileField(file: unknown, field: string): Promise<CheckedContractFile | undefined> {
  if (!(file instanceof File) || (file.name === '' && file.size === 0)) return undefined;
  const refuse = (message: string) => validationFailed([{ field, message }]);
  const name = basename(file.name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'dokument';
  if (file.size === 0) throw refuse(`Filen "${name}" er tom.`);
  if (file.size > MAX_CONTRACT_FILE_BYTES) throw refuse(`Filen "${name}" fylder ${megabytes(file.size)} MB – højst ${MAX_CONTRACT_FILE_BYTES / 1024 / 1024} MB.`);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const allowed = Object.values(contractFileTypes).flatMap((t) => t.extensions) as string[];
  if (!allowed.includes(extension)) throw refuse(`Filen "${name}" er ikke en PDF-, DOCX-, XLSX-, PNG- eller JPEG-fil (filtypen "${extension || 'ingen'}" kan ikke vedhæftes).`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_CONTRACT_FILE_BYTES) throw refuse(`Filen "${name}" fylder ${megabytes(bytes.length)} MB – højst ${MAX_CONTRACT_FILE_BYTES / 1024 / 1024} MB.`);
  const type = sniffContractFileType(bytes);
  if (type === null || !(contractFileTypes[type].extensions as readonly string[]).includes(extension)) {
    throw refuse(`Indholdet af "${name}" er ikke en ${extension.toUpperCase()}-fil${type ? ` (det ligner en ${type.toUpperCase()}-fil)` : ''}. Vedhæft dokumentationen som PDF, DOCX, XLSX, PNG eller JPEG.`);
  }
  return { name, type, mediaType: contractFileTypes[type].mediaType, bytes };
}

const storagePath = (dataDir: string, storageId: string) => join(dataDir, contractFilesFolder, storageId);

export interface PendingContractFile {
  id: string;
  /** Writes the bytes; call it last in the transaction, so a refusal before it leaves nothing on disk. */
  write(): Promise<void>;
}

/**
 * Records the file's metadata on the contract (in the caller's transaction) and audits it; the bytes
 * are written by `write()` once the document that refers to the file has been saved.
 */
export async function addContractFile(db: Executor, deps: { dataDir: string; clock: Clock }, actor: Actor, stored: StoredContract, file: CheckedContractFile): Promise<PendingContractFile> {
  if (!stored.mayEdit) throw forbidden(`may not add files to contract ${stored.row.slug}`);
  const storageId = randomBytes(16).toString('hex');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const row = await db
    .insertInto('contract_files')
    .values({
      contract_id: stored.row.id,
      storage_id: storageId,
      original_name: file.name,
      media_type: file.mediaType,
      size_bytes: file.bytes.length,
      sha256,
      uploaded_by: actor.kind === 'user' ? actor.userId : null,
      uploaded_at: deps.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, { action: 'create', entityType: 'contractFile', entityId: row.id, after: { contractId: stored.row.id, name: file.name, mediaType: file.mediaType, size: file.bytes.length, sha256 } });
  return {
    id: row.id,
    async write() {
      await mkdir(join(deps.dataDir, contractFilesFolder), { recursive: true, mode: 0o700 });
      await writeFile(storagePath(deps.dataDir, storageId), file.bytes, { mode: 0o600, flag: 'wx' });
    },
  };
}

export interface ContractFileInfo {
  id: string;
  contractId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

/** The names of the contract's files among `ids` (to show evidence and documents by name). */
export async function contractFileNames(db: Executor, contractId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom('contract_files').select(['id', 'original_name']).where('contract_id', '=', contractId).where('id', 'in', uuids).execute();
  return new Map(rows.map((r) => [r.id, r.original_name]));
}

/** The file for download: only for readers of its contract; anyone else, and unknown ids: not found. */
export async function readContractFile(db: Executor, dataDir: string, actor: Actor, fileId: string): Promise<{ info: ContractFileInfo; bytes: Buffer }> {
  const row = isUuid(fileId) ? await db.selectFrom('contract_files').selectAll().where('id', '=', fileId).executeTakeFirst() : undefined;
  if (!row) throw notFound('Filen', 'The file was not found.');
  await getContract(db, actor, row.contract_id); // throws notFound for those who may not read the contract
  const bytes = await readFile(storagePath(dataDir, row.storage_id));
  return {
    info: { id: row.id, contractId: row.contract_id, name: row.original_name, mediaType: row.media_type, size: row.size_bytes, sha256: row.sha256, uploadedAt: row.uploaded_at },
    bytes,
  };
}
