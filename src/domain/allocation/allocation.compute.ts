// The distribution-key engine (spec 05, "The model"): shares → exact amounts → transfers →
// rounding → derived columns. Pure and exact; the input must be valid (see allocate()).
import { Rational, sumRationals } from '../money/rational.ts';
import { formatDanishPercent, joinDanish } from './allocation.format.ts';
import { roundAmounts } from './allocation.rounding.ts';
import { resolveTransferChains } from './allocation.transfers.ts';
import { sharesByCriteria, validateAllocationDraft } from './allocation.validate.ts';
import type {
  AllocationInput,
  AllocationResult,
  DerivedTotal,
  RecipientInput,
  RecipientResult,
  ValidationResult,
} from './allocation.types.ts';
import type { AllocationDraft } from './allocation.validate.ts';

/** Validates, then computes. The entry point for anything that has not validated already. */
export function allocate(draft: AllocationDraft): ValidationResult<AllocationResult> {
  const valid = validateAllocationDraft(draft);
  return valid.ok ? { ok: true, value: computeAllocation(valid.value) } : valid;
}

/**
 * Each recipient's own share, before transfers (spec 05):
 * - fixed share: that share;
 * - exempt: 0, and it is left out of the criteria sums;
 * - otherwise (1 − Σ fixed shares) × Σ_criteria weight × value / Σ values of those sharing the rest.
 * Criteria of weight 0 contribute nothing (and may have a zero sum).
 */
export function computeOwnShares(input: AllocationInput): Rational[] {
  const participants = input.recipients.filter(sharesByCriteria);
  const rest = Rational.ONE.sub(
    sumRationals(input.recipients.flatMap((r) => (r.fixedShare === undefined ? [] : [r.fixedShare]))),
  );
  const sums = new Map(
    input.criteria.map((c) => [c.key, sumRationals(participants.map((r) => valueOf(r, c.key)))] as const),
  );
  return input.recipients.map((r) => {
    if (r.exempt === true) return Rational.ZERO;
    if (r.fixedShare !== undefined) return r.fixedShare;
    let share = Rational.ZERO;
    for (const c of input.criteria) {
      const sum = sums.get(c.key) ?? Rational.ZERO;
      if (c.weight.isZero() || sum.isZero()) continue;
      share = share.add(c.weight.mul(valueOf(r, c.key)).div(sum));
    }
    return rest.mul(share);
  });
}

export function computeAllocation(input: AllocationInput): AllocationResult {
  const ownShares = computeOwnShares(input);
  const chains = resolveTransferChains(input.recipients);
  const indexById = new Map(input.recipients.map((r, i) => [r.id, i]));

  // Spec 05: the transferring recipient's *exact* amount moves to the receiver before rounding.
  const shares = ownShares.slice();
  const receivedFrom: string[][] = input.recipients.map(() => []);
  input.recipients.forEach((r, i) => {
    const chain = chains.get(r.id);
    if (chain === undefined) return;
    const finalIndex = indexById.get(chain[chain.length - 1]!)!;
    shares[finalIndex] = shares[finalIndex]!.add(ownShares[i]!);
    shares[i] = Rational.ZERO;
    receivedFrom[finalIndex]!.push(r.id);
  });

  const exacts = shares.map((s) => input.total.mul(s));
  const items = input.recipients.map((r, i) => ({ id: r.id, exact: exacts[i]! }));
  const allocated = roundAmounts(items, input.method, input.resolution);

  const derivedTotals: DerivedTotal[] = [];
  const derivedPerRecipient = input.recipients.map(() => [] as RecipientResult['derived']);
  for (const column of input.derived) {
    const columnItems = items.map((item) => ({ id: item.id, exact: item.exact.mul(column.factor) }));
    const values = roundAmounts(columnItems, column.method, input.resolution);
    columnItems.forEach((item, i) => {
      derivedPerRecipient[i]!.push({ name: column.name, exact: item.exact, value: values[i]! });
    });
    derivedTotals.push({
      name: column.name,
      factor: column.factor,
      method: column.method,
      exactTotal: sumRationals(columnItems.map((c) => c.exact)),
      valueTotal: sumRationals(values),
    });
  }

  const nameOf = (id: string): string => input.recipients[indexById.get(id)!]!.name;
  const recipients = input.recipients.map((r, i): RecipientResult => {
    const chain = chains.get(r.id);
    return {
      id: r.id,
      name: r.name,
      share: shares[i]!,
      exact: exacts[i]!,
      allocated: allocated[i]!,
      ownShare: ownShares[i]!,
      ownExact: input.total.mul(ownShares[i]!),
      derived: derivedPerRecipient[i]!,
      transferredTo: chain === undefined ? null : chain[chain.length - 1]!,
      receivedFrom: receivedFrom[i]!,
      exempt: r.exempt === true,
      fixed: r.fixedShare !== undefined,
      note: noteFor(r, chain, receivedFrom[i]!, nameOf),
    };
  });

  const allocatedTotal = sumRationals(allocated);
  return {
    name: input.name,
    unit: input.unit,
    resolution: input.resolution,
    method: input.method,
    total: input.total,
    allocatedTotal,
    difference: allocatedTotal.sub(input.total),
    recipients,
    derivedTotals,
  };
}

/** Danish note: who took the amount over, whom it was taken over from, exempt, fixed share. */
function noteFor(
  r: RecipientInput,
  chain: readonly string[] | undefined,
  receivedFrom: readonly string[],
  nameOf: (id: string) => string,
): string | null {
  const parts: string[] = [];
  if (r.exempt === true) parts.push('Fritaget');
  if (r.fixedShare !== undefined) parts.push(`Fast andel på ${formatDanishPercent(r.fixedShare, 10)}`);
  if (chain !== undefined) {
    const via = chain.slice(0, -1).map(nameOf);
    const receiver = nameOf(chain[chain.length - 1]!);
    parts.push(`Overtaget af ${receiver}${via.length > 0 ? ` (via ${joinDanish(via)})` : ''}`);
  }
  if (receivedFrom.length > 0) parts.push(`Har overtaget andelen fra ${joinDanish(receivedFrom.map(nameOf))}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

function valueOf(r: RecipientInput, key: string): Rational {
  return Object.hasOwn(r.values, key) ? (r.values[key] ?? Rational.ZERO) : Rational.ZERO;
}
