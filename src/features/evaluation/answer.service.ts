// The public answer page of the platform's own evaluation (issue 6; decision 010): the contact person
// opens the personal link from the invitation mail (/evaluering/svar/<token>), without logging in,
// answers the questions of the instrument version the invitation was made with (read from the stored
// instrument, evaluation_instruments), and the answer is saved once, as a response with source 'own'
// and the course's hub, company, municipality, segment, themes and guidance year — so the metrics
// engine counts it like any other. The opt-out page (/evaluering/framelding/<token>) stops further mail.
//
// What a visitor learns from a link: a link that does not exist or was altered is "invalid"; a real
// one is "expired" or "already answered" — never more. Every look-up hashes the token and queries the
// database, malformed or not, so the cases take about the same time. Failed look-ups are counted per
// address and throttled like sign-ins (auth.service.ts `throttle`).
import type { Executor } from '../../db/database.ts';
import type { Clock } from '../../domain/clock.ts';
import { responseAnswerColumns } from '../../domain/evaluation/responses-csv.ts';
import { AppError, type FieldError } from '../../domain/errors.ts';
import { throttle } from '../auth/auth.service.ts';
import { tokenHash } from '../auth/tokens.ts';
import { danishDay, type InvitationDeps } from './invitations.service.ts';
import { countLinkFailures, findInstrument, findInvitationByTokenHash, insertLinkFailure, markAnswered, recordOptOut } from './invitations.repository.ts';

type Locale = 'da' | 'en';

/** The answer columns of evaluation_responses a stored question may name (a new question needs a column). */
type AnswerColumn = (typeof responseAnswerColumns)[number];
const isAnswerColumn = (value: string): value is AnswerColumn => (responseAnswerColumns as readonly string[]).includes(value);

export interface AnswerQuestion {
  key: string;
  column: AnswerColumn;
  da: string;
  en: string;
  scale: { kind: 'numeric'; min: number; max: number } | { kind: 'choice'; options: { key: string; da: string; en: string }[] };
  /** Asked only after this answer to another question (its column). */
  askedWhen: { column: AnswerColumn; answer: string; question: { da: string; en: string } } | null;
}

export interface AnswerPageView {
  hubName: string;
  companyName: string;
  expiresAt: Date;
  questions: AnswerQuestion[];
}

export const linkInvalid = () =>
  new AppError('notFound', 'Linket er ikke gyldigt. Kontrollér, at hele linket fra e-mailen er med.', { en: 'The link is not valid. Check that the whole link from the e-mail was used.' });
export const linkExpired = () =>
  new AppError('gone', 'Linket er udløbet, så evalueringen kan ikke længere besvares. Tak for din interesse.', { en: 'The link has expired, so the evaluation can no longer be answered. Thank you for your interest.' });
export const alreadyAnswered = () =>
  new AppError('conflict', 'Evalueringen er allerede besvaret med dette link. Et link kan kun bruges til ét svar. Tak for din besvarelse.', {
    en: 'The evaluation has already been answered with this link. A link can be used for one answer only. Thank you for your answer.',
  });

export async function checkAnswerThrottle(db: Executor, clock: Clock, ip: string): Promise<void> {
  const since = new Date(clock.now().getTime() - throttle.window);
  if ((await countLinkFailures(db, ip, since)) >= throttle.perIp) {
    throw new AppError('tooManyRequests', 'For mange forsøg med ugyldige links. Vent 15 minutter, og prøv igen.', { en: 'Too many attempts with invalid links. Wait 15 minutes and try again.' });
  }
}

/** Records a failed look-up; call it outside the request's transaction, so that it is kept. */
export async function recordAnswerLinkFailure(db: Executor, clock: Clock, ip: string): Promise<void> {
  const now = clock.now();
  await insertLinkFailure(db, ip, now, new Date(now.getTime() - throttle.window));
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

/** The invitation of a link; invalid (unknown, altered) or, for the opt-out, any state. */
async function invitationOfLink(db: Executor, deps: InvitationDeps, token: string, options: { forUpdate?: boolean } = {}): Promise<InvitationRow> {
  // Hash and look up even a malformed token: every invalid link costs the same.
  const row = await findInvitationByTokenHash(db, tokenHash(deps.config.sessionSecret, token.slice(0, 100)), options);
  if (!row || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw linkInvalid();
  return row;
}

/** An answerable invitation: not answered, not expired. */
async function openInvitation(db: Executor, deps: InvitationDeps, token: string, options: { forUpdate?: boolean } = {}): Promise<InvitationRow> {
  const row = await invitationOfLink(db, deps, token, options);
  if (row.answered_at !== null) throw alreadyAnswered();
  if (row.expires_at.getTime() <= deps.clock.now().getTime()) throw linkExpired();
  return row;
}

async function questionsOf(db: Executor, row: InvitationRow): Promise<AnswerQuestion[]> {
  const instrument = await findInstrument(db, row.instrument_key, row.instrument_version);
  if (!instrument) throw new Error(`Instrument ${row.instrument_key} v${row.instrument_version} is missing`);
  const scales = instrument.scales as Record<string, AnswerQuestion['scale']>;
  const stored = instrument.questions as { key: string; column: string; scale: string; da: string; en: string; askedWhen?: { question: string; answer: string } }[];
  const byKey = new Map(stored.map((q) => [q.key, q]));
  return stored.flatMap((q): AnswerQuestion[] => {
    const scale = scales[q.scale];
    if (!scale || !isAnswerColumn(q.column)) return [];
    const parent = q.askedWhen ? byKey.get(q.askedWhen.question) : undefined;
    return [
      {
        key: q.key,
        column: q.column,
        da: q.da,
        en: q.en,
        scale,
        askedWhen: parent && q.askedWhen && isAnswerColumn(parent.column) ? { column: parent.column, answer: q.askedWhen.answer, question: { da: parent.da, en: parent.en } } : null,
      },
    ];
  });
}

/** The page's data. Nothing changes by looking (mail scanners open links too). */
export async function viewAnswerPage(db: Executor, deps: InvitationDeps, token: string): Promise<AnswerPageView> {
  const row = await openInvitation(db, deps, token);
  return { hubName: row.hub_name, companyName: row.company_name, expiresAt: row.expires_at, questions: await questionsOf(db, row) };
}

const optionLabel = (scale: AnswerQuestion['scale'], key: string, locale: Locale) => (scale.kind === 'choice' ? (scale.options.find((o) => o.key === key)?.[locale] ?? key) : key);

/**
 * Checks the answers against the instrument: every question asked must be answered (a conditional
 * question only when its condition holds; otherwise it is not stored). Messages in the visitor's
 * language name the question and the value.
 */
export function validateAnswers(questions: AnswerQuestion[], body: Record<string, unknown>, locale: Locale): { values: Partial<Record<AnswerColumn, string | number | null>>; errors: FieldError[] } {
  const raw = (column: string) => (typeof body[column] === 'string' ? (body[column] as string).trim() : '');
  const values: Partial<Record<AnswerColumn, string | number | null>> = {};
  const errors: FieldError[] = [];
  for (const q of questions) {
    const text = q[locale];
    if (q.askedWhen && raw(q.askedWhen.column) !== q.askedWhen.answer) {
      values[q.column] = null;
      continue;
    }
    const value = raw(q.column);
    if (value === '') {
      const condition = q.askedWhen ? (locale === 'en' ? ` (you answered "${optionLabel(questions.find((p) => p.column === q.askedWhen!.column)?.scale ?? q.scale, q.askedWhen.answer, locale)}" to "${q.askedWhen.question.en}")` : ` (du svarede "${optionLabel(questions.find((p) => p.column === q.askedWhen!.column)?.scale ?? q.scale, q.askedWhen.answer, locale)}" til "${q.askedWhen.question.da}")`) : '';
      errors.push({ field: q.column, message: locale === 'en' ? `Answer the question "${text}"${condition}.` : `Besvar spørgsmålet "${text}"${condition}.` });
      continue;
    }
    if (q.scale.kind === 'numeric') {
      const number = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
      if (!(number >= q.scale.min && number <= q.scale.max)) {
        errors.push({ field: q.column, message: locale === 'en' ? `"${value}" is not an answer to "${text}": choose a number from ${q.scale.min} to ${q.scale.max}.` : `"${value}" er ikke et svar på "${text}": vælg et tal fra ${q.scale.min} til ${q.scale.max}.` });
        continue;
      }
      values[q.column] = number;
    } else {
      if (!q.scale.options.some((o) => o.key === value)) {
        const choices = q.scale.options.map((o) => o[locale]).join(', ');
        errors.push({ field: q.column, message: locale === 'en' ? `"${value}" is not an answer to "${text}": choose one of ${choices}.` : `"${value}" er ikke et svar på "${text}": vælg et af svarene ${choices}.` });
        continue;
      }
      values[q.column] = value;
    }
  }
  return { values, errors };
}

export class AnswerInvalid extends Error {
  constructor(
    readonly view: AnswerPageView,
    readonly errors: FieldError[],
  ) {
    super('The answers are not valid');
  }
}

/**
 * Saves the answer once, in the caller's transaction (the invitation row is locked): a response with
 * source 'own' keyed on the invitation, and the invitation marked answered. Invalid answers throw
 * AnswerInvalid with the page to show again; a second submission throws alreadyAnswered.
 */
export async function submitAnswer(db: Executor, deps: InvitationDeps, token: string, body: Record<string, unknown>, locale: Locale): Promise<{ hubName: string; responseId: string }> {
  const row = await openInvitation(db, deps, token, { forUpdate: true });
  const questions = await questionsOf(db, row);
  const { values, errors } = validateAnswers(questions, body, locale);
  if (errors.length > 0) throw new AnswerInvalid({ hubName: row.hub_name, companyName: row.company_name, expiresAt: row.expires_at, questions }, errors);
  const now = deps.clock.now();
  const segment = row.segment ?? (row.category === 'growth' ? 'growth' : 'operations');
  const inserted = await db
    .insertInto('evaluation_responses')
    .values({
      source: 'own',
      source_response_id: row.id,
      cvr: row.cvr,
      company_id: row.company_id,
      business_hub_id: row.business_hub_id,
      municipality_code: (row.course_municipality_code ?? row.company_municipality_code)!,
      segment,
      guidance_year: row.guidance_year,
      answered_at: danishDay(now).day,
      themes: row.themes,
      // Checked against the instrument's scales above; the columns' checks hold them to the same.
      ...(values as { recommend?: number | null } & Partial<Record<Exclude<AnswerColumn, 'recommend'>, string | null>>),
    })
    .onConflict((oc) => oc.columns(['source', 'source_response_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted || !(await markAnswered(db, row.id, inserted.id, now))) throw alreadyAnswered();
  return { hubName: row.hub_name, responseId: inserted.id };
}

/** The opt-out page: valid for any real link (answered or expired too: the address still opts out). */
export async function viewOptOut(db: Executor, deps: InvitationDeps, token: string): Promise<{ hubName: string; optedOut: boolean }> {
  const row = await invitationOfLink(db, deps, token);
  return { hubName: row.hub_name, optedOut: row.opted_out_at !== null };
}

export async function optOutByLink(db: Executor, deps: InvitationDeps, token: string): Promise<{ hubName: string }> {
  const row = await invitationOfLink(db, deps, token, { forUpdate: true });
  await recordOptOut(db, { invitationId: row.id, email: row.email, contactPersonId: row.contact_person_id, via: 'link', now: deps.clock.now() });
  return { hubName: row.hub_name };
}
