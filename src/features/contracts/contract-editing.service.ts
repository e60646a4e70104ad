// Editing a result contract (issue 7, "Editing"): a goal's texts and targets, an activity's status and
// evidence, an external figure, the status step and the copy to another year. Each use case changes the
// stored JSON document immutably and saves it through saveContractDocument with the revision the form
// carried — which validates the whole contract, refuses those who may not edit, turns a stale revision
// into a conflict and audits before/after. Corrections stated in the contract are never touched.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { contractStatusLabels, readContractDecimal, type Contract, type ContractInput } from '../../domain/contracts/contracts.ts';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../domain/errors.ts';
import { addContractFile, type CheckedContractFile, type PendingContractFile } from './contract-files.service.ts';
import {
  findActivity,
  findExternalTarget,
  parseActivityForm,
  parseCopyForm,
  parseExternalForm,
  parseGoalForm,
  parseStatusForm,
  readRevision,
  type GoalEdit,
  type GoalInputDoc,
} from './contract-editing.schema.ts';
import { changeContractStatus, copyContract, getContract, saveContractDocument, type StoredContract } from './contracts.service.ts';

type Body = Record<string, string | string[] | undefined>;
type TargetDoc = GoalInputDoc['targets'][number];
type ActivitiesDoc = Extract<TargetDoc, { kind: 'activities' }>;
type ExternalDoc = Extract<TargetDoc, { kind: 'external' }>;
type ActivityDoc = ActivitiesDoc['activities'][number];
type Evidence = NonNullable<ActivityDoc['evidence']>[number];

export interface EditDeps {
  clock: Clock;
  dataDir: string;
}

/** The contract for an editing form: not found for those who may not read it, forbidden for readers who may not edit. */
export async function getEditableContract(db: Executor, actor: Actor, idOrSlug: string): Promise<StoredContract> {
  const stored = await getContract(db, actor, idOrSlug);
  if (!stored.mayEdit) throw forbidden(`may not edit contract ${stored.row.slug}`);
  return stored;
}

const atRevision = (stored: StoredContract, revision: number): StoredContract => ({ ...stored, row: { ...stored.row, revision } });
const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));

/**
 * Saves through the lead's saveContractDocument; its field errors ("goals.7.targets.0.label") are
 * renamed to the form's fields ("targets.0.label") where the form has them.
 */
async function save(db: Executor, actor: Actor, stored: StoredContract, document: ContractInput, clock: Clock, entityType: string, prefix: string, rename: (field: string) => string = (f) => f): Promise<Contract> {
  try {
    return await saveContractDocument(db, actor, stored, document, clock, entityType);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation' || error.fields.length === 0) throw error;
    const fields: FieldError[] = error.fields.map((f) => ({ field: f.field.startsWith(prefix) ? rename(f.field.slice(prefix.length)) : f.field, message: f.message }));
    throw validationFailed(fields);
  }
}

// ------------------------------------------------------------------------------------------ goal

function nextActivityId(target: ActivitiesDoc): string {
  const taken = new Set(target.activities.map((a) => a.id));
  let n = target.activities.length + 1;
  while (taken.has(`${target.id}-${n}`)) n += 1;
  return `${target.id}-${n}`;
}

const sameDecimal = (a: unknown, b: unknown) => {
  const x = readContractDecimal(a);
  const y = readContractDecimal(b);
  return x !== null && y !== null && x.equals(y);
};

/** The goal with the form's texts and targets; a tier that repeated a target's own threshold follows it. */
export function applyGoalEdit(goal: GoalInputDoc, edit: GoalEdit): GoalInputDoc {
  const errors: FieldError[] = [];
  const mirrored: { id: string; from: { comparison: unknown; threshold: unknown }; to: { comparison: unknown; threshold: unknown } }[] = [];
  const targets = goal.targets.map((target, i): TargetDoc => {
    const e = edit.targets[i]!;
    if (target.kind === 'activities') {
      const removed = e.removeActivities ?? [];
      let activities = target.activities.filter((a) => !removed.includes(a.id)).map((a) => ({ ...a, name: e.activityNames?.[a.id] ?? a.name }));
      if (e.newActivity) activities = [...activities, { id: nextActivityId(target), name: e.newActivity, status: 'notStarted' as const, evidence: [] }];
      if (activities.length === 0) errors.push({ field: `targets.${i}.removeActivities`, message: `Målepunktet "${target.label}" skal have mindst én indsats – alle kan ikke fjernes.` });
      return { ...target, label: e.label, activities };
    }
    const comparison = e.comparison ?? target.comparison;
    const threshold = e.threshold ?? target.threshold;
    if (comparison !== target.comparison || !sameDecimal(threshold, target.threshold)) mirrored.push({ id: target.id, from: { comparison: target.comparison, threshold: target.threshold }, to: { comparison, threshold } });
    return { ...target, label: e.label, comparison, threshold } as TargetDoc;
  });
  if (errors.length > 0) throw validationFailed(errors);
  let rule = goal.rule;
  // 2019 goal 1: "NPS ≥ 60 → 100 %" repeats the target; the 50 % tier ("≥ 50") is its own and stays.
  if (rule.kind === 'tiers' && mirrored.length > 0) {
    rule = {
      ...rule,
      tiers: rule.tiers.map((tier) => ({
        ...tier,
        when: tier.when.map((c) => {
          const m = mirrored.find((x) => x.id === c.target && c.comparison === x.from.comparison && sameDecimal(c.threshold, x.from.threshold));
          return m ? { ...c, comparison: m.to.comparison as typeof c.comparison, threshold: m.to.threshold } : c;
        }),
      })),
    };
  }
  return withoutUndefined({ ...goal, title: edit.title, text: edit.text, method: edit.method, rationale: edit.rationale, targets, rule });
}

/** Saves the goal form (fields of parseGoalForm, plus `revision`). */
export async function editGoal(db: Executor, actor: Actor, stored: StoredContract, goalNumber: number, body: Body, clock: Clock): Promise<Contract> {
  if (!stored.mayEdit) throw forbidden(`may not edit contract ${stored.row.slug}`);
  const goalIndex = stored.document.goals.findIndex((g) => g.number === goalNumber);
  if (goalIndex < 0) throw notFound(`Mål ${goalNumber}`, `Goal ${goalNumber} was not found.`);
  const revision = readRevision(body);
  const goal = applyGoalEdit(stored.document.goals[goalIndex]!, parseGoalForm(body, stored.document.goals[goalIndex]!));
  const document = { ...stored.document, goals: replaceAt(stored.document.goals, goalIndex, goal) };
  return save(db, actor, atRevision(stored, revision), document, clock, 'contract-goal', `goals.${goalIndex}.`);
}

// ------------------------------------------------------------------------------------------ activity

/**
 * Saves the activity form: status, note, evidence to remove (by position) and one new evidence item;
 * a file is stored (row + audit) and its bytes written only after the document is saved.
 */
export async function editActivity(db: Executor, deps: EditDeps, actor: Actor, stored: StoredContract, key: string, goalNumber: number | undefined, body: Body, file: CheckedContractFile | undefined): Promise<Contract> {
  if (!stored.mayEdit) throw forbidden(`may not edit contract ${stored.row.slug}`);
  const place = findActivity(stored.document, key, goalNumber);
  if (!place) throw notFound('Indsatsen', 'The activity was not found.');
  const revision = readRevision(body);
  const edit = parseActivityForm(body, file !== undefined);
  const goal = stored.document.goals[place.goalIndex]!;
  const target = goal.targets[place.targetIndex] as ActivitiesDoc;
  const activity = target.activities[place.activityIndex]!;
  const evidence: Evidence[] = (activity.evidence ?? []).filter((_, i) => !edit.removeEvidence.includes(i));
  let pending: PendingContractFile | undefined;
  if (edit.evidence?.kind === 'file' && file) {
    pending = await addContractFile(db, deps, actor, stored, file);
    evidence.push(withoutUndefined({ kind: 'file' as const, value: pending.id, label: edit.evidence.label ?? file.name, date: edit.evidence.date }));
  } else if (edit.evidence?.value !== undefined) {
    evidence.push(withoutUndefined({ kind: edit.evidence.kind, value: edit.evidence.value, label: edit.evidence.label, date: edit.evidence.date }));
  }
  const changed: ActivityDoc = withoutUndefined({ ...activity, status: edit.status, note: edit.note, evidence });
  const newTarget: ActivitiesDoc = { ...target, activities: replaceAt(target.activities, place.activityIndex, changed) };
  const newGoal = { ...goal, targets: replaceAt(goal.targets, place.targetIndex, newTarget) };
  const document = { ...stored.document, goals: replaceAt(stored.document.goals, place.goalIndex, newGoal) };
  const prefix = `goals.${place.goalIndex}.targets.${place.targetIndex}.activities.${place.activityIndex}.`;
  const contract = await save(db, actor, atRevision(stored, revision), document, deps.clock, 'contract-activity', prefix, (f) => (f.startsWith('evidence.') ? 'evidenceValue' : f));
  await pending?.write();
  return contract;
}

// ------------------------------------------------------------------------------------------ external figure

/** Saves an external figure (value, source, date, document — a text reference or an uploaded file — and n). */
export async function recordExternalFigure(db: Executor, deps: EditDeps, actor: Actor, stored: StoredContract, key: string, goalNumber: number | undefined, body: Body, file: CheckedContractFile | undefined): Promise<Contract> {
  if (!stored.mayEdit) throw forbidden(`may not edit contract ${stored.row.slug}`);
  const place = findExternalTarget(stored.document, key, goalNumber);
  if (!place) throw notFound('Det eksterne målepunkt', 'The external target was not found.');
  const revision = readRevision(body);
  const edit = parseExternalForm(body, file !== undefined);
  const goal = stored.document.goals[place.goalIndex]!;
  const target = goal.targets[place.targetIndex] as ExternalDoc;
  const pending = file ? await addContractFile(db, deps, actor, stored, file) : undefined;
  // A document file already recorded is kept while its box stays ticked (the form cannot resend bytes).
  const kept = edit.keepDocumentFile !== undefined && edit.keepDocumentFile === target.recorded?.document ? edit.keepDocumentFile : undefined;
  const recorded = withoutUndefined({ value: edit.value, source: edit.source, date: edit.date, document: pending?.id ?? edit.document ?? kept, n: edit.n });
  const newGoal = { ...goal, targets: replaceAt(goal.targets, place.targetIndex, { ...target, recorded } as TargetDoc) };
  const document = { ...stored.document, goals: replaceAt(stored.document.goals, place.goalIndex, newGoal) };
  const prefix = `goals.${place.goalIndex}.targets.${place.targetIndex}.recorded.`;
  const contract = await save(db, actor, atRevision(stored, revision), document, deps.clock, 'contract-external', prefix);
  await pending?.write();
  return contract;
}

// ------------------------------------------------------------------------------------------ status and copy

/** One step along the status flow, from the form's `status` and `revision`. */
export async function changeStatusFromForm(db: Executor, actor: Actor, stored: StoredContract, body: Body, clock: Clock): Promise<Contract> {
  if (!stored.mayEdit) throw forbidden(`may not change the status of contract ${stored.row.slug}`);
  const revision = readRevision(body);
  const { status } = parseStatusForm(body);
  try {
    return await changeContractStatus(db, actor, atRevision(stored, revision), status, clock);
  } catch (error) {
    // A status the contract cannot have yet (an agreed contract needs its base grant) is the status field's error.
    if (!(error instanceof AppError) || error.code !== 'validation' || error.fields.every((f) => f.field === 'status')) throw error;
    const label = contractStatusLabels[status].da;
    throw validationFailed([{ field: 'status', message: `Status kan ikke sættes til "${label}": ${error.fields.map((f) => f.message).join(' ')}` }]);
  }
}

/** The contract copied to the form's `year` (a draft); returns the new contract's id. */
export async function copyFromForm(db: Executor, actor: Actor, stored: StoredContract, body: Body, clock: Clock): Promise<string> {
  if (!stored.mayEdit) throw forbidden(`may not copy contract ${stored.row.slug}`);
  const { year } = parseCopyForm(body);
  return copyContract(db, actor, stored, year, clock);
}
