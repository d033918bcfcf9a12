/** The dashboard's downloads and its figures from a file of collected reports, wired to the background. */
import type { DashboardFilterState } from '@/components/dashboard/Dashboard';
import { downloadText } from '@/utils/download';
import { t } from '@/utils/i18n';
import { dailyRowsToCsv, eventsToCsv } from '@/utils/measurement/csv';
import { type DashboardView, dashboardFromReports, namedItems } from '@/utils/measurement/dashboard';
import { parseReportFile } from '@/utils/measurement/report';
import { sendMessage } from '@/utils/messages';
import { toolName } from '@/utils/tools';

const CSV = 'text/csv;charset=utf-8';
/** A tool's display name; '' for no tool. */
export const nameOf = (id: string) => (id ? toolName(id) : '');

/** Downloads the daily figures of the range (for the tool and kind on screen) or the event log. */
export async function exportDashboardCsv(
  what: 'daily' | 'events',
  { from, to, tool, kind }: DashboardFilterState,
): Promise<void> {
  if (what === 'daily') {
    const { rows, titles } = await sendMessage('exportDaily', { from, to });
    // The same tool and kind as the figures on screen.
    const shown = rows.filter(
      (row) => (tool === undefined || row.tool === tool) && (kind === undefined || row.kind === kind),
    );
    downloadText(`signpost-daily-${from}-${to}.csv`, dailyRowsToCsv(shown, titles, nameOf), CSV);
  } else {
    const { events } = await sendMessage('exportEvents', {});
    downloadText('signpost-events.csv', eventsToCsv(events), CSV);
  }
}

/** The figures of a file of daily reports the organisation's endpoint collected, titled by this browser. */
export async function dashboardFromFile(text: string, filter: DashboardFilterState): Promise<DashboardView> {
  const { reports, skipped } = parseReportFile(text);
  if (reports.length === 0) throw new Error(t('dashReportsNone'));
  const view = dashboardFromReports(reports, filter, skipped);
  const { titles } = await sendMessage('itemTitles', { ids: namedItems(view.figures) });
  return { ...view, titles };
}

/** What the dashboard says when ClickHouse cannot give figures. */
const PROBLEM_KEYS = {
  'not-set': 'chNotSet',
  'no-password': 'chNoPassword',
  down: 'chDown',
  auth: 'chAuth',
  'missing-table': 'chMissingTable',
  timeout: 'chTimeout',
  refused: 'chRefused',
} as const;

/** The organisation's figures from ClickHouse (summed there), titled by this browser; a clear error otherwise. */
export async function dashboardFromClickhouse(filter: DashboardFilterState): Promise<DashboardView> {
  const answer = await sendMessage('getClickhouseDashboard', filter);
  if (!answer.ok) throw new Error(t(PROBLEM_KEYS[answer.problem], answer.detail));
  const { titles } = await sendMessage('itemTitles', { ids: namedItems(answer.view.figures) });
  return { ...answer.view, titles };
}
