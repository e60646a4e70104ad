// Reading an uploaded file as CSV text: the size limit, text only, UTF-8 only. Shared by the web
// upload and `knudepunkt import population`, so both refuse the same files with the same words.
import { AppError } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES } from './data-sets.schema.ts';

const refuse = (message: string, en: string) => new AppError('validation', message, { en, fields: [{ field: 'file', message }] });

/** File types browsers send for .csv/.txt (Windows sends CSV as application/vnd.ms-excel). */
const TEXT_TYPES = ['', 'text/csv', 'text/plain', 'text/x-csv', 'application/csv', 'application/vnd.ms-excel', 'text/comma-separated-values'];

export function checkUploadedFile(file: { name: string; size: number; type: string }): void {
  if (file.size === 0) throw refuse('Filen er tom. Vælg en CSV-fil med tal.', 'The file is empty.');
  if (file.size > MAX_IMPORT_BYTES) {
    throw refuse(`Filen fylder ${(file.size / 1024 / 1024).toFixed(1).replace('.', ',')} MB – den må højst fylde 5 MB.`, 'The file is larger than 5 MB.');
  }
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  if (!TEXT_TYPES.includes(type) || !/\.(csv|txt)$/i.test(file.name)) {
    throw refuse(
      `"${file.name}" er ikke en CSV-fil. Gem tallene som CSV (i Excel: "CSV UTF-8 (kommasepareret)") og vælg den fil.`,
      'The file is not a CSV file.',
    );
  }
}

/** The bytes as text: refuses binary files (an Excel workbook, a PDF) and anything not UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw refuse('Filen fylder mere end 5 MB – den må højst fylde 5 MB.', 'The file is larger than 5 MB.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw refuse('Filen er et Excel-ark (.xlsx), ikke en CSV-fil. Gem arket som "CSV UTF-8 (kommasepareret)" i Excel.', 'The file is an Excel workbook, not CSV.');
  }
  if (bytes.includes(0)) throw refuse('Filen er ikke en tekstfil. Vælg en CSV-fil.', 'The file is not a text file.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(
      'Filen er ikke gemt som UTF-8, så æ, ø og å kan ikke læses sikkert. Gem den som "CSV UTF-8" i Excel, eller hent den igen fra Statistikbanken.',
      'The file is not UTF-8.',
    );
  }
}
