import { useT } from '@/components/shared/i18n';
import type { ItemKind } from '@/utils/model';
import type { Formatters } from './format';
import { type DashboardFilterState, RANGES, type RangeDays } from './grouping';

const RANGE_KEYS = {
  7: 'dashRange7',
  30: 'dashRange30',
  90: 'dashRange90',
  365: 'dashRange365',
} as const;

/** The choice between this browser's figures and a file of the organisation's collected reports. */
export interface ReportsChoice {
  use: boolean;
  /** The file chosen, once read. */
  fileName: string | null;
  onUse: (use: boolean) => void;
  onFile: (file: { name: string; text: string }) => void;
  onError: (reason: unknown) => void;
}

interface Props {
  range: RangeDays;
  tool: string;
  kind: ItemKind | '';
  /** The tool ids to choose from. */
  tools: string[];
  toolName: (id: string) => string;
  onRange: (range: RangeDays) => void;
  onTool: (tool: string) => void;
  onKind: (kind: ItemKind | '') => void;
  /** Absent: only this browser's figures are offered. */
  reports?: ReportsChoice;
  /** The figures' days, said in words under the controls. */
  filter: DashboardFilterState;
  f: Formatters;
}

/** Period, tool and kind, and where the figures come from. */
export function Controls(props: Props) {
  const { range, tool, kind, tools, toolName, reports, filter, f } = props;
  const t = useT();
  return (
    <form
      class="sp-dash-controls"
      aria-labelledby="sp-dash-controls-title"
      onSubmit={(event) => event.preventDefault()}
    >
      <h3 id="sp-dash-controls-title">{t('dashControls')}</h3>
      <div class="sp-dash-fields">
        <label>
          {t('dashRange')}
          <select
            id="sp-dash-range"
            value={String(range)}
            onChange={(event) => props.onRange(Number(event.currentTarget.value) as RangeDays)}
          >
            {RANGES.map((days) => (
              <option key={days} value={String(days)}>
                {t(RANGE_KEYS[days])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashTool')}
          <select
            id="sp-dash-tool"
            value={tool}
            onChange={(event) => props.onTool(event.currentTarget.value)}
          >
            <option value="">{t('dashToolAll')}</option>
            {tools.map((id) => (
              <option key={id} value={id}>
                {toolName(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashKind')}
          <select
            id="sp-dash-kind"
            value={kind}
            onChange={(event) => props.onKind(event.currentTarget.value as ItemKind | '')}
          >
            <option value="">{t('dashKindAll')}</option>
            <option value="tip">{t('dashKindTip')}</option>
            <option value="article">{t('dashKindArticle')}</option>
          </select>
        </label>
      </div>
      {reports && <ReportsSource reports={reports} />}
      <p class="sp-dash-small">{t('dashShowing', [f.longDay(filter.from), f.longDay(filter.to)])}</p>
    </form>
  );
}

function ReportsSource({ reports }: { reports: ReportsChoice }) {
  const t = useT();
  return (
    <fieldset class="sp-dash-source">
      <legend>{t('dashSource')}</legend>
      <label class="sp-inline">
        <input
          type="radio"
          name="sp-dash-source"
          checked={!reports.use}
          onChange={() => reports.onUse(false)}
        />{' '}
        {t('dashSourceLocal')}
      </label>
      <label class="sp-inline">
        <input
          type="radio"
          name="sp-dash-source"
          checked={reports.use}
          onChange={() => reports.onUse(true)}
        />{' '}
        {t('dashSourceReports')}
      </label>
      {reports.use && (
        <label>
          {t('dashReportsFile')}
          <input
            type="file"
            accept=".json,.ndjson,.jsonl,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              file.text().then((text) => reports.onFile({ name: file.name, text }), reports.onError);
            }}
          />
        </label>
      )}
      {reports.use && reports.fileName !== null && (
        <p class="sp-dash-small">{t('dashReportsFrom', reports.fileName)}</p>
      )}
    </fieldset>
  );
}
