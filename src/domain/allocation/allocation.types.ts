// Types of the distribution-key engine (spec 05, "The model"). All amounts are exact Rationals.
import type { Rational } from '../money/rational.ts';

/** Rounding methods of spec 05; `largestRemainder` (Hamilton) is the default. */
export const ROUNDING_METHODS = ['largestRemainder', 'roundEach', 'floor'] as const;
export type RoundingMethod = (typeof ROUNDING_METHODS)[number];

/** Units named in spec 05 ("a unit (`DKK`, `1000 DKK`, `places`, `persons`)"). */
export const ALLOCATION_UNITS = ['DKK', '1000 DKK', 'places', 'persons'] as const;
export type AllocationUnit = (typeof ALLOCATION_UNITS)[number];

export interface Criterion {
  /** e.g. `population`, `staff`; recipients carry a value under this key. */
  key: string;
  /** Weights of all criteria sum to exactly 1. */
  weight: Rational;
  /** Optional description for the explanation sentence, e.g. "bopælskommunefolketal". */
  label?: string;
  /** Optional data date for the explanation sentence, e.g. "1. kvt. 2022". */
  period?: string;
}

export interface RecipientInput {
  id: string;
  name: string;
  /** Criterion key → value. Not needed for exempt and fixed-share recipients. */
  values: Readonly<Record<string, Rational>>;
  /** Fixed share of the total (0.072 = 7.2 %); the others split the rest by the criteria. */
  fixedShare?: Rational;
  /** Gets 0 and is left out of the criteria sums. */
  exempt?: boolean;
  /** Id of the recipient that takes over this recipient's exact amount before rounding. */
  transferTo?: string;
}

export interface DerivedColumnInput {
  /** Column name, e.g. "10 pct. frafald". */
  name: string;
  /** Applied to each recipient's exact amount (after transfers). */
  factor: Rational;
  method: RoundingMethod;
}

/** A validated allocation, ready for computeAllocation. */
export interface AllocationInput {
  name: string;
  total: Rational;
  unit: AllocationUnit;
  /** Smallest amount a result is rounded to, in the unit (1, 1000, 0.01 …). */
  resolution: Rational;
  method: RoundingMethod;
  criteria: readonly Criterion[];
  recipients: readonly RecipientInput[];
  derived: readonly DerivedColumnInput[];
}

/** An expected business failure (spec 06: "Expected business failures are values"). */
export interface AllocationError {
  /** Path into the JSON input, e.g. `criteria[1].weight`, `recipients[2].values.population`. */
  field: string;
  /** Stable machine code, e.g. `weights_not_one`. */
  code: string;
  /** User-safe Danish message naming the field and the value. */
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: AllocationError[] };

export interface DerivedValue {
  name: string;
  /** factor × the recipient's exact amount. */
  exact: Rational;
  /** `exact` rounded with the column's own method at the allocation's resolution. */
  value: Rational;
}

export interface RecipientResult {
  id: string;
  name: string;
  /** Share of the total after transfers (what `exact` is based on); shares sum to 1. */
  share: Rational;
  /** total × share: the exact amount that is rounded. 0 for a recipient that transferred. */
  exact: Rational;
  /** The rounded result. */
  allocated: Rational;
  /** The recipient's own share before transfers (fixed share, criteria share or 0 if exempt). */
  ownShare: Rational;
  /** total × ownShare. */
  ownExact: Rational;
  derived: DerivedValue[];
  /** Final receiver when this recipient's amount was taken over (chains are followed). */
  transferredTo: string | null;
  /** Ids whose amounts this recipient received (directly or through a chain), in input order. */
  receivedFrom: string[];
  exempt: boolean;
  fixed: boolean;
  /** Danish note, e.g. "Overtaget af Bornholm", or null. */
  note: string | null;
}

export interface DerivedTotal {
  name: string;
  factor: Rational;
  method: RoundingMethod;
  exactTotal: Rational;
  valueTotal: Rational;
}

export interface AllocationResult {
  name: string;
  unit: AllocationUnit;
  resolution: Rational;
  method: RoundingMethod;
  total: Rational;
  /** Sum of `allocated`; equals `total` for largestRemainder. */
  allocatedTotal: Rational;
  /** allocatedTotal − total (≠ 0 is possible for roundEach and floor). */
  difference: Rational;
  recipients: RecipientResult[];
  derivedTotals: DerivedTotal[];
}
