/** A headline figure's change from the period of the same length before: "▲ 50 % (was 100)". */
import { useT } from '@/components/shared/i18n';
import { type Change, countChange, rateChange } from '@/utils/measurement/period';
import type { Formatters } from './format';

function direction(change: Change): 'up' | 'down' | 'same' {
  return change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'same';
}

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;

/** A count's change; `previous` undefined: nothing to compare with (figures without a previous period). */
export function CountDelta({
  current,
  previous,
  f,
}: {
  current: number;
  previous: number | undefined;
  f: Formatters;
}) {
  const t = useT();
  if (previous === undefined) return null;
  const change = countChange(current, previous);
  const way = direction(change);
  const was = f.number(previous);
  const text =
    way === 'same'
      ? t('dashDeltaSame', was)
      : change.ratio === null
        ? t(way === 'up' ? 'dashDeltaUpFromNone' : 'dashDeltaDown', [f.number(Math.abs(change.delta)), was])
        : t(way === 'up' ? 'dashDeltaUp' : 'dashDeltaDown', [f.percent(Math.abs(change.ratio)), was]);
  return (
    <span class="sp-dash-delta" data-delta={way}>
      <span aria-hidden="true">{ARROWS[way]} </span>
      {text}
    </span>
  );
}

/** A rate's change in percentage points. */
export function RateDelta({
  current,
  previous,
  f,
}: {
  current: number | null;
  previous: number | null | undefined;
  f: Formatters;
}) {
  const t = useT();
  if (previous === undefined) return null;
  const change = rateChange(current, previous);
  if (!change || previous === null) return null;
  const way = direction(change);
  const points = f.number(Math.round(Math.abs(change.delta) * 1000) / 10);
  const was = f.percent(previous);
  const text =
    way === 'same'
      ? t('dashDeltaSame', was)
      : t(way === 'up' ? 'dashDeltaPointsUp' : 'dashDeltaPointsDown', [points, was]);
  return (
    <span class="sp-dash-delta" data-delta={way}>
      <span aria-hidden="true">{ARROWS[way]} </span>
      {text}
    </span>
  );
}
