// A horizontal bar chart drawn on the server as SVG (06-engineering.md: charts as server-rendered SVG),
// for whole-number counts. Presentation attributes only (the CSP allows no inline styles). For screen
// readers the chart is one image (role="img") named by its <title> and described by its <desc> (kept
// apart, so the name stays short); the
// caller puts the table with every figure next to it as the text alternative.
// Counts are drawn and written as they are; exact amounts (allocations.chart.tsx) give each bar its
// length and its own text.

export interface Bar {
  label: string;
  /** What the bar's length is proportional to (a count, or an amount converted for drawing only). */
  value: number;
  /** The figure written after the bar; the value as a whole number when absent. */
  text?: string;
}

const WIDTH = 760;
const VALUE = 70;
const ROW = 26;
const BAR = 18;
const TOP = 8;
const COLOUR = '#0059B3'; // DKFDS virk.dk primary
const TEXT = '#1a1a1a';
const AXIS = '#707070';
/** A rough width of one character at 13px, to give the longest label room. */
const CHARACTER = 7;

const formatCount = (value: number, locale: 'da' | 'en') => value.toLocaleString(locale === 'en' ? 'en-GB' : 'da-DK');

export function describeBars(bars: Bar[], locale: 'da' | 'en'): string {
  const en = locale === 'en';
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  if (total === 0) return en ? `Bar chart with ${bars.length} bars, all zero.` : `Søjlediagram med ${bars.length} søjler, alle nul.`;
  const largest = bars.reduce((max, bar) => (bar.value > max.value ? bar : max), bars[0]!);
  return en
    ? `Bar chart with ${bars.length} bars. Largest: ${largest.label} (${formatCount(largest.value, locale)}). Every figure is in the table.`
    : `Søjlediagram med ${bars.length} søjler. Størst: ${largest.label} (${formatCount(largest.value, locale)}). Alle tal står i tabellen.`;
}

export const BarChart = (props: { id: string; title: string; bars: Bar[]; locale: 'da' | 'en'; description?: string; class?: string }) => {
  const { bars, locale } = props;
  const label = Math.min(320, Math.max(60, ...bars.map((bar) => bar.label.length * CHARACTER)) + 12);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const height = TOP * 2 + bars.length * ROW;
  const room = WIDTH - label - VALUE;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class={props.class ?? 'bar-chart'}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-desc`}
      font-family="IBM Plex Sans, Arial, sans-serif"
      font-size="13"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description ?? describeBars(bars, locale)}</desc>
      <line x1={label} y1={TOP - 4} x2={label} y2={height - TOP + 4} stroke={AXIS} stroke-width="1" />
      {bars.map((bar, i) => {
        const y = TOP + i * ROW;
        const width = max === 0 || bar.value === 0 ? 0 : Math.max(1, Math.round((bar.value / max) * room));
        return (
          <g>
            <text x={label - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" fill={TEXT}>
              {bar.label}
            </text>
            <rect x={label} y={y + (ROW - BAR) / 2} width={width} height={BAR} fill={COLOUR} />
            <text x={label + width + 6} y={y + ROW / 2} dominant-baseline="middle" fill={TEXT}>
              {bar.text ?? formatCount(bar.value, locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
