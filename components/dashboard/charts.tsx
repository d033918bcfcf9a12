/**
 * Small SVG charts for the dashboard: props in, markup out; no animation, no library. Each chart
 * draws at a fixed viewBox and scales to its container's width. Series differ by colour AND by
 * fill (solid, stripes, dots), and the legend names them in text, so colour is never the only cue.
 * The <svg> is one image (role="img") named by `label`: say the key numbers in words there, and
 * put the exact numbers in a table or list next to the chart.
 */

export interface ChartSeries {
  name: string;
  /** One value per category, in the categories' order. */
  values: readonly number[];
}

/**
 * Round tick values from 0 to at least `max` (about `count` steps of 1, 2, 2.5 or 5 × 10ⁿ).
 * Integers only: the charts count things.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // 2.5 is round only from 25 up; below that the counts would get fractional ticks.
  const factors = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = Math.max(1, Math.round((factors.find((f) => f * magnitude >= raw) ?? 10) * magnitude));
  const ticks: number[] = [];
  for (let value = 0; ticks.length < 20; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

const PATTERNS = 3;

/** The fill of series `index`: solid for the first, stripes and dots after it. */
const fillOf = (id: string, index: number) =>
  index % PATTERNS === 0 ? undefined : `url(#${id}-fill-${index % PATTERNS})`;

/** Solid bars take their colour from the class; patterned ones get an outline of the series' colour. */
const classOf = (index: number) =>
  index % PATTERNS === 0
    ? 'sp-chart-bar sp-chart-series-0'
    : `sp-chart-bar sp-chart-outline-${index % PATTERNS}`;

/** Fill patterns for the series after the first (ids unique per chart through `id`). */
function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={`${id}-fill-1`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" class="sp-chart-pattern-bg" />
        <rect width="3.5" height="6" class="sp-chart-series-1" />
      </pattern>
      <pattern id={`${id}-fill-2`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" class="sp-chart-pattern-bg" />
        <circle cx="2.5" cy="2.5" r="1.6" class="sp-chart-series-2" />
      </pattern>
    </defs>
  );
}

function Legend({ id, series }: { id: string; series: readonly ChartSeries[] }) {
  return (
    <ul class="sp-chart-legend">
      {series.map((entry, index) => (
        <li key={entry.name}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="13" height="13" class={classOf(index)} fill={fillOf(id, index)} />
          </svg>
          {entry.name}
        </li>
      ))}
    </ul>
  );
}

export interface BarChartProps {
  /** Unique on the page: prefixes the ids of the fill patterns. */
  id: string;
  /** The accessible name of the chart: what it shows and its key numbers, in words. */
  label: string;
  /** One short label per category, written under its bars (some are skipped when they would crowd). */
  categories: readonly string[];
  /** Up to three series are told apart by fill; more repeat the fills. */
  series: readonly ChartSeries[];
  /** Formats the axis values (Intl.NumberFormat of the page's locale). */
  format: (value: number) => string;
  height?: number;
}

const WIDTH = 640;
const LEFT = 44;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 26;
/** Roughly the width a short date label needs at the chart's font size. */
const LABEL_SPACE = 52;

/** Vertical bars, grouped per category, one bar per series. */
export function BarChart({ id, label, categories, series, format, height = 220 }: BarChartProps) {
  const max = Math.max(0, ...series.flatMap((entry) => entry.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = height - TOP - BOTTOM;
  const groupWidth = categories.length ? plotWidth / categories.length : plotWidth;
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const labelEvery = Math.max(1, Math.ceil((categories.length * LABEL_SPACE) / plotWidth));
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  return (
    <div class="sp-chart">
      <Legend id={id} series={series} />
      <svg
        class="sp-chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={label}
        preserveAspectRatio="xMinYMin meet"
      >
        <Patterns id={id} />
        {ticks.map((tick) => (
          <g key={tick}>
            <line class="sp-chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text class="sp-chart-text" x={LEFT - 6} y={y(tick)} dy="0.32em" text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, index) => {
          const x0 = LEFT + index * groupWidth + groupWidth * 0.1;
          return (
            // Labels may repeat; a category is its position.
            <g key={index}>
              {series.map((entry, s) => {
                const value = entry.values[index] ?? 0;
                // A value above zero stays visible, however small next to the largest.
                const barHeight = value > 0 ? Math.max(1, y(0) - y(value)) : 0;
                return (
                  <rect
                    key={entry.name}
                    class={classOf(s)}
                    fill={fillOf(id, s)}
                    x={x0 + s * barWidth}
                    y={y(0) - barHeight}
                    width={Math.max(0.5, barWidth - 1)}
                    height={barHeight}
                  />
                );
              })}
              {index % labelEvery === 0 && (
                <text
                  class="sp-chart-text"
                  x={LEFT + (index + 0.5) * groupWidth}
                  y={height - BOTTOM + 16}
                  text-anchor="middle"
                >
                  {category}
                </text>
              )}
            </g>
          );
        })}
        <line class="sp-chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} />
      </svg>
    </div>
  );
}

export interface HorizontalBarChartProps {
  /** Unique on the page. */
  id: string;
  /** The accessible name of the chart: what it shows and its key numbers, in words. */
  label: string;
  bars: readonly { label: string; value: number }[];
  format: (value: number) => string;
}

const H_WIDTH = 480;
const H_LABEL = 170;
const H_ROW = 24;
const H_VALUE = 44;

/** One horizontal bar per entry, its label at the left and its value at its end. */
export function HorizontalBarChart({ id, label, bars, format }: HorizontalBarChartProps) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barSpace = H_WIDTH - H_LABEL - H_VALUE;
  const height = bars.length * H_ROW + 4;
  return (
    <div class="sp-chart sp-chart-horizontal" id={id}>
      <svg
        class="sp-chart-svg"
        viewBox={`0 0 ${H_WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={label}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, index) => {
          const y = 2 + index * H_ROW;
          const width = bar.value > 0 ? Math.max(2, (bar.value / max) * barSpace) : 0;
          return (
            <g key={bar.label}>
              <text class="sp-chart-text" x={H_LABEL - 8} y={y + H_ROW / 2} dy="0.32em" text-anchor="end">
                {bar.label}
              </text>
              <rect
                class="sp-chart-bar sp-chart-series-0"
                x={H_LABEL}
                y={y + 4}
                width={width}
                height={H_ROW - 8}
              />
              <text class="sp-chart-text" x={H_LABEL + width + 6} y={y + H_ROW / 2} dy="0.32em">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
        <line class="sp-chart-axis" x1={H_LABEL} x2={H_LABEL} y1={0} y2={height} />
      </svg>
    </div>
  );
}
