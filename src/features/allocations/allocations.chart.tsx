// The allocated amounts as a horizontal bar chart (the shared server-rendered SVG of
// src/web/components/bar-chart.tsx). Amounts are exact rationals: each bar's length is its share of
// the largest, in thousandths (plain numbers are fine for drawing), and its text the exact amount.
import { formatDanishNumber, formatDanishPercent, type AllocationResult } from '../../domain/allocation/allocation.ts';
import { Rational } from '../../domain/money/rational.ts';
import { BarChart } from '../../web/components/bar-chart.tsx';

function thousandths(value: Rational, max: Rational): number {
  if (max.isZero()) return 0;
  return Number(value.div(max).mul(Rational.of(1000n)).floorTo(Rational.ONE).toDecimalString());
}

export const AllocationChart = (props: { id: string; title: string; result: AllocationResult; unitLabel: string; locale: 'da' | 'en' }) => {
  const rows = props.result.recipients;
  const max = rows.reduce((m, r) => (r.allocated.gt(m) ? r.allocated : m), Rational.ZERO);
  const largest = rows.find((r) => r.allocated.equals(max));
  const smallest = rows.reduce((m, r) => (r.allocated.lt(m.allocated) ? r : m), rows[0]!);
  const describe = (r: typeof largest) => (r ? `${r.name} ${formatDanishNumber(r.allocated)} (${formatDanishPercent(r.share, 1)})` : '');
  const description =
    props.locale === 'en'
      ? `Bar chart of the allocated amount (${props.unitLabel}) for ${rows.length} recipients. Largest: ${describe(largest)}. Smallest: ${describe(smallest)}. Every figure is in the table.`
      : `Søjlediagram over det tildelte beløb (${props.unitLabel}) til ${rows.length} modtagere. Størst: ${describe(largest)}. Mindst: ${describe(smallest)}. Alle tal står i tabellen.`;
  const bars = rows.map((r) => ({ label: r.name, value: thousandths(r.allocated, max), text: formatDanishNumber(r.allocated) }));
  return <BarChart id={props.id} title={props.title} bars={bars} locale={props.locale} description={description} class="allocation-chart" />;
};
