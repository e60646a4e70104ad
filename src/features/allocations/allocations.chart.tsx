// A horizontal bar chart of the allocated amounts, drawn on the server as SVG (spec 06: charts as
// server-rendered SVG). Presentation attributes only (the CSP allows no inline styles). For screen
// readers it is one image with a title and a description; the table next to it is the text
// alternative with every figure.
import { formatDanishNumber, formatDanishPercent, type AllocationResult } from '../../domain/allocation/allocation.ts';
import { Rational } from '../../domain/money/rational.ts';

const WIDTH = 760;
const LABEL = 150;
const VALUE = 90;
const ROW = 26;
const BAR = 18;
const TOP = 8;
const COLOUR = '#0059B3'; // DKFDS virk.dk primary
const TEXT = '#1a1a1a';

/** The bar length as a fraction of the longest, in thousandths (plain numbers are fine for drawing). */
function fraction(value: Rational, max: Rational): number {
  if (max.isZero()) return 0;
  return Number(value.div(max).mul(Rational.of(1000n)).floorTo(Rational.ONE).toDecimalString()) / 1000;
}

export const AllocationChart = (props: { id: string; title: string; result: AllocationResult; unitLabel: string; locale: 'da' | 'en' }) => {
  const { result } = props;
  const en = props.locale === 'en';
  const rows = result.recipients;
  const max = rows.reduce((m, r) => (r.allocated.gt(m) ? r.allocated : m), Rational.ZERO);
  const largest = rows.find((r) => r.allocated.equals(max));
  const smallest = rows.reduce((m, r) => (r.allocated.lt(m.allocated) ? r : m), rows[0]!);
  const height = TOP * 2 + rows.length * ROW;
  const barWidth = WIDTH - LABEL - VALUE;
  const describe = (r: typeof largest) => (r ? `${r.name} ${formatDanishNumber(r.allocated)} (${formatDanishPercent(r.share, 1)})` : '');
  const desc = en
    ? `Bar chart of the allocated amount (${props.unitLabel}) for ${rows.length} recipients. Largest: ${describe(largest)}. Smallest: ${describe(smallest)}. Every figure is in the table.`
    : `Søjlediagram over det tildelte beløb (${props.unitLabel}) til ${rows.length} modtagere. Størst: ${describe(largest)}. Mindst: ${describe(smallest)}. Alle tal står i tabellen.`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="allocation-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      font-family="IBM Plex Sans, Arial, sans-serif"
      font-size="13"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{desc}</desc>
      <line x1={LABEL} y1={TOP - 4} x2={LABEL} y2={height - TOP + 4} stroke="#707070" stroke-width="1" />
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        const w = Math.max(r.allocated.isZero() ? 0 : 1, Math.round(fraction(r.allocated, max) * barWidth));
        return (
          <g>
            <text x={LABEL - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" fill={TEXT}>
              {r.name}
            </text>
            <rect x={LABEL} y={y + (ROW - BAR) / 2} width={w} height={BAR} fill={COLOUR} />
            <text x={LABEL + w + 6} y={y + ROW / 2} dominant-baseline="middle" fill={TEXT}>
              {formatDanishNumber(r.allocated)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
