// Price-and-wage (PL) rates and the uplift of contributions (spec 05, "Uplift"): next year's
// contribution is this year's × (1 + PL rate), rounded to whole kroner or øre as the secretariat
// chooses; a surplus is paid back by the same key. "This year's" contributions are the allocated
// amounts of an allocation version (in kroner).
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { AllocationResult } from '../../domain/allocation/allocation.ts';
import { rateFromPercent, splitSurplusPayback, upliftContributions, type PaybackResult, type UpliftResult } from '../../domain/allocation/pl-uplift.ts';
import { AppError, validationFailed, type FieldError } from '../../domain/errors.ts';
import { parseDecimal, Rational } from '../../domain/money/rational.ts';
import { parseLocaleNumber } from '../../domain/population/csv-text.ts';
import { requireRole } from '../authorization.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fieldErrors } from '../validation.ts';
import { getVersionView, READERS, WRITERS, type VersionView } from '../allocations/allocations.service.ts';
import { findPlRate, findPlRates, insertPlRate } from './pl-rates.repository.ts';
import { plRateInput, upliftQuery, type PlRate, type UpliftQuery } from './pl-rates.schema.ts';

export async function listPlRates(db: Executor, actor: Actor): Promise<PlRate[]> {
  requireRole(actor, ...READERS);
  return findPlRates(db);
}

/** Adds a rate or a revision of one (a new release date). The same release twice is refused. */
export async function createPlRate(db: Executor, actor: Actor, input: unknown): Promise<PlRate> {
  requireRole(actor, ...WRITERS);
  const parsed = plRateInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const { year, category, percent, source, releasedOn } = parsed.data;
  const id = await insertPlRate(db, {
    year,
    category,
    percent: percent.toDecimalString(),
    source,
    releasedOn,
    createdByUserId: actor.kind === 'user' ? actor.userId : null,
    createdByName: actor.name,
  });
  if (!id) {
    throw new AppError('conflict', `Satsen for ${category} ${year} udgivet ${releasedOn} findes allerede.`, {
      en: 'That release of the rate already exists.',
      fields: [{ field: 'releasedOn', message: `Der findes allerede en udgivelse af satsen for ${category} ${year} med denne dato – en revision har en ny dato.` }],
    });
  }
  const rate = (await findPlRate(db, id))!;
  await recordAudit(db, actor, { action: 'create', entityType: 'plRate', entityId: id, after: rate });
  return rate;
}

export interface UpliftView {
  view: VersionView;
  query: UpliftQuery;
  rates: PlRate[];
  /** The rate used, and where it came from. */
  rate: { percent: Rational; label: string };
  resolution: Rational;
  uplift: UpliftResult;
  payback: PaybackResult | null;
}

const THOUSAND = Rational.of(1000n);

/** A number typed in a form or a query: Danish ("4,8", "1.250.000") or plain ("4.8"). */
function readNumber(raw: string | undefined): Rational | null | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  return parseLocaleNumber(text, 'danish') ?? parseDecimal(text);
}

/** This year's contributions in kroner: the version's allocated amounts (× 1.000 for 1.000 kr.). */
export function contributionsOf(result: AllocationResult) {
  const factor = result.unit === '1000 DKK' ? THOUSAND : Rational.ONE;
  return result.recipients.map((r) => ({ id: r.id, name: r.name, amount: r.allocated.mul(factor) }));
}

export async function computeUplift(db: Executor, actor: Actor, allocationId: string, version: number, rawQuery: unknown): Promise<UpliftView> {
  requireRole(actor, ...READERS);
  const parsed = upliftQuery.safeParse(rawQuery);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const query = parsed.data;
  const [view, rates] = await Promise.all([getVersionView(db, actor, allocationId, version), findPlRates(db)]);
  if (view.result.unit !== 'DKK' && view.result.unit !== '1000 DKK') {
    throw validationFailed([{ field: 'rate', message: 'PL-fremskrivning gælder beløb: fordelingsnøglen skal have enheden kr. eller 1.000 kr.' }]);
  }
  const errors: FieldError[] = [];
  let rate: UpliftView['rate'] | undefined;
  const typed = readNumber(query.percent);
  if (typed === null) errors.push({ field: 'percent', message: 'Skriv satsen i procent som et tal, fx 4,8.' });
  else if (typed !== undefined) rate = { percent: typed, label: `${query.percent!.trim()} % (indtastet)` };
  else if (query.rate) {
    const chosen = rates.find((r) => r.id === query.rate);
    if (!chosen) errors.push({ field: 'rate', message: 'Vælg en af PL-satserne.' });
    else rate = { percent: parseDecimal(chosen.percent)!, label: `${chosen.category} ${chosen.year}: ${chosen.percent.replace('.', ',')} % (${chosen.source}, udgivet ${chosen.releasedOn})` };
  } else errors.push({ field: 'rate', message: 'Vælg en PL-sats, eller skriv satsen i procent.' });
  const surplus = readNumber(query.surplus);
  const carriedForward = readNumber(query.carriedForward);
  if (surplus === null) errors.push({ field: 'surplus', message: 'Skriv overskuddet i kroner som et tal, fx 250.000.' });
  if (carriedForward === null) errors.push({ field: 'carriedForward', message: 'Skriv beløbet i kroner som et tal, fx 50.000.' });
  if (surplus?.isNegative()) errors.push({ field: 'surplus', message: 'Overskuddet må ikke være negativt – et underskud betales ikke tilbage.' });
  if (carriedForward?.isNegative()) errors.push({ field: 'carriedForward', message: 'Beløbet, der overføres, må ikke være negativt.' });
  else if (carriedForward && (surplus === undefined || surplus === null || carriedForward.gt(surplus))) {
    errors.push({ field: 'carriedForward', message: 'Beløbet, der overføres, kan ikke være større end overskuddet.' });
  }
  if (rate && !rate.percent.gt(Rational.of(-100n))) errors.push({ field: 'percent', message: 'Satsen skal være større end -100 %.' });
  if (errors.length > 0 || !rate) throw validationFailed(errors);
  const resolution = query.rounding === 'oere' ? Rational.of(1n, 100n) : Rational.ONE;
  const uplift = upliftContributions(contributionsOf(view.result), { rate: rateFromPercent(rate.percent), resolution, mode: query.mode });
  if (!uplift.ok) throw validationFailed(uplift.errors.map((e) => ({ field: e.field === 'rate' ? 'percent' : 'form', message: e.message })));
  let payback: PaybackResult | null = null;
  if (surplus) {
    const split = splitSurplusPayback({
      surplus,
      carriedForward: carriedForward || Rational.ZERO,
      resolution,
      key: view.result.recipients.map((r) => ({ id: r.id, name: r.name, weight: r.share })),
    });
    if (!split.ok) throw validationFailed(split.errors.map((e) => ({ field: e.field === 'carriedForward' || e.field === 'surplus' ? e.field : 'form', message: e.message })));
    payback = split.value;
  }
  return { view, query, rates, rate, resolution, uplift: uplift.value, payback };
}
