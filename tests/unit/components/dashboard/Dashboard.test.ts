// @vitest-environment happy-dom
/**
 * The measurement dashboard as the admin sees it: rendered with Preact in happy-dom, fed by a fake
 * `load` that computes real figures (utils/measurement/figures.ts) from a few hand-made daily rows.
 */
import axe from 'axe-core';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard, type DashboardFilterState, type DashboardProps } from '@/components/dashboard/Dashboard';
import { I18n } from '@/components/shared/i18n';
import type { DailyRow } from '@/utils/measurement/daily';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { shiftDay } from '@/utils/measurement/days';
import { computeFigures } from '@/utils/measurement/figures';
import { english } from '../english';

const t = english;

const TODAY = '2025-12-07';

const ROWS: DailyRow[] = [
  {
    day: '2025-12-03',
    tool: 'jira',
    itemId: 'kb:vpn',
    kind: 'article',
    counts: { impression: 42, open: 10, helpful: 3, 'not-helpful': 1, snooze: 1 },
  },
  {
    day: '2025-12-04',
    tool: 'jira',
    itemId: 'tip:board',
    kind: 'tip',
    counts: { impression: 12, dismiss: 2 },
  },
  {
    day: '2025-12-06',
    tool: 'jira',
    itemId: 'tip:board',
    kind: 'tip',
    counts: { announce: 1, 'announce-dismissed': 1 },
  },
  { day: '2025-12-06', tool: 'jira', itemId: '', counts: { panel: 4 } },
  {
    day: '2025-12-05',
    tool: 'servicenow',
    itemId: 'kb:evil',
    kind: 'article',
    counts: { impression: 5, open: 1 },
  },
  { day: '2025-12-05', tool: 'servicenow', itemId: '', counts: { pause: 1, gap: 2 } },
  // Before the default week: only the longer ranges count it.
  { day: '2025-11-20', tool: 'jira', itemId: 'kb:vpn', kind: 'article', counts: { impression: 7, open: 7 } },
];

function viewOf(rows: DailyRow[], filter: DashboardFilterState): DashboardView {
  return {
    figures: computeFigures(rows, filter),
    titles: {
      'kb:vpn': { title: 'Connect to the VPN', url: 'https://kb.example.com/vpn' },
      // A hostile source: its link must not become a clickable script.
      'kb:evil': { title: 'Evil article', url: 'javascript:alert(1)' },
    },
    gaps: rows.length ? [{ query: 'expense policy', count: 3, lastAt: Date.UTC(2025, 11, 5, 10) }] : [],
    flags: rows.length
      ? [
          { reason: 'outdated', count: 2 },
          { reason: 'incorrect', count: 1 },
        ]
      : [],
    endorsements: rows.length ? 4 : 0,
    tools: [...new Set(rows.map((row) => row.tool))].sort(),
    storage: { problem: null, usage: 2_500_000, quota: 100_000_000 },
  };
}

const TOOL_NAMES: Record<string, string> = { jira: 'Jira', servicenow: 'ServiceNow' };

let container: HTMLElement | null = null;

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

/** Lets pending promises settle and Preact re-render. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function mount(overrides: Partial<DashboardProps> = {}, rows = ROWS) {
  const load = vi.fn<DashboardProps['load']>(async (filter) => viewOf(rows, filter));
  const exportCsv = vi.fn<DashboardProps['exportCsv']>(async () => {});
  const props: DashboardProps = {
    load,
    exportCsv,
    toolName: (id) => TOOL_NAMES[id] ?? id,
    today: TODAY,
    locale: 'en-GB',
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  container = root;
  await act(() => {
    render(h(I18n.Provider, { value: t }, h(Dashboard, props)), root);
  });
  await settle();
  return { root, load, exportCsv };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
const card = (root: HTMLElement, id: string) => text(root.querySelector(`[data-card="${id}"] dd`));
const cells = (row: Element | null) => [...(row?.children ?? [])].map((cell) => text(cell));

async function choose(root: HTMLElement, selector: string, value: string) {
  const select = root.querySelector<HTMLSelectElement>(selector);
  if (!select) throw new Error(`no ${selector}`);
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('Dashboard', () => {
  it('loads the last 7 days and shows the headline figures', async () => {
    const { root, load } = await mount();
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenLastCalledWith({ from: '2025-12-01', to: TODAY });
    expect(card(root, 'impressions')).toBe('59');
    expect(card(root, 'panel')).toBe('4');
    expect(card(root, 'opens')).toBe('11');
    // 11 opens of 59 impressions.
    expect(card(root, 'open-rate')).toBe('18.6%');
    expect(card(root, 'helpful-rate')).toBe('75%');
    expect(card(root, 'helpful')).toBe('3');
    expect(card(root, 'not-helpful')).toBe('1');
    expect(card(root, 'snoozes')).toBe('1');
    // dismiss + announce-dismissed
    expect(card(root, 'dismissals')).toBe('3');
    expect(card(root, 'pauses')).toBe('1');
    expect(card(root, 'announcements')).toBe('1');
    expect(card(root, 'gaps')).toBe('2');
    expect(text(root.querySelector('[data-card="open-rate"] dt'))).toBe('Open rate');
    expect(text(root.querySelector('.sp-dash-status'))).toBe('');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows a dash, read out as "no data", for a rate with nothing to divide by', async () => {
    const rows: DailyRow[] = [{ day: '2025-12-05', tool: 'jira', itemId: '', counts: { pause: 1 } }];
    const { root } = await mount({}, rows);
    expect(card(root, 'open-rate')).toBe('—no data');
    expect(root.querySelector('[data-card="open-rate"] [aria-hidden="true"]')?.textContent).toBe('—');
  });

  it('compares the headline figures with the period of the same length before', async () => {
    const { root } = await mount({
      load: async (filter) => ({
        ...viewOf(ROWS, filter),
        previous: {
          from: '2025-11-24',
          to: '2025-11-30',
          totals: { impression: 40, open: 11 },
          rates: { openRate: 0.275, helpfulRate: null },
        },
      }),
    });
    expect(card(root, 'impressions')).toBe('59▲ up 47.5% from 40');
    expect(card(root, 'opens')).toBe('11= same as before (11)');
    // 18.6 % now, 27.5 % before.
    expect(card(root, 'open-rate')).toBe('18.6%▼ down 8.9 points from 27.5%');
    // No rate before: nothing to compare.
    expect(card(root, 'helpful-rate')).toBe('75%');
    // A count that had none before says so, without a percentage.
    expect(card(root, 'panel')).toBe('4▲ up 4 from 0');
    expect(text(root.querySelector('[data-card="impressions"] .sp-dash-delta [aria-hidden]'))).toBe('▲');
    expect(root.textContent).toContain('24 November 2025 to 30 November 2025');
  });

  it('does not call it good news when no item was offered often enough to tell', async () => {
    const rows: DailyRow[] = [
      { day: '2025-12-05', tool: 'jira', itemId: 'kb:vpn', kind: 'article', counts: { impression: 6 } },
    ];
    const { root } = await mount({}, rows);
    const none = root.querySelector('[aria-labelledby="sp-dash-never-opened"] .sp-dash-none');
    expect(none?.getAttribute('data-empty')).toBe('too-few');
    expect(text(none)).toBe(
      'No item was offered 10 times or more in this period, so it is too early to say which go unopened.',
    );
    expect(root.textContent).not.toMatch(/good news/i);
  });

  it('says every often-offered item was opened only when that is so', async () => {
    const rows: DailyRow[] = [
      {
        day: '2025-12-05',
        tool: 'jira',
        itemId: 'kb:vpn',
        kind: 'article',
        counts: { impression: 12, open: 1 },
      },
    ];
    const { root } = await mount({}, rows);
    const none = root.querySelector('[aria-labelledby="sp-dash-never-opened"] .sp-dash-none');
    expect(none?.getAttribute('data-empty')).toBe('all-opened');
  });

  it('shows the titles asked for with a "missing" flag beside the searches with no result', async () => {
    const { root } = await mount({
      load: async (filter) => ({
        ...viewOf(ROWS, filter),
        missing: [{ title: 'Expense policy for contractors', count: 2, lastAt: Date.UTC(2025, 11, 6, 9) }],
      }),
    });
    const missing = root.querySelector('[data-testid="missing-titles"]');
    expect(cells(missing?.querySelector('tbody tr') ?? null)).toEqual([
      'Expense policy for contractors',
      '2',
      '6 Dec 2025',
    ]);
    // Beside the searches: the same section.
    expect(missing?.closest('section')?.getAttribute('aria-labelledby')).toBe('sp-dash-gaps');
  });

  it('shows a row per tool', async () => {
    const { root } = await mount();
    const rows = root.querySelectorAll('tr[data-tool]');
    expect([...rows].map((row) => row.getAttribute('data-tool'))).toEqual(['jira', 'servicenow']);
    // Impressions, opens, open rate, helpful, not helpful, helpful rate, snoozes, dismissals.
    expect(cells(rows[0] ?? null)).toEqual(['Jira', '54', '10', '18.5%', '3', '1', '75%', '1', '3']);
    expect(cells(rows[1] ?? null)).toEqual(['ServiceNow', '5', '1', '20%', '0', '0', '—no data', '0', '0']);
    const headers = [...(rows[0]?.closest('table')?.querySelectorAll('thead th') ?? [])];
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(rows[0]?.querySelector('th')?.getAttribute('scope')).toBe('row');
  });

  it('links the top items to their web address only', async () => {
    const { root } = await mount();
    const top = root.querySelector('[aria-labelledby="sp-dash-items"]');
    const ids = [...(top?.querySelectorAll('tr[data-item-id]') ?? [])].map((row) =>
      row.getAttribute('data-item-id'),
    );
    expect(ids).toEqual(['kb:vpn', 'tip:board', 'kb:evil']);
    const vpn = top?.querySelector('tr[data-item-id="kb:vpn"]');
    const link = vpn?.querySelector('a');
    expect(link?.textContent).toBe('Connect to the VPN');
    expect(link?.getAttribute('href')).toBe('https://kb.example.com/vpn');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(cells(vpn ?? null)).toEqual(['Connect to the VPN', 'Article', '42', '10', '23.8%', '75%']);
    // A javascript: URL stays plain text.
    const evil = top?.querySelector('tr[data-item-id="kb:evil"]');
    expect(evil?.querySelector('a')).toBeNull();
    expect(text(evil?.querySelector('th'))).toBe('Evil article');
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    // No title known: the id.
    expect(cells(top?.querySelector('tr[data-item-id="tip:board"]') ?? null)).toEqual([
      'tip:board',
      'New capability',
      '12',
      '0',
      '0%',
      '—no data',
    ]);
  });

  it('lists the items shown often and never opened', async () => {
    const { root } = await mount();
    const section = root.querySelector('[aria-labelledby="sp-dash-never-opened"]');
    expect(text(section?.querySelector('h3'))).toBe('Shown often, never opened');
    const rows = [...(section?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map(cells)).toEqual([['tip:board', 'New capability', '12']]);
  });

  it('shows the searches with no result', async () => {
    const { root } = await mount();
    const section = root.querySelector('[aria-labelledby="sp-dash-gaps"]');
    const row = section?.querySelector('tbody tr') ?? null;
    expect(cells(row)).toEqual(['expense policy', '3', '5 Dec 2025']);
  });

  it('shows flags by reason, with every reason as text and the endorsements', async () => {
    const { root } = await mount();
    const section = root.querySelector('[aria-labelledby="sp-dash-flags"]');
    const reasons = [...(section?.querySelectorAll('li[data-reason]') ?? [])].map(text);
    expect(reasons).toEqual([
      'Outdated: 2',
      'Incorrect: 1',
      'Incomplete: 0',
      'Duplicate: 0',
      'Something is missing: 0',
      'Other: 0',
    ]);
    expect(text(section?.querySelector('[data-endorsements]'))).toBe('Endorsements: 4');
    const svg = section?.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Flags by reason, 3 in all: Outdated: 2, Incorrect: 1, Incomplete: 0, Duplicate: 0, Something is missing: 0, Other: 0',
    );
  });

  it('draws the per-day chart with its numbers in words and in a table', async () => {
    const { root } = await mount();
    const section = root.querySelector('[aria-labelledby="sp-dash-per-day"]');
    const svg = section?.querySelector('figure svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Impressions and opens, 1 December 2025 to 7 December 2025: most impressions 42 on 3 December 2025; in all 59 impressions and 11 opens.',
    );
    // One bar per day and series; the legend names both series in text.
    expect(svg?.querySelectorAll('rect.sp-chart-bar')).toHaveLength(14);
    expect([...(section?.querySelectorAll('.sp-chart-legend li') ?? [])].map(text)).toEqual([
      'Impressions',
      'Opens',
    ]);
    expect(text(section?.querySelector('figcaption'))).toContain('per day');
    const table = section?.querySelector('details table');
    expect(table?.querySelector('caption')).not.toBeNull();
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map(cells);
    expect(rows).toHaveLength(7);
    expect(rows[2]).toEqual(['3 December 2025', '42', '10']);
  });

  it('groups the chart by ISO week for 90 days and by month for 365 days', async () => {
    const { root, load } = await mount();
    await choose(root, '#sp-dash-range', '90');
    expect(load).toHaveBeenLastCalledWith({ from: shiftBack(89), to: TODAY });
    const section = () => root.querySelector('[aria-labelledby="sp-dash-per-day"]');
    expect(text(section()?.querySelector('figcaption'))).toContain('ISO week');
    const weeks = [...(section()?.querySelectorAll('details tbody tr') ?? [])].map(cells);
    // 9 September 2025 (a Tuesday) to 7 December: 13 weeks, the first starting on Monday the 8th.
    expect(weeks).toHaveLength(13);
    expect(weeks[0]?.[0]).toBe('Week of 8 September 2025');
    // The week of 17 November holds the 20th; the week of 1 December the rest.
    expect(weeks.find((week) => week[0] === 'Week of 17 November 2025')).toEqual([
      'Week of 17 November 2025',
      '7',
      '7',
    ]);
    expect(weeks.at(-1)).toEqual(['Week of 1 December 2025', '59', '11']);

    await choose(root, '#sp-dash-range', '365');
    expect(load).toHaveBeenLastCalledWith({ from: '2024-12-08', to: TODAY });
    expect(text(section()?.querySelector('figcaption'))).toContain('per month');
    const months = [...(section()?.querySelectorAll('details tbody tr') ?? [])].map(cells);
    expect(months).toHaveLength(13);
    expect(months.at(-1)).toEqual(['December 2025', '59', '11']);
    expect(months.at(-2)).toEqual(['November 2025', '7', '7']);
  });

  it('reloads with the chosen range, tool and kind', async () => {
    const { root, load } = await mount();
    await choose(root, '#sp-dash-range', '30');
    expect(load).toHaveBeenLastCalledWith({ from: '2025-11-08', to: TODAY });
    // The row of 20 November is now in range.
    expect(card(root, 'impressions')).toBe('66');
    const tools = [...root.querySelectorAll('#sp-dash-tool option')].map(text);
    expect(tools).toEqual(['All tools', 'Jira', 'ServiceNow']);
    await choose(root, '#sp-dash-tool', 'jira');
    expect(load).toHaveBeenLastCalledWith({ from: '2025-11-08', to: TODAY, tool: 'jira' });
    await choose(root, '#sp-dash-kind', 'tip');
    expect(load).toHaveBeenLastCalledWith({ from: '2025-11-08', to: TODAY, tool: 'jira', kind: 'tip' });
    expect(card(root, 'impressions')).toBe('12');
    await choose(root, '#sp-dash-range', '365');
    expect(load).toHaveBeenLastCalledWith({ from: '2024-12-08', to: TODAY, tool: 'jira', kind: 'tip' });
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('keeps the previous figures on screen while new ones load', async () => {
    let release: (view: DashboardView) => void = () => {};
    let calls = 0;
    const load: DashboardProps['load'] = (filter) =>
      ++calls === 1 ? Promise.resolve(viewOf(ROWS, filter)) : new Promise((resolve) => (release = resolve));
    const { root } = await mount({ load });
    await choose(root, '#sp-dash-range', '30');
    expect(text(root.querySelector('[role="status"]'))).toBe('Loading…');
    expect(card(root, 'impressions')).toBe('59');
    await act(() => release(viewOf(ROWS, { from: '2025-11-08', to: TODAY })));
    await settle();
    expect(text(root.querySelector('[role="status"]'))).toBe('');
    expect(card(root, 'impressions')).toBe('66');
  });

  it('drops an answer that arrives after a newer one', async () => {
    const pending: ((view: DashboardView) => void)[] = [];
    let calls = 0;
    const load: DashboardProps['load'] = (filter) =>
      ++calls === 1 ? Promise.resolve(viewOf(ROWS, filter)) : new Promise((resolve) => pending.push(resolve));
    const { root } = await mount({ load });
    await choose(root, '#sp-dash-range', '30');
    await choose(root, '#sp-dash-range', '90');
    await act(() => pending[1]?.(viewOf(ROWS, { from: shiftBack(89), to: TODAY })));
    await act(() => pending[0]?.(viewOf([], { from: '2025-11-08', to: TODAY })));
    await settle();
    expect(card(root, 'impressions')).toBe('66');
  });

  it('shows a load error as an alert', async () => {
    const { root } = await mount({ load: async () => Promise.reject(new Error('database closed')) });
    expect(text(root.querySelector('[role="alert"]'))).toBe(
      'The figures could not be loaded: database closed',
    );
    expect(text(root.querySelector('[role="status"]'))).toBe('');
  });

  it('downloads the daily figures and the event log', async () => {
    const { root, exportCsv } = await mount();
    await choose(root, '#sp-dash-tool', 'servicenow');
    const buttons = [...root.querySelectorAll('button')];
    const daily = buttons.find((button) => button.textContent === 'Download daily figures (CSV)');
    const events = buttons.find((button) => button.textContent === 'Download event log, last 30 days (CSV)');
    await act(() => daily?.click());
    expect(exportCsv).toHaveBeenLastCalledWith('daily', {
      from: '2025-12-01',
      to: TODAY,
      tool: 'servicenow',
    });
    await act(() => events?.click());
    expect(exportCsv).toHaveBeenLastCalledWith('events', {
      from: '2025-12-01',
      to: TODAY,
      tool: 'servicenow',
    });
    expect(exportCsv).toHaveBeenCalledTimes(2);
  });

  it('shows a failed download as an alert', async () => {
    const { root } = await mount({ exportCsv: async () => Promise.reject(new Error('disk full')) });
    const daily = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('daily figures'));
    await act(() => daily?.click());
    await settle();
    expect(text(root.querySelector('[role="alert"]'))).toBe('The download failed: disk full');
  });

  it('shows the storage use and a storage problem', async () => {
    const { root } = await mount({
      load: async (filter) => ({
        ...viewOf(ROWS, filter),
        storage: {
          problem: { at: 1, message: 'The storage is full.' },
          usage: 2_500_000,
          quota: 100_000_000,
        },
      }),
    });
    expect(text(root.querySelector('[role="alert"]'))).toBe('Storage problem: The storage is full.');
    expect(root.textContent).toContain("Signpost uses 2.5 MB of 100 MB of this browser's storage.");
  });

  it('explains what will appear when the range has no events', async () => {
    const { root } = await mount({}, []);
    const empty = root.querySelector('[aria-labelledby="sp-dash-empty"]');
    expect(text(empty?.querySelector('h3'))).toBe('No figures for this period yet');
    expect(text(empty)).toContain("this browser's only");
    expect(text(empty)).toContain('report address');
    expect(root.querySelector('[data-card]')).toBeNull();
    expect(root.querySelector('svg')).toBeNull();
    // The downloads stay: the event log may hold what the range does not.
    expect(root.textContent).toContain('Download event log, last 30 days (CSV)');
  });

  it('has no serious or critical axe-core violations', async () => {
    const { root } = await mount();
    root.querySelector('details')?.setAttribute('open', '');
    const result = await axe.run(root, { resultTypes: ['violations'] });
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    expect(result.passes.length + result.incomplete.length).toBeGreaterThan(5);
  });

  it('is built accessibly: labelled sections, controls and charts, unique ids', async () => {
    const { root } = await mount();
    for (const section of root.querySelectorAll('section')) {
      const id = section.getAttribute('aria-labelledby');
      expect(id, section.outerHTML.slice(0, 80)).toBeTruthy();
      expect(root.querySelector(`#${id}`)?.tagName).toMatch(/^H[23]$/);
    }
    for (const select of root.querySelectorAll('select')) expect(text(select.closest('label'))).toBeTruthy();
    for (const table of root.querySelectorAll('table'))
      expect(text(table.querySelector('caption'))).toBeTruthy();
    for (const th of root.querySelectorAll('th')) expect(['col', 'row']).toContain(th.getAttribute('scope'));
    for (const svg of root.querySelectorAll('figure svg:not([aria-hidden])')) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBeTruthy();
      expect(svg.closest('figure')?.querySelector('figcaption')).not.toBeNull();
    }
    const ids = [...root.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every pattern a bar points at exists.
    for (const bar of root.querySelectorAll('[fill^="url(#"]')) {
      const id = bar.getAttribute('fill')?.slice(5, -1);
      expect(root.querySelector(`pattern#${id}`)).not.toBeNull();
    }
  });
});

const shiftBack = (days: number) => shiftDay(TODAY, -days);
