// Base grants (basisbevilling, spec 05): an allocation version linked to a business hub and a year
// gives the invoice list per municipality. Linking locks the version for good: the invoices must
// always be explainable by the key they were computed with. Historical tables are imported as they
// were published (base-grants.published.ts) and shown next to an exact split.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { allocate, type AllocationResult } from '../../domain/allocation/allocation.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { parseDecimal, Rational, sumRationals } from '../../domain/money/rational.ts';
import { requireRole } from '../authorization.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fieldErrors } from '../validation.ts';
import { computeStoredVersion, explain } from '../allocations/allocations.compute.ts';
import { resolveRecipients } from '../allocations/allocations.recipients.ts';
import { findVersionById, lockVersionRow, type StoredVersion } from '../allocations/allocations.repository.ts';
import { READERS, WRITERS } from '../allocations/allocations.service.ts';
import { findBaseGrant, findBaseGrantFor, findBaseGrants, findHubs, insertBaseGrant } from './base-grants.repository.ts';
import { baseGrantInput, type BaseGrant, type BaseGrantSummary } from './base-grants.schema.ts';

export async function listBaseGrants(db: Executor, actor: Actor, filter: { allocationVersionId?: string } = {}): Promise<BaseGrantSummary[]> {
  requireRole(actor, ...READERS);
  return findBaseGrants(db, filter);
}

export async function getBaseGrant(db: Executor, actor: Actor, id: string): Promise<BaseGrant> {
  requireRole(actor, ...READERS);
  const grant = await findBaseGrant(db, id);
  if (!grant) throw notFound('Basisbevillingen', 'The base grant was not found.');
  return grant;
}

export const listHubs = findHubs;

/** The default year of a new base grant: next year (base grants are decided the year before). */
export const defaultBaseGrantYear = (clock: Clock): number => clock.now().getUTCFullYear() + 1;

/**
 * Links a version to a hub and a year: stores the invoice lines (the allocated amounts), locks the
 * version and audits both. Refuses a version whose rows do not sum to its total, recipients outside
 * the hub, and a second base grant for the same hub and year.
 */
export async function linkBaseGrant(db: Executor, clock: Clock, actor: Actor, input: unknown): Promise<BaseGrant> {
  requireRole(actor, ...WRITERS);
  const parsed = baseGrantInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const { allocationVersionId, businessHubId, year } = parsed.data;
  const version = await findVersionById(db, allocationVersionId);
  if (!version) throw validationFailed([{ field: 'allocationVersionId', message: 'Fordelingsnøglen findes ikke.' }]);
  const hub = (await findHubs(db)).find((h) => h.id === businessHubId);
  if (!hub) throw validationFailed([{ field: 'businessHubId', message: 'Vælg et af de seks erhvervshuse.' }]);
  if (version.unit !== 'DKK' && version.unit !== '1000 DKK') {
    throw validationFailed([{ field: 'allocationVersionId', message: 'En basisbevilling er et beløb: fordelingsnøglen skal have enheden kr. eller 1.000 kr.' }]);
  }
  const recipients = (await resolveRecipients(db, version.recipients)) ?? [];
  const outside = recipients.filter((m) => m.businessHubId !== businessHubId);
  if (outside.length > 0) {
    const named = outside.slice(0, 3).map((m) => m.name).join(', ');
    throw validationFailed([{ field: 'businessHubId', message: `Fordelingsnøglen omfatter ${outside.length} kommuner uden for ${hub.name} (fx ${named}).` }]);
  }
  if (await findBaseGrantFor(db, businessHubId, year, 'knudepunkt')) {
    throw new AppError('conflict', `Basisbevillingen ${year} for ${hub.name} findes allerede.`, {
      en: `The base grant ${year} of ${hub.name} already exists.`,
      fields: [{ field: 'year', message: `Basisbevillingen ${year} for ${hub.name} findes allerede – den kan ikke ændres.` }],
    });
  }
  const result = await computeStoredVersion(db, version);
  if (!result.difference.isZero()) {
    throw validationFailed([
      {
        field: 'allocationVersionId',
        message: `Fordelingsnøglens rækker summerer til ${result.allocatedTotal.toDecimalString()}, ikke totalen ${result.total.toDecimalString()}. Brug afrundingen "største brøkrest", så fakturaerne summerer til totalen.`,
      },
    ]);
  }
  const label = `Basisbevilling ${year}, ${hub.name}`;
  const id = await storeGrant(db, actor, clock, version, result, { businessHubId, year, source: 'knudepunkt', label, keyBasis: explain(version), statedTotal: version.total });
  return (await findBaseGrant(db, id))!;
}

/** Stores a base grant with its lines and locks the version; shared with the published import. */
export async function storeGrant(
  db: Executor,
  actor: Actor,
  clock: Clock,
  version: StoredVersion,
  result: AllocationResult,
  grant: { businessHubId: string; year: number; source: BaseGrant['source']; label: string; keyBasis: string; statedTotal: Rational; lines?: BaseGrant['lines'] },
): Promise<string> {
  const lines = grant.lines ?? result.recipients.map((r) => ({ municipalityCode: r.id, municipalityName: r.name, amount: r.allocated.toDecimalString() }));
  const id = await insertBaseGrant(db, {
    businessHubId: grant.businessHubId,
    year: grant.year,
    source: grant.source,
    allocationVersionId: version.id,
    statedTotal: grant.statedTotal.toDecimalString(),
    unit: version.unit as BaseGrant['unit'],
    keyBasis: grant.keyBasis,
    createdByUserId: actor.kind === 'user' ? actor.userId : null,
    createdByName: actor.name,
    lines,
  });
  await recordAudit(db, actor, { action: 'create', entityType: 'baseGrant', entityId: id, after: { ...grant, statedTotal: grant.statedTotal.toDecimalString(), allocationVersionId: version.id, lines } });
  if (!version.lockedAt) {
    const lockedAt = clock.now();
    await lockVersionRow(db, version.id, grant.label, lockedAt);
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'allocation',
      entityId: version.allocationId,
      before: { version: version.version, lockedAt: null },
      after: { version: version.version, lockedAt: lockedAt.toISOString(), lockedReason: grant.label },
    });
  }
  return id;
}

export interface DeviationRow {
  municipalityCode: string;
  municipalityName: string;
  /** The invoiced (or published) amount. */
  amount: Rational;
  /** statedTotal × amount / Σ amounts. */
  exact: Rational;
  /** The engine's exact split of the stated total, keyed by the amounts. */
  split: Rational;
  /** split − amount. */
  difference: Rational;
}

export interface Deviation {
  statedTotal: Rational;
  linesTotal: Rational;
  /** linesTotal − statedTotal: how far the rows miss the stated total. */
  deviation: Rational;
  rows: DeviationRow[];
  differingRows: number;
}

/** Spec 05: where a base grant deviates from its stated total and from an exact split of it. */
export function deviationOf(grant: BaseGrant): Deviation {
  const statedTotal = parseDecimal(grant.statedTotal)!;
  const amounts = grant.lines.map((l) => parseDecimal(l.amount)!);
  const linesTotal = sumRationals(amounts);
  const split = allocate({
    name: `Præcis fordeling af ${grant.statedTotal}`,
    total: statedTotal,
    unit: grant.unit,
    resolution: statedTotal.isInteger() ? Rational.ONE : Rational.of(1n, 100n),
    method: 'largestRemainder',
    criteria: [{ key: 'amount', weight: Rational.ONE }],
    recipients: grant.lines.map((l, i) => ({ id: l.municipalityCode, name: l.municipalityName, values: { amount: amounts[i]! } })),
  });
  if (!split.ok) throw new Error(`base grant ${grant.id}: ${split.errors.map((e) => e.message).join('; ')}`);
  const rows = grant.lines.map((l, i): DeviationRow => {
    const r = split.value.recipients[i]!;
    return { municipalityCode: l.municipalityCode, municipalityName: l.municipalityName, amount: amounts[i]!, exact: r.exact, split: r.allocated, difference: r.allocated.sub(amounts[i]!) };
  });
  return { statedTotal, linesTotal, deviation: linesTotal.sub(statedTotal), rows, differingRows: rows.filter((r) => !r.difference.isZero()).length };
}

/** What the "Brug som basisbevilling" form on a version's page needs. */
export async function linkChoices(db: Executor, clock: Clock, version: StoredVersion) {
  const [hubs, recipients, linked] = await Promise.all([findHubs(db), resolveRecipients(db, version.recipients), findBaseGrants(db, { allocationVersionId: version.id })]);
  const hubIds = new Set((recipients ?? []).map((m) => m.businessHubId));
  // A year in the key's name ("Basisbevilling 2023") is the likely year; otherwise next year.
  const named = /\b(20\d\d)\b/.exec(version.name)?.[1];
  return {
    hubs,
    defaultHub: hubIds.size === 1 ? [...hubIds][0] : undefined,
    defaultYear: named ? Number(named) : defaultBaseGrantYear(clock),
    linked: linked.map((g) => ({ id: g.id, year: g.year, hubName: g.businessHubName })),
  };
}
