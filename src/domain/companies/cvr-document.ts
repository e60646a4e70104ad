// Finding the CVR register's company documents in what the register hands out (02-crm.md,
// "Companies"): a search response puts them at `hits.hits[]._source.Vrvirksomhed`; a bulk file holds
// one per line, either as `{"_source":{"Vrvirksomhed":…}}` or as a bare `{"Vrvirksomhed":…}`.
//
// `readCvrDocuments` streams. A one-document-per-line file is parsed line by line (JSON.parse on the
// line: the fast path). A value that spans lines — a pretty-printed search response, or pretty-printed
// documents one after another — is found by counting brackets (json-value-scanner.ts) and buffered
// until it closes; only that value is held in memory, never the whole file. A truncated line in a bulk
// file does not swallow the lines after it: when the open value began on a line holding
// "Vrvirksomhed" (a bulk line, not the "{" of a pretty-printed response), the next line that is a
// complete document by itself ends it, and it is reported as unfinished. Every company or rejection
// carries the line where its document begins (in a search response: the line where its hit begins).
// Decision (the spec is silent): a top-level JSON array of documents is accepted too.
import { companyFromVrvirksomhed } from './cvr-company.ts';
import { JsonValueScanner } from './json-value-scanner.ts';
import type { ScanEvent } from './json-value-scanner.ts';
import type { CvrCompany, CvrCompanyResult, CvrRejection } from './company.types.ts';

export type CvrDocumentRead = { line: number; company: CvrCompany } | { line: number; rejection: CvrRejection };

type Located = { found: true; document: unknown } | { found: false; reason: string };

/** Companies in one parsed JSON value (a search response, a wrapped or a bare document, an array). */
export function companiesFromCvrJson(value: unknown): CvrCompanyResult[] {
  const documents = vrvirksomhedDocuments(value);
  if (documents === null) return [{ rejection: { reason: NOT_CVR } }];
  return documents.map((doc) => (doc.found ? companyFromVrvirksomhed(doc.document) : { rejection: { reason: doc.reason } }));
}

const NOT_CVR = 'JSON-værdien er hverken et CVR-søgesvar (hits.hits) eller et virksomhedsdokument (Vrvirksomhed).';

function vrvirksomhedDocuments(value: unknown): Located[] | null {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const inner = isObject(item) ? vrvirksomhedDocuments(item) : null;
      return inner?.length === 1 ? inner[0]! : { found: false, reason: 'Elementet er ikke et virksomhedsdokument (Vrvirksomhed).' };
    });
  }
  if (!isObject(value)) return null;
  const hits = isObject(value.hits) ? value.hits.hits : undefined;
  if (Array.isArray(hits)) {
    return hits.map((hit, i) => {
      const source = isObject(hit) && isObject(hit._source) ? hit._source : null;
      return source !== null && 'Vrvirksomhed' in source
        ? { found: true, document: source.Vrvirksomhed }
        : { found: false, reason: `Træf nr. ${i + 1} i søgesvaret har ingen _source.Vrvirksomhed (måske en produktionsenhed eller en deltager).` };
    });
  }
  const source = isObject(value._source) ? value._source : value;
  return 'Vrvirksomhed' in source ? [{ found: true, document: source.Vrvirksomhed }] : null;
}

/** Reads a file line by line; yields a company or a rejection per document, never throws on content. */
export async function* readCvrDocuments(lines: AsyncIterable<string>): AsyncGenerator<CvrDocumentRead> {
  const scanner = new JsonValueScanner();
  const garbage = new GarbageRun();
  let number = 0;
  let openedByDocumentLine = false;
  for await (const raw of lines) {
    number++;
    const line = number === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (scanner.idle && line.trim() === '') continue;
    const whole = line.trimStart().startsWith('{') ? tryParse(line) : undefined;
    if (whole !== undefined && (scanner.idle || (openedByDocumentLine && looksLikeCvrDocument(whole.value)))) {
      yield* garbage.flush();
      const open = scanner.openSince;
      if (open !== null) {
        yield unfinished(open);
        scanner.reset();
      }
      yield* located(whole.value, number, []);
      continue;
    }
    const wasIdle = scanner.idle;
    const events = scanner.feed(line, number);
    // A bulk line holds a whole document; if one stays open, the line was cut off (see above).
    if (wasIdle && !scanner.idle) openedByDocumentLine = line.includes('"Vrvirksomhed"');
    for (const event of events) {
      if (event.kind === 'garbage') {
        garbage.add(event.line, event.text);
        continue;
      }
      yield* garbage.flush();
      yield* ofEvent(event);
    }
  }
  yield* garbage.flush();
  const open = scanner.openSince;
  if (open !== null) yield unfinished(open);
}

function* ofEvent(event: Exclude<ScanEvent, { kind: 'garbage' }>): Generator<CvrDocumentRead> {
  if (event.kind === 'broken') {
    yield rejection(event.line, `JSON-værdien, der begynder i linje ${event.line}, stopper midt i en tekst – er linjen afkortet?`);
    return;
  }
  const parsed = tryParse(event.text);
  if (parsed === undefined) {
    yield rejection(event.line, `JSON-værdien, der begynder i linje ${event.line}, er ikke gyldig JSON.`);
    return;
  }
  yield* located(parsed.value, event.line, event.itemLines);
}

/** Results of one value, each at the line of its hit when the scanner saw exactly one line per hit. */
function* located(value: unknown, line: number, itemLines: readonly number[]): Generator<CvrDocumentRead> {
  const results = companiesFromCvrJson(value);
  const lines = itemLines.length === results.length && (Array.isArray(value) || hasHits(value)) ? itemLines : [];
  for (const [i, result] of results.entries()) {
    const at = lines[i] ?? line;
    yield 'company' in result ? { line: at, company: result.company } : { line: at, rejection: { line: at, ...result.rejection } };
  }
}

function unfinished(line: number): CvrDocumentRead {
  return rejection(line, `JSON-værdien, der begynder i linje ${line}, slutter ikke (der mangler } eller ]).`);
}

function rejection(line: number, reason: string): CvrDocumentRead {
  return { line, rejection: { line, reason } };
}

/** Consecutive lines that are not JSON become one rejection, not one per line. */
class GarbageRun {
  private first: { line: number; text: string } | null = null;
  private last = 0;

  add(line: number, text: string): void {
    if (this.first === null) this.first = { line, text };
    this.last = line;
  }

  *flush(): Generator<CvrDocumentRead> {
    if (this.first === null) return;
    const { line, text } = this.first;
    const sample = text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim();
    const lines = this.last === line ? `Linje ${line} er` : `Linje ${line}-${this.last} er`;
    this.first = null;
    yield rejection(line, `${lines} ikke JSON: "${sample}".`);
  }
}

function looksLikeCvrDocument(value: unknown): boolean {
  return isObject(value) && ('Vrvirksomhed' in value || '_source' in value || hasHits(value));
}

function hasHits(value: unknown): boolean {
  return isObject(value) && isObject(value.hits) && Array.isArray(value.hits.hits);
}

function tryParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
