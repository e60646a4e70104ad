// The editing forms of a result contract (issue 7, "Editing"): what a goal, an activity and an external
// figure form may carry, read with zod into plain values with Danish messages that name the field and
// the value, and the addresses of the forms (the dashboard links to them). Thresholds and figures stay
// the exact decimals the user wrote ("47,5"), checked by the contract's own decimal reader.
import { z } from 'zod';
import { activityStatuses, comparisons, contractStatuses, evidenceKinds, readContractDecimal, type ContractInput } from '../../domain/contracts/contracts.ts';
import { validationFailed, type FieldError } from '../../domain/errors.ts';
import { fieldErrors } from '../validation.ts';

type Body = Record<string, string | string[] | undefined>;
export type GoalInputDoc = ContractInput['goals'][number];
type TargetDoc = GoalInputDoc['targets'][number];

// ------------------------------------------------------------------------------------------ addresses

export const goalEditPath = (contract: string, goalNumber: number) => `/kontrakter/${contract}/maal/${goalNumber}/rediger`;
/** Activity and target ids repeat across goals ("indsatser-1" in goals 8, 9 and 10): the key names all three. */
export const activityKey = (goalNumber: number, targetId: string, activityId: string) => `${goalNumber}-${targetId}-${activityId}`;
export const activityEditPath = (contract: string, goalNumber: number, targetId: string, activityId: string) => `/kontrakter/${contract}/indsatser/${activityKey(goalNumber, targetId, activityId)}`;
export const externalKey = (goalNumber: number, targetId: string) => `${goalNumber}-${targetId}`;
export const externalEditPath = (contract: string, goalNumber: number, targetId: string) => `/kontrakter/${contract}/eksterne/${externalKey(goalNumber, targetId)}`;

export interface ActivityPlace {
  goalIndex: number;
  targetIndex: number;
  activityIndex: number;
}

/**
 * The activity named by `key`: the full key (goal-target-activity), or a bare activity id that is
 * unique in the contract (or in goal `goalNumber`, from `?maal=`). null when none or ambiguous.
 */
export function findActivity(document: ContractInput, key: string, goalNumber?: number): ActivityPlace | null {
  const full: ActivityPlace[] = [];
  const bare: ActivityPlace[] = [];
  document.goals.forEach((goal, goalIndex) =>
    goal.targets.forEach((target, targetIndex) => {
      if (target.kind !== 'activities') return;
      target.activities.forEach((activity, activityIndex) => {
        const place = { goalIndex, targetIndex, activityIndex };
        if (activityKey(goal.number, target.id, activity.id) === key) full.push(place);
        if (activity.id === key && (goalNumber === undefined || goal.number === goalNumber)) bare.push(place);
      });
    }),
  );
  return full.length === 1 ? full[0]! : bare.length === 1 ? bare[0]! : null;
}

/** The external target named by `key` (goal-target, or a bare target id as above). */
export function findExternalTarget(document: ContractInput, key: string, goalNumber?: number): { goalIndex: number; targetIndex: number } | null {
  const full: { goalIndex: number; targetIndex: number }[] = [];
  const bare: { goalIndex: number; targetIndex: number }[] = [];
  document.goals.forEach((goal, goalIndex) =>
    goal.targets.forEach((target, targetIndex) => {
      if (target.kind !== 'external') return;
      if (externalKey(goal.number, target.id) === key) full.push({ goalIndex, targetIndex });
      if (target.id === key && (goalNumber === undefined || goal.number === goalNumber)) bare.push({ goalIndex, targetIndex });
    }),
  );
  return full.length === 1 ? full[0]! : bare.length === 1 ? bare[0]! : null;
}

// ------------------------------------------------------------------------------------------ pieces

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const shown = (value: unknown) => JSON.stringify(String(value ?? ''));

const requiredText = (label: string, max = 4000) =>
  z.preprocess(first, z.string({ error: `${label} skal udfyldes.` }).trim().min(1, `${label} skal udfyldes.`).max(max, `${label} må højst være ${max} tegn.`));
const optionalText = (label: string, max = 4000) =>
  z.preprocess(first, z.string().trim().max(max, `${label} må højst være ${max} tegn.`).optional().transform((v) => (v ? v : undefined)));

/** An exact decimal as written ("47,5"), kept as the trimmed text; the contract schema reads it. */
const exactDecimalText = (label: string) =>
  z.preprocess(
    first,
    z
      .string({ error: `${label} skal udfyldes med et tal, fx "60" eller "47,5".` })
      .trim()
      .superRefine((value, ctx) => {
        if (value === '') ctx.addIssue({ code: 'custom', message: `${label} skal udfyldes med et tal, fx "60" eller "47,5".` });
        else if (readContractDecimal(value) === null) ctx.addIssue({ code: 'custom', message: `${label}: ${shown(value)} er ikke et eksakt decimaltal – skriv fx "60" eller "47,5" (decimalkomma, ingen tusindtalsseparator).` });
      }),
  );

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DANISH_DATE = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/;
/** A date as ÅÅÅÅ-MM-DD (the date input) or DD-MM-ÅÅÅÅ / DD.MM.ÅÅÅÅ, stored as ÅÅÅÅ-MM-DD. */
export function readDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  const danish = DANISH_DATE.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}
/** A date field, ÅÅÅÅ-MM-DD or DD-MM-ÅÅÅÅ, stored as ÅÅÅÅ-MM-DD; a message names the field and the value. */
export const dateText = (label: string, required: boolean) =>
  z.preprocess(
    first,
    z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) {
          if (required) ctx.addIssue({ code: 'custom', message: `${label} skal udfyldes (ÅÅÅÅ-MM-DD).` });
          return undefined;
        }
        const date = readDate(value);
        if (date === null) ctx.addIssue({ code: 'custom', message: `${label}: ${shown(value)} er ikke en gyldig dato – skriv ÅÅÅÅ-MM-DD, fx 2023-09-30.` });
        return date ?? undefined;
      }),
  );

const enumField = <T extends readonly [string, ...string[]]>(values: T, message: (v: unknown) => string) =>
  z.preprocess(first, z.string({ error: (issue) => message(issue.input) }).refine((v): v is T[number] => (values as readonly string[]).includes(v), { error: (issue) => message(issue.input) }));

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw validationFailed(fieldErrors(result.error));
  return result.data;
}

/** The revision the form was opened at (hidden field): a stale one makes the save a conflict. */
export function readRevision(body: Body): number {
  const text = first(body.revision) ?? '';
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw validationFailed([{ field: 'revision', message: `Formularens version ${shown(text)} er ugyldig – genindlæs siden.` }]);
  return Number(text);
}

// ------------------------------------------------------------------------------------------ goal form

export interface TargetEdit {
  label: string;
  comparison?: (typeof comparisons)[number];
  threshold?: string;
  /** Activities target: new names by activity id, ids to remove, a new activity's name. */
  activityNames?: Record<string, string>;
  removeActivities?: string[];
  newActivity?: string;
}

export interface GoalEdit {
  title: string;
  text: string;
  method?: string | undefined;
  rationale?: string | undefined;
  targets: TargetEdit[];
}

const comparisonField = (label: string) => enumField(comparisons, (v) => `${label}: ${shown(v)} er ikke en sammenligning – vælg ≥, ≤, > eller <.`);

/** The goal form: fields `title`, `text`, `method`, `rationale`, and per target `targets.<i>.…`. */
export function parseGoalForm(body: Body, goal: GoalInputDoc): GoalEdit {
  const errors: FieldError[] = [];
  const take = <T,>(schema: z.ZodType<T>, value: unknown, field: string): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push({ field, message: result.error.issues[0]?.message ?? 'er ugyldig' });
    return undefined;
  };
  const title = take(requiredText('Titel', 300), body.title, 'title');
  const text = take(requiredText('Målformulering'), body.text, 'text');
  const method = take(optionalText('Metode'), body.method, 'method');
  const rationale = take(optionalText('Begrundelse'), body.rationale, 'rationale');
  const targets = goal.targets.map((target: TargetDoc, i): TargetEdit => {
    const f = (name: string) => `targets.${i}.${name}`;
    const label = take(requiredText(`Målepunkt ${i + 1}, betegnelse`, 300), body[f('label')], f('label')) ?? '';
    if (target.kind === 'activities') {
      const activityNames: Record<string, string> = {};
      target.activities.forEach((activity, j) => {
        const name = take(requiredText(`Indsats ${j + 1}, navn`, 1000), body[f(`activities.${j}.name`)], f(`activities.${j}.name`));
        if (name !== undefined) activityNames[activity.id] = name;
      });
      const removeActivities = [body[f('removeActivities')] ?? []].flat().filter((id) => target.activities.some((a) => a.id === id));
      const newActivity = take(optionalText('Ny indsats', 1000), body[f('newActivity')], f('newActivity'));
      return { label, activityNames, removeActivities, ...(newActivity ? { newActivity } : {}) };
    }
    const name = `Målepunkt ${i + 1} (${target.label})`;
    const comparison = take(comparisonField(`${name}, sammenligning`), body[f('comparison')], f('comparison'));
    const threshold = take(exactDecimalText(`${name}, tærskel`), body[f('threshold')], f('threshold'));
    return { label, ...(comparison ? { comparison } : {}), ...(threshold !== undefined ? { threshold } : {}) };
  });
  if (errors.length > 0) throw validationFailed(errors);
  return { title: title!, text: text!, method, rationale, targets };
}

// ------------------------------------------------------------------------------------------ activity form

export const EVIDENCE_FILE_FIELD = 'evidenceFile';

const activityForm = z.object({
  status: enumField(activityStatuses, (v) => `Status: ${shown(v)} er ikke en status – vælg ikke påbegyndt, i gang, tilfredsstillende gennemført eller ikke gennemført.`),
  note: optionalText('Bemærkning'),
  removeEvidence: z.preprocess((v) => [v ?? []].flat(), z.array(z.string().regex(/^\d{1,4}$/, 'Dokumentationen der skal fjernes er ugyldig.')).transform((list) => list.map(Number))),
  evidenceKind: z.preprocess(first, z.union([z.literal(''), z.enum(evidenceKinds)], { error: (issue) => `Type af dokumentation: ${shown(issue.input)} er ikke en type – vælg tekst, link, dato eller fil.` }).optional()),
  evidenceValue: optionalText('Dokumentation', 4000),
  evidenceLabel: optionalText('Betegnelse', 300),
  evidenceDate: dateText('Dato for dokumentationen', false),
});

export interface NewEvidence {
  kind: (typeof evidenceKinds)[number];
  /** Text, link or date; for a file the id of its row (set when stored). */
  value?: string;
  label?: string;
  date?: string;
}

export interface ActivityEdit {
  status: (typeof activityStatuses)[number];
  note?: string | undefined;
  removeEvidence: number[];
  evidence?: NewEvidence;
}

/** The activity form; `hasFile` says whether a file was chosen in `evidenceFile`. */
export function parseActivityForm(body: Body, hasFile: boolean): ActivityEdit {
  const form = parse(activityForm, body);
  const kind = form.evidenceKind || (hasFile ? 'file' : form.evidenceValue ? 'text' : '');
  const base = { status: form.status, note: form.note, removeEvidence: form.removeEvidence };
  if (kind === '') return base;
  const refuse = (field: string, message: string) => validationFailed([{ field, message }]);
  const extra = { ...(form.evidenceLabel ? { label: form.evidenceLabel } : {}), ...(form.evidenceDate ? { date: form.evidenceDate } : {}) };
  if (kind !== 'file' && hasFile) throw refuse(EVIDENCE_FILE_FIELD, 'En fil kan kun vedhæftes som dokumentation af typen "Fil" – vælg typen Fil, eller fjern filen.');
  switch (kind) {
    case 'file':
      if (!hasFile) throw refuse(EVIDENCE_FILE_FIELD, 'Vælg filen med dokumentationen (PDF, DOCX, XLSX, PNG eller JPEG).');
      return { ...base, evidence: { kind, ...extra } };
    case 'link': {
      const link = form.evidenceValue ?? '';
      let url: URL | null = null;
      try {
        url = new URL(link);
      } catch {
        url = null;
      }
      if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
        throw refuse('evidenceValue', `Link: ${shown(link)} er ikke en webadresse – skriv en fuld adresse, der begynder med http:// eller https://.`);
      }
      return { ...base, evidence: { kind, value: url.href, ...extra } };
    }
    case 'date': {
      const written = form.evidenceValue ?? form.evidenceDate ?? '';
      const date = readDate(written);
      if (date === null) throw refuse('evidenceValue', written ? `Dato: ${shown(written)} er ikke en gyldig dato – skriv ÅÅÅÅ-MM-DD, fx 2023-09-30.` : 'Dato: skriv datoen (ÅÅÅÅ-MM-DD) i feltet Dokumentation.');
      return { ...base, evidence: { kind, value: date, ...(form.evidenceLabel ? { label: form.evidenceLabel } : {}) } };
    }
    case 'text':
      if (!form.evidenceValue) throw refuse('evidenceValue', 'Dokumentation: skriv teksten, der dokumenterer indsatsen.');
      return { ...base, evidence: { kind, value: form.evidenceValue, ...extra } };
  }
}

// ------------------------------------------------------------------------------------------ external figure

export const DOCUMENT_FILE_FIELD = 'documentFile';

const externalForm = z.object({
  value: exactDecimalText('Værdi'),
  source: requiredText('Kilde', 300),
  date: dateText('Dato', true),
  document: optionalText('Dokument', 1000),
  keepDocumentFile: optionalText('Dokumentfil', 100),
  n: z.preprocess(
    first,
    z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return undefined;
        if (!/^\d{1,9}$/.test(value)) ctx.addIssue({ code: 'custom', message: `Antal (n): ${shown(value)} er ikke et helt tal (0 eller derover).` });
        return Number(value);
      }),
  ),
});

export interface ExternalEdit {
  value: string;
  source: string;
  date: string;
  /** A text reference ("Kendskabsmåling 2023, tabel 2"). */
  document?: string | undefined;
  /** The id of an already uploaded document file to keep. */
  keepDocumentFile?: string | undefined;
  n?: number | undefined;
}

/** The external figure form; the stored `document` is the uploaded file's id or the text reference. */
export function parseExternalForm(body: Body, hasFile: boolean): ExternalEdit {
  const form = parse(externalForm, body);
  if (hasFile && form.document) {
    throw validationFailed([{ field: 'document', message: `Dokument: angiv enten en henvisning (${shown(form.document)}) eller en fil – ikke begge. Tøm feltet, hvis filen er dokumentet.` }]);
  }
  return { value: form.value, source: form.source, date: form.date!, document: form.document, keepDocumentFile: form.keepDocumentFile, n: form.n };
}

// ------------------------------------------------------------------------------------------ copy and status

export const copyForm = z.object({
  year: z.preprocess(first, z.string({ error: 'År skal udfyldes.' }).trim().regex(/^\d{4}$/, { error: (issue) => `År: ${shown(issue.input)} er ikke et årstal – skriv fx 2025.` }).transform(Number)),
});

export const statusForm = z.object({
  status: enumField(contractStatuses, (v) => `Status: ${shown(v)} er ikke en status for en resultatkontrakt.`),
});

export const parseCopyForm = (body: Body) => parse(copyForm, body);
export const parseStatusForm = (body: Body) => parse(statusForm, body);
