// "Difference to a per-row-rounded spreadsheet" (shown on the allocation page): what the legacy
// spreadsheets give when each row is rounded half up on its own (spec 05: the published tables'
// rows do not add up to the stated total), next to Knudepunkt's result.
import { sumRationals } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';
import type { AllocationResult } from './allocation.types.ts';

export interface PerRowRoundingRow {
  id: string;
  name: string;
  exact: Rational;
  allocated: Rational;
  /** exact rounded half up at the allocation's resolution, as a spreadsheet's ROUND would. */
  perRowRounded: Rational;
  /** allocated − perRowRounded (0 for most rows). */
  difference: Rational;
}

export interface PerRowRoundingComparison {
  rows: PerRowRoundingRow[];
  /** Σ perRowRounded: what the spreadsheet's rows add up to. */
  perRowTotal: Rational;
  /** perRowTotal − total (the spreadsheet's error against the stated total). */
  perRowDifferenceToTotal: Rational;
  /** Number of rows where Knudepunkt's result differs from the spreadsheet's. */
  differingRows: number;
}

export function compareWithPerRowRounding(result: AllocationResult): PerRowRoundingComparison {
  const rows = result.recipients.map((r): PerRowRoundingRow => {
    const perRowRounded = r.exact.roundHalfUpTo(result.resolution);
    return {
      id: r.id,
      name: r.name,
      exact: r.exact,
      allocated: r.allocated,
      perRowRounded,
      difference: r.allocated.sub(perRowRounded),
    };
  });
  const perRowTotal = sumRationals(rows.map((r) => r.perRowRounded));
  return {
    rows,
    perRowTotal,
    perRowDifferenceToTotal: perRowTotal.sub(result.total),
    differingRows: rows.filter((r) => !r.difference.isZero()).length,
  };
}
