// The result table of an allocation: share, exact amount, allocated, what a spreadsheet that rounds
// each row on its own would give, and the difference (spec 05; issue 3). Shared by the version page
// and the form's preview.
import { compareWithPerRowRounding, formatDanishNumber, formatDanishPercent, type AllocationResult, type AllocationUnit } from '../../domain/allocation/allocation.ts';
import { parseDecimal, Rational } from '../../domain/money/rational.ts';
import type { PageContext } from '../../web/context.ts';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';

export function unitLabel(unit: AllocationUnit, locale: 'da' | 'en' = 'da'): string {
  const labels: Record<AllocationUnit, [string, string]> = {
    DKK: ['kr.', 'DKK'],
    '1000 DKK': ['1.000 kr.', '1,000 DKK'],
    places: ['pladser', 'places'],
    persons: ['personer', 'persons'],
  };
  return labels[unit][locale === 'en' ? 1 : 0];
}

export const methodLabel = (method: string, locale: 'da' | 'en' = 'da'): string => {
  const labels: Record<string, [string, string]> = {
    largestRemainder: ['Største brøkrest – summen passer altid', 'Largest remainder – always sums to the total'],
    roundEach: ['Hver række afrundet for sig (som i et regneark)', 'Each row rounded on its own (as in a spreadsheet)'],
    floor: ['Afrundet nedad', 'Rounded down'],
  };
  return labels[method]?.[locale === 'en' ? 1 : 0] ?? method;
};

/** "17.645 (1.000 kr.)", "17.645.000 kr.", "100 pladser" from an exact decimal string. */
export function amountText(decimal: string, unit: AllocationUnit, locale: 'da' | 'en' = 'da'): string {
  const value = formatDanishNumber(parseDecimal(decimal) ?? Rational.ZERO);
  return unit === '1000 DKK' ? `${value} (${unitLabel(unit, locale)})` : `${value} ${unitLabel(unit, locale)}`;
}

/** A percentage that does not break between number and sign in a narrow column. */
export const percentCell = (share: Rational): string => formatDanishPercent(share, 2).replace(' %', '\u00a0%');

const signed = (value: Rational): string => (value.isPositive() ? `+${formatDanishNumber(value)}` : formatDanishNumber(value));

/** "Et regneark, der afrunder hver række for sig, giver 17.644 – 1 under totalen." */
export function spreadsheetSentence(result: AllocationResult, locale: 'da' | 'en' = 'da'): string {
  const c = compareWithPerRowRounding(result);
  const en = locale === 'en';
  const off = c.perRowDifferenceToTotal;
  const rows = c.differingRows;
  if (off.isZero() && rows === 0) {
    return en ? 'A spreadsheet rounding each row on its own gives the same result here.' : 'Et regneark, der afrunder hver række for sig, giver her det samme resultat.';
  }
  const gap = off.isZero()
    ? en ? 'which adds up to the total' : 'som passer med totalen'
    : `${formatDanishNumber(off.abs())} ${off.isNegative() ? (en ? 'below' : 'under') : en ? 'above' : 'over'} ${en ? 'the total' : 'totalen'}`;
  return en
    ? `A spreadsheet rounding each row on its own gives ${formatDanishNumber(c.perRowTotal)} in total (${gap}); ${rows} ${rows === 1 ? 'row differs' : 'rows differ'} from Knudepunkt's result.`
    : `Et regneark, der afrunder hver række for sig, giver ${formatDanishNumber(c.perRowTotal)} i alt (${gap}); ${rows} ${rows === 1 ? 'række afviger' : 'rækker afviger'} fra Knudepunkts resultat.`;
}

export const ResultTable = (props: { ctx: PageContext; result: AllocationResult; caption: string }) => {
  const { ctx, result } = props;
  const en = ctx.locale === 'en';
  const comparison = compareWithPerRowRounding(result);
  const unit = unitLabel(result.unit, ctx.locale);
  const derived = result.derivedTotals;
  const hasNotes = result.recipients.some((r) => r.note);
  return (
    <ScrollRegion label={props.caption}>
      <table class="table table--zebra table--compact allocation-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
            <th scope="col" class="align-text-right">{en ? 'Share' : 'Andel'}</th>
            <th scope="col" class="align-text-right">{en ? 'Exact amount' : 'Præcist beløb'}</th>
            <th scope="col" class="align-text-right">{en ? `Allocated (${unit})` : `Tildelt (${unit})`}</th>
            <th scope="col" class="align-text-right">{en ? 'Spreadsheet (each row rounded)' : 'Regneark (hver række afrundet)'}</th>
            <th scope="col" class="align-text-right">{en ? 'Difference' : 'Forskel'}</th>
            {derived.map((d) => (
              <th scope="col" class="align-text-right">{d.name}</th>
            ))}
            {hasNotes ? <th scope="col">{en ? 'Note' : 'Note'}</th> : null}
          </tr>
        </thead>
        <tbody>
          {result.recipients.map((r, i) => {
            const row = comparison.rows[i]!;
            return (
              <tr>
                <th scope="row" class="weight-normal">
                  {r.name} <span class="sr-only">(</span>
                  <small>{r.id}</small>
                  <span class="sr-only">)</span>
                </th>
                <td class="align-text-right">{percentCell(r.share)}</td>
                <td class="align-text-right">{formatDanishNumber(r.exact, 4)}</td>
                <td class="align-text-right"><strong>{formatDanishNumber(r.allocated)}</strong></td>
                <td class="align-text-right">{formatDanishNumber(row.perRowRounded)}</td>
                <td class="align-text-right">{row.difference.isZero() ? '0' : <strong>{signed(row.difference)}</strong>}</td>
                {r.derived.map((d) => (
                  <td class="align-text-right">{formatDanishNumber(d.value)}</td>
                ))}
                {hasNotes ? <td>{r.note ?? ''}</td> : null}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{en ? 'Total' : 'I alt'}</th>
            <td class="align-text-right">{percentCell(Rational.ONE)}</td>
            <td class="align-text-right">{formatDanishNumber(result.total, 4)}</td>
            <td class="align-text-right" data-testid="allocated-total"><strong>{formatDanishNumber(result.allocatedTotal)}</strong></td>
            <td class="align-text-right">{formatDanishNumber(comparison.perRowTotal)}</td>
            <td class="align-text-right">{signed(result.allocatedTotal.sub(comparison.perRowTotal))}</td>
            {derived.map((d) => (
              <td class="align-text-right">{formatDanishNumber(d.valueTotal)}</td>
            ))}
            {hasNotes ? <td></td> : null}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
};
