// CSV records from physical lines, for the bulk imports of 02-crm.md ("Imports"): UTF-8 with or without
// a BOM, CRLF or LF, comma or semicolon separator detected from the header, quoted fields per RFC 4180
// ("" is a quote; a quoted field may hold separators and line breaks). Push-based, so a file streams:
// the caller feeds lines and gets records back, and only a record's own lines are held.
//
// Decisions (the spec is silent): unquoted fields are trimmed; blank lines are skipped but keep their
// numbers; a quoted field may span at most MAX_RECORD_LINES lines — past that, or at the end of the
// file, the quote counts as not closed, the record's first line is reported and the lines after it are
// read again as records of their own, so one stray quote cannot hide the rest of the file.

export type CsvRecord = { kind: 'record'; line: number; fields: string[]; text: string } | { kind: 'error'; line: number; text: string; message: string };

export const MAX_RECORD_LINES = 20;

export class CsvRecordReader {
  /** Detected from the first non-blank line (the header); null until then. */
  separator: ',' | ';' | null = null;
  private pending: { line: number; text: string }[] = [];
  private lineNumber = 0;

  /** Feeds the next physical line (without its line break). */
  push(rawLine: string): CsvRecord[] {
    this.lineNumber++;
    let text = this.lineNumber === 1 && rawLine.startsWith('\uFEFF') ? rawLine.slice(1) : rawLine;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return this.take({ line: this.lineNumber, text });
  }

  /** Call at the end of the input: reports a record left open by a quote. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    while (this.pending.length > 0) out.push(...this.unclosed());
    return out;
  }

  private take(physical: { line: number; text: string }): CsvRecord[] {
    if (this.pending.length === 0 && physical.text.trim() === '') return [];
    this.pending.push(physical);
    const separator = (this.separator ??= detectSeparator(physical.text));
    const text = this.pending.map((p) => p.text).join('\n');
    const fields = splitRecord(text, separator);
    if (fields === null) return this.pending.length >= MAX_RECORD_LINES ? this.unclosed() : [];
    const first = this.pending[0]!;
    this.pending = [];
    if (text.includes('\uFFFD')) {
      return [{ kind: 'error', line: first.line, text, message: `Linje ${first.line} indeholder tegn, der ikke er gyldig UTF-8 – gem filen som "CSV UTF-8".` }];
    }
    return [{ kind: 'record', line: first.line, fields, text }];
  }

  /** Reports the first pending line as an unclosed quote and reads the lines after it again. */
  private unclosed(): CsvRecord[] {
    const [first, ...rest] = this.pending;
    this.pending = [];
    if (first === undefined) return [];
    const out: CsvRecord[] = [{ kind: 'error', line: first.line, text: first.text, message: `Linje ${first.line}: et anførselstegn (") er ikke lukket.` }];
    for (const physical of rest) out.push(...this.take(physical));
    return out;
  }
}

/** Semicolon when the header has one outside quotes (Danish spreadsheets), otherwise comma. */
export function detectSeparator(header: string): ',' | ';' {
  return (splitRecord(header, ';')?.length ?? 0) > 1 ? ';' : ',';
}

/**
 * Splits one record, RFC 4180 style. Returns null while a quote is open (the record continues on the
 * next line). A quote opens a field only at its start; text after a closing quote is kept as written.
 */
export function splitRecord(text: string, separator: string): string[] | null {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && !wasQuoted && current.trim() === '') {
      quoted = true;
      wasQuoted = true;
      current = '';
    } else if (ch === separator) {
      fields.push(wasQuoted ? current : current.trim());
      current = '';
      wasQuoted = false;
    } else if (!(wasQuoted && /\s/.test(ch))) current += ch;
  }
  if (quoted) return null;
  fields.push(wasQuoted ? current : current.trim());
  return fields;
}
