// Distribution keys ("fordelingsnøgler", spec 05): the public API of the pure engine.
export type {
  AllocationError,
  AllocationInput,
  AllocationResult,
  AllocationUnit,
  Criterion,
  DerivedColumnInput,
  DerivedTotal,
  DerivedValue,
  RecipientInput,
  RecipientResult,
  RoundingMethod,
  ValidationResult,
} from './allocation.types.ts';
export { ALLOCATION_UNITS, ROUNDING_METHODS } from './allocation.types.ts';
export type { AllocationDraft } from './allocation.validate.ts';
export { validateAllocation, validateAllocationDraft } from './allocation.validate.ts';
export { allocationJsonSchema, formatFieldPath, parseAllocationJson } from './allocation.schema.ts';
export { allocate, computeAllocation, computeOwnShares } from './allocation.compute.ts';
export type { ExactAmount } from './allocation.rounding.ts';
export { apportionLargestRemainder, roundAmounts } from './allocation.rounding.ts';
export type { PerRowRoundingComparison, PerRowRoundingRow } from './allocation.compare.ts';
export { compareWithPerRowRounding } from './allocation.compare.ts';
export type { CriterionDescription } from './allocation.explain.ts';
export { describeAmount, describeDistributionKey } from './allocation.explain.ts';
export {
  describeRoundingMethod,
  formatDanishNumber,
  formatDanishPercent,
} from './allocation.format.ts';
export { allocationErrors } from './allocation.messages.ts';
