// Result contracts (issue 7, 04-contracts.md): reading, evaluating on the platform's data, saving an
// edited document, copying a contract to the next year, moving it along its status flow, and loading
// the shipped contracts. Authorization lives here: everyone of the contract's region reads it; the
// region's KKR secretariat, the hub's managers and admins change it. Every change is audited.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { hasRole } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import {
  checkTransition,
  evaluateContract,
  measurementsByTargetId,
  parseContract,
  seedContractInputs,
  type Contract,
  type ContractEvaluation,
  type ContractInput,
  type ContractStatus,
  type Goal,
  type Measurement,
  type Target,
  type TargetEvaluation,
} from '../../domain/contracts/contracts.ts';
import { AppError, forbidden, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hubOfOrganisation } from '../courses/courses.repository.ts';
import { findHubs } from '../evaluation/evaluation.repository.ts';
import { isUuid } from '../validation.ts';
import { measureContract, recordKindOf, type RecordKind } from './contract-measurements.service.ts';
import { findHub, hubNameKey } from '../../domain/hubs.ts';
import { mayReadRawAnswers } from '../evaluation/evaluation.service.ts';
import {
  findContractRow,
  findContractRowByHubYear,
  findContractRowBySlug,
  findContracts,
  findHubByName,
  findKkrOfRegion,
  insertContract,
  findCompanyRecords,
  findCourseRecords,
  findEventRecords,
  findReferralRecords,
  findResponseRecords,
  updateContractDocument,
  type ContractRow,
  type DrillDownRecord,
} from './contracts.repository.ts';

export interface StoredContract {
  row: ContractRow;
  contract: Contract;
  /** The stored JSON form, which edits change and save again. */
  document: ContractInput;
  mayEdit: boolean;
}

export interface EvaluatedContract extends StoredContract {
  evaluation: ContractEvaluation;
  measurements: Record<string, Measurement>;
  computedAt: Date;
}

/** May the actor change this contract: admins, the region's KKR secretariat, the hub's managers. */
export async function mayEditContract(db: Executor, actor: Actor, row: ContractRow): Promise<boolean> {
  if (actor.kind === 'system' || hasRole(actor, 'admin')) return actor.kind === 'system' || actor.regionCode === null || actor.regionCode === row.region_code;
  if (actor.regionCode !== row.region_code) return false;
  if (hasRole(actor, 'kkr') && actor.organisationKind === 'kkrSecretariat') return true;
  if (hasRole(actor, 'manager') && actor.organisationKind === 'hub') return (await hubOfOrganisation(db, actor.organisationId)) === row.business_hub_id;
  return false;
}

function mayRead(actor: Actor, row: ContractRow): boolean {
  return actor.kind === 'system' || actor.regionCode === null || actor.regionCode === row.region_code;
}

export async function listContracts(db: Executor, actor: Actor): Promise<ContractRow[]> {
  return findContracts(db, actor.kind === 'system' ? null : actor.regionCode);
}

/** The contract by id or slug ("nordjylland-2023"), as the actor may see it. */
export async function getContract(db: Executor, actor: Actor, idOrSlug: string): Promise<StoredContract> {
  const row = isUuid(idOrSlug) ? await findContractRow(db, idOrSlug) : await findContractRowBySlug(db, idOrSlug);
  if (!row || !mayRead(actor, row)) throw notFound('Resultatkontrakten', 'The result contract was not found.');
  return toStored(row, await mayEditContract(db, actor, row));
}

/** The hub's contract for the year; the hub by id ("nordjylland") or name ("Erhvervshus Nordjylland", "Nordjylland"). */
export async function getContractByHubYear(db: Executor, actor: Actor, hub: string, year: number): Promise<StoredContract> {
  const found = findHub(await findHubs(db), hub);
  if (!found) throw notFound(`Erhvervshuset "${hub}"`, `The business hub "${hub}" was not found.`);
  const row = await findContractRowByHubYear(db, found.id, year);
  if (!row || !mayRead(actor, row)) throw notFound(`En resultatkontrakt for ${found.name} ${year}`, `A result contract for ${found.name} ${year} was not found.`);
  return toStored(row, await mayEditContract(db, actor, row));
}

function toStored(row: ContractRow, mayEdit: boolean): StoredContract {
  const parsed = parseContract(row.document);
  // Every write is validated, so a stored document that does not parse is a bug, not user input.
  if (!parsed.ok) throw new Error(`stored contract ${row.slug} does not parse: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return { row, contract: parsed.value, document: row.document as ContractInput, mayEdit };
}

type Judgement = Pick<EvaluatedContract, 'evaluation' | 'measurements' | 'computedAt'>;

/** Evaluations under way, by contract and revision: requests arriving meanwhile share the one (bench/README.md). */
const evaluationsUnderWay = new Map<string, Promise<Judgement>>();

/**
 * The contract judged on the data as it is now (04-contracts.md: goals computed live). Requests for
 * the same contract revision that arrive while it is being evaluated get that evaluation — nothing is
 * kept after it is done, so every later request measures afresh. Inside a transaction it always
 * measures on its own (the transaction may see changes no one else does).
 */
export async function evaluateStoredContract(db: Executor, stored: StoredContract, clock: Clock): Promise<EvaluatedContract> {
  const judge = async (): Promise<Judgement> => {
    const computedAt = clock.now();
    const measurements = await measureContract(db, stored.contract, { hubId: stored.row.business_hub_id, hubName: stored.row.hub_name, now: computedAt });
    return { evaluation: evaluateContract(stored.contract, measurementsByTargetId(measurements)), measurements, computedAt };
  };
  if (db.isTransaction) return { ...stored, ...(await judge()) };
  const key = `${stored.row.id} ${stored.row.revision}`;
  let underWay = evaluationsUnderWay.get(key);
  if (underWay === undefined) {
    underWay = judge().finally(() => evaluationsUnderWay.delete(key));
    evaluationsUnderWay.set(key, underWay);
  }
  return { ...stored, ...(await underWay) };
}

/**
 * Saves an edited document: validated in full (a field error names the field and value), refused
 * when someone else saved since `revision` was read, audited with before and after.
 */
export async function saveContractDocument(
  db: Executor,
  actor: Actor,
  stored: StoredContract,
  document: ContractInput,
  clock: Clock,
  entityType = 'contract',
): Promise<Contract> {
  if (!stored.mayEdit) throw forbidden(`may not edit contract ${stored.row.slug}`);
  const parsed = parseContract(document);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  const contract = parsed.value;
  if (contract.year !== stored.row.year || hubNameKey(contract.hub) !== hubNameKey(stored.row.hub_name)) {
    throw validationFailed([{ field: 'year', message: 'Kontraktens år og erhvervshus kan ikke ændres – opret en kopi til et andet år i stedet.' }]);
  }
  const saved = await updateContractDocument(db, stored.row.id, stored.row.revision, { document, status: contract.status, userId: actor.kind === 'user' ? actor.userId : null, now: clock.now() });
  if (!saved) {
    throw new AppError('conflict', 'Kontrakten er ændret af en anden, siden du åbnede den. Genindlæs siden og foretag ændringen igen.', {
      en: 'Someone else changed the contract after you opened it. Reload the page and make the change again.',
    });
  }
  await recordAudit(db, actor, { action: 'update', entityType, entityId: stored.row.id, before: stored.document, after: document });
  return contract;
}

/** Moves the contract one step along draft → agreed → signed → reported → followedUp. */
export async function changeContractStatus(db: Executor, actor: Actor, stored: StoredContract, to: ContractStatus, clock: Clock): Promise<Contract> {
  const check = checkTransition(stored.contract.status, to);
  if (!check.ok) throw new AppError('validation', check.message, { en: check.messageEn, fields: [{ field: 'status', message: check.message }] });
  return saveContractDocument(db, actor, stored, { ...stored.document, status: to }, clock, 'contract-status');
}

/**
 * Next year's contract from this one (04-contracts.md: "create next year's contract by copying"): the
 * same goals, targets and rules as a draft; activities back to "not started" without evidence;
 * recorded external figures, signatures and dates cleared; milestones kept.
 */
export async function copyContract(db: Executor, actor: Actor, stored: StoredContract, year: number, clock: Clock): Promise<string> {
  if (!stored.mayEdit) throw forbidden(`may not copy contract ${stored.row.slug}`);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw validationFailed([{ field: 'year', message: `"${year}" er ikke et gyldigt år` }]);
  const source = stored.document;
  const document: ContractInput = {
    ...source,
    id: `${stored.row.business_hub_id}-${year}`,
    year,
    title: source.title.replace(String(stored.row.year), String(year)),
    status: 'draft',
    signatories: (source.signatories ?? []).map(({ signedOn: _signedOn, name: _name, ...rest }) => rest),
    dates: { effectiveFrom: `${year}-01-01` },
    followUp: { year: year + 1, quarter: source.followUp.quarter },
    goals: source.goals.map((goal) => ({
      ...goal,
      targets: goal.targets.map((target) => {
        if (target.kind === 'activities') return { ...target, activities: target.activities.map(({ evidence: _e, status: _s, note: _n, ...a }) => a) };
        if (target.kind === 'external') {
          const { recorded: _recorded, ...rest } = target;
          return rest;
        }
        return target;
      }),
    })),
  };
  const { baseGrant: _grant, ...withoutGrant } = document;
  const parsed = parseContract(withoutGrant);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  const id = await insertContract(db, {
    slug: withoutGrant.id,
    hubId: stored.row.business_hub_id,
    kkrId: stored.row.kkr_id,
    year,
    status: 'draft',
    document: withoutGrant,
    origin: 'copy',
    copiedFrom: stored.row.id,
    userId: actor.kind === 'user' ? actor.userId : null,
    now: clock.now(),
  });
  if (id === null) {
    throw new AppError('conflict', `${stored.row.hub_name} har allerede en resultatkontrakt for ${year}.`, { en: `${stored.row.hub_name} already has a result contract for ${year}.` });
  }
  await recordAudit(db, actor, { action: 'create', entityType: 'contract', entityId: id, before: { copiedFrom: stored.row.slug }, after: withoutGrant });
  return id;
}

/**
 * The contracts of the source documents (src/domain/contracts/seeds/*.json), stored once: a contract the hub
 * already has for that year — shipped earlier and maybe edited since — is left as it is.
 */
export async function loadShippedContracts(db: Executor, now: Date): Promise<number> {
  let loaded = 0;
  for (const input of seedContractInputs) {
    const hub = await findHubByName(db, input.hub);
    if (!hub) throw new Error(`shipped contract ${input.id}: unknown hub ${input.hub}`);
    const kkr = await findKkrOfRegion(db, hub.regionCode);
    if (!kkr) throw new Error(`shipped contract ${input.id}: no KKR in region ${hub.regionCode}`);
    const id = await insertContract(db, { slug: input.id, hubId: hub.id, kkrId: kkr.id, year: input.year, status: input.status, document: input, origin: 'shipped', copiedFrom: null, userId: null, now });
    if (id !== null) loaded += 1;
  }
  return loaded;
}

/** At most this many records are listed under a figure. */
export const DRILL_DOWN_LIMIT = 500;

export interface DrillDown {
  evaluated: EvaluatedContract;
  goal: Goal;
  target: Target;
  evaluation: TargetEvaluation;
  records: DrillDownRecord[];
  total: number;
  columns: string[];
  /** True when the reader may not see the individual responses (only the hub's own staff may). */
  hidden: boolean;
}

const drillDownColumns: Record<RecordKind, string[]> = {
  response: ['Besvarelse', 'Virksomhed', 'År', 'Segment', 'Kommune', 'Anbefaling (0-10)', 'Medarbejderens kompetencer', 'Forventet effekt'],
  company: ['Virksomhed', 'CVR', 'Kommune'],
  course: ['Virksomhed', 'CVR', 'Kategori', 'Start', 'Slut', 'Status'],
  referral: ['Virksomhed', 'Henvist af', 'Sendt', 'Første kontakt', 'Tilstand'],
  activity: ['Aktivitet', 'Dato', 'Deltagere'],
};

/** The records behind one target's figure (04-contracts.md: "every figure links to the records behind it"). */
export async function getDrillDown(db: Executor, actor: Actor, stored: StoredContract, goalNumber: number, targetId: string, clock: Clock): Promise<DrillDown> {
  const goal = stored.contract.goals.find((g) => g.number === goalNumber);
  const target = goal?.targets.find((t) => t.id === targetId);
  if (!goal || !target || target.kind === 'activities') throw notFound(`Målepunktet "${targetId}" i mål ${goalNumber}`, `The target "${targetId}" of goal ${goalNumber} was not found.`);
  const evaluated = await evaluateStoredContract(db, stored, clock);
  const evaluation = evaluated.evaluation.goals.find((g) => g.goalNumber === goalNumber)!.targets.find((t) => t.target.id === targetId)!;
  const kind = recordKindOf(target);
  const ids = evaluation.measurement?.kind === 'value' ? [...evaluation.measurement.recordIds] : [];
  const hidden = kind === 'response' && !(await mayReadRawAnswers(db, actor, stored.row.business_hub_id));
  const records = kind === null || hidden ? [] : await recordFinders[kind](db, ids, DRILL_DOWN_LIMIT);
  return { evaluated, goal, target, evaluation, records, total: kind === null ? 0 : ids.length, columns: kind === null ? [] : drillDownColumns[kind], hidden };
}

const recordFinders: Record<RecordKind, (db: Executor, ids: string[], limit: number) => Promise<DrillDownRecord[]>> = {
  response: findResponseRecords,
  company: findCompanyRecords,
  course: findCourseRecords,
  referral: findReferralRecords,
  activity: findEventRecords,
};
