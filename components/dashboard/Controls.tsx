import { useT } from '@/components/shared/i18n';
import { MIN_GROUP_BROWSERS } from '@/utils/measurement/groups';
import type { ItemKind } from '@/utils/model';
import type { Formatters } from './format';
import { type DashboardFilterState, RANGES, type RangeDays } from './grouping';

const RANGE_KEYS = {
  7: 'dashRange7',
  30: 'dashRange30',
  90: 'dashRange90',
  365: 'dashRange365',
} as const;

/** Where the figures come from: this browser, a file of collected reports, or ClickHouse. */
export type FiguresSource = 'local' | 'file' | 'clickhouse';

/** The choice between this browser's figures, a file of the organisation's reports, and ClickHouse. */
export interface ReportsChoice {
  source: FiguresSource;
  /** Sources offered besides this browser. */
  offered: { file: boolean; clickhouse: boolean };
  /** The file chosen, once read. */
  fileName: string | null;
  onSource: (source: FiguresSource) => void;
  onFile: (file: { name: string; text: string }) => void;
  onError: (reason: unknown) => void;
  /** Pilot groups to choose from (figures from reports only), the one chosen ('' = everyone), and its side. */
  groups: string[];
  group: string;
  others: boolean;
  onGroup: (group: string, others: boolean) => void;
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
  const radio = (source: FiguresSource, label: string) => (
    <label class="sp-inline">
      <input
        type="radio"
        name="sp-dash-source"
        value={source}
        checked={reports.source === source}
        onChange={() => reports.onSource(source)}
      />{' '}
      {label}
    </label>
  );
  const groups = [...new Set([...reports.groups, ...(reports.group ? [reports.group] : [])])].sort();
  return (
    <fieldset class="sp-dash-source">
      <legend>{t('dashSource')}</legend>
      {radio('local', t('dashSourceLocal'))}
      {reports.offered.file && radio('file', t('dashSourceReports'))}
      {reports.offered.clickhouse && radio('clickhouse', t('dashSourceClickhouse'))}
      {reports.source === 'file' && (
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
      {reports.source === 'file' && reports.fileName !== null && (
        <p class="sp-dash-small">{t('dashReportsFrom', reports.fileName)}</p>
      )}
      {reports.source !== 'local' && groups.length > 0 && (
        <>
          <label>
            {t('dashGroup')}
            <select
              id="sp-dash-group"
              value={reports.group}
              onChange={(event) => reports.onGroup(event.currentTarget.value, reports.others)}
            >
              <option value="">{t('dashGroupAll')}</option>
              {groups.map((group) => (
                <option key={group} value={group}>
                  {group}
                </option>
              ))}
            </select>
          </label>
          {reports.group && (
            <label class="sp-inline">
              <input
                type="checkbox"
                checked={reports.others}
                onChange={(event) => reports.onGroup(reports.group, event.currentTarget.checked)}
              />{' '}
              {t('dashGroupOthers')}
            </label>
          )}
          <p class="sp-dash-small">{t('dashGroupHelp', String(MIN_GROUP_BROWSERS))}</p>
        </>
      )}
    </fieldset>
  );
}
